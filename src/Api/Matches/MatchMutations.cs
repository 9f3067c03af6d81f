using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Members;
using JumoMentoring.Api.Programs;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JumoMentoring.Api.Matches;

public sealed class MatchPayloadType() : PayloadType<MatchType, Match>("MatchPayload", "match");

/// <summary>
/// The lifecycle mutations. Every change goes through <see cref="MatchLifecycle.Decide"/> and is
/// recorded as a <see cref="MatchTransition"/>; capacity and "one current match per mentee and
/// program" hold under concurrency (row lock on the mentor's enrolment, unique partial indexes).
/// </summary>
public static class MatchMutations
{
    public const int MaxMessageLength = 2000;

    public static void AddMatchMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<MatchPayloadType>>("requestMentor")
            .Description("Flexible programs: a mentee asks a mentor; the mentor accepts or declines, or the request expires.")
            .Argument<NonNullGraphType<IdGraphType>>("programId")
            .Argument<NonNullGraphType<IdGraphType>>("mentorId")
            .Argument<StringGraphType>("message", $"A few words to the mentor (at most {MaxMessageLength} characters).")
            .ResolveAsync(async c => (await RequestAsync(c)).Published(c));

        mutation.Field<NonNullGraphType<MatchPayloadType>>("proposeMatch")
            .Description("Structured programs, coordinators: proposes a pair; it becomes active once both members accept.")
            .Argument<NonNullGraphType<IdGraphType>>("cohortId")
            .Argument<NonNullGraphType<IdGraphType>>("mentorId")
            .Argument<NonNullGraphType<IdGraphType>>("menteeId")
            .ResolveAsync(async c => (await ProposeAsync(c)).Published(c));

        Transition(mutation, "acceptRequest", MatchAction.Accept, "The mentor accepts a request: the match becomes ACTIVE (MENTOR_AT_CAPACITY when full).");
        Transition(mutation, "declineRequest", MatchAction.Decline, "The mentor declines a request, with a reason for the mentee.");
        Transition(mutation, "acceptProposal", MatchAction.Accept, "Structured programs: a member accepts a proposed match; the second acceptance activates it.");
        Transition(mutation, "declineProposal", MatchAction.Decline, "Structured programs: a member declines a proposed match.");
        Transition(mutation, "pauseMatch", MatchAction.Pause, "Pauses an active match (either member or the coordinator).");
        Transition(mutation, "resumeMatch", MatchAction.Resume, "Resumes a paused match.");
        Transition(mutation, "completeMatch", MatchAction.Complete, "Confirms the match is complete: it completes when both members confirm, or when the coordinator does at term.");
        Transition(mutation, "endMatch", MatchAction.End, "Ends a match early (either member or the coordinator), with a reason; a mentee may also withdraw a pending request.");
    }

    private static void Transition(ObjectGraphType mutation, string name, MatchAction action, string description) =>
        mutation.Field<NonNullGraphType<MatchPayloadType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<IdGraphType>>("matchId")
            .Argument<StringGraphType>("reason", "Why (required to end an active match; at most 1,000 characters).")
            .ResolveAsync(async c => (await TransitionAsync(c, action)).Published(c));

    private static async Task<Payload<Match>> TransitionAsync(IResolveFieldContext c, MatchAction action)
    {
        var viewer = c.Viewer();
        var me = viewer.MemberId;
        if (me is null && !viewer.IsAdmin)
        {
            viewer.RequireMember();
        }

        var matchId = GlobalId.Parse(c.GetArgument<string>("matchId"), MatchType.TypeName);
        var reason = c.GetArgument<string?>("reason")?.Trim();
        var errors = new MutationErrors(c.Graph().Language);
        if (reason?.Length > 1000)
        {
            return Payload<Match>.Fail(errors.Add("REASON_TOO_LONG", "La raison dépasse 1 000 caractères.", "The reason is longer than 1,000 characters.", "reason"));
        }

        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(c.CancellationToken);
        var match = await db.Matches.FromSql($"SELECT * FROM matches WHERE id = {matchId} FOR UPDATE").SingleOrDefaultAsync(c.CancellationToken);
        var actor = match is null ? (MatchActor?)null
            : match.MentorId == me ? MatchActor.Mentor
            : match.MenteeId == me ? MatchActor.Mentee
            : viewer.Coordinates(match.ProgramId) ? MatchActor.Coordinator
            : null;
        if (match is null || actor is null)
        {
            return Payload<Match>.Fail(errors.Add("MATCH_NOT_FOUND", "Jumelage introuvable.", "Match not found.", "matchId"));
        }

        var decision = MatchLifecycle.Decide(match, action, actor.Value, !string.IsNullOrEmpty(reason));
        if (!decision.Allowed)
        {
            return Payload<Match>.Fail(decision.ErrorCode switch
            {
                MatchLifecycle.ReasonRequired => errors.Add(decision.ErrorCode, "Indiquez une raison.", "Give a reason.", "reason"),
                MatchLifecycle.NotAllowed => errors.Add(decision.ErrorCode, "Vous ne pouvez pas faire ceci sur ce jumelage.", "You may not do this to this match.", "matchId"),
                _ => errors.Add(decision.ErrorCode!, $"Impossible depuis l'état {match.Status}.", $"Not possible from status {match.Status}.", "matchId"),
            });
        }

        var now = DateTimeOffset.UtcNow;
        if (action == MatchAction.Accept && match.Status == MatchStatus.Proposed)
        {
            if (actor == MatchActor.Mentor)
            {
                match.MentorAcceptedAt = now;
            }
            else
            {
                match.MenteeAcceptedAt = now;
            }
        }

        if (action == MatchAction.Complete && actor is MatchActor.Mentor or MatchActor.Mentee)
        {
            if (actor == MatchActor.Mentor)
            {
                match.MentorConfirmedCompletionAt = now;
            }
            else
            {
                match.MenteeConfirmedCompletionAt = now;
            }
        }

        var to = decision.To!.Value;
        if (to == MatchStatus.Active && match.Status is MatchStatus.Requested or MatchStatus.Proposed
            && await MentorIsFullAsync(db, match, c.CancellationToken))
        {
            return Payload<Match>.Fail(errors.Add("MENTOR_AT_CAPACITY", "Ce mentor accompagne déjà le nombre maximal de personnes.", "This mentor already has as many mentees as they can take.", "matchId"));
        }

        var from = match.Status;
        if (to != from)
        {
            db.MatchTransitions.Add(new MatchTransition { MatchId = match.Id, From = from, To = to, ActorId = me, Actor = actor.Value, Reason = reason, At = now });
            match.Status = to;
        }

        match.UpdatedAt = now;
        await MatchWebhookEvents.AddAsync(db, [(match, from)], actor.Value, reason, c.CancellationToken);
        try
        {
            await db.SaveChangesAsync(c.CancellationToken);
            await transaction.CommitAsync(c.CancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ux_matches_current_mentee" })
        {
            return Payload<Match>.Fail(errors.Add("MENTEE_ALREADY_MATCHED", "Cette personne a déjà un jumelage en cours dans ce programme.", "This mentee already has a current match in this program.", "matchId"));
        }

        return Payload<Match>.Ok(match);
    }

    /// <summary>
    /// Locks the mentor's enrolment row, then counts current matches: two acceptances at the same
    /// instant queue on the lock, so the second sees the first and capacity holds.
    /// </summary>
    private static async Task<bool> MentorIsFullAsync(JumoDbContext db, Match match, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments
            .FromSql($"SELECT * FROM enrolments WHERE member_id = {match.MentorId} AND program_id = {match.ProgramId} AND role = 'Mentor' AND status = 'Active' FOR UPDATE")
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (enrolment is null)
        {
            return true;
        }

        var current = await db.Matches.CountAsync(m => m.MentorId == match.MentorId && m.ProgramId == match.ProgramId
            && MatchLifecycle.Current.Contains(m.Status) && m.Id != match.Id, cancellationToken);
        return current >= (enrolment.MentorCapacity ?? 1);
    }

    private static async Task<Payload<Match>> RequestAsync(IResolveFieldContext c)
    {
        var me = c.Viewer().RequireMember();
        var programId = GlobalId.Parse(c.GetArgument<string>("programId"), ProgramType.TypeName);
        var mentorId = GlobalId.Parse(c.GetArgument<string>("mentorId"), MemberType.TypeName);
        var message = c.GetArgument<string?>("message")?.Trim();
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var program = await db.Programs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, c.CancellationToken);
        if (program is null || program.Kind != ProgramKind.Flexible)
        {
            return Payload<Match>.Fail(errors.Add("PROGRAM_NOT_FOUND", "Programme souple introuvable.", "Flexible program not found.", "programId"));
        }

        if (program.Status != ProgramStatus.Open)
        {
            return Payload<Match>.Fail(errors.Add("PROGRAM_CLOSED", "Ce programme n'accepte pas de demandes en ce moment.", "This program is not taking requests at the moment.", "programId"));
        }

        if (message?.Length > MaxMessageLength)
        {
            errors.Add("MESSAGE_TOO_LONG", $"Le message dépasse {MaxMessageLength} caractères.", $"The message is longer than {MaxMessageLength} characters.", "message");
        }

        if (mentorId == me)
        {
            errors.Add("SAME_PERSON", "Vous ne pouvez pas vous jumeler avec vous-même.", "You cannot be your own mentor.", "mentorId");
        }

        var enrolled = await db.Enrolments.AsNoTracking()
            .Where(e => e.ProgramId == programId && e.Status == EnrolmentStatus.Active && (e.MemberId == me || e.MemberId == mentorId))
            .Select(e => new { e.MemberId, e.Role, e.MentorCapacity })
            .ToListAsync(c.CancellationToken);
        if (!enrolled.Any(e => e.MemberId == me && e.Role == ProgramRole.Mentee))
        {
            errors.Add("NOT_ENROLLED", "Inscrivez-vous d'abord comme personne mentorée dans ce programme.", "Enrol as a mentee in this program first.", "programId");
        }

        var mentor = enrolled.FirstOrDefault(e => e.MemberId == mentorId && e.Role == ProgramRole.Mentor);
        if (mentor is null)
        {
            errors.Add("NOT_A_MENTOR", "Cette personne n'est pas mentor dans ce programme.", "This member is not a mentor in this program.", "mentorId");
        }
        else if (await db.Matches.CountAsync(m => m.MentorId == mentorId && m.ProgramId == programId && MatchLifecycle.Current.Contains(m.Status), c.CancellationToken) >= (mentor.MentorCapacity ?? 1))
        {
            errors.Add("MENTOR_AT_CAPACITY", "Ce mentor accompagne déjà le nombre maximal de personnes.", "This mentor already has as many mentees as they can take.", "mentorId");
        }

        if (await db.Matches.AnyAsync(m => m.MenteeId == me && m.ProgramId == programId && MatchLifecycle.Current.Contains(m.Status), c.CancellationToken))
        {
            errors.Add("ALREADY_MATCHED", "Vous avez déjà un jumelage en cours dans ce programme.", "You already have a current match in this program.", "programId");
        }

        if (errors.Any)
        {
            return Payload<Match>.Fail(errors.All);
        }

        var match = new Match { ProgramId = programId, MentorId = mentorId, MenteeId = me, Status = MatchStatus.Requested, RequestMessage = string.IsNullOrEmpty(message) ? null : message };
        match.Transitions.Add(new MatchTransition { MatchId = match.Id, From = null, To = MatchStatus.Requested, ActorId = me, Actor = MatchActor.Mentee });
        return await InsertAsync(db, match, MatchActor.Mentee, errors, c.CancellationToken);
    }

    private static async Task<Payload<Match>> ProposeAsync(IResolveFieldContext c)
    {
        var (cohortId, mentorId, menteeId) = CohortPairArguments.Parse(c);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var cohort = await CohortPairArguments.LoadForCoordinatorAsync(c, db, cohortId);
        if (cohort is null)
        {
            return Payload<Match>.Fail(errors.Add("COHORT_NOT_FOUND", "Cohorte introuvable.", "Cohort not found.", "cohortId"));
        }

        var admitted = await db.Enrolments.AsNoTracking()
            .Where(e => e.CohortId == cohortId && e.Status == EnrolmentStatus.Active && (e.MemberId == mentorId || e.MemberId == menteeId))
            .Select(e => new { e.MemberId, e.Role })
            .ToListAsync(c.CancellationToken);
        if (!admitted.Any(e => e.MemberId == mentorId && e.Role == ProgramRole.Mentor))
        {
            errors.Add("NOT_IN_COHORT", "Ce mentor n'est pas admis dans cette cohorte.", "This mentor is not admitted in this cohort.", "mentorId");
        }

        if (!admitted.Any(e => e.MemberId == menteeId && e.Role == ProgramRole.Mentee))
        {
            errors.Add("NOT_IN_COHORT", "Cette personne mentorée n'est pas admise dans cette cohorte.", "This mentee is not admitted in this cohort.", "menteeId");
        }

        if (errors.Any)
        {
            return Payload<Match>.Fail(errors.All);
        }

        var match = new Match { ProgramId = cohort.ProgramId, CohortId = cohortId, MentorId = mentorId, MenteeId = menteeId, Status = MatchStatus.Proposed };
        match.Transitions.Add(new MatchTransition { MatchId = match.Id, From = null, To = MatchStatus.Proposed, ActorId = c.Viewer().MemberId, Actor = MatchActor.Coordinator });
        return await InsertAsync(db, match, MatchActor.Coordinator, errors, c.CancellationToken);
    }

    private static async Task<Payload<Match>> InsertAsync(JumoDbContext db, Match match, MatchActor actor, MutationErrors errors, CancellationToken cancellationToken)
    {
        db.Matches.Add(match);
        await MatchWebhookEvents.AddAsync(db, [(match, null)], actor, null, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Payload<Match>.Fail(errors.Add("DUPLICATE_REQUEST", "Une demande est déjà ouverte pour ce duo.", "A request is already open for this pair.", "mentorId"));
        }

        return Payload<Match>.Ok(match);
    }
}
