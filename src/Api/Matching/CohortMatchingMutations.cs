using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Programs;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Matching;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JumoMentoring.Api.Matching;

public sealed class CohortMatchingRunPayloadType() : PayloadType<CohortMatchingRunType, RunView>("CohortMatchingRunPayload", "run");

public sealed class PairRulePayloadType() : PayloadType<CohortType, Cohort>("PairRulePayload", "cohort");

/// <summary>Whole-cohort matching for structured programs: lock and ban pairs, run the exact solver, publish.</summary>
public static class CohortMatchingMutations
{
    public static void AddCohortMatchingMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CohortMatchingRunPayloadType>>("autoMatchCohort")
            .Description("Coordinators: computes the optimal assignment of the cohort's admitted mentees to its mentors under capacities, hard constraints, locks and bans. Stores the run (inputs, weights, result) as a draft.")
            .Argument<NonNullGraphType<IdGraphType>>("cohortId")
            .Argument<CohortObjectiveEnum>("objective", "TOTAL_FIT (default) or FAIREST.")
            .ResolveAsync(async c =>
            {
                var cohortId = GlobalId.Parse(c.GetArgument<string>("cohortId"), CohortType.TypeName);
                var objective = c.GetArgument<CohortObjective?>("objective") ?? CohortObjective.TotalFit;
                var errors = new MutationErrors(c.Graph().Language);
                var catalog = c.RequestServices!.GetRequiredService<ReferenceCatalog>();
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var cohort = await db.Cohorts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == cohortId, c.CancellationToken);
                if (cohort is null)
                {
                    return Payload<RunView>.Fail(errors.Add("COHORT_NOT_FOUND", "Cohorte introuvable.", "Cohort not found.", "cohortId"));
                }

                c.Viewer().RequireCoordinatorOf(cohort.ProgramId);
                var facts = (await MatchingProfiles.LoadProgramAsync(db, catalog, cohort.ProgramId, cohortId, c.CancellationToken))!;
                var ranks = await MatchingProfiles.RanksAsync(catalog, c.CancellationToken);
                var mentees = await db.Enrolments.AsNoTracking().Include(e => e.Member)
                    .Where(e => e.CohortId == cohortId && e.Role == ProgramRole.Mentee && e.Status == EnrolmentStatus.Active
                        && !db.Matches.Any(m => m.MenteeId == e.MemberId && m.ProgramId == cohort.ProgramId && MatchLifecycle.Open.Contains(m.Status)))
                    .ToListAsync(c.CancellationToken);
                var locks = await db.PairRules.AsNoTracking().Where(r => r.CohortId == cohortId && r.Kind == PairRuleKind.Lock)
                    .Select(r => new MemberPair(r.MenteeId, r.MentorId)).ToListAsync(c.CancellationToken);
                var input = new CohortInput
                {
                    Mentees = [.. mentees.Select(e => MatchingProfiles.Profile(e.Member!, ranks, 0, e.Priorities))],
                    Mentors = facts.Mentors,
                    Weights = facts.Program.MatchingWeights,
                    Objective = objective,
                    ExistingPairs = [.. facts.Context.ExistingPairs],
                    BannedPairs = [.. facts.Context.BannedPairs],
                    LockedPairs = locks,
                };
                var result = CohortSolver.Solve(input);
                var run = new CohortMatchingRun
                {
                    CohortId = cohortId,
                    Objective = objective,
                    InputJson = JsonSerializer.Serialize(input),
                    ResultJson = JsonSerializer.Serialize(result),
                    CreatedBy = c.Viewer().MemberId,
                };
                db.CohortMatchingRuns.Add(run);
                await db.SaveChangesAsync(c.CancellationToken);
                return Payload<RunView>.Ok(new RunView(run, result));
            });

        mutation.Field<NonNullGraphType<CohortMatchingRunPayloadType>>("publishCohortMatching")
            .Description("Coordinators: turns a run's pairs into PROPOSED matches (each becomes active when both members accept). All or nothing.")
            .Argument<NonNullGraphType<IdGraphType>>("runId")
            .ResolveAsync(async c =>
            {
                var runId = GlobalId.Parse(c.GetArgument<string>("runId"), CohortMatchingRunType.TypeName);
                var errors = new MutationErrors(c.Graph().Language);
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(c.CancellationToken);
                var run = await db.CohortMatchingRuns.FromSql($"SELECT * FROM cohort_matching_runs WHERE id = {runId} FOR UPDATE").SingleOrDefaultAsync(c.CancellationToken);
                var cohort = run is null ? null : await db.Cohorts.AsNoTracking().SingleAsync(x => x.Id == run.CohortId, c.CancellationToken);
                if (run is null || cohort is null || !c.Viewer().Coordinates(cohort.ProgramId))
                {
                    return Payload<RunView>.Fail(errors.Add("RUN_NOT_FOUND", "Exécution introuvable.", "Run not found.", "runId"));
                }

                var view = RunView.From(run);
                if (run.PublishedAt is not null)
                {
                    return Payload<RunView>.Fail(errors.Add("ALREADY_PUBLISHED", "Ce jumelage a déjà été publié.", "This run was already published.", "runId"));
                }

                if (!view.Result.IsSolved)
                {
                    return Payload<RunView>.Fail(errors.Add("RUN_NOT_SOLVED", "Cette exécution n'a pas de solution : corrigez les verrous.", "This run has no solution: fix the locks.", "runId"));
                }

                var proposed = new List<(Match, MatchStatus?)>();
                foreach (var pair in view.Result.Pairs)
                {
                    var match = new Match { ProgramId = cohort.ProgramId, CohortId = cohort.Id, MentorId = pair.MentorId, MenteeId = pair.MenteeId, Status = MatchStatus.Proposed };
                    match.Transitions.Add(new MatchTransition { MatchId = match.Id, To = MatchStatus.Proposed, Actor = MatchActor.Coordinator, ActorId = c.Viewer().MemberId, Reason = "Jumelage de cohorte / cohort matching" });
                    db.Matches.Add(match);
                    proposed.Add((match, null));
                }

                await MatchWebhookEvents.AddAsync(db, proposed, MatchActor.Coordinator, null, c.CancellationToken);

                run.PublishedAt = DateTimeOffset.UtcNow;
                try
                {
                    await db.SaveChangesAsync(c.CancellationToken);
                    await transaction.CommitAsync(c.CancellationToken);
                }
                catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                {
                    return Payload<RunView>.Fail(errors.Add("STALE_RUN", "Des jumelages ont changé depuis cette exécution : relancez-la.", "Matches changed since this run: run it again.", "runId"));
                }

                return Payload<RunView>.Ok(view with { Run = run });
            });

        mutation.Field<NonNullGraphType<PairRulePayloadType>>("setPairRule")
            .Description("Coordinators: LOCK a pair into the cohort's next run, or BAN it from the program. Replaces an earlier rule for the pair.")
            .Argument<NonNullGraphType<IdGraphType>>("cohortId")
            .Argument<NonNullGraphType<IdGraphType>>("mentorId")
            .Argument<NonNullGraphType<IdGraphType>>("menteeId")
            .Argument<NonNullGraphType<PairRuleKindEnum>>("kind")
            .ResolveAsync(async c => await SetRuleAsync(c, c.GetArgument<PairRuleKind>("kind")));

        mutation.Field<NonNullGraphType<PairRulePayloadType>>("clearPairRule")
            .Description("Coordinators: removes the lock or ban of a pair.")
            .Argument<NonNullGraphType<IdGraphType>>("cohortId")
            .Argument<NonNullGraphType<IdGraphType>>("mentorId")
            .Argument<NonNullGraphType<IdGraphType>>("menteeId")
            .ResolveAsync(async c => await SetRuleAsync(c, null));
    }

    private static async Task<Payload<Cohort>> SetRuleAsync(IResolveFieldContext c, PairRuleKind? kind)
    {
        var (cohortId, mentorId, menteeId) = CohortPairArguments.Parse(c);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var cohort = await CohortPairArguments.LoadForCoordinatorAsync(c, db, cohortId);
        if (cohort is null)
        {
            return Payload<Cohort>.Fail(errors.Add("COHORT_NOT_FOUND", "Cohorte introuvable.", "Cohort not found.", "cohortId"));
        }

        if (mentorId == menteeId)
        {
            return Payload<Cohort>.Fail(errors.Add("SAME_PERSON", "Un duo réunit deux personnes différentes.", "A pair is two different people.", "menteeId"));
        }

        await db.PairRules.Where(r => r.ProgramId == cohort.ProgramId && r.MentorId == mentorId && r.MenteeId == menteeId).ExecuteDeleteAsync(c.CancellationToken);
        if (kind is { } k)
        {
            db.PairRules.Add(new PairRule { ProgramId = cohort.ProgramId, CohortId = cohortId, MentorId = mentorId, MenteeId = menteeId, Kind = k, CreatedBy = c.Viewer().MemberId });
            await db.SaveChangesAsync(c.CancellationToken);
        }

        return Payload<Cohort>.Ok(cohort);
    }
}
