using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.ReferenceData;
using JumoMentoring.Domain.Resources;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Resources;

public sealed class DemoResourcesTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_demo_library_is_seeded_once_with_codes_of_the_managed_lists()
    {
        await using (var seedAgain = Factory.CreateDbContext())
        {
            await DemoData.SeedAsync(seedAgain);
        }

        await using var db = Factory.CreateDbContext();
        var resources = await db.Resources.ToListAsync();
        var topics = (await db.ReferenceItems.Where(i => i.Kind == ReferenceKind.Topic).ToListAsync()).Select(i => i.Code).ToHashSet();

        Assert.Equal(DemoResources.All().Count, resources.Count);
        var published = resources.Where(r => r.Status == ResourceStatus.Published).ToList();
        Assert.True(published.Count >= 20);
        Assert.InRange(published.Count(r => r.TitleFr is null || r.TitleEn is null), 2, 3);
        Assert.All(resources, r =>
        {
            Assert.NotEmpty(r.Topics);
            Assert.All(r.Topics, t => Assert.Contains(t, topics));
            Assert.All(r.Audience, a => Assert.NotNull(ResourceCodes.ParseAudience(a)));
            Assert.NotNull(ResourceCodes.ParseStage(r.Stage));
            Assert.Equal(r.TitleFr is null, r.BodyFr is null);
            Assert.Equal(r.TitleEn is null, r.BodyEn is null);
        });
    }
}
