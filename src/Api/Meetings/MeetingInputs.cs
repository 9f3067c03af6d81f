using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Meetings;

namespace JumoMentoring.Api.Meetings;

public sealed class RecordMeetingInput
{
    public required string MatchId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public int DurationMinutes { get; set; }
    public MeetingMode Mode { get; set; }
    public string? Note { get; set; }
}

public sealed class RecordMeetingInputType : InputObjectGraphType<RecordMeetingInput>
{
    public RecordMeetingInputType()
    {
        Name = "RecordMeetingInput";
        Field(i => i.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.OccurredOn).Description("The day it took place (Quebec): not in the future, not before the match became active.");
        Field(i => i.DurationMinutes).Description($"{Meeting.MinDurationMinutes} to {Meeting.MaxDurationMinutes}.");
        Field(i => i.Mode, type: typeof(NonNullGraphType<MeetingModeEnum>));
        Field(i => i.Note, nullable: true).Description($"For yourself only (at most {Meeting.NoteMaxLength} characters): your partner and coordinators never see it.");
    }
}

public sealed class UpdateMeetingInput
{
    public required string MeetingId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public int DurationMinutes { get; set; }
    public MeetingMode Mode { get; set; }
    public string? Note { get; set; }
}

public sealed class UpdateMeetingInputType : InputObjectGraphType<UpdateMeetingInput>
{
    public UpdateMeetingInputType()
    {
        Name = "UpdateMeetingInput";
        Description = "Replaces every field of a meeting you recorded (a null note removes it).";
        Field(i => i.MeetingId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.OccurredOn);
        Field(i => i.DurationMinutes);
        Field(i => i.Mode, type: typeof(NonNullGraphType<MeetingModeEnum>));
        Field(i => i.Note, nullable: true);
    }
}

public sealed class MeetingPayloadType() : PayloadType<MeetingType, MeetingView>("MeetingPayload", "meeting");
