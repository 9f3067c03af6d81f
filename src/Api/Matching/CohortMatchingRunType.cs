using System.Text.Json;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Members;
using JumoMentoring.Api.Programs;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Matching;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Matching;

public sealed class CohortObjectiveEnum : EnumerationGraphType<CohortObjective>
{
    public CohortObjectiveEnum()
    {
        Name = "CohortObjective";
        Description = "TOTAL_FIT: most mentees matched, then the largest total score. FAIREST: most matched, then the best score for the worst-off mentee, then the total.";
    }
}

public sealed class UnmatchedReasonEnum : EnumerationGraphType<UnmatchedReason>
{
    public UnmatchedReasonEnum() => Name = "UnmatchedReason";
}

public sealed class PairRuleKindEnum : EnumerationGraphType<PairRuleKind>
{
    public PairRuleKindEnum() => Name = "PairRuleKind";
}

/// <summary>A stored run with its result read back from JSON once.</summary>
public sealed record RunView(CohortMatchingRun Run, CohortResult Result)
{
    public static RunView From(CohortMatchingRun run) => new(run, JsonSerializer.Deserialize<CohortResult>(run.ResultJson)!);
}

public sealed class CohortPairType : ObjectGraphType<CohortPair>
{
    public CohortPairType()
    {
        Name = "CohortPair";
        Field<MemberType>("mentee").Resolve(c => c.MemberById(c.Source.MenteeId));
        Field<MemberType>("mentor").Resolve(c => c.MemberById(c.Source.MentorId));
        Field<NonNullGraphType<FloatGraphType>>("score").Resolve(c => (double)c.Source.Score);
        Field(x => x.Locked).Description("Locked by a coordinator before the run.");
    }
}

public sealed class UnmatchedMenteeType : ObjectGraphType<UnmatchedMentee>
{
    public UnmatchedMenteeType()
    {
        Name = "UnmatchedMentee";
        Field<MemberType>("mentee").Resolve(c => c.MemberById(c.Source.MenteeId));
        Field<NonNullGraphType<UnmatchedReasonEnum>>("reason").Resolve(c => c.Source.Reason);
        Field(x => x.CompatibleMentors).Description("Mentors of the cohort passing every hard constraint with this mentee.");
        Field<NonNullGraphType<StringGraphType>>("explanation")
            .Argument<LanguageEnum>("language")
            .Resolve(c =>
            {
                var language = c.LanguageArgument();
                if (c.Source.Reason == UnmatchedReason.CompatibleMentorsFull)
                {
                    return language == Domain.ReferenceData.Language.En
                        ? $"Its {c.Source.CompatibleMentors} compatible mentors are all taken by other mentees."
                        : $"Ses {c.Source.CompatibleMentors} mentors compatibles sont tous pris par d'autres personnes.";
                }

                var top = c.Source.FailedConstraints.FirstOrDefault();
                var why = top is null ? "" : " " + MatchReasons.Explain(top.Constraint).In(language);
                return (language == Domain.ReferenceData.Language.En ? "No mentor of the cohort is compatible." : "Aucun mentor de la cohorte n'est compatible.") + why;
            });
    }
}

public sealed class CohortMatchingRunType : ObjectGraphType<RunView>
{
    public const string TypeName = "CohortMatchingRun";

    public CohortMatchingRunType()
    {
        Name = TypeName;
        Description = "A stored run of the cohort solver: a draft until a coordinator publishes it as PROPOSED matches.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is RunView;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Run.Id));
        Field<NonNullGraphType<CohortType>>("cohort").Resolve(c => c.CohortById(c.Source.Run.CohortId));
        Field<NonNullGraphType<CohortObjectiveEnum>>("objective").Resolve(c => c.Source.Run.Objective);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("problems")
            .Description("Why the run could not solve (e.g. a lock that breaks a hard constraint); empty when solved.")
            .Resolve(c => c.Source.Result.Problems.Select(p => p.Message));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CohortPairType>>>>("pairs").Resolve(c => c.Source.Result.Pairs);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnmatchedMenteeType>>>>("unmatched").Resolve(c => c.Source.Result.Unmatched);
        Field<NonNullGraphType<FloatGraphType>>("totalScore").Resolve(c => (double)c.Source.Result.TotalScore);
        Field<FloatGraphType>("worstScore").Resolve(c => (double?)c.Source.Result.WorstScore);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.Run.CreatedAt);
        Field<DateTimeOffsetGraphType>("publishedAt").Resolve(c => c.Source.Run.PublishedAt);
    }
}

public static class CohortMatchingLoaders
{
    /// <summary>A run, or null unless the viewer coordinates its program.</summary>
    public static IDataLoaderResult<RunView?> RunById(this IResolveFieldContext context, Guid id)
    {
        var viewer = context.Viewer();
        return context.Loaders().Get<Guid, RunView>("run-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.CohortMatchingRuns.AsNoTracking()
                .Where(r => ids.Contains(r.Id))
                .Select(r => new { Run = r, db.Cohorts.Single(x => x.Id == r.CohortId).ProgramId })
                .ToListAsync(ct);
            return rows.Where(r => viewer.Coordinates(r.ProgramId)).ToDictionary(r => r.Run.Id, r => RunView.From(r.Run));
        }).Load(id);
    }
}
