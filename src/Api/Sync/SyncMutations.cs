using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Sync;

/// <summary>
/// The member system's sync (integration clients; admins too): DELTA calls, or FULL runs in batches
/// of at most 1,000 rows. The logic is <see cref="MemberSync"/>, shared with the CSV import.
/// </summary>
public static class SyncMutations
{
    public static void AddSyncQueries(this ObjectGraphType query, NodeResolvers nodes) =>

        // node(id:) finds runs for integration clients and admins only.
        nodes.Register(MemberSyncRunType.TypeName, (c, id) => !(c.Viewer().IsIntegration || c.Viewer().IsAdmin)
            ? NullResult.Instance
            : c.Loaders().Get<Guid, MemberSyncRun>("member-sync-run-by-id", async (services, ids, ct) =>
            {
                await using var db = await services.CreateDbAsync(ct);
                return await db.MemberSyncRuns.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            }).Load(id));

    public static void AddSyncMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<MemberSyncRunPayloadType>>("startMemberSync")
            .Description("Integration: starts a FULL sync run. Send the whole member list in batches with syncMembers(input: {mode: FULL, syncId, members}), then call completeMemberSync.")
            .ResolveAsync(async c =>
            {
                c.Viewer().RequireIntegration();
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var run = MemberSync.StartRun(db, "graphql");
                await db.SaveChangesAsync(c.CancellationToken);
                return Payload<MemberSyncRun>.Ok(run);
            });

        mutation.Field<NonNullGraphType<SyncMembersPayloadType>>("syncMembers")
            .Description(
                $"Integration: creates or updates members by member number (idempotent: the same rows again answer 'unchanged'), at most {MemberSync.MaxRowsPerCall} rows a call. " +
                "Invalid rows are reported in result.rowErrors and skipped; the valid rows are applied. Members are never deleted: active: false deactivates, active: true reactivates. " +
                "Topics and bio are the member's and never touched. Payload errors (nothing changed): SYNC_NOT_FOUND, SYNC_NOT_OPEN, SYNC_ID_NOT_ALLOWED, EMPTY_SYNC.")
            .Argument<NonNullGraphType<SyncMembersInputType>>("input")
            .ResolveAsync(async c =>
            {
                c.Viewer().RequireIntegration();
                var input = c.GetArgument<SyncMembersInput>("input");
                if (input.Members.Count > MemberSync.MaxRowsPerCall)
                {
                    throw GraphError.LimitExceeded("members", MemberSync.MaxRowsPerCall);
                }

                var errors = new MutationErrors(c.Graph().Language);
                var runId = input.SyncId is null ? (Guid?)null : GlobalId.Parse(input.SyncId, MemberSyncRunType.TypeName);
                if (input.Mode == MemberSyncMode.Delta && runId is not null)
                {
                    return Payload<MemberSyncCall>.Fail(errors.Add("SYNC_ID_NOT_ALLOWED", "Un syncId n'accompagne qu'une synchronisation FULL.", "A syncId goes with a FULL sync only.", "syncId"));
                }

                if (input.Mode == MemberSyncMode.Full && runId is null && input.Members.Count == 0)
                {
                    return Payload<MemberSyncCall>.Fail(EmptySync(errors));
                }

                var rows = input.Members.Select((m, i) => m.ToRow(i)).ToList();
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(c.CancellationToken);
                await MemberSync.LockAsync(db, c.CancellationToken);

                MemberSyncRun? run = null;
                if (runId is { } id)
                {
                    run = await db.MemberSyncRuns.SingleOrDefaultAsync(r => r.Id == id, c.CancellationToken);
                    if (run is null || run.Status != MemberSyncRunStatus.Open)
                    {
                        return Payload<MemberSyncCall>.Fail(run is null ? NotFound(errors) : NotOpen(errors));
                    }
                }
                else if (input.Mode == MemberSyncMode.Full)
                {
                    run = MemberSync.StartRun(db, "graphql");
                }

                var result = await MemberSync.SyncAsync(db, rows, run, c.CancellationToken);
                if (input.Mode == MemberSyncMode.Full && runId is null)
                {
                    // The whole list in one call: complete the run at once, in the same transaction.
                    result.Deactivated += await MemberSync.CompleteAsync(db, run!, c.CancellationToken);
                }

                await transaction.CommitAsync(c.CancellationToken);
                return Payload<MemberSyncCall>.Ok(new MemberSyncCall(input.Mode, run, result));
            });

        mutation.Field<NonNullGraphType<MemberSyncRunPayloadType>>("completeMemberSync")
            .Description(
                "Integration: closes a FULL run and deactivates (never deletes) every active member it did not list. Spared: members created or synced since the run started, " +
                "and staff (admins, coordinators), whom only an explicit active: false deactivates. Errors: SYNC_NOT_FOUND, SYNC_NOT_OPEN, EMPTY_SYNC (a run that received no rows would deactivate everyone).")
            .Argument<NonNullGraphType<IdGraphType>>("syncId")
            .ResolveAsync(async c =>
            {
                c.Viewer().RequireIntegration();
                var id = GlobalId.Parse(c.GetArgument<string>("syncId"), MemberSyncRunType.TypeName);
                var errors = new MutationErrors(c.Graph().Language);
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(c.CancellationToken);
                await MemberSync.LockAsync(db, c.CancellationToken);
                var run = await db.MemberSyncRuns.SingleOrDefaultAsync(r => r.Id == id, c.CancellationToken);
                if (run is null)
                {
                    return Payload<MemberSyncRun>.Fail(NotFound(errors));
                }

                switch (MemberSync.CannotComplete(run))
                {
                    case "SYNC_NOT_OPEN":
                        return Payload<MemberSyncRun>.Fail(NotOpen(errors));
                    case "EMPTY_SYNC":
                        return Payload<MemberSyncRun>.Fail(EmptySync(errors));
                }

                await MemberSync.CompleteAsync(db, run, c.CancellationToken);
                await transaction.CommitAsync(c.CancellationToken);
                return Payload<MemberSyncRun>.Ok(run);
            });
    }

    private static MutationError NotFound(MutationErrors errors) =>
        errors.Add("SYNC_NOT_FOUND", "Synchronisation introuvable.", "Sync run not found.", "syncId");

    private static MutationError NotOpen(MutationErrors errors) =>
        errors.Add("SYNC_NOT_OPEN", "Cette synchronisation est déjà terminée : commencez-en une autre avec startMemberSync.", "This sync run is already completed: start another with startMemberSync.", "syncId");

    private static MutationError EmptySync(MutationErrors errors) =>
        errors.Add("EMPTY_SYNC", "Une synchronisation FULL sans aucune ligne désactiverait tous les membres : rien n'a été fait.", "A FULL sync without any row would deactivate every member: nothing was done.", "members");
}
