using GraphQL.Types;
using JumoMentoring.Api.CheckIns;
using JumoMentoring.Api.Goals;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matching;
using JumoMentoring.Api.Meetings;
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
        Field(m => m.RequestMessage, nullable: true).Description("Flexible programs: the mentee's message with the request.");
        Field<CohortType>("cohort").Resolve(c => c.Source.CohortId is { } id ? c.CohortById(id) : null);
        Field<DateTimeOffsetGraphType>("mentorAcceptedAt").Resolve(c => c.Source.MentorAcceptedAt);
        Field<DateTimeOffsetGraphType>("menteeAcceptedAt").Resolve(c => c.Source.MenteeAcceptedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MatchTransitionType>>>>("transitions")
            .Description("Every change of status, oldest first: who, when, why.")
            .Resolve(c => c.TransitionsByMatch(c.Source.Id));
        Field(m => m.CreatedAt);
        Field(m => m.UpdatedAt);
        this.AddGoalFields();
        this.AddMeetingFields();
        this.AddCheckInFields();
        this.AddSuggestionFields();
    }
}

public sealed class MatchActorEnum : EnumerationGraphType<MatchActor>
{
    public MatchActorEnum() => Name = "MatchActor";
}

public sealed class MatchTransitionType : ObjectGraphType<MatchTransition>
{
    public MatchTransitionType()
    {
        Name = "MatchTransition";
        Field<MatchStatusEnum>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<MatchStatusEnum>>("to").Resolve(c => c.Source.To);
        Field<NonNullGraphType<MatchActorEnum>>("actor").Resolve(c => c.Source.Actor);
        Field<MemberType>("actorMember").Description("Null for the platform (expiry) or when you may not see that member.")
            .Resolve(c => c.Source.ActorId is { } id ? c.MemberById(id) : null);
        Field(t => t.Reason, nullable: true);
        Field(t => t.At);
    }
}
