using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;

namespace JumoMentoring.Api.Matches;

public static class MatchQueries
{
    public static void AddMatchQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(MatchType.TypeName, (c, id) => c.MatchById(id));

        query.Field<MatchType>("match")
            .Description("A match by id; null unless you are one of its members, coordinate its program, or are an admin.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.MatchById(GlobalId.Parse(c.GetArgument<string>("id"), MatchType.TypeName)));
    }
}
