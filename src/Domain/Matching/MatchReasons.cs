using JumoMentoring.Domain.ReferenceData;

namespace JumoMentoring.Domain.Matching;

/// <summary>A sentence in both languages of the platform (French first).</summary>
public readonly record struct BilingualText(string Fr, string En)
{
    public string In(Language language) => language == Language.En ? En : Fr;
}

/// <summary>
/// Readable reasons for a score ("why this mentor") and for a failed hard constraint ("why not"),
/// addressed to the mentee. Labels come from a function so that no database is needed here; the
/// caller passes the managed lists it has loaded.
/// </summary>
public static class MatchReasons
{
    /// <summary>Label kinds passed to the label function.</summary>
    public const string TopicKind = "topic";
    public const string RegionKind = "region";
    public const string PracticeSettingKind = "practice-setting";
    public const string AvailabilityKind = "availability";

    // French typography wants a no-break space before a colon; it also keeps the colon on the line.
    private const string FrColon = "\u00A0:";

    /// <summary>
    /// A label function over reference items (for example <see cref="ReferenceLists.All"/> or the rows of
    /// the database). Unknown codes fall back to the code itself so a sentence never fails.
    /// </summary>
    public static Func<string, string, (string Fr, string En)> LabelsFrom(IEnumerable<ReferenceItem> items)
    {
        var byKey = new Dictionary<(string, string), (string, string)>();
        foreach (var item in items)
        {
            var kind = item.Kind switch
            {
                ReferenceKind.Topic => TopicKind,
                ReferenceKind.Region => RegionKind,
                ReferenceKind.PracticeSetting => PracticeSettingKind,
                ReferenceKind.Availability => AvailabilityKind,
                _ => null,
            };
            if (kind is not null)
            {
                byKey[(kind, item.Code)] = (item.LabelFr, item.LabelEn);
            }
        }

        return (kind, code) => byKey.TryGetValue((kind, code), out var label) ? label : (code, code);
    }

    /// <summary>
    /// One sentence per criterion that earned points, most points first (ties in criterion order).
    /// A criterion the mentee marked as a priority says so.
    /// </summary>
    public static IReadOnlyList<BilingualText> Explain(MatchScore score, Func<string, string, (string Fr, string En)> labels)
    {
        var sentences = new List<BilingualText>();
        foreach (var c in score.Contributions.Where(c => c.Points > 0).OrderByDescending(c => c.Points).ThenBy(c => c.Criterion))
        {
            var text = Explain(c, labels);
            if (c.IsPriority)
            {
                text = new BilingualText(text.Fr + " (une de vos priorités)", text.En + " (one of your priorities)");
            }

            sentences.Add(text);
        }

        return sentences;
    }

    /// <summary>Why a pair cannot be matched, for each failed hard constraint.</summary>
    public static BilingualText Explain(HardConstraint constraint) => constraint switch
    {
        HardConstraint.NoSharedLanguage => new(
            "Vous n'avez aucune langue parlée en commun.",
            "You have no spoken language in common."),
        HardConstraint.MentorNotSenior => new(
            "Ce mentor n'est pas à une étape de carrière plus avancée que la vôtre.",
            "This mentor is not at a later career stage than yours."),
        HardConstraint.SamePerson => new(
            "Vous ne pouvez pas être votre propre mentor.",
            "You cannot be your own mentor."),
        HardConstraint.AlreadyMatched => new(
            "Vous avez déjà été jumelé·e avec ce mentor dans ce programme.",
            "You have already been matched with this mentor in this program."),
        HardConstraint.MentorAtCapacity => new(
            "Ce mentor n'a plus de place disponible.",
            "This mentor has no free place left."),
        HardConstraint.BannedPair => new(
            "La coordination du programme a exclu ce jumelage.",
            "The program coordinators have ruled out this pairing."),
        _ => throw new ArgumentOutOfRangeException(nameof(constraint), constraint, null),
    };

    private static BilingualText Explain(CriterionContribution c, Func<string, string, (string Fr, string En)> labels)
    {
        var n = c.SharedCodes.Count;
        switch (c.Criterion)
        {
            case MatchingCriterion.Region:
                var (regionFr, regionEn) = labels(RegionKind, c.SharedCodes[0]);
                return new($"Vous êtes dans la même région{FrColon} {regionFr}", $"You are in the same region: {regionEn}");
            case MatchingCriterion.Topics:
                return Shared(c, labels, TopicKind,
                    $"Vous partagez {n} {(n == 1 ? "sujet" : "sujets")} d'intérêt",
                    $"You share {n} {(n == 1 ? "topic" : "topics")} of interest");
            case MatchingCriterion.PracticeSettings:
                return Shared(c, labels, PracticeSettingKind,
                    $"Vous partagez {n} {(n == 1 ? "milieu" : "milieux")} de pratique",
                    $"You share {n} practice {(n == 1 ? "setting" : "settings")}");
            default:
                return Shared(c, labels, AvailabilityKind,
                    $"Vous avez {n} {(n == 1 ? "disponibilité" : "disponibilités")} en commun",
                    $"You have {n} availability {(n == 1 ? "slot" : "slots")} in common");
        }
    }

    private static BilingualText Shared(CriterionContribution c, Func<string, string, (string Fr, string En)> labels, string kind, string fr, string en)
    {
        var items = c.SharedCodes.Select(code => labels(kind, code)).ToList();
        return new(
            $"{fr}{FrColon} {string.Join(", ", items.Select(i => LowerFirst(i.Fr)))}",
            $"{en}: {string.Join(", ", items.Select(i => LowerFirst(i.En)))}");
    }

    // Labels are written as titles ("Préparation aux examens"); inside a sentence they read lower case.
    // Only the first letter changes, and not at all when the label opens with an acronym ("CHSLD …").
    private static string LowerFirst(string label) =>
        label.Length == 0 || (label.Length > 1 && char.IsUpper(label[1]))
            ? label
            : char.ToLowerInvariant(label[0]) + label[1..];
}
