using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Members;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Matching;

namespace JumoMentoring.Api.Matching;

public sealed class MatchingCriterionEnum : EnumerationGraphType<MatchingCriterion>
{
    public MatchingCriterionEnum() => Name = "MatchingCriterion";
}

public sealed class HardConstraintEnum : EnumerationGraphType<HardConstraint>
{
    public HardConstraintEnum()
    {
        Name = "HardConstraint";
        Description = "A rule a pair must pass before it is scored.";
    }
}

public sealed class ScoreContributionType : ObjectGraphType<CriterionContribution>
{
    public ScoreContributionType()
    {
        Name = "ScoreContribution";
        Description = "What one criterion added to a score: points = share of the weights × value × 100.";
        Field<NonNullGraphType<MatchingCriterionEnum>>("criterion").Resolve(c => c.Source.Criterion);
        Field(x => x.Weight).Description("The criterion's weight in the program (after the mentee's priorities).");
        Field(x => x.IsPriority).Description("The mentee marked this criterion as a priority.");
        Field(x => x.Value).Description("How well the pair meets the criterion, 0 to 1.");
        Field<NonNullGraphType<FloatGraphType>>("points").Resolve(c => (double)c.Source.Points);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("sharedCodes").Resolve(c => c.Source.SharedCodes);
    }
}

/// <summary>A suggested mentor with the explanation a person reads and the numbers a program checks.</summary>
public sealed record SuggestionView(MentorSuggestion Suggestion, IReadOnlyList<BilingualText> Reasons);

public sealed class MentorSuggestionType : ObjectGraphType<SuggestionView>
{
    public MentorSuggestionType()
    {
        Name = "MentorSuggestion";
        Field<NonNullGraphType<MemberType>>("mentor").Resolve(c => c.MemberById(c.Source.Suggestion.MentorId));
        Field<NonNullGraphType<FloatGraphType>>("score").Description("0 to 100.").Resolve(c => (double)c.Source.Suggestion.Score.Value);
        Field<NonNullGraphType<IntGraphType>>("freeCapacity").Description("Places the mentor still has.").Resolve(c => c.Source.Suggestion.FreeCapacity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons")
            .Description("Why this mentor, one sentence per criterion that counted, most important first.")
            .Argument<LanguageEnum>("language")
            .Resolve(c => c.Source.Reasons.Select(r => r.In(c.LanguageArgument())));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScoreContributionType>>>>("contributions").Resolve(c => c.Source.Suggestion.Score.Contributions);
    }
}

public sealed record WhyNotView(MatchEvaluation Evaluation, bool Suggested);

public sealed class FailedConstraintType : ObjectGraphType<HardConstraint>
{
    public FailedConstraintType()
    {
        Name = "FailedConstraint";
        Field<NonNullGraphType<HardConstraintEnum>>("code").Resolve(c => c.Source);
        Field<NonNullGraphType<StringGraphType>>("reason").Argument<LanguageEnum>("language")
            .Resolve(c => MatchReasons.Explain(c.Source).In(c.LanguageArgument()));
    }
}

public sealed class WhyNotType : ObjectGraphType<WhyNotView>
{
    public WhyNotType()
    {
        Name = "WhyNot";
        Description = "Why a mentor is, or is not, among your suggestions.";
        Field(x => x.Suggested).Description("True when the mentor passes every hard constraint.");
        Field<FloatGraphType>("score").Description("The score when compatible.").Resolve(c => (double?)c.Source.Evaluation.Score?.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FailedConstraintType>>>>("failedConstraints")
            .Description("Every hard constraint the pair fails; empty when compatible.")
            .Resolve(c => c.Source.Evaluation.FailedConstraints);
    }
}
