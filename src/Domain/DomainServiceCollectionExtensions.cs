using JumoMentoring.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JumoMentoring.Domain;

public static class DomainServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=54329;Database=jumo;Username=jumo;Password=jumo";

    /// <summary>
    /// PostgreSQL through a pooled <see cref="IDbContextFactory{TContext}"/>: GraphQL resolves fields in
    /// parallel, so every resolver and batch loader creates its own short-lived context.
    /// </summary>
    public static IServiceCollection AddDomain(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres") ?? DefaultConnectionString;
        var counter = new SqlCommandCounter();
        services.AddSingleton(counter);
        services.AddPooledDbContextFactory<JumoDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(JumoDbContext).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(counter));
        return services;
    }
}
