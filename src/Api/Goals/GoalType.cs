using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matches;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Goals;
using JumoMentoring.Domain.ReferenceData;
using MatchType = JumoMentoring.Api.Matches.MatchType;

namespace JumoMentoring.Api.Goals;

/// <summary>A goal as one viewer may see it: the text only for the match's two members.</summary>
public sealed record GoalView(Goal Goal, bool CanReadText);

public sealed record MilestoneView(Milestone Milestone, GoalView Goal);

public sealed class GoalStatusEnum : EnumerationGraphType<GoalStatus>
{
    public GoalStatusEnum()
    {
        Name = "GoalStatus";
        Description = "OPEN, then ACHIEVED or ABANDONED; a closed goal no longer changes.";
    }
}

public sealed class GoalType : ObjectGraphType<GoalView>
{
    public const string TypeName = "Goal";
    public const string MembersOnly = "Null unless you are one of the match's two members: coordinators see statuses, counts and progress, never the text.";

    public GoalType()
    {
        Name = TypeName;
        Description = "What a pair works toward, with milestones. Only the match's two members read its text.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is GoalView;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Goal.Id));
        Field<NonNullGraphType<MatchType>>("match").Resolve(c => c.MatchById(c.Source.Goal.MatchId));
        Field<StringGraphType>("title").Description(MembersOnly).Resolve(c => c.Source.CanReadText ? c.Source.Goal.Title : null);
        Field<StringGraphType>("description").Description(MembersOnly).Resolve(c => c.Source.CanReadText ? c.Source.Goal.Description : null);
        Field<ReferenceItemType>("topic").Description("A topic of the managed list, or null.")
            .ResolveAsync(async c => c.Source.Goal.Topic is { } topic
                ? await c.RequestServices!.GetRequiredService<ReferenceCatalog>().FindAsync(ReferenceKind.Topic, topic, c.CancellationToken)
                : null);
        Field<NonNullGraphType<GoalStatusEnum>>("status").Resolve(c => c.Source.Goal.Status);
        Field<NonNullGraphType<FloatGraphType>>("progress")
            .Description("From 0 to 1: completed milestones over all milestones (0 with none); 1 once ACHIEVED.")
            .Resolve(c => c.Source.Goal.Progress);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MilestoneType>>>>("milestones")
            .Description($"At most {Milestone.MaxPerGoal}: by due date (undated last), then in the order they were added.")
            .Resolve(c => c.Source.Goal.Milestones
                .OrderBy(m => m.DueOn is null).ThenBy(m => m.DueOn).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)
                .Select(m => new MilestoneView(m, c.Source)));
        Field<DateTimeOffsetGraphType>("closedAt").Description("When it was achieved or abandoned.").Resolve(c => c.Source.Goal.ClosedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.Goal.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(c => c.Source.Goal.UpdatedAt);
    }
}

public sealed class MilestoneType : ObjectGraphType<MilestoneView>
{
    public const string TypeName = "Milestone";

    public MilestoneType()
    {
        Name = TypeName;
        Description = "A step toward a goal.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is MilestoneView;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Milestone.Id));
        Field<NonNullGraphType<GoalType>>("goal").Resolve(c => c.Source.Goal);
        Field<StringGraphType>("title").Description(GoalType.MembersOnly).Resolve(c => c.Source.Goal.CanReadText ? c.Source.Milestone.Title : null);
        Field<DateOnlyGraphType>("dueOn").Resolve(c => c.Source.Milestone.DueOn);
        Field<DateTimeOffsetGraphType>("completedAt").Description("Null until completed.").Resolve(c => c.Source.Milestone.CompletedAt);
    }
}
