using System.Globalization;
using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.ReferenceData;
using JumoMentoring.Domain.Resources;

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
            .Description("A published resource by id, in the request's language (else the other); null when it does not exist or is not published.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.ResourceById(GlobalId.Parse(c.GetArgument<string>("id"), ResourceType.TypeName)));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceType>>>>("recommendedResources")
            .Description(
                "Published resources that fit at least one criterion: most shared topics first, then audience, then stage. " +
                "Empty without criteria. Served in the request's language, else the other.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("topics", $"Codes of the Topic list (up to {MaxTopics}).")
            .Argument<ResourceAudienceEnum>("audience")
            .Argument<ResourceStageEnum>("stage")
            .Argument<IntGraphType>("first", $"How many, 0 to {MaxRecommendations} (default {DefaultRecommendations}).")
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument<int?>("first") ?? DefaultRecommendations;
                if (first is < 0 or > MaxRecommendations)
                {
                    throw new GraphError(ErrorCodes.LimitExceeded, $"'first' must be between 0 and {MaxRecommendations}.");
                }

                var topics = c.GetArgument<List<string>?>("topics") ?? [];
                if (topics.Count > MaxTopics)
                {
                    throw GraphError.LimitExceeded("topics", MaxTopics);
                }

                foreach (var topic in topics)
                {
                    await EnsureTopicAsync(c, topic);
                }

                var criteria = new ResourceRecommendationCriteria(topics, c.GetArgument<ResourceAudience?>("audience"), c.GetArgument<ResourceStage?>("stage"));
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var resources = await ResourceRecommendations.ListAsync(db.Resources, criteria, first, c.CancellationToken);
                var language = c.Graph().Language;
                return resources.Select(r => ResourceSearch.Serve(r, language)).ToList();
            });
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
