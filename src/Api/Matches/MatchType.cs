using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Members;
using JumoMentoring.Api.Programs;
using JumoMentoring.Domain.Matches;

namespace JumoMentoring.Api.Matches;

public sealed class MatchStatusEnum : EnumerationGraphType<MatchStatus>
{
    public MatchStatusEnum() => Name = "MatchStatus";
}

public sealed class MatchType : ObjectGraphType<Match>
{
    public const string TypeName = "Match";

    public MatchType()
    {
        Name = TypeName;
        Description = "One mentor and one mentee in one program (a dyad).";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Match;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<MatchStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ProgramType>>("program").Resolve(c => c.ProgramById(c.Source.ProgramId));
        Field<MemberType>("mentor").Resolve(c => c.MemberById(c.Source.MentorId));
        Field<MemberType>("mentee").Resolve(c => c.MemberById(c.Source.MenteeId));
        Field(m => m.CreatedAt);
        Field(m => m.UpdatedAt);
    }
}
