using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JumoMentoring.Domain.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the API.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<JumoDbContext>
{
    public JumoDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<JumoDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? DomainServiceCollectionExtensions.DefaultConnectionString)
            .UseSnakeCaseNamingConvention()
            .Options;
        return new JumoDbContext(options);
    }
}
