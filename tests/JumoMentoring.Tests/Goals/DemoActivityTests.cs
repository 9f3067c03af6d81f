using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Goals;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Goals;

public sealed class DemoActivityTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Every_demo_active_match_has_activity_and_seeding_again_changes_nothing()
    {
        var before = await StateAsync();

        await using (var db = Factory.CreateDbContext())
        {
            await DemoData.SeedAsync(db);
        }

        Assert.Equal(before, await StateAsync());
        await using var check = Factory.CreateDbContext();
        var active = await check.Matches.Where(m => m.Status == MatchStatus.Active).Select(m => m.Id).ToListAsync();
        Assert.All(active, id => Assert.True(check.Meetings.Any(x => x.MatchId == id), "every active demo match has a meeting"));
        Assert.True(await check.CheckIns.AnyAsync());
        Assert.Contains(await check.Goals.Select(g => g.Status).ToListAsync(), s => s == GoalStatus.Achieved);

        // The structured pair is in a cohort, as are its two members' enrolments.
        var structured = await check.Matches.Include(m => m.Program).SingleAsync(m => m.Status == MatchStatus.Active && m.Program!.Kind == ProgramKind.Structured);
        Assert.NotNull(structured.CohortId);
        Assert.Equal(2, await check.Enrolments.CountAsync(e => e.CohortId == structured.CohortId));
    }

    private async Task<string> StateAsync()
    {
        await using var db = Factory.CreateDbContext();
        var transitions = await db.MatchTransitions.OrderBy(t => t.Id).Select(t => t.At.UtcTicks).ToListAsync();
        return string.Join("|",
            await db.Goals.CountAsync(), await db.Milestones.CountAsync(), await db.Meetings.CountAsync(), await db.CheckIns.CountAsync(),
            await db.Cohorts.CountAsync(), await db.Matches.CountAsync(), string.Join(",", transitions));
    }
}
