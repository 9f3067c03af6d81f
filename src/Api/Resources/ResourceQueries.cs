using System.Globalization;
using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matches;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.ReferenceData;
using JumoMentoring.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using MatchType = JumoMentoring.Api.Matches.MatchType;

namespace JumoMentoring.Api.Resources;

public static class ResourceQueries
{
    public const int MaxRecommendations = 20;
    public const int DefaultRecommendations = 5;
    public const int MaxTopics = 20;

    /// <summary>Deepest offset a ranked-search cursor may carry (nobody pages that far through a search).</summary>
    private const int MaxSearchOffset = 10_000;

    public static void AddResourceQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(ResourceType.TypeName, (c, id) => c.ResourceById(id));

        query.Field<NonNullGraphType<ConnectionType<ResourceType, ResourceHit>>>("resources")
            .Description(
                "Published resources of the library. With `search`, ranked by relevance with a `snippet`; " +
                "else by title in the language served.")
            .Argument<StringGraphType>("search",
                $"Words to look for, accents optional (up to {ResourceSearchCriteria.MaxSearchLength} characters; \"quoted phrase\", or, -word). " +
                "Searched in `language`, else in each resource's language for the request (Accept-Language), else in both. Blank means no search.")
            .Argument<StringGraphType>("topic", "Code of the Topic list.")
            .Argument<ResourceAudienceEnum>("audience")
            .Argument<LanguageEnum>("language",
                "Only resources written in this language, served and searched in it. Without it, resources follow Accept-Language and fall back to the other language.")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var paging = Paging.From(c);
                var criteria = await CriteriaAsync(c);

                // A ranked search pages by offset: the cursor is the position in the ranking, so a
                // resource published or edited between two pages can shift the pages by one. Title
                // order pages by keyset (the last resource's id) and never skips or repeats.
                int offset = 0;
                Guid? afterId = null;
                if (paging.After is { } after)
                {
                    var position = Paging.DecodeCursor(after);
                    if (criteria.Search is not null)
                    {
                        offset = position.StartsWith("r:", StringComparison.Ordinal)
                            && int.TryParse(position.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var o) && o <= MaxSearchOffset
                            ? o
                            : throw GraphError.InvalidCursor(after);
                    }
                    else
                    {
                        afterId = position.StartsWith("t:", StringComparison.Ordinal) && Guid.TryParseExact(position.AsSpan(2), "N", out var id)
                            ? id
                            : throw GraphError.InvalidCursor(after);
                    }
                }

                var services = c.RequestServices!;
                await using var db = await services.CreateDbAsync(c.CancellationToken);
                var hits = await ResourceSearch.SearchAsync(db, criteria, paging.First + 1, offset, afterId, c.CancellationToken);
                return paging.ToConnection(
                    hits,
                    h => criteria.Search is null ? $"t:{h.Resource.Id:N}" : $"r:{h.Ordinal.ToString(CultureInfo.InvariantCulture)}",
                    async ct =>
                    {
                        await using var countDb = await services.CreateDbAsync(ct);
                        return await ResourceSearch.CountAsync(countDb, criteria, ct);
                    });
            });

        query.Field<ResourceType>("resource")
            .Description("A resource by id, in the request's language (else the other); null when it does not exist, or is a draft or archived and you are not a coordinator or an admin.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.ResourceById(GlobalId.Parse(c.GetArgument<string>("id"), ResourceType.TypeName)));

        query.Field<NonNullGraphType<ConnectionType<ResourceType, ResourceHit>>>("libraryResources")
            .Description(
                "Coordinators and admins: every resource of the library, drafts and archives included, by slug " +
                "(slugs follow the first title and never change, so pages never skip or repeat).")
            .Argument<ResourceStatusEnum>("status", "Only resources in this status.")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                c.Viewer().RequireLibraryEditor();
                var paging = Paging.From(c);
                var status = c.GetArgument<ResourceStatus?>("status");
                var after = paging.After is { } cursor ? Paging.DecodeCursor(cursor) : null;
                var services = c.RequestServices!;
                await using var db = await services.CreateDbAsync(c.CancellationToken);
                var rows = await db.Resources.AsNoTracking()
                    .Where(r => status == null || r.Status == status)
                    .Where(r => after == null || string.Compare(r.Slug, after) > 0)
                    .OrderBy(r => r.Slug)
                    .Take(paging.First + 1)
                    .ToListAsync(c.CancellationToken);
                var language = c.Graph().Language;
                return paging.ToConnection(
                    [.. rows.Select(r => ResourceSearch.Serve(r, language))],
                    h => h.Resource.Slug,
                    async ct =>
                    {
                        await using var countDb = await services.CreateDbAsync(ct);
                        return await countDb.Resources.CountAsync(r => status == null || r.Status == status, ct);
                    });
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceType>>>>("recommendedResources")
            .Description(
                "Published resources that fit at least one criterion: most shared topics first, then audience, then stage. " +
                "Empty without criteria. Served in the request's language, else the other. With `matchId`, the criteria come from " +
                "the match (and `topics`, `audience` and `stage` may not be given): the topics of its open goals, else the mentee's " +
                "topics of interest; the viewer's role in it (mentor, mentee, or coordinator for its program's coordinators and admins); " +
                "its stage (requested, proposed or active for less than 4 weeks: GETTING_STARTED; completed, ended, or a cohort term " +
                "ending within 4 weeks: CLOSING; else DURING).")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("topics", $"Codes of the Topic list (up to {MaxTopics}).")
            .Argument<ResourceAudienceEnum>("audience")
            .Argument<ResourceStageEnum>("stage")
            .Argument<IdGraphType>("matchId", "A match you are a member of, or whose program you coordinate (NOT_FOUND otherwise).")
            .Argument<IntGraphType>("first", $"How many, 0 to {MaxRecommendations} (default {DefaultRecommendations}).")
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument<int?>("first") ?? DefaultRecommendations;
                if (first is < 0 or > MaxRecommendations)
                {
                    throw new GraphError(ErrorCodes.LimitExceeded, $"'first' must be between 0 and {MaxRecommendations}.");
                }

                var criteria = c.GetArgument<string?>("matchId") is { } matchId
                    ? await MatchCriteriaAsync(c, GlobalId.Parse(matchId, MatchType.TypeName))
                    : await ArgumentCriteriaAsync(c);
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var resources = await ResourceRecommendations.ListAsync(db.Resources, criteria, first, c.CancellationToken);
                var language = c.Graph().Language;
                return resources.Select(r => ResourceSearch.Serve(r, language)).ToList();
            });
    }

    private static async Task<ResourceRecommendationCriteria> ArgumentCriteriaAsync(IResolveFieldContext c)
    {
        var topics = c.GetArgument<List<string>?>("topics") ?? [];
        if (topics.Count > MaxTopics)
        {
            throw GraphError.LimitExceeded("topics", MaxTopics);
        }

        foreach (var topic in topics)
        {
            await EnsureTopicAsync(c, topic);
        }

        return new ResourceRecommendationCriteria(topics, c.GetArgument<ResourceAudience?>("audience"), c.GetArgument<ResourceStage?>("stage"));
    }

    /// <summary>
    /// The criteria of a match, for one of its members, a coordinator of its program or an admin.
    /// Anyone else gets NOT_FOUND, as for a match that does not exist (as <c>match(id:)</c> answers null).
    /// </summary>
    private static async Task<ResourceRecommendationCriteria> MatchCriteriaAsync(IResolveFieldContext c, Guid matchId)
    {
        if (c.GetArgument<List<string>?>("topics") is not null || c.GetArgument<ResourceAudience?>("audience") is not null || c.GetArgument<ResourceStage?>("stage") is not null)
        {
            throw GraphError.BadUserInput("With 'matchId', leave out 'topics', 'audience' and 'stage': the match decides them.");
        }

        var viewer = c.Viewer();
        if (viewer.MemberId is null && !viewer.IsIntegration)
        {
            throw new GraphError(ErrorCodes.Unauthenticated, viewer.AuthFailure ?? "Sign in to use this field.");
        }

        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var match = await db.Matches.AsNoTracking().SingleOrDefaultAsync(m => m.Id == matchId, c.CancellationToken);
        if (match is null || !MatchMembership.CanSee(match, viewer))
        {
            throw new GraphError(ErrorCodes.NotFound, "Match not found.");
        }

        // A member of the pair reads as what they are in it, even when they also coordinate the program.
        var audience = match.MentorId == viewer.MemberId ? ResourceAudience.Mentor
            : match.MenteeId == viewer.MemberId ? ResourceAudience.Mentee
            : ResourceAudience.Coordinator;
        var now = c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();
        return await ResourceRecommendations.ForMatchAsync(db, match, audience, now, c.CancellationToken);
    }

    /// <summary>Checks the arguments of <c>resources</c>: a blank search is no search.</summary>
    private static async Task<ResourceSearchCriteria> CriteriaAsync(IResolveFieldContext c)
    {
        var search = c.GetArgument<string?>("search")?.Trim();
        if (search is { Length: > ResourceSearchCriteria.MaxSearchLength })
        {
            throw GraphError.BadUserInput($"'search' may be at most {ResourceSearchCriteria.MaxSearchLength} characters.");
        }

        var topic = c.GetArgument<string?>("topic");
        if (topic is not null)
        {
            await EnsureTopicAsync(c, topic);
        }

        return new ResourceSearchCriteria
        {
            Search = string.IsNullOrEmpty(search) ? null : search,
            Topic = topic,
            Audience = c.GetArgument<ResourceAudience?>("audience"),
            Only = c.GetArgument<Language?>("language"),
            Preferred = c.Graph().AcceptLanguage,
        };
    }

    private static async Task EnsureTopicAsync(IResolveFieldContext c, string code)
    {
        var items = await c.RequestServices!.GetRequiredService<ReferenceCatalog>().GetAsync(c.CancellationToken);
        if (!items.ContainsKey((ReferenceKind.Topic, code)))
        {
            throw GraphError.BadUserInput($"'{code}' is not a code of the Topic list.");
        }
    }
}
