using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Programs;
using Microsoft.EntityFrameworkCore;
using MatchType = JumoMentoring.Api.Matches.MatchType;

namespace JumoMentoring.Api.Matching;

/// <summary>
/// Match.nextSuggestions: when a mentor declines or lets a request expire, the mentee hears it on
/// matchUpdated and, in the same event, sees whom to ask next (the mentor who did not answer is
/// left out, as every mentor already paired with them in the program is).
/// </summary>
public static class MatchSuggestionFields
{
    public const int MaxNextSuggestions = 10;

    public static void AddSuggestionFields(this MatchType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MentorSuggestionType>>>>("nextSuggestions")
            .Description(
                "For the mentee of a DECLINED or EXPIRED request in a flexible program, while they have no other request or match there: " +
                "mentors to ask next, as mentorSuggestions. Empty for anyone else and in any other case.")
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxNextSuggestions} (default 5).")
            .ResolveAsync(async c => await NextAsync(c));

    private static async Task<List<SuggestionView>> NextAsync(IResolveFieldContext<Match> c)
    {
        var first = c.GetArgument<int?>("first") ?? 5;
        if (first is < 1 or > MaxNextSuggestions)
        {
            throw GraphError.LimitExceeded("first", MaxNextSuggestions);
        }

        var match = c.Source;
        if (match.Status is not (MatchStatus.Declined or MatchStatus.Expired) || c.Viewer().MemberId != match.MenteeId)
        {
            return [];
        }

        await using (var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken))
        {
            var flexible = await db.Programs.AnyAsync(p => p.Id == match.ProgramId && p.Kind == ProgramKind.Flexible && p.Status == ProgramStatus.Open, c.CancellationToken);
            var pending = await db.Matches.AnyAsync(
                m => m.MenteeId == match.MenteeId && m.ProgramId == match.ProgramId
                    && (m.Status == MatchStatus.Requested || MatchLifecycle.Current.Contains(m.Status)),
                c.CancellationToken);
            if (!flexible || pending)
            {
                return [];
            }
        }

        return await MatchingQueries.SuggestAsync(c, match.MenteeId, match.ProgramId, first) ?? [];
    }
}
