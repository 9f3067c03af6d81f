using System.Linq.Expressions;
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
            .Where(r => r.Topics.Any(t => topics.Contains(t))
                || (audience != null && r.Audience.Contains(audience))
                || (stage != null && r.Stage == stage))
            .OrderByDescending(SharedTopics(topics))
            .ThenByDescending(r => audience != null && r.Audience.Contains(audience))
            .ThenByDescending(r => stage != null && r.Stage == stage)
            .ThenBy(r => r.Slug);
    }

    /// <summary>The first <paramref name="take"/> recommendations, read without tracking.</summary>
    public static async Task<List<Resource>> ListAsync(
        IQueryable<Resource> resources, ResourceRecommendationCriteria criteria, int take, CancellationToken cancellationToken = default) =>
        criteria.IsEmpty || take <= 0
            ? []
            : await Rank(resources.AsNoTracking(), criteria).Take(take).ToListAsync(cancellationToken);

    /// <summary>
    /// How many of <paramref name="topics"/> a resource has, as a plain sum of one
    /// <c>@topic = ANY (topics)</c> per topic: PostgreSQL computes it without a subquery per row.
    /// Each topic is a query parameter.
    /// </summary>
    private static Expression<Func<Resource, int>> SharedTopics(IReadOnlyList<string> topics)
    {
        var resource = Expression.Parameter(typeof(Resource), "r");
        var resourceTopics = Expression.Property(resource, nameof(Resource.Topics));
        var contains = typeof(List<string>).GetMethod(nameof(List<string>.Contains), [typeof(string)])!;
        Expression sum = Expression.Constant(0);
        foreach (var topic in topics)
        {
            var parameter = Expression.Property(Expression.Constant(new TopicParameter(topic)), nameof(TopicParameter.Value));
            sum = Expression.Add(sum, Expression.Condition(Expression.Call(resourceTopics, contains, parameter), Expression.Constant(1), Expression.Constant(0)));
        }

        return Expression.Lambda<Func<Resource, int>>(sum, resource);
    }

    /// <summary>A captured value, so that EF sends the topic as a parameter rather than a literal.</summary>
    private sealed class TopicParameter(string value)
    {
        public string Value { get; } = value;
    }
}
