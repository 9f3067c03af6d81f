using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Domain.Resources;

/// <summary>What a recommendation fits: a mentee's or a match's topics, who reads, and where the mentorship is.</summary>
public sealed record ResourceRecommendationCriteria(IReadOnlyCollection<string> Topics, ResourceAudience? Audience, ResourceStage? Stage)
{
    public bool IsEmpty => Topics.Count == 0 && Audience is null && Stage is null;
}

/// <summary>
/// The ranking of recommended resources, shared by <c>recommendedResources</c> and (later) the
/// recommendations of a match: published resources that fit at least one criterion, by number of
/// shared topics, then audience fit, then stage fit; the slug breaks ties so the order is stable.
/// </summary>
public static class ResourceRecommendations
{
    public static IQueryable<Resource> Rank(IQueryable<Resource> resources, ResourceRecommendationCriteria criteria)
    {
        var topics = criteria.Topics.Distinct(StringComparer.Ordinal).ToList();
        var audience = criteria.Audience?.ToCode();
        var stage = criteria.Stage?.ToCode();
        return resources
            .Where(r => r.Status == ResourceStatus.Published)
            .Select(r => new
            {
                Resource = r,
                SharedTopics = r.Topics.Count(t => topics.Contains(t)),
                AudienceFits = audience != null && r.Audience.Contains(audience),
                StageFits = stage != null && r.Stage == stage,
            })
            .Where(x => x.SharedTopics > 0 || x.AudienceFits || x.StageFits)
            .OrderByDescending(x => x.SharedTopics)
            .ThenByDescending(x => x.AudienceFits)
            .ThenByDescending(x => x.StageFits)
            .ThenBy(x => x.Resource.Slug)
            .Select(x => x.Resource);
    }

    /// <summary>The first <paramref name="take"/> recommendations, read without tracking.</summary>
    public static async Task<List<Resource>> ListAsync(
        IQueryable<Resource> resources, ResourceRecommendationCriteria criteria, int take, CancellationToken cancellationToken = default) =>
        criteria.IsEmpty || take <= 0
            ? []
            : await Rank(resources.AsNoTracking(), criteria).Take(take).ToListAsync(cancellationToken);
}
