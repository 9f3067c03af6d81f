using System.Linq.Expressions;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Goals;
using JumoMentoring.Domain.Matches;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Domain.Resources;

/// <summary>What a recommendation fits: a mentee's or a match's topics, who reads, and where the mentorship is.</summary>
public sealed record ResourceRecommendationCriteria(IReadOnlyCollection<string> Topics, ResourceAudience? Audience, ResourceStage? Stage)
{
    public bool IsEmpty => Topics.Count == 0 && Audience is null && Stage is null;
}

/// <summary>
/// The ranking of recommended resources, shared by <c>recommendedResources</c> with criteria and
/// with a match (<see cref="ForMatchAsync"/>): published resources that fit at least one criterion, by number of
/// shared topics, then audience fit, then stage fit; the slug breaks ties so the order is stable.
/// </summary>
public static class ResourceRecommendations
{
    /// <summary>How long a new match (and the run-up to its cohort's end) counts as a stage of its own.</summary>
    public static readonly TimeSpan StageWindow = TimeSpan.FromDays(28);

    /// <summary>
    /// What fits a match, read by <paramref name="audience"/>: the topics of its open goals, else the
    /// mentee's topics of interest; its stage (<see cref="StageOf"/>).
    /// </summary>
    public static async Task<ResourceRecommendationCriteria> ForMatchAsync(
        JumoDbContext db, Match match, ResourceAudience audience, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var topics = await db.Goals.AsNoTracking()
            .Where(g => g.MatchId == match.Id && g.Status == GoalStatus.Open && g.Topic != null)
            .Select(g => g.Topic!)
            .Distinct()
            .ToListAsync(cancellationToken);
        if (topics.Count == 0)
        {
            topics = await db.Members.AsNoTracking().Where(m => m.Id == match.MenteeId).Select(m => m.Topics).SingleOrDefaultAsync(cancellationToken) ?? [];
        }

        var activatedAt = (await MatchActivation.ActivatedAtAsync(db, [match.Id], cancellationToken)).GetValueOrDefault(match.Id, match.CreatedAt);
        var termEndsOn = match.CohortId is { } cohortId
            ? await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => c.EndsOn).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new ResourceRecommendationCriteria(topics, audience, StageOf(match.Status, activatedAt, termEndsOn, now));
    }

    /// <summary>
    /// Where a mentorship is: not started yet (requested, proposed, declined, expired) or active for
    /// less than <see cref="StageWindow"/> is getting started; completed or ended, or a cohort whose
    /// term ends within <see cref="StageWindow"/>, is closing; any other active or paused match is during.
    /// </summary>
    public static ResourceStage StageOf(MatchStatus status, DateTimeOffset activatedAt, DateOnly? termEndsOn, DateTimeOffset now) => status switch
    {
        MatchStatus.Completed or MatchStatus.Ended => ResourceStage.Closing,
        MatchStatus.Active or MatchStatus.Paused when termEndsOn is { } end && QuebecTime.DateOf(now + StageWindow) >= end => ResourceStage.Closing,
        MatchStatus.Active when now - activatedAt < StageWindow => ResourceStage.GettingStarted,
        MatchStatus.Active or MatchStatus.Paused => ResourceStage.During,
        _ => ResourceStage.GettingStarted,
    };

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
