using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matches;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using MatchType = JumoMentoring.Api.Matches.MatchType;

namespace JumoMentoring.Api.Meetings;

/// <summary>
/// The meetings log. Either member of an active or paused match records a meeting; only its author
/// changes or removes it, and reads its note.
/// </summary>
public static class MeetingMutations
{
    private static readonly (string, string, string) MeetingNotFound = ("MEETING_NOT_FOUND", "Rencontre introuvable.", "Meeting not found.");

    public static void AddMeetingMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<MeetingPayloadType>>("recordMeeting")
            .Description("Either member records a meeting of the pair: the day, how long, how, and a note for themself.")
            .Argument<NonNullGraphType<RecordMeetingInputType>>("input")
            .ResolveAsync(async c => await RecordAsync(c));

        mutation.Field<NonNullGraphType<MeetingPayloadType>>("updateMeeting")
            .Description("The member who recorded a meeting corrects it.")
            .Argument<NonNullGraphType<UpdateMeetingInputType>>("input")
            .ResolveAsync(async c => await UpdateAsync(c));

        mutation.Field<NonNullGraphType<MatchPayloadType>>("removeMeeting")
            .Description("The member who recorded a meeting removes it; answers its match.")
            .Argument<NonNullGraphType<IdGraphType>>("meetingId")
            .ResolveAsync(async c => await RemoveAsync(c));
    }

    private static async Task<Payload<MeetingView>> RecordAsync(IResolveFieldContext c)
    {
        var me = c.Viewer().RequireMember();
        var input = c.GetArgument<RecordMeetingInput>("input");
        var matchId = GlobalId.Parse(input.MatchId, MatchType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var match = await db.Matches.AsNoTracking().SingleOrDefaultAsync(m => m.Id == matchId, c.CancellationToken);
        var check = MatchMembership.CheckWrite(match, c.Viewer());
        if (check != MatchWrite.Allowed)
        {
            return Payload<MeetingView>.Fail(errors.Refuse(check, "matchId", MatchMembership.MatchNotFound));
        }

        var note = await ValidateAsync(c, db, match!, input.OccurredOn, input.DurationMinutes, input.Note, errors);
        if (errors.Any)
        {
            return Payload<MeetingView>.Fail(errors.All);
        }

        var now = Now(c);
        var meeting = new Meeting
        {
            MatchId = matchId,
            RecordedById = me,
            OccurredOn = input.OccurredOn,
            DurationMinutes = input.DurationMinutes,
            Mode = input.Mode,
            Note = note,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(c.CancellationToken);
        return Payload<MeetingView>.Ok(new MeetingView(meeting, IsAuthor: true));
    }

    private static async Task<Payload<MeetingView>> UpdateAsync(IResolveFieldContext c)
    {
        c.Viewer().RequireMember();
        var input = c.GetArgument<UpdateMeetingInput>("input");
        var meetingId = GlobalId.Parse(input.MeetingId, MeetingType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var (meeting, refused) = await MeetingForWriteAsync(db, c, meetingId, errors);
        if (refused is not null)
        {
            return Payload<MeetingView>.Fail(refused);
        }

        var note = await ValidateAsync(c, db, meeting!.Match!, input.OccurredOn, input.DurationMinutes, input.Note, errors);
        if (errors.Any)
        {
            return Payload<MeetingView>.Fail(errors.All);
        }

        meeting.OccurredOn = input.OccurredOn;
        meeting.DurationMinutes = input.DurationMinutes;
        meeting.Mode = input.Mode;
        meeting.Note = note;
        meeting.UpdatedAt = Now(c);
        await db.SaveChangesAsync(c.CancellationToken);
        return Payload<MeetingView>.Ok(new MeetingView(meeting, IsAuthor: true));
    }

    private static async Task<Payload<Match>> RemoveAsync(IResolveFieldContext c)
    {
        c.Viewer().RequireMember();
        var meetingId = GlobalId.Parse(c.GetArgument<string>("meetingId"), MeetingType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var (meeting, refused) = await MeetingForWriteAsync(db, c, meetingId, errors);
        if (refused is not null)
        {
            return Payload<Match>.Fail(refused);
        }

        db.Meetings.Remove(meeting!);
        await db.SaveChangesAsync(c.CancellationToken);
        return Payload<Match>.Ok(meeting!.Match!);
    }

    /// <summary>The meeting to change, with its match, or why the viewer may not: only its author, while the match is active or paused.</summary>
    private static async Task<(Meeting? Meeting, MutationError? Refused)> MeetingForWriteAsync(JumoDbContext db, IResolveFieldContext c, Guid meetingId, MutationErrors errors)
    {
        var meeting = await db.Meetings.Include(m => m.Match).SingleOrDefaultAsync(m => m.Id == meetingId, c.CancellationToken);
        var check = MatchMembership.CheckWrite(meeting?.Match, c.Viewer());
        if (check != MatchWrite.Allowed)
        {
            return (null, errors.Refuse(check, "meetingId", MeetingNotFound));
        }

        if (meeting!.RecordedById != c.Viewer().MemberId)
        {
            return (null, errors.Add("NOT_THE_AUTHOR", "Seule la personne qui a noté cette rencontre peut la modifier.", "Only the member who recorded this meeting may change it.", "meetingId"));
        }

        return (meeting, null);
    }

    /// <summary>Checks the day, the duration and the note; answers the trimmed note (null when empty).</summary>
    private static async Task<string?> ValidateAsync(IResolveFieldContext c, JumoDbContext db, Match match, DateOnly occurredOn, int durationMinutes, string? rawNote, MutationErrors errors)
    {
        if (durationMinutes is < Meeting.MinDurationMinutes or > Meeting.MaxDurationMinutes)
        {
            errors.Add("DURATION_OUT_OF_RANGE",
                $"La durée va de {Meeting.MinDurationMinutes} à {Meeting.MaxDurationMinutes} minutes.",
                $"The duration is {Meeting.MinDurationMinutes} to {Meeting.MaxDurationMinutes} minutes.", "durationMinutes");
        }

        if (occurredOn > QuebecTime.Today(Clock(c)))
        {
            errors.Add("MEETING_IN_FUTURE", "Notez une rencontre une fois qu'elle a eu lieu.", "Record a meeting once it has taken place.", "occurredOn");
        }
        else
        {
            var activated = await MatchActivation.ActivatedAtAsync(db, [match.Id], c.CancellationToken);
            var since = QuebecTime.DateOf(activated.TryGetValue(match.Id, out var at) ? at : match.CreatedAt);
            if (occurredOn < since)
            {
                errors.Add("MEETING_BEFORE_MATCH", $"Le jumelage a commencé le {since:yyyy-MM-dd}.", $"The match started on {since:yyyy-MM-dd}.", "occurredOn");
            }
        }

        var note = rawNote?.Trim();
        if (note?.Length > Meeting.NoteMaxLength)
        {
            errors.Add("NOTE_TOO_LONG", $"La note dépasse {Meeting.NoteMaxLength} caractères.", $"The note is longer than {Meeting.NoteMaxLength} characters.", "note");
        }

        return string.IsNullOrEmpty(note) ? null : note;
    }

    private static TimeProvider Clock(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<TimeProvider>();

    private static DateTimeOffset Now(IResolveFieldContext c) => Clock(c).GetUtcNow().ToDatabasePrecision();
}
