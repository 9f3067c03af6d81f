using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Matches;

namespace JumoMentoring.Api.Goals;

public static class GoalQueries
{
    public static void AddGoalQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        _ = query;
        nodes.Register(GoalType.TypeName, (c, id) => c.GoalById(id));
        nodes.Register(MilestoneType.TypeName, (c, id) => c.MilestoneById(id));
    }

    /// <summary><c>Match.goals</c>.</summary>
    public static void AddGoalFields(this ObjectGraphType<Match> match) =>
        match.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GoalType>>>>("goals")
            .Description($"What the pair works toward, oldest first (at most {Domain.Goals.Goal.MaxPerMatch}). Coordinators see statuses and progress; the text is the members' alone.")
            .Resolve(c => c.GoalsByMatch(c.Source.Id));
}
