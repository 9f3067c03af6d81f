using JumoMentoring.Domain.Goals;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Domain.Data;

/// <summary>
/// Reference lists plus demo data: both programs, about forty members and the guide library
/// (<see cref="DemoResources"/>). Idempotent: every row is keyed by a natural key (list code, program
/// code, member number, resource slug), so running it twice adds nothing.
/// </summary>
public static class DemoData
{
    public const string FlexibleProgramCode = "jumo";
    public const string StructuredProgramCode = "mentorat-structure";

    public static async Task SeedReferenceListsAsync(JumoDbContext db, CancellationToken cancellationToken = default)
    {
        var existing = await db.ReferenceItems.ToDictionaryAsync(i => (i.Kind, i.Code), cancellationToken);
        foreach (var item in ReferenceLists.All)
        {
            if (existing.TryGetValue((item.Kind, item.Code), out var current))
            {
                current.LabelFr = item.LabelFr;
                current.LabelEn = item.LabelEn;
                current.Rank = item.Rank;
            }
            else
            {
                db.ReferenceItems.Add(new ReferenceItem { Kind = item.Kind, Code = item.Code, LabelFr = item.LabelFr, LabelEn = item.LabelEn, Rank = item.Rank });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task SeedAsync(JumoDbContext db, CancellationToken cancellationToken = default)
    {
        await SeedReferenceListsAsync(db, cancellationToken);

        var programs = await db.Programs.ToDictionaryAsync(p => p.Code, cancellationToken);
        foreach (var program in Programs())
        {
            if (programs.TryAdd(program.Code, program))
            {
                db.Programs.Add(program);
            }
        }

        var members = await db.Members.ToDictionaryAsync(m => m.MemberNumber, cancellationToken);
        foreach (var seed in People)
        {
            if (!members.ContainsKey(seed.Number))
            {
                var member = seed.ToMember();
                members.Add(member.MemberNumber, member);
                db.Members.Add(member);
            }
        }

        var enrolments = await db.Enrolments.Select(e => new { e.MemberId, e.ProgramId, e.Role }).ToListAsync(cancellationToken);
        var enrolled = enrolments.Select(e => (e.MemberId, e.ProgramId, e.Role)).ToHashSet();
        foreach (var seed in People)
        {
            var member = members[seed.Number];
            foreach (var (code, role, status) in seed.Enrolments)
            {
                var program = programs[code];
                if (enrolled.Add((member.Id, program.Id, role)))
                {
                    db.Enrolments.Add(new Enrolment
                    {
                        MemberId = member.Id,
                        ProgramId = program.Id,
                        Role = role,
                        Status = status,
                        MentorCapacity = role == ProgramRole.Mentor ? seed.Capacity : null,
                        Priorities = role == ProgramRole.Mentee ? [seed.Stage == "medical-student" ? "Region" : "Topics"] : [],

                        // The waiting list is ordered by this: demo people join it in list order.
                        WaitlistedAt = status == EnrolmentStatus.Waitlisted ? WaitlistStart.AddMinutes(enrolled.Count) : null,
                    });
                }
            }
        }

        var roles = (await db.RoleAssignments.Select(r => new { r.MemberId, r.Role, r.ProgramId }).ToListAsync(cancellationToken))
            .Select(r => (r.MemberId, r.Role, r.ProgramId)).ToHashSet();
        foreach (var (number, role, code) in StaffRoles)
        {
            var programId = code is null ? (Guid?)null : programs[code].Id;
            if (roles.Add((members[number].Id, role, programId)))
            {
                db.RoleAssignments.Add(new RoleAssignment { MemberId = members[number].Id, Role = role, ProgramId = programId });
            }
        }

        var pairs = (await db.Matches.Select(m => new { m.MentorId, m.MenteeId }).ToListAsync(cancellationToken))
            .Select(p => (p.MentorId, p.MenteeId)).ToHashSet();
        foreach (var (mentorNumber, menteeNumber, code, status, goal) in DemoMatches)
        {
            var mentor = members[mentorNumber];
            var mentee = members[menteeNumber];
            if (!pairs.Add((mentor.Id, mentee.Id)))
            {
                continue;
            }

            var match = new Match { ProgramId = programs[code].Id, MentorId = mentor.Id, MenteeId = mentee.Id, Status = status };
            match.Transitions.Add(new MatchTransition { MatchId = match.Id, To = status, Actor = MatchActor.System, Reason = "Données de démonstration" });
            db.Matches.Add(match);
            if (goal is not null)
            {
                var g = new Goal { MatchId = match.Id, Title = goal.Value.Title, Topic = goal.Value.Topic };
                g.Milestones.Add(new Milestone { GoalId = g.Id, Title = goal.Value.Milestone, DueOn = new DateOnly(2027, 3, 31) });
                db.Goals.Add(g);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await DemoResources.SeedAsync(db, cancellationToken);
        await DemoActivity.SeedAsync(db, cancellationToken);
    }

    private static IEnumerable<MentoringProgram> Programs()
    {
        yield return new MentoringProgram
        {
            Code = FlexibleProgramCode,
            Kind = ProgramKind.Flexible,
            NameFr = "JUMO – mentorat virtuel",
            NameEn = "JUMO – virtual mentoring",
            DescriptionFr = "Programme souple et ouvert à tous les membres : la personne mentorée choisit son mentor et le duo avance à son rythme, en ligne.",
            DescriptionEn = "A flexible program open to every member: mentees choose their mentor and each pair moves at its own pace, online.",
            Status = ProgramStatus.Open,
        };
        yield return new MentoringProgram
        {
            Code = StructuredProgramCode,
            Kind = ProgramKind.Structured,
            NameFr = "Programme de mentorat structuré",
            NameEn = "Structured mentoring program",
            DescriptionFr = "Cohortes d'une dizaine de duos jumelés par l'équipe de coordination, sur un an, reconnues comme activité de développement professionnel continu.",
            DescriptionEn = "Cohorts of about ten pairs matched by the coordination team over one year, recognised as a continuing professional development activity.",
            Status = ProgramStatus.Open,
        };
    }

    private sealed record PersonSeed(
        string Number, string First, string Last, Language Lang, string[] Spoken, string Stage, string Region,
        string[] Settings, string[] Topics, string Bio, (string Program, ProgramRole Role, EnrolmentStatus Status)[] Enrolments, int? Capacity = null)
    {
        public Member ToMember() => new()
        {
            MemberNumber = Number,
            FirstName = First,
            LastName = Last,
            Email = $"{Ascii(First)}.{Ascii(Last)}@exemple.qc.ca",
            PreferredLanguage = Lang,
            LanguagesSpoken = [.. Spoken],
            CareerStage = Stage,
            Region = Region,
            PracticeSettings = [.. Settings],
            Topics = [.. Topics],
            Availability = [.. DemoAvailability(Number)],
            Bio = Bio,
        };

        // Spread the three availability slots over the demo people, one or two each, deterministically.
        private static IEnumerable<string> DemoAvailability(string number)
        {
            string[] slots = ["weekday-evening", "weekend", "weekday-daytime"];
            var n = int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
            yield return slots[n % 3];
            if (n % 2 == 0)
            {
                yield return slots[(n + 1) % 3];
            }
        }

        private static string Ascii(string s) => new string(s.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsLetter(c) && c < 128).ToArray()).ToLowerInvariant();
    }

    private static readonly DateTimeOffset WaitlistStart = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);

    private const string J = FlexibleProgramCode;
    private const string S = StructuredProgramCode;
    private static readonly ProgramRole Mentor = ProgramRole.Mentor;
    private static readonly ProgramRole Mentee = ProgramRole.Mentee;
    private static readonly EnrolmentStatus On = EnrolmentStatus.Active;
    private static readonly string[] Fr = ["fr"];
    private static readonly string[] En = ["en"];
    private static readonly string[] FrEn = ["fr", "en"];

    private static readonly PersonSeed[] People =
    [
        // Experienced and early-career physicians: mostly mentors.
        new("10001", "Hélène", "Tremblay", Language.Fr, FrEn, "experienced", "02", ["gmf", "obstetrics"], ["transition-to-practice", "parenthood", "wellness"], "Médecin de famille à Chicoutimi depuis 22 ans, accouchements et suivi de grossesse.", [(J, Mentor, On), (S, Mentor, On)], 3),
        new("10002", "François", "Gagnon", Language.Fr, Fr, "experienced", "03", ["hospital", "emergency"], ["leadership", "practice-management"], "Urgentologue et chef de département à Québec; j'aime parler gestion d'équipe.", [(J, Mentor, On)], 2),
        new("10003", "Margaret", "O'Connor", Language.En, FrEn, "experienced", "06", ["gmf-u", "hospital"], ["teaching", "research", "exam-preparation"], "Family physician and clinical teacher at a Montréal teaching unit; I coach residents for the CCFP exam.", [(J, Mentor, On), (S, Mentor, On)], 4),
        new("10004", "Jean-Philippe", "Côté", Language.Fr, Fr, "experienced", "10", ["remote", "hospital", "emergency"], ["rural-practice", "wellness"], "Quinze ans de pratique au Nunavik et à Chibougamau. La médecine nordique, ça se prépare!", [(J, Mentor, On)], 2),
        new("10005", "Sophie", "Bouchard", Language.Fr, FrEn, "experienced", "05", ["chsld", "home-care"], ["long-term-care", "public-health-changes"], "Soins de longue durée et soins à domicile en Estrie.", [(S, Mentor, On)], 2),
        new("10006", "David", "Chen", Language.En, FrEn, "experienced", "06", ["virtual-care", "gmf"], ["virtual-consultations", "practice-management"], "I built a virtual-care clinic in Montréal after 2020 and help colleagues set up theirs.", [(J, Mentor, On)], 5),
        new("10007", "Isabelle", "Roy", Language.Fr, Fr, "experienced", "16", ["gmf", "obstetrics"], ["parenthood", "wellness", "transition-to-practice"], "Mère de trois enfants et médecin en GMF à Longueuil : on peut concilier les deux.", [(J, Mentor, On), (S, Mentor, On)], 3),
        new("10008", "Michel", "Lavoie", Language.Fr, Fr, "retired", "04", ["hospital"], ["leadership", "teaching"], "Médecin retraité, 35 ans de pratique à Trois-Rivières, ancien directeur de programme.", [(S, Mentor, On)], 2),
        new("10009", "Nathalie", "Fortin", Language.Fr, FrEn, "experienced", "12", ["gmf", "home-care"], ["practice-management", "transition-to-practice"], "Propriétaire de GMF à Lévis; facturation, embauche, organisation du travail.", [(J, Mentor, On)], 3),
        new("10010", "Robert", "MacDonald", Language.En, En, "experienced", "07", ["hospital", "emergency"], ["rural-practice", "leadership"], "Emergency and ward work in Gatineau and the Pontiac; bilingual practice across the river.", [(J, Mentor, On)], 2),
        new("10011", "Catherine", "Morin", Language.Fr, Fr, "experienced", "01", ["gmf", "chsld"], ["long-term-care", "rural-practice"], "Pratique polyvalente à Rimouski, CHSLD et bureau.", [(J, Mentor, On), (S, Mentor, On)], 2),
        new("10012", "Amira", "Haddad", Language.Fr, FrEn, "early-career", "13", ["gmf", "virtual-care"], ["transition-to-practice", "virtual-consultations", "wellness"], "Trois ans de pratique à Laval; je me souviens très bien de ma première année!", [(J, Mentor, On)], 2),
        new("10013", "Olivier", "Pelletier", Language.Fr, Fr, "early-career", "15", ["emergency", "hospital"], ["exam-preparation", "transition-to-practice"], "Urgence à Saint-Jérôme, réussi l'examen du CMFC il y a deux ans.", [(J, Mentor, On)], 2),
        new("10014", "Emily", "Wilson", Language.En, FrEn, "early-career", "05", ["gmf-u"], ["teaching", "exam-preparation"], "Early-career physician in Sherbrooke, supervising residents for the first time.", [(J, Mentor, On)], 1),
        new("10015", "Marc-André", "Bélanger", Language.Fr, Fr, "experienced", "14", ["gmf", "hospital"], ["practice-management", "leadership"], "Chef de GMF à Joliette, impliqué dans la gouvernance régionale.", [(S, Mentor, On)], 2),
        new("10016", "Louise", "Girard", Language.Fr, Fr, "retired", "09", ["remote", "hospital"], ["rural-practice", "wellness"], "Retraitée après 30 ans à Sept-Îles et Havre-Saint-Pierre.", [(J, Mentor, On)], 2),
        new("10017", "Ahmed", "Benali", Language.Fr, FrEn, "experienced", "06", ["gmf", "virtual-care"], ["research", "public-health-changes"], "Clinicien-chercheur en première ligne à Montréal.", [(J, Mentor, On), (S, Mentor, On)], 2),
        new("10018", "Julie", "Caron", Language.Fr, Fr, "experienced", "11", ["hospital", "obstetrics", "remote"], ["rural-practice", "parenthood"], "Médecine familiale aux Îles-de-la-Madeleine : hôpital, obstétrique et bureau.", [(J, Mentor, On)], 2),
        new("10019", "Patrick", "Murphy", Language.En, En, "early-career", "06", ["emergency"], ["wellness", "exam-preparation"], "ER physician in Montréal, passionate about physician wellness.", [(J, Mentor, On)], 2),
        new("10020", "Geneviève", "Lefebvre", Language.Fr, Fr, "experienced", "08", ["gmf", "hospital", "chsld"], ["rural-practice", "teaching"], "Rouyn-Noranda, superviseure de stages en région.", [(J, Mentor, On), (S, Mentor, On)], 3),

        // Residents: mentees, a few also mentor students.
        new("20001", "Mathieu", "Gauthier", Language.Fr, Fr, "resident", "03", ["gmf-u"], ["exam-preparation", "transition-to-practice"], "R2 à Québec, je prépare l'examen et ma première installation.", [(J, Mentee, On), (J, Mentor, On)], 1),
        new("20002", "Sarah", "Thompson", Language.En, FrEn, "resident", "06", ["gmf-u", "hospital"], ["exam-preparation", "wellness"], "PGY-2 in Montréal, preparing for the CCFP exam.", [(J, Mentee, On)]),
        new("20003", "Élodie", "Poirier", Language.Fr, Fr, "resident", "05", ["gmf-u"], ["choosing-practice", "parenthood"], "Résidente à Sherbrooke, intéressée par l'obstétrique.", [(J, Mentee, On), (S, Mentee, EnrolmentStatus.Applied)]),
        new("20004", "Kevin", "Nguyen", Language.En, FrEn, "resident", "07", ["gmf-u"], ["rural-practice", "transition-to-practice"], "Resident in Gatineau considering a rural practice.", [(J, Mentee, On)]),
        new("20005", "Camille", "Ouellet", Language.Fr, Fr, "resident", "01", ["gmf-u", "chsld"], ["long-term-care", "transition-to-practice"], "R1 à Rimouski, j'aime les soins aux aînés.", [(S, Mentee, EnrolmentStatus.Waitlisted)]),
        new("20006", "Alexandre", "Mercier", Language.Fr, Fr, "resident", "16", ["gmf-u"], ["practice-management", "transition-to-practice"], "R2 en Montérégie, je veux comprendre la gestion d'un GMF.", [(J, Mentee, On), (J, Mentor, On)], 1),
        new("20007", "Fatima", "El Amrani", Language.Fr, FrEn, "resident", "13", ["gmf-u"], ["parenthood", "wellness"], "Résidente et jeune maman à Laval.", [(J, Mentee, On), (S, Mentee, EnrolmentStatus.Applied)]),
        new("20008", "Thomas", "Leblanc", Language.Fr, Fr, "resident", "02", ["gmf-u", "hospital"], ["rural-practice", "exam-preparation"], "R1 au Saguenay, je veux rester en région.", [(S, Mentee, On)]),
        new("20009", "Jessica", "Campbell", Language.En, En, "resident", "06", ["gmf-u"], ["virtual-consultations", "choosing-practice"], "PGY-1 at McGill, curious about virtual care.", [(J, Mentee, On)]),
        new("20010", "Gabriel", "Dubé", Language.Fr, Fr, "resident", "04", ["gmf-u"], ["leadership", "teaching"], "Résident à Trois-Rivières, représentant des résidents.", [(S, Mentee, EnrolmentStatus.Waitlisted)]),

        // Medical students: mentees.
        new("30001", "Léa", "Bergeron", Language.Fr, Fr, "medical-student", "03", [], ["choosing-practice", "transition-to-residency"], "Externe à l'Université Laval, j'hésite entre la médecine familiale et l'urgence.", [(J, Mentee, On)]),
        new("30002", "William", "Boucher", Language.Fr, FrEn, "medical-student", "05", [], ["choosing-practice", "rural-practice"], "Étudiant en 3e année à Sherbrooke, attiré par la pratique en région.", [(J, Mentee, On)]),
        new("30003", "Chloé", "Paquette", Language.Fr, Fr, "medical-student", "06", [], ["transition-to-residency", "wellness"], "Étudiante à l'Université de Montréal, je prépare le jumelage CaRMS.", [(J, Mentee, On)]),
        new("30004", "Noah", "Smith", Language.En, En, "medical-student", "06", [], ["choosing-practice", "research"], "Third-year student at McGill interested in primary-care research.", [(J, Mentee, On)]),
        new("30005", "Rosalie", "Lachance", Language.Fr, Fr, "medical-student", "02", [], ["rural-practice", "transition-to-residency"], "Étudiante au campus de Saguenay, je veux pratiquer au Lac-Saint-Jean.", [(J, Mentee, On)]),
        new("30006", "Ethan", "Rousseau", Language.Fr, FrEn, "medical-student", "07", [], ["choosing-practice", "virtual-consultations"], "Étudiant de l'Outaouais, bilingue, curieux des soins virtuels.", [(J, Mentee, On)]),
        new("30007", "Maya", "Patel", Language.En, FrEn, "medical-student", "06", [], ["parenthood", "choosing-practice"], "Medical student at McGill and future family doctor.", [(J, Mentee, On)]),
        new("30008", "Félix", "Gingras", Language.Fr, Fr, "medical-student", "12", [], ["exam-preparation", "transition-to-residency"], "Étudiant à Lévis (campus de l'Université Laval).", [(J, Mentee, On)]),
        new("30009", "Zoé", "Simard", Language.Fr, Fr, "medical-student", "09", [], ["rural-practice", "choosing-practice"], "Originaire de Baie-Comeau, je veux y revenir pratiquer.", [(J, Mentee, On)]),
        new("30010", "Liam", "Fraser", Language.En, En, "medical-student", "16", [], ["wellness", "transition-to-residency"], "Second-year student from the South Shore, studying in Montréal.", [(J, Mentee, On)]),

        // College staff: two coordinators and an administrator (roles granted in StaffRoles below).
        new("90001", "Chantal", "Dubois", Language.Fr, FrEn, "experienced", "06", ["gmf"], ["leadership"], "Coordonnatrice du programme de mentorat structuré.", []),
        new("90002", "Martin", "Lévesque", Language.Fr, FrEn, "experienced", "03", ["gmf"], ["leadership"], "Coordonnateur du programme JUMO.", []),
        new("90003", "Nadia", "Saint-Pierre", Language.Fr, FrEn, "experienced", "06", [], [], "Administration de la plateforme.", []),
    ];

    private static readonly (string Member, StaffRole Role, string? Program)[] StaffRoles =
    [
        ("90001", StaffRole.Coordinator, S),
        ("90002", StaffRole.Coordinator, J),
        ("90003", StaffRole.Admin, null),
    ];

    private static readonly (string Mentor, string Mentee, string Program, MatchStatus Status, (string Title, string Topic, string Milestone)? Goal)[] DemoMatches =
    [
        ("10003", "20002", J, MatchStatus.Active, ("Réussir l'examen du CMFC", "exam-preparation", "Faire deux examens blancs")),
        ("10004", "20004", J, MatchStatus.Active, ("Explore a rural practice", "rural-practice", "Spend a week in Chibougamau")),
        ("10012", "30003", J, MatchStatus.Active, null),
        ("10006", "20009", J, MatchStatus.Requested, null),
        ("10001", "20008", S, MatchStatus.Active, ("Planifier ma pratique au Saguenay", "transition-to-practice", "Rencontrer le DRMG")),
        ("20001", "30001", J, MatchStatus.Active, null),
    ];
}
