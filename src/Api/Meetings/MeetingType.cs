using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matches;
using JumoMentoring.Api.Members;
using JumoMentoring.Domain.Meetings;
using MatchType = JumoMentoring.Api.Matches.MatchType;

namespace JumoMentoring.Api.Meetings;

/// <summary>A meeting as one viewer may see it: the note only for the member who recorded it.</summary>
public sealed record MeetingView(Meeting Meeting, bool IsAuthor);

/// <summary>How many meetings and how long, in minutes.</summary>
public sealed record MeetingTotals(int Count, long Minutes)
{
    public static readonly MeetingTotals None = new(0, 0);

    public decimal Hours => CreditHours.FromMinutes(Minutes);
}

public sealed class MeetingModeEnum : EnumerationGraphType<MeetingMode>
{
    public MeetingModeEnum() => Name = "MeetingMode";
}

public sealed class MeetingType : ObjectGraphType<MeetingView>
{
    public const string TypeName = "Meeting";

    public MeetingType()
    {
        Name = TypeName;
        Description = "A meeting of a pair, recorded by either member. Structured programs count the time as continuing education.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is MeetingView;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Meeting.Id));
        Field<NonNullGraphType<MatchType>>("match").Resolve(c => c.MatchById(c.Source.Meeting.MatchId));
        Field<MemberType>("recordedBy").Description("Null when you may not see that member.").Resolve(c => c.MemberById(c.Source.Meeting.RecordedById));
        Field<NonNullGraphType<BooleanGraphType>>("recordedByMe").Description("Whether you recorded it (and so may change it and read its note).")
            .Resolve(c => c.Source.IsAuthor);
        Field<NonNullGraphType<DateOnlyGraphType>>("occurredOn").Resolve(c => c.Source.Meeting.OccurredOn);
        Field<NonNullGraphType<IntGraphType>>("durationMinutes").Description($"{Meeting.MinDurationMinutes} to {Meeting.MaxDurationMinutes}.")
            .Resolve(c => c.Source.Meeting.DurationMinutes);
        Field<NonNullGraphType<MeetingModeEnum>>("mode").Resolve(c => c.Source.Meeting.Mode);
        Field<StringGraphType>("note").Description("Private to the member who recorded the meeting: null for the partner and for coordinators.")
            .Resolve(c => c.Source.IsAuthor ? c.Source.Meeting.Note : null);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.Meeting.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(c => c.Source.Meeting.UpdatedAt);
    }
}

public sealed class MeetingTotalsType : ObjectGraphType<MeetingTotals>
{
    public MeetingTotalsType()
    {
        Name = "MeetingTotals";
        Description = "How many meetings and how long.";
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<IntGraphType>>("minutes").Resolve(c => (int)Math.Min(c.Source.Minutes, int.MaxValue));
        Field<NonNullGraphType<FloatGraphType>>("hours").Description("Minutes / 60, to the nearest quarter hour.").Resolve(c => (double)c.Source.Hours);
    }
}
