namespace JumoMentoring.Domain.ReferenceData;

/// <summary>The starting values of the managed lists, from DOMAIN.md. Seeded idempotently.</summary>
public static class ReferenceLists
{
    public static IReadOnlyList<ReferenceItem> All { get; } = Build();

    private static List<ReferenceItem> Build()
    {
        var items = new List<ReferenceItem>();
        void Add(ReferenceKind kind, params (string Code, string Fr, string En)[] entries)
        {
            for (var i = 0; i < entries.Length; i++)
            {
                items.Add(new ReferenceItem
                {
                    Kind = kind,
                    Code = entries[i].Code,
                    LabelFr = entries[i].Fr,
                    LabelEn = entries[i].En,
                    Rank = i + 1,
                });
            }
        }

        Add(ReferenceKind.CareerStage,
            ("medical-student", "Étudiant·e en médecine", "Medical student"),
            ("resident", "Résident·e en médecine familiale", "Resident, family medicine"),
            ("early-career", "Médecin en début de pratique", "Early-career physician"),
            ("experienced", "Médecin expérimenté·e", "Experienced physician"),
            ("retired", "Médecin retraité·e", "Retired physician"));

        Add(ReferenceKind.Region,
            ("01", "Bas-Saint-Laurent", "Bas-Saint-Laurent"),
            ("02", "Saguenay–Lac-Saint-Jean", "Saguenay–Lac-Saint-Jean"),
            ("03", "Capitale-Nationale", "Capitale-Nationale"),
            ("04", "Mauricie", "Mauricie"),
            ("05", "Estrie", "Estrie"),
            ("06", "Montréal", "Montréal"),
            ("07", "Outaouais", "Outaouais"),
            ("08", "Abitibi-Témiscamingue", "Abitibi-Témiscamingue"),
            ("09", "Côte-Nord", "Côte-Nord"),
            ("10", "Nord-du-Québec", "Nord-du-Québec"),
            ("11", "Gaspésie–Îles-de-la-Madeleine", "Gaspésie–Îles-de-la-Madeleine"),
            ("12", "Chaudière-Appalaches", "Chaudière-Appalaches"),
            ("13", "Laval", "Laval"),
            ("14", "Lanaudière", "Lanaudière"),
            ("15", "Laurentides", "Laurentides"),
            ("16", "Montérégie", "Montérégie"),
            ("17", "Centre-du-Québec", "Centre-du-Québec"));

        Add(ReferenceKind.PracticeSetting,
            ("gmf", "Groupe de médecine de famille (GMF) / clinique", "Family medicine group (GMF) / clinic"),
            ("hospital", "Hôpital", "Hospital"),
            ("emergency", "Urgence", "Emergency"),
            ("chsld", "Soins de longue durée (CHSLD)", "Long-term care (CHSLD)"),
            ("home-care", "Soins à domicile", "Home care"),
            ("obstetrics", "Obstétrique", "Obstetrics"),
            ("gmf-u", "Unité d'enseignement (GMF-U)", "Teaching unit (GMF-U)"),
            ("remote", "Pratique éloignée ou nordique", "Remote or northern practice"),
            ("virtual-care", "Soins virtuels", "Virtual care"));

        Add(ReferenceKind.Topic,
            ("choosing-practice", "Choisir la médecine familiale ou une pratique ciblée", "Choosing family medicine or a focused practice"),
            ("exam-preparation", "Préparation aux examens", "Exam preparation"),
            ("transition-to-residency", "Transition vers la résidence", "Transition to residency"),
            ("transition-to-practice", "Transition vers la pratique", "Transition to practice"),
            ("virtual-consultations", "Consultations virtuelles", "Virtual consultations"),
            ("long-term-care", "Soins de longue durée", "Long-term care"),
            ("public-health-changes", "Changements en santé publique", "Public-health changes"),
            ("wellness", "Conciliation travail-vie personnelle et mieux-être", "Work–life balance and wellness"),
            ("practice-management", "Gestion de la pratique", "Practice management"),
            ("teaching", "Enseignement et supervision", "Teaching and supervision"),
            ("research", "Recherche", "Research"),
            ("leadership", "Leadership", "Leadership"),
            ("rural-practice", "Pratique rurale et éloignée", "Rural and remote practice"),
            ("parenthood", "Parentalité et carrière", "Parenthood and career"));

        Add(ReferenceKind.Language,
            ("fr", "Français", "French"),
            ("en", "Anglais", "English"));

        Add(ReferenceKind.Availability,
            ("weekday-daytime", "En semaine, le jour", "Weekdays, daytime"),
            ("weekday-evening", "En semaine, le soir", "Weekday evenings"),
            ("weekend", "La fin de semaine", "Weekends"));

        return items;
    }
}
