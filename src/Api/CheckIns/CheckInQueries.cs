using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Programs;
using JumoMentoring.Chat;
using JumoMentoring.Domain.CheckIns;
using JumoMentoring.Domain.Matches;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.CheckIns;

public static class CheckInQueries
{
    public static void AddCheckInQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(CheckInType.TypeName, (c, id) => c.CheckInById(id));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PendingCheckInType>>>>("pendingCheckIns")
            .Description("Check-ins the signed-in member owes: on each active match, one every CheckInIntervalWeeks of its program after the previous one (or after the match became active), longest due first.")
            .ResolveAsync(async c =>
            {
                var me = c.Viewer().RequireMember();
                var now = c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var matches = await db.Matches.AsNoTracking().Include(m => m.Program)
                    .Where(m => m.Status == MatchStatus.Active && (m.MentorId == me || m.MenteeId == me))
                    .ToListAsync(c.CancellationToken);
                var ids = matches.Select(m => m.Id).ToList();
                var activated = await MatchActivation.ActivatedAtAsync(db, ids, c.CancellationToken);
                var last = await db.CheckIns.AsNoTracking()
                    .Where(x => x.MemberId == me && ids.Contains(x.MatchId))
                    .GroupBy(x => x.MatchId)
                    .Select(g => new { MatchId = g.Key, At = g.Max(x => x.SubmittedAt) })
                    .ToDictionaryAsync(x => x.MatchId, x => x.At, c.CancellationToken);
                return matches
                    .Select(m =>
                    {
                        DateTimeOffset? previous = last.TryGetValue(m.Id, out var at) ? at : null;
                        var due = CheckInSchedule.NextDue(activated.TryGetValue(m.Id, out var a) ? a : m.CreatedAt, previous, m.Program!.CheckInIntervalWeeks);
                        return new PendingCheckIn(m, due, previous);
                    })
                    .Where(p => p.DueSince <= now)
                    .OrderBy(p => p.DueSince)
                    .ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MatchNeedingAttentionType>>>>("matchesNeedingAttention")
            .Description("Coordinators: the program's active matches with a low satisfaction (a member's latest check-in at 2 or less) or no contact for 30 days (no meeting, no \"we met\", no chat message), and requests unanswered for more than 7 days, with the reasons. Never goal text, notes, comments or messages.")
            .Argument<NonNullGraphType<IdGraphType>>("programId")
            .ResolveAsync(async c =>
            {
                var programId = GlobalId.Parse(c.GetArgument<string>("programId"), ProgramType.TypeName);
                c.Viewer().RequireCoordinatorOf(programId);
                var services = c.RequestServices!;
                await using var db = await services.CreateDbAsync(c.CancellationToken);
                return await MatchAttention.FindAsync(db, services.GetRequiredService<ChatStore>(), programId,
                    services.GetRequiredService<TimeProvider>().GetUtcNow(), c.CancellationToken);
            });
    }

    /// <summary><c>Match.checkIns</c>.</summary>
    public static void AddCheckInFields(this ObjectGraphType<Match> match) =>
        match.Field<NonNullGraphType<ConnectionType<CheckInType, CheckIn>>>("checkIns")
            .Description("Check-ins, latest first: all of them for the program's coordinators and admins; a member sees only their own, never their partner's.")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var paging = Paging.From(c);
                var viewer = c.Viewer();
                var source = c.Source;
                var services = c.RequestServices!;
                var everyone = viewer.Coordinates(source.ProgramId);

                IQueryable<CheckIn> Query(Domain.Data.JumoDbContext db) =>
                    db.CheckIns.AsNoTracking().Where(x => x.MatchId == source.Id && (everyone || x.MemberId == viewer.MemberId));

                await using var db = await services.CreateDbAsync(c.CancellationToken);
                var rows = Query(db);
                if (paging.After is { } after)
                {
                    var (at, id) = DecodeCursor(after);
                    rows = rows.Where(x => x.SubmittedAt < at || (x.SubmittedAt == at && x.Id.CompareTo(id) < 0));
                }

                var page = await rows.OrderByDescending(x => x.SubmittedAt).ThenByDescending(x => x.Id).Take(paging.First + 1).ToListAsync(c.CancellationToken);
                return paging.ToConnection(page, x => $"{x.SubmittedAt.UtcTicks}\u001f{x.Id:N}", async ct =>
                {
                    await using var countDb = await services.CreateDbAsync(ct);
                    return await Query(countDb).CountAsync(ct);
                });
            });

    /// <summary>A check-in, or null unless the viewer is its author, coordinates its program, or is an admin.</summary>
    public static IDataLoaderResult<CheckIn?> CheckInById(this IResolveFieldContext context, Guid id)
    {
        var viewer = context.Viewer();
        return context.Loaders().Get<Guid, CheckIn>("check-in-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.CheckIns.AsNoTracking().Include(x => x.Match).Where(x => ids.Contains(x.Id)).ToListAsync(ct);
            return rows.Where(x => x.MemberId == viewer.MemberId || viewer.Coordinates(x.Match!.ProgramId)).ToDictionary(x => x.Id);
        }).Load(id);
    }

    private static (DateTimeOffset At, Guid Id) DecodeCursor(string cursor)
    {
        var parts = Paging.DecodeCursor(cursor).Split('\u001f');
        return parts.Length == 2 && long.TryParse(parts[0], out var ticks) && ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[1], "N", out var id)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : throw GraphError.InvalidCursor(cursor);
    }
}
