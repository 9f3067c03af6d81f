using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.ReferenceData;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Programs;

public sealed class DemoDataTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        var before = await CountsAsync();

        await using (var db = Factory.CreateDbContext())
        {
            await DemoData.SeedAsync(db);
        }

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(DemoPeople.MemberCount, before.Members);
        Assert.Equal(2, before.Programs);
    }

    [Fact]
    public async Task Demo_data_uses_only_codes_of_the_managed_lists()
    {
        await using var db = Factory.CreateDbContext();
        var codes = (await db.ReferenceItems.ToListAsync()).Select(i => (i.Kind, i.Code)).ToHashSet();
        var members = await db.Members.ToListAsync();

        Assert.Equal(17, codes.Count(c => c.Kind == ReferenceKind.Region));
        Assert.All(members, m =>
        {
            Assert.Contains((ReferenceKind.CareerStage, m.CareerStage), codes);
            Assert.Contains((ReferenceKind.Region, m.Region), codes);
            Assert.All(m.Topics, t => Assert.Contains((ReferenceKind.Topic, t), codes));
            Assert.All(m.PracticeSettings, s => Assert.Contains((ReferenceKind.PracticeSetting, s), codes));
            Assert.All(m.LanguagesSpoken, l => Assert.Contains((ReferenceKind.Language, l), codes));
        });
        Assert.Contains(await db.Programs.ToListAsync(), p => p.Kind == ProgramKind.Flexible);
        Assert.Contains(await db.Programs.ToListAsync(), p => p.Kind == ProgramKind.Structured);
    }

    private async Task<(int Members, int Programs, int Enrolments, int Matches, int Goals, int Items)> CountsAsync()
    {
        await using var db = Factory.CreateDbContext();
        return (await db.Members.CountAsync(), await db.Programs.CountAsync(), await db.Enrolments.CountAsync(),
            await db.Matches.CountAsync(), await db.Goals.CountAsync(), await db.ReferenceItems.CountAsync());
    }
}
