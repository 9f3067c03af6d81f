using JumoMentoring.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Setup;

/// <summary>`dotnet run -- setup`: applies migrations and the idempotent demo data, then exits.</summary>
public static class DatabaseSetup
{
    public static async Task RunAsync(IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<JumoDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (seedDemoData)
        {
            await DemoData.SeedAsync(db, cancellationToken);
        }
        else
        {
            await DemoData.SeedReferenceListsAsync(db, cancellationToken);
        }
    }
}
