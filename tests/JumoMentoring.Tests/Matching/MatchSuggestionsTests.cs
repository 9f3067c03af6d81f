using JumoMentoring.Domain.Matching;
using static JumoMentoring.Tests.Matching.Profiles;

namespace JumoMentoring.Tests.Matching;

public sealed class MatchSuggestionsTests
{
    private static readonly CompatibilityScorer Scorer = new(MatchingWeights.Default);

    [Fact]
    public void Only_compatible_mentors_best_first_and_at_most_top()
    {
        var mentee = Mentee(1, topics: ["a", "b"]);
        MatchingProfile[] mentors =
        [
            Mentor(10, topics: ["a"]),
            Mentor(11, topics: ["a", "b"]),
            Mentor(12, topics: ["a", "b"], languages: ["en"]), // no shared language
            Mentor(13, topics: ["a", "b"], capacity: 0),       // full
            Mentor(14, topics: []),
        ];

        var all = MatchSuggestions.Rank(Scorer, mentee, mentors, MatchingContext.Empty, top: 10);
        var two = MatchSuggestions.Rank(Scorer, mentee, mentors, MatchingContext.Empty, top: 2);

        Assert.Equal([Id(11), Id(10), Id(14)], all.Select(s => s.MentorId));
        Assert.Equal([Id(11), Id(10)], two.Select(s => s.MentorId));
        Assert.True(all[0].Score.Value > all[1].Score.Value);
    }

    [Fact]
    public void Ties_go_to_more_free_places_then_to_the_smaller_member_id_whatever_the_input_order()
    {
        var mentee = Mentee(1, topics: ["a"]);
        MatchingProfile[] mentors =
        [
            Mentor(20, topics: ["a"], capacity: 1),
            Mentor(21, topics: ["a"], capacity: 3),
            Mentor(22, topics: ["a"], capacity: 1),
            Mentor(23, topics: ["a"], capacity: 3),
        ];
        var random = new Random(5);

        for (var k = 0; k < 10; k++)
        {
            var shuffled = mentors.OrderBy(_ => random.Next()).ToList();
            var ranked = MatchSuggestions.Rank(Scorer, mentee, shuffled, MatchingContext.Empty, top: 4);
            Assert.Equal([Id(21), Id(23), Id(20), Id(22)], ranked.Select(s => s.MentorId));
        }
    }

    [Fact]
    public void Priorities_change_the_ranking()
    {
        // Mentor 30 shares the region and one topic of two, mentor 31 both topics but not the region.
        MatchingProfile[] mentors = [Mentor(30, region: "06", topics: ["a"]), Mentor(31, region: "03", topics: ["a", "b"])];

        var plain = MatchSuggestions.Rank(Scorer, Mentee(1, region: "06", topics: ["a", "b"]), mentors, MatchingContext.Empty, 2);
        var regionFirst = MatchSuggestions.Rank(Scorer, Mentee(1, region: "06", topics: ["a", "b"], priorities: [MatchingCriterion.Region]), mentors, MatchingContext.Empty, 2);

        Assert.Equal([Id(31), Id(30)], plain.Select(s => s.MentorId));        // 72.73 > 63.64
        Assert.Equal([Id(30), Id(31)], regionFirst.Select(s => s.MentorId));  // 71.43 > 57.14
        Assert.Equal([71.43m, 57.14m], regionFirst.Select(s => s.Score.Value));
    }

    [Fact]
    public void Banned_and_already_matched_mentors_are_not_suggested()
    {
        var mentee = Mentee(1);
        var context = new MatchingContext([new MemberPair(Id(1), Id(40))], [new MemberPair(Id(1), Id(41))]);

        var ranked = MatchSuggestions.Rank(Scorer, mentee, [Mentor(40), Mentor(41), Mentor(42)], context, 5);

        Assert.Equal([Id(42)], ranked.Select(s => s.MentorId));
    }
}
