using JumoMentoring.Domain.Matching;
using JumoMentoring.Domain.ReferenceData;
using static JumoMentoring.Tests.Matching.Profiles;

namespace JumoMentoring.Tests.Matching;

public sealed class MatchReasonsTests
{
    private static readonly CompatibilityScorer Scorer = new(MatchingWeights.Default);
    private static readonly Func<string, string, (string Fr, string En)> Labels = MatchReasons.LabelsFrom(ReferenceLists.All);

    [Fact]
    public void Shared_topics_read_in_french_and_english_with_the_list_labels()
    {
        var score = Scorer.Score(
            Mentee(1, region: "06", topics: ["exam-preparation", "wellness", "research"]),
            Mentor(2, region: "03", topics: ["wellness", "exam-preparation"]));

        var sentence = Assert.Single(MatchReasons.Explain(score, Labels));

        Assert.Equal("Vous partagez 2 sujets d'intérêt\u00A0: préparation aux examens, conciliation travail-vie personnelle et mieux-être", sentence.Fr);
        Assert.Equal("You share 2 topics of interest: exam preparation, work–life balance and wellness", sentence.En);
        Assert.Equal(sentence.En, sentence.In(Language.En));
        Assert.Equal(sentence.Fr, sentence.In(Language.Fr));
    }

    [Fact]
    public void Sentences_come_most_points_first_with_singulars_proper_names_and_priorities()
    {
        var score = Scorer.Score(
            Mentee(1, region: "06", topics: ["research", "teaching"], settings: ["chsld"], slots: ["weekend"], priorities: [MatchingCriterion.Availability]),
            Mentor(2, region: "06", topics: ["research"], settings: ["chsld", "gmf"], slots: ["weekend"]));

        var sentences = MatchReasons.Explain(score, Labels);

        Assert.Equal(
        [
            "Vous avez 1 disponibilité en commun\u00A0: la fin de semaine (une de vos priorités)",
            "Vous partagez 1 milieu de pratique\u00A0: soins de longue durée (CHSLD)",
            "Vous partagez 1 sujet d'intérêt\u00A0: recherche",
            "Vous êtes dans la même région\u00A0: Montréal",
        ], sentences.Select(s => s.Fr));
        Assert.Equal(
        [
            "You have 1 availability slot in common: weekends (one of your priorities)",
            "You share 1 practice setting: long-term care (CHSLD)",
            "You share 1 topic of interest: research",
            "You are in the same region: Montréal",
        ], sentences.Select(s => s.En));
    }

    [Fact]
    public void A_label_function_can_be_any_dictionary_and_unknown_codes_fall_back_to_the_code()
    {
        var labels = new Dictionary<(string, string), (string, string)>
        {
            [(MatchReasons.AvailabilityKind, "weekday-evening")] = ("Soir de semaine", "Weekday evening"),
        };
        var score = Scorer.Score(Mentee(1, region: "01", slots: ["weekday-evening", "x-slot"]), Mentor(2, region: "02", slots: ["weekday-evening", "x-slot"]));

        var sentence = Assert.Single(MatchReasons.Explain(score, (kind, code) => labels.TryGetValue((kind, code), out var l) ? l : (code, code)));

        Assert.Equal("Vous avez 2 disponibilités en commun\u00A0: soir de semaine, x-slot", sentence.Fr);
        Assert.Equal("You have 2 availability slots in common: weekday evening, x-slot", sentence.En);
    }

    [Fact]
    public void Nothing_shared_means_no_sentence()
    {
        var score = Scorer.Score(Mentee(1, region: "01", topics: ["research"]), Mentor(2, region: "02", topics: ["teaching"]));

        Assert.Equal(0m, score.Value);
        Assert.Empty(MatchReasons.Explain(score, Labels));
    }

    [Fact]
    public void Every_hard_constraint_has_its_own_sentence_in_both_languages()
    {
        var sentences = Enum.GetValues<HardConstraint>().Select(MatchReasons.Explain).ToList();

        Assert.All(sentences, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Fr));
            Assert.False(string.IsNullOrWhiteSpace(s.En));
            Assert.NotEqual(s.Fr, s.En);
        });
        Assert.Equal(sentences.Count, sentences.Select(s => s.Fr).Distinct().Count());
        Assert.Equal(sentences.Count, sentences.Select(s => s.En).Distinct().Count());
        Assert.Equal("Vous n'avez aucune langue parlée en commun.", MatchReasons.Explain(HardConstraint.NoSharedLanguage).Fr);
        Assert.Equal("This mentor is not at a later career stage than yours.", MatchReasons.Explain(HardConstraint.MentorNotSenior).En);
    }
}
