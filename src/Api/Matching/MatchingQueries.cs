using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Members;
using JumoMentoring.Api.Programs;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Matching;
using JumoMentoring.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Matching;

public static class MatchingQueries
{
    public const int MaxSuggestions = 50;

    public static void AddMatchingQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(CohortMatchingRunType.TypeName, (c, id) => c.RunById(id));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MentorSuggestionType>>>>("mentorSuggestions")
            .Description("For a mentee of a flexible program: the compatible mentors with free places, best first, each with the reasons of its score.")
            .Argument<NonNullGraphType<IdGraphType>>("programId")
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxSuggestions} (default 10).")
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument<int?>("first") ?? 10;
                if (first is < 1 or > MaxSuggestions)
                {
                    throw GraphError.LimitExceeded("first", MaxSuggestions);
                }

                var programId = GlobalId.Parse(c.GetArgument<string>("programId"), ProgramType.TypeName);
                return await SuggestAsync(c, c.Viewer().RequireMember(), programId, first)
                    ?? throw new GraphError("NOT_ENROLLED", "Enrol as a mentee in this program to get suggestions.");
            });

        query.Field<NonNullGraphType<WhyNotType>>("whyNot")
            .Description("Why a given mentor is not among your suggestions: every hard constraint the pair fails.")
            .Argument<NonNullGraphType<IdGraphType>>("programId")
            .Argument<NonNullGraphType<IdGraphType>>("mentorId")
            .ResolveAsync(async c =>
            {
                var mentorId = GlobalId.Parse(c.GetArgument<string>("mentorId"), MemberType.TypeName);
                var programId = GlobalId.Parse(c.GetArgument<string>("programId"), ProgramType.TypeName);
                var (facts, mentee, scorer, _) = await LoadForMenteeAsync(c, c.Viewer().RequireMember(), programId)
                    ?? throw new GraphError("NOT_ENROLLED", "Enrol as a mentee in this program to get suggestions.");
                var mentor = facts.Mentors.FirstOrDefault(m => m.MemberId == mentorId)
                    ?? throw new GraphError(ErrorCodes.NotFound, "This member is not an active mentor of the program.");
                var evaluation = scorer.Evaluate(mentee, mentor, facts.Context);
                return new WhyNotView(evaluation, evaluation.Score is not null);
            });
    }

    /// <summary>The suggestions of <paramref name="menteeId"/> in a program, best first; null when they are not an active mentee of it.</summary>
    public static async Task<List<SuggestionView>?> SuggestAsync(IResolveFieldContext c, Guid menteeId, Guid programId, int first)
    {
        if (await LoadForMenteeAsync(c, menteeId, programId) is not var (facts, mentee, scorer, catalog))
        {
            return null;
        }

        var ranked = MatchSuggestions.Rank(scorer, mentee, facts.Mentors, facts.Context, first);
        var labels = await MatchingProfiles.LabelsAsync(catalog, c.CancellationToken);
        return ranked.Select(s => new SuggestionView(s, MatchReasons.Explain(s.Score, labels))).ToList();
    }

    private static async Task<(MatchingProfiles.ProgramFacts Facts, MatchingProfile Mentee, CompatibilityScorer Scorer, ReferenceCatalog Catalog)?> LoadForMenteeAsync(
        IResolveFieldContext c, Guid menteeId, Guid programId)
    {
        var catalog = c.RequestServices!.GetRequiredService<ReferenceCatalog>();
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Member)
            .SingleOrDefaultAsync(e => e.MemberId == menteeId && e.ProgramId == programId && e.Role == ProgramRole.Mentee && e.Status == EnrolmentStatus.Active, c.CancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        var facts = (await MatchingProfiles.LoadProgramAsync(db, catalog, programId, null, c.CancellationToken))!;
        var ranks = await MatchingProfiles.RanksAsync(catalog, c.CancellationToken);
        var mentee = MatchingProfiles.Profile(enrolment.Member!, ranks, 0, enrolment.Priorities);
        return (facts, mentee, new CompatibilityScorer(facts.Program.MatchingWeights), catalog);
    }
}
