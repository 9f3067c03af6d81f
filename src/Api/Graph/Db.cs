using JumoMentoring.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Graph;

public static class Db
{
    /// <summary>
    /// A fresh context from the pool for one resolver or one batch: GraphQL.NET resolves fields in
    /// parallel and a DbContext must never be shared across tasks.
    /// </summary>
    public static Task<JumoDbContext> CreateDbAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IDbContextFactory<JumoDbContext>>().CreateDbContextAsync(cancellationToken);
}
