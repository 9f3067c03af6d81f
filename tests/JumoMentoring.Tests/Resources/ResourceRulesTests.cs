using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Resources;

namespace JumoMentoring.Tests.Resources;

/// <summary>The slug rule and the stage of a match, in memory.</summary>
public sealed class ResourceRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Éthique & soins : l'œuvre du médecin!", "ethique-soins-l-oeuvre-du-medecin")]
    [InlineData("  Première rencontre  ", "premiere-rencontre")]
    [InlineData("CaRMS -- the MATCH (2027)", "carms-the-match-2027")]
    [InlineData("Ça va? Très bien…", "ca-va-tres-bien")]
    [InlineData("???", "ressource")]
    [InlineData("日本語", "ressource")]
    public void A_slug_is_the_title_in_lower_case_without_accents_with_hyphens(string title, string slug) =>
        Assert.Equal(slug, ResourceSlug.From(title));

    [Fact]
    public void A_long_title_leaves_room_for_a_suffix_and_ends_without_a_hyphen()
    {
        var slug = ResourceSlug.From(string.Join(' ', Enumerable.Repeat("médecine", 40)));

        Assert.True(slug.Length <= Resource.SlugMaxLength - 8, slug);
        Assert.StartsWith("medecine-medecine-", slug, StringComparison.Ordinal);
        Assert.False(slug.EndsWith('-'), slug);
    }

    [Theory]
    [InlineData(MatchStatus.Requested, 0, ResourceStage.GettingStarted)]
    [InlineData(MatchStatus.Proposed, 0, ResourceStage.GettingStarted)]
    [InlineData(MatchStatus.Active, 7, ResourceStage.GettingStarted)]
    [InlineData(MatchStatus.Active, 27, ResourceStage.GettingStarted)]
    [InlineData(MatchStatus.Active, 29, ResourceStage.During)]
    [InlineData(MatchStatus.Paused, 7, ResourceStage.During)]
    [InlineData(MatchStatus.Completed, 200, ResourceStage.Closing)]
    [InlineData(MatchStatus.Ended, 3, ResourceStage.Closing)]
    public void The_stage_follows_the_status_and_the_time_since_activation(MatchStatus status, int activeForDays, ResourceStage stage) =>
        Assert.Equal(stage, ResourceRecommendations.StageOf(status, Now.AddDays(-activeForDays), termEndsOn: null, Now));

    [Theory]
    [InlineData(10, ResourceStage.Closing)]
    [InlineData(27, ResourceStage.Closing)]
    [InlineData(40, ResourceStage.During)]
    [InlineData(-5, ResourceStage.Closing)]
    public void A_cohort_term_ending_within_four_weeks_is_closing(int endsInDays, ResourceStage stage) =>
        Assert.Equal(stage, ResourceRecommendations.StageOf(MatchStatus.Active, Now.AddDays(-100), DateOnly.FromDateTime(Now.UtcDateTime).AddDays(endsInDays), Now));
}
