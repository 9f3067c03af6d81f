using System.Text;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace JumoMentoring.Domain.Resources;

/// <summary>
/// What to list from the library. <see cref="Only"/> is a filter (resources written in that language,
/// served and searched in it); <see cref="Preferred"/> is the reader's preference (Accept-Language):
/// resources missing it are served, and searched, in the other language. With neither, a search
/// runs over both languages and each result is served in the language it matched best.
/// </summary>
public sealed record ResourceSearchCriteria
{
    public const int MaxSearchLength = 200;

    /// <summary>Words to look for (PostgreSQL web-search syntax: "quoted phrases", or, -exclusion); null lists by title.</summary>
    public string? Search { get; init; }

    /// <summary>Code of the Topic list.</summary>
    public string? Topic { get; init; }
    public ResourceAudience? Audience { get; init; }
    public Language? Only { get; init; }
    public Language? Preferred { get; init; }

    /// <summary>The language a reader wants when no text decides otherwise: French first.</summary>
    public Language Wanted => Only ?? Preferred ?? Language.Fr;
}

/// <summary>One resource of a result, with the language it is served in.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="Language">The language it is served in.</param>
/// <param name="IsTranslationFallback">True when it has no text in the language wanted and is served in the other.</param>
/// <param name="Ordinal">1-based position in a ranked search (offset paging); 0 when listed by title.</param>
/// <param name="Rank">ts_rank of a search; 0 when listed by title.</param>
/// <param name="Snippet">HTML: escaped text with the matched words in &lt;mark&gt;; only for a search.</param>
public sealed record ResourceHit(Resource Resource, Language Language, bool IsTranslationFallback, int Ordinal, float Rank, string? Snippet);

/// <summary>
/// Full-text search of the library. Each language has its own stored, weighted tsvector (title A,
/// summary B, body C) built with a text search configuration that removes accents before stemming
/// (<c>fr_unaccent</c>, <c>en_unaccent</c>), so "medecin" finds "médecin" and "meetings" finds
/// "meeting"; both have GIN indexes. Results rank by <c>ts_rank</c>; snippets come from
/// <c>ts_headline</c> over the summary and the body of the language served.
/// </summary>
public static class ResourceSearch
{
    public const string FrenchConfiguration = "public.fr_unaccent";
    public const string EnglishConfiguration = "public.en_unaccent";

    // Private-use characters mark the matches: the text around them is HTML-escaped before they
    // become <mark> tags, so nothing an author wrote can turn into markup.
    private const char StartMark = '\uE000';
    private const char StopMark = '\uE001';
    private static readonly string HeadlineOptions =
        $"StartSel={StartMark}, StopSel={StopMark}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>
    /// One page of published resources: ranked by relevance when <see cref="ResourceSearchCriteria.Search"/>
    /// is given (paged by <paramref name="offset"/>), else by title in the language served (paged by
    /// keyset after the resource <paramref name="afterId"/>).
    /// </summary>
    public static async Task<IReadOnlyList<ResourceHit>> SearchAsync(
        JumoDbContext db, ResourceSearchCriteria criteria, int take, int offset = 0, Guid? afterId = null, CancellationToken cancellationToken = default)
    {
        if (take <= 0)
        {
            return [];
        }

        var plan = Plan.For(criteria);
        var parameters = plan.Parameters();
        string sql;
        if (criteria.Search is not null)
        {
            parameters.Add(new NpgsqlParameter("offset", NpgsqlDbType.Integer) { Value = offset });
            parameters.Add(new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = take });
            parameters.Add(new NpgsqlParameter("headline", NpgsqlDbType.Text) { Value = HeadlineOptions });
            sql = $"""
                WITH q AS ({Plan.QueriesSql})
                SELECT p.id AS "Id", p.served AS "Language", p.rank AS "Rank",
                       CASE WHEN p.served = 'en'
                            THEN ts_headline('{EnglishConfiguration}', {PlainText("p", "en")}, q.en, @headline)
                            ELSE ts_headline('{FrenchConfiguration}', {PlainText("p", "fr")}, q.fr, @headline)
                       END AS "Snippet"
                FROM (
                    SELECT s.id, {plan.Served("s")} AS served, GREATEST(s.rank_fr, s.rank_en) AS rank,
                           s.summary_fr, s.body_fr, s.summary_en, s.body_en
                    FROM (
                        SELECT r.id, r.title_fr, r.title_en, r.summary_fr, r.body_fr, r.summary_en, r.body_en,
                               {plan.RankFr} AS rank_fr, {plan.RankEn} AS rank_en
                        FROM resources r, q
                        WHERE {plan.Where} AND ({plan.Match})
                    ) s
                    ORDER BY rank DESC, s.id
                    OFFSET @offset LIMIT @take
                ) p, q
                ORDER BY p.rank DESC, p.id
                """;
        }
        else
        {
            parameters.Add(new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = take });
            var after = "";
            if (afterId is not null)
            {
                parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Uuid) { Value = afterId.Value });

                // Resources are archived, never deleted, so the row of a cursor is always there.
                after = $"WHERE (s.sort_key, s.id) > (SELECT {plan.SortKey("a")}, a.id FROM resources a WHERE a.id = @after)";
            }

            sql = $"""
                SELECT s.id AS "Id", s.served AS "Language", 0::real AS "Rank", NULL::text AS "Snippet"
                FROM (
                    SELECT r.id, {plan.Served("r")} AS served, {plan.SortKey("r")} AS sort_key
                    FROM resources r
                    WHERE {plan.Where}
                ) s
                {after}
                ORDER BY s.sort_key, s.id
                LIMIT @take
                """;
        }

        var rows = await db.Database.SqlQueryRaw<Row>(sql, [.. parameters]).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var resources = await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var wanted = criteria.Wanted;
        var hits = new List<ResourceHit>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!resources.TryGetValue(row.Id, out var resource))
            {
                continue;
            }

            var served = row.Language == "en" ? Language.En : Language.Fr;
            hits.Add(new ResourceHit(
                resource,
                served,
                IsTranslationFallback: served != wanted && !resource.IsWrittenIn(wanted),
                Ordinal: criteria.Search is null ? 0 : offset + i + 1,
                row.Rank,
                row.Snippet is null ? null : SnippetHtml(row.Snippet)));
        }

        return hits;
    }

    /// <summary>How many published resources the criteria find, across all pages.</summary>
    public static async Task<int> CountAsync(JumoDbContext db, ResourceSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        var plan = Plan.For(criteria);
        var sql = criteria.Search is null
            ? $"""SELECT count(*)::int AS "Value" FROM resources r WHERE {plan.Where}"""
            : $"""
                WITH q AS ({Plan.QueriesSql})
                SELECT count(*)::int AS "Value" FROM resources r, q WHERE {plan.Where} AND ({plan.Match})
                """;
        return await db.Database.SqlQueryRaw<int>(sql, [.. plan.Parameters()]).SingleAsync(cancellationToken);
    }

    /// <summary>A resource outside a search: in <paramref name="wanted"/> when written in it, else in the other language.</summary>
    public static ResourceHit Serve(Resource resource, Language wanted)
    {
        var served = resource.IsWrittenIn(wanted) ? wanted : wanted == Language.En ? Language.Fr : Language.En;
        return new ResourceHit(resource, served, served != wanted, Ordinal: 0, Rank: 0, Snippet: null);
    }

    /// <summary>Whether the resource has text (a title) in <paramref name="language"/>.</summary>
    public static bool IsWrittenIn(this Resource resource, Language language) =>
        (language == Language.En ? resource.TitleEn : resource.TitleFr) is not null;

    /// <summary>
    /// Escapes the headline PostgreSQL returned, then turns the match markers into &lt;mark&gt; tags:
    /// clients insert the snippet as HTML.
    /// </summary>
    public static string SnippetHtml(string headline)
    {
        var html = new StringBuilder(headline.Length + 32);
        var space = false;
        foreach (var c in headline)
        {
            // A snippet is one run of text: line breaks and runs of blanks become one space.
            if (char.IsWhiteSpace(c))
            {
                space = html.Length > 0;
                continue;
            }

            if (space)
            {
                html.Append(' ');
                space = false;
            }

            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                StartMark => "<mark>",
                StopMark => "</mark>",
                _ => c.ToString(),
            });
        }

        return html.ToString();
    }

    /// <summary>The summary and body of one language with the Markdown punctuation taken out, for headlines.</summary>
    private static string PlainText(string alias, string language) =>
        $"""regexp_replace(regexp_replace(concat_ws(E'\n\n', {alias}.summary_{language}, {alias}.body_{language}), '\[([^]]*)\]\([^)]*\)', '\1', 'g'), '[#*_`|~]+', ' ', 'g')""";

    /// <summary>Column name of a raw query row: materialized by property name, unaffected by the snake-case convention.</summary>
    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Language { get; set; } = "fr";
        public float Rank { get; set; }
        public string? Snippet { get; set; }
    }

    /// <summary>The SQL fragments of one set of criteria. Every value goes in a parameter.</summary>
    private sealed class Plan
    {
        public const string QueriesSql =
            $"SELECT websearch_to_tsquery('{FrenchConfiguration}', @search) AS fr, websearch_to_tsquery('{EnglishConfiguration}', @search) AS en";

        private readonly ResourceSearchCriteria criteria;

        private Plan(ResourceSearchCriteria criteria) => this.criteria = criteria;

        public string Where { get; private init; } = "";

        public string Match { get; private init; } = "";

        public string RankFr { get; private init; } = "0::real";

        public string RankEn { get; private init; } = "0::real";

        public static Plan For(ResourceSearchCriteria criteria)
        {
            var where = new List<string> { "r.status = 'Published'" };
            if (criteria.Topic is not null)
            {
                where.Add("@topic = ANY (r.topics)");
            }

            if (criteria.Audience is not null)
            {
                where.Add("@audience = ANY (r.audience)");
            }

            if (criteria.Only is { } only)
            {
                where.Add($"r.title_{Code(only)} IS NOT NULL");
            }

            string match = "", rankFr = "0::real", rankEn = "0::real";
            if (criteria.Search is not null)
            {
                static string Matches(string l) => $"r.search_{l} @@ q.{l}";
                static string Rank(string l) => $"ts_rank(r.search_{l}, q.{l})";
                if (criteria.Only is { } onlyLanguage)
                {
                    var l = Code(onlyLanguage);
                    match = Matches(l);
                    (rankFr, rankEn) = onlyLanguage == Language.En ? ("0::real", Rank(l)) : (Rank(l), "0::real");
                }
                else if (criteria.Preferred is { } preferred)
                {
                    // Each resource is searched in the language it is served in.
                    var l = Code(preferred);
                    var o = Code(Other(preferred));
                    match = $"(r.title_{l} IS NOT NULL AND {Matches(l)}) OR (r.title_{l} IS NULL AND {Matches(o)})";
                    var preferredRank = $"CASE WHEN r.title_{l} IS NOT NULL THEN {Rank(l)} ELSE 0::real END";
                    var otherRank = $"CASE WHEN r.title_{l} IS NULL THEN {Rank(o)} ELSE 0::real END";
                    (rankFr, rankEn) = preferred == Language.En ? (otherRank, preferredRank) : (preferredRank, otherRank);
                }
                else
                {
                    match = $"{Matches("fr")} OR {Matches("en")}";
                    rankFr = $"CASE WHEN {Matches("fr")} THEN {Rank("fr")} ELSE 0::real END";
                    rankEn = $"CASE WHEN {Matches("en")} THEN {Rank("en")} ELSE 0::real END";
                }
            }

            return new Plan(criteria) { Where = string.Join(" AND ", where), Match = match, RankFr = rankFr, RankEn = rankEn };
        }

        /// <summary>
        /// The language a row is served in ('fr' or 'en'). In a search, <paramref name="alias"/> also
        /// has the columns rank_fr and rank_en.
        /// </summary>
        public string Served(string alias)
        {
            if (criteria.Only is { } only)
            {
                return $"'{Code(only)}'";
            }

            if (criteria.Search is not null && criteria.Preferred is null)
            {
                // Searching both languages: the one that matched best (French on a tie).
                return $"CASE WHEN {alias}.rank_en > {alias}.rank_fr THEN 'en' ELSE 'fr' END";
            }

            var wanted = Code(criteria.Wanted);
            var other = Code(Other(criteria.Wanted));
            return $"CASE WHEN {alias}.title_{wanted} IS NOT NULL THEN '{wanted}' ELSE '{other}' END";
        }

        /// <summary>
        /// Title order: the title served, without case or accents, compared character by character
        /// (COLLATE "C") so that the order and the keyset cursor do not depend on the server's locale.
        /// </summary>
        public string SortKey(string alias)
        {
            var wanted = Code(criteria.Wanted);
            var other = Code(Other(criteria.Wanted));
            return $"""lower(public.immutable_unaccent(coalesce({alias}.title_{wanted}, {alias}.title_{other}))) COLLATE "C" """.TrimEnd();
        }

        public List<NpgsqlParameter> Parameters()
        {
            var parameters = new List<NpgsqlParameter>();
            if (criteria.Search is not null)
            {
                parameters.Add(new NpgsqlParameter("search", NpgsqlDbType.Text) { Value = criteria.Search });
            }

            if (criteria.Topic is not null)
            {
                parameters.Add(new NpgsqlParameter("topic", NpgsqlDbType.Text) { Value = criteria.Topic });
            }

            if (criteria.Audience is { } audience)
            {
                parameters.Add(new NpgsqlParameter("audience", NpgsqlDbType.Text) { Value = audience.ToCode() });
            }

            return parameters;
        }

        private static string Code(Language language) => language.ToCode();

        private static Language Other(Language language) => language == Language.En ? Language.Fr : Language.En;
    }
}
