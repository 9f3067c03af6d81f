using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Programs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JumoMentoring.Api.Programs;

/// <summary>
/// Joining and leaving programs. Flexible programs (JUMO) take effect at once; structured programs
/// go through an application that a coordinator admits into a cohort or puts on the waiting list.
/// </summary>
public static class ProgramMutations
{
    public const int MaxMentorCapacity = 20;
    public const int MaxMotivationLength = 2000;

    public static void AddProgramMutations(this ObjectGraphType mutation)
    {
        mutation.AddProgramSettingsMutations();

        mutation.Field<NonNullGraphType<EnrolmentPayloadType>>("enrollInProgram")
            .Description("Joins a flexible program (JUMO) as mentor or mentee, at once. Structured programs take applyToProgram.")
            .Argument<NonNullGraphType<EnrolInputType>>("input")
            .ResolveAsync(async c => await EnrolAsync(c, ProgramKind.Flexible));

        mutation.Field<NonNullGraphType<EnrolmentPayloadType>>("applyToProgram")
            .Description("Applies to a structured program; a coordinator then admits the application into a cohort or puts it on the waiting list.")
            .Argument<NonNullGraphType<EnrolInputType>>("input")
            .ResolveAsync(async c => await EnrolAsync(c, ProgramKind.Structured));

        mutation.Field<NonNullGraphType<EnrolmentPayloadType>>("withdrawFromProgram")
            .Description("Leaves a program (or withdraws an application, or leaves the waiting list). Matches are not changed by this.")
            .Argument<NonNullGraphType<WithdrawInputType>>("input")
            .ResolveAsync(async c =>
            {
                var me = c.Viewer().RequireMember();
                var input = c.GetArgument<WithdrawInput>("input");
                var programId = GlobalId.Parse(input.ProgramId, ProgramType.TypeName);
                var errors = new MutationErrors(c.Graph().Language);
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var enrolment = await db.Enrolments.SingleOrDefaultAsync(
                    e => e.MemberId == me && e.ProgramId == programId && e.Role == input.Role && e.Status != EnrolmentStatus.Withdrawn, c.CancellationToken);
                if (enrolment is null)
                {
                    return Payload<Enrolment>.Fail(errors.Add("NOT_ENROLLED", "Vous n'êtes pas inscrit·e à ce programme dans ce rôle.", "You are not enrolled in this program in this role.", "programId"));
                }

                enrolment.Status = EnrolmentStatus.Withdrawn;
                enrolment.WaitlistedAt = null;
                enrolment.UpdatedAt = DateTimeOffset.UtcNow;
                await db.SaveChangesAsync(c.CancellationToken);
                return Payload<Enrolment>.Ok(enrolment);
            });

        mutation.Field<NonNullGraphType<CohortPayloadType>>("createCohort")
            .Description("Coordinators: opens a cohort of a structured program.")
            .Argument<NonNullGraphType<CreateCohortInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<CreateCohortInput>("input");
                var programId = GlobalId.Parse(input.ProgramId, ProgramType.TypeName);
                c.Viewer().RequireCoordinatorOf(programId);
                var errors = new MutationErrors(c.Graph().Language);
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var program = await db.Programs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, c.CancellationToken);
                if (program is null)
                {
                    return Payload<Cohort>.Fail(errors.Add("PROGRAM_NOT_FOUND", "Programme introuvable.", "Program not found.", "programId"));
                }

                if (program.Kind != ProgramKind.Structured)
                {
                    errors.Add("NOT_A_STRUCTURED_PROGRAM", "Seuls les programmes structurés ont des cohortes.", "Only structured programs have cohorts.", "programId");
                }

                var name = input.Name.Trim();
                if (name.Length is 0 or > 200)
                {
                    errors.Add("INVALID_NAME", "Le nom doit compter de 1 à 200 caractères.", "The name must be 1 to 200 characters long.", "name");
                }

                if (input.Capacity is < 1 or > Cohort.MaxCapacity)
                {
                    errors.Add("INVALID_CAPACITY", $"La capacité doit être de 1 à {Cohort.MaxCapacity} duos.", $"The capacity must be 1 to {Cohort.MaxCapacity} pairs.", "capacity");
                }

                if (input.StartsOn is { } start && input.EndsOn is { } end && end < start)
                {
                    errors.Add("INVALID_DATES", "La fin précède le début.", "The end comes before the start.", "endsOn");
                }

                if (errors.Any)
                {
                    return Payload<Cohort>.Fail(errors.All);
                }

                var cohort = new Cohort { ProgramId = programId, Name = name, Capacity = input.Capacity, StartsOn = input.StartsOn, EndsOn = input.EndsOn };
                db.Cohorts.Add(cohort);
                await db.SaveChangesAsync(c.CancellationToken);
                return Payload<Cohort>.Ok(cohort);
            });

        mutation.Field<NonNullGraphType<EnrolmentPayloadType>>("admitApplicant")
            .Description("Coordinators: admits an application (or the waiting list's member) into a cohort; COHORT_FULL when the cohort has no place left for that role.")
            .Argument<NonNullGraphType<AdmitInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<AdmitInput>("input");
                var enrolmentId = GlobalId.Parse(input.EnrolmentId, EnrolmentType.TypeName);
                var cohortId = GlobalId.Parse(input.CohortId, CohortType.TypeName);
                var errors = new MutationErrors(c.Graph().Language);
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(c.CancellationToken);
                var cohort = await LockCohortAsync(db, cohortId, c.CancellationToken);
                if (cohort is null)
                {
                    return Payload<Enrolment>.Fail(errors.Add("COHORT_NOT_FOUND", "Cohorte introuvable.", "Cohort not found.", "cohortId"));
                }

                c.Viewer().RequireCoordinatorOf(cohort.ProgramId);
                var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId && e.ProgramId == cohort.ProgramId, c.CancellationToken);
                if (enrolment is null || enrolment.Status is not (EnrolmentStatus.Applied or EnrolmentStatus.Waitlisted))
                {
                    return Payload<Enrolment>.Fail(errors.Add("NOT_AN_APPLICATION", "Cette inscription n'est pas une demande en attente pour ce programme.", "This is not a pending application to this program.", "enrolmentId"));
                }

                // The cohort row is locked: two coordinators admitting at once cannot overfill it.
                var taken = await db.Enrolments.CountAsync(e => e.CohortId == cohortId && e.Role == enrolment.Role && e.Status == EnrolmentStatus.Active, c.CancellationToken);
                if (taken >= cohort.Capacity)
                {
                    return Payload<Enrolment>.Fail(errors.Add("COHORT_FULL", "La cohorte est complète pour ce rôle.", "The cohort is full for this role.", "cohortId"));
                }

                enrolment.Status = EnrolmentStatus.Active;
                enrolment.CohortId = cohortId;
                enrolment.WaitlistedAt = null;
                enrolment.UpdatedAt = DateTimeOffset.UtcNow;
                await Webhooks.WebhookEvents.MemberEnrolledAsync(db, enrolment, c.CancellationToken);
                await db.SaveChangesAsync(c.CancellationToken);
                await transaction.CommitAsync(c.CancellationToken);
                return Payload<Enrolment>.Ok(enrolment);
            });

        mutation.Field<NonNullGraphType<EnrolmentPayloadType>>("waitlistApplicant")
            .Description("Coordinators: puts an application on the program's waiting list (at the end).")
            .Argument<NonNullGraphType<IdGraphType>>("enrolmentId")
            .ResolveAsync(async c =>
            {
                var enrolmentId = GlobalId.Parse(c.GetArgument<string>("enrolmentId"), EnrolmentType.TypeName);
                var errors = new MutationErrors(c.Graph().Language);
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId, c.CancellationToken);
                if (enrolment is null || !c.Viewer().Coordinates(enrolment.ProgramId))
                {
                    if (enrolment is not null)
                    {
                        c.Viewer().RequireCoordinatorOf(enrolment.ProgramId);
                    }

                    return Payload<Enrolment>.Fail(errors.Add("NOT_AN_APPLICATION", "Demande introuvable.", "Application not found.", "enrolmentId"));
                }

                if (enrolment.Status != EnrolmentStatus.Applied)
                {
                    return Payload<Enrolment>.Fail(errors.Add("NOT_AN_APPLICATION", "Seule une demande en attente de décision peut aller sur la liste d'attente.", "Only an application waiting for a decision can go on the waiting list.", "enrolmentId"));
                }

                enrolment.Status = EnrolmentStatus.Waitlisted;
                enrolment.WaitlistedAt = DateTimeOffset.UtcNow;
                enrolment.UpdatedAt = DateTimeOffset.UtcNow;
                await db.SaveChangesAsync(c.CancellationToken);
                return Payload<Enrolment>.Ok(enrolment);
            });
    }

    private static async Task<Payload<Enrolment>> EnrolAsync(IResolveFieldContext c, ProgramKind kind)
    {
        var me = c.Viewer().RequireMember();
        var input = c.GetArgument<EnrolInput>("input");
        var programId = GlobalId.Parse(input.ProgramId, ProgramType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var program = await db.Programs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, c.CancellationToken);
        if (program is null)
        {
            return Payload<Enrolment>.Fail(errors.Add("PROGRAM_NOT_FOUND", "Programme introuvable.", "Program not found.", "programId"));
        }

        if (program.Kind != kind)
        {
            return Payload<Enrolment>.Fail(kind == ProgramKind.Flexible
                ? errors.Add("APPLICATION_REQUIRED", "Ce programme structuré demande une candidature : utilisez applyToProgram.", "This structured program takes applications: use applyToProgram.", "programId")
                : errors.Add("NO_APPLICATION_NEEDED", "Ce programme souple est ouvert : utilisez enrollInProgram.", "This flexible program is open: use enrollInProgram.", "programId"));
        }

        if (program.Status != ProgramStatus.Open)
        {
            return Payload<Enrolment>.Fail(errors.Add("PROGRAM_CLOSED", "Ce programme n'accepte pas d'inscriptions en ce moment.", "This program is not taking enrolments at the moment.", "programId"));
        }

        if (input.Role == ProgramRole.Mentor && input.MentorCapacity is not (>= 1 and <= MaxMentorCapacity))
        {
            errors.Add("INVALID_CAPACITY", $"Indiquez combien de personnes vous pouvez accompagner à la fois (1 à {MaxMentorCapacity}).", $"Say how many mentees you can take at once (1 to {MaxMentorCapacity}).", "mentorCapacity");
        }

        if (input.Role == ProgramRole.Mentee && input.MentorCapacity is not null)
        {
            errors.Add("INVALID_CAPACITY", "Seuls les mentors indiquent une capacité.", "Only mentors give a capacity.", "mentorCapacity");
        }

        var motivation = input.Motivation?.Trim();
        if (motivation?.Length > MaxMotivationLength)
        {
            errors.Add("MOTIVATION_TOO_LONG", $"Au plus {MaxMotivationLength} caractères.", $"At most {MaxMotivationLength} characters.", "motivation");
        }

        if (errors.Any)
        {
            return Payload<Enrolment>.Fail(errors.All);
        }

        var enrolment = new Enrolment
        {
            MemberId = me,
            ProgramId = programId,
            Role = input.Role,
            Status = kind == ProgramKind.Flexible ? EnrolmentStatus.Active : EnrolmentStatus.Applied,
            MentorCapacity = input.MentorCapacity,
            Motivation = string.IsNullOrEmpty(motivation) ? null : motivation,
            Priorities = input.Role == ProgramRole.Mentee ? [.. (input.Priorities ?? []).Distinct().Select(p => p.ToString())] : [],
        };
        db.Enrolments.Add(enrolment);
        await Webhooks.WebhookEvents.MemberEnrolledAsync(db, enrolment, c.CancellationToken);
        try
        {
            await db.SaveChangesAsync(c.CancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The unique index on current enrolments decides, even for two requests at the same instant.
            return Payload<Enrolment>.Fail(errors.Add("ALREADY_ENROLLED", "Vous êtes déjà inscrit·e à ce programme dans ce rôle.", "You are already enrolled in this program in this role.", "programId"));
        }

        return Payload<Enrolment>.Ok(enrolment);
    }

    private static async Task<Cohort?> LockCohortAsync(JumoDbContext db, Guid cohortId, CancellationToken cancellationToken) =>
        await db.Cohorts.FromSql($"SELECT * FROM cohorts WHERE id = {cohortId} FOR UPDATE").AsNoTracking().SingleOrDefaultAsync(cancellationToken);
}
