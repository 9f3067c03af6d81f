using JumoMentoring.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Domain.Data;

/// <summary>
/// The demo guide library: bilingual guides, checklists and templates for mentors, mentees and
/// coordinators (three deliberately in one language only, one draft and one archived). Keyed by slug:
/// seeding twice adds nothing.
/// </summary>
public static class DemoResources
{
    public static async Task SeedAsync(JumoDbContext db, CancellationToken cancellationToken = default)
    {
        var existing = (await db.Resources.Select(r => r.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in All())
        {
            if (existing.Add(resource.Slug))
            {
                db.Resources.Add(resource);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record Text(string Title, string Summary, string Body);

    private const string Mentor = "mentor";
    private const string Mentee = "mentee";
    private const string Coordinator = "coordinator";
    private const string GettingStarted = "getting-started";
    private const string During = "during";
    private const string Closing = "closing";

    private static Resource Make(
        string slug, ResourceKind kind, string? stage, string[] audience, string[] topics, Text? fr, Text? en,
        string? url = null, ResourceStatus status = ResourceStatus.Published) => new()
        {
            Slug = slug,
            Kind = kind,
            Stage = stage,
            Audience = [.. audience],
            Topics = [.. topics],
            TitleFr = fr?.Title,
            SummaryFr = fr?.Summary,
            BodyFr = fr?.Body,
            TitleEn = en?.Title,
            SummaryEn = en?.Summary,
            BodyEn = en?.Body,
            Url = url,
            Status = status,
        };

    /// <summary>Fresh instances every call (the seed adds them to a context).</summary>
    public static IReadOnlyList<Resource> All() =>
    [
        Make("premiere-rencontre", ResourceKind.Guide, GettingStarted, [Mentor, Mentee], ["teaching", "transition-to-practice"],
            new(
                "Ordre du jour d'une première rencontre de mentorat",
                "Un déroulement simple en cinq temps pour que la première rencontre installe la confiance et fixe des attentes claires.",
                """
                La première rencontre donne le ton à toute la relation. Prévoyez une heure, à un moment où ni l'un ni l'autre n'est de garde.

                ## Déroulement suggéré

                1. **Faire connaissance** (15 min) : parcours, milieu de pratique, ce qui a mené chacun au programme.
                2. **Les attentes** (15 min) : ce que la personne mentorée espère, ce que le mentor peut offrir, et ce qui sort du cadre.
                3. **La confidentialité** (5 min) : ce qui se dit en rencontre reste entre vous.
                4. **Les premiers objectifs** (15 min) : une ou deux pistes, à préciser d'ici la prochaine fois.
                5. **La logistique** (10 min) : fréquence des rencontres, mode (en personne ou virtuel), façon de se joindre entre deux rencontres.

                Terminez en fixant la date de la prochaine rencontre : c'est le meilleur prédicteur d'une relation qui dure.
                """),
            new(
                "First mentoring meeting agenda",
                "A simple five-part agenda so the first meeting builds trust and sets clear expectations.",
                """
                The first meeting sets the tone for the whole relationship. Plan for an hour, at a time when neither of you is on call.

                ## Suggested agenda

                1. **Getting to know each other** (15 min): training, practice setting, what brought each of you to the program.
                2. **Expectations** (15 min): what the mentee hopes for, what the mentor can offer, and what is out of scope.
                3. **Confidentiality** (5 min): what is said in a meeting stays between you.
                4. **First goals** (15 min): one or two directions to refine before next time.
                5. **Logistics** (10 min): how often you meet, in person or virtually, and how to reach each other between meetings.

                End by booking the next meeting: it is the best predictor of a relationship that lasts.
                """)),

        Make("objectifs-smart", ResourceKind.Template, GettingStarted, [Mentee, Mentor], ["transition-to-practice", "exam-preparation"],
            new(
                "Fixer des objectifs SMART",
                "Un gabarit pour transformer une intention vague en objectif spécifique, mesurable, atteignable, réaliste et temporel.",
                """
                « Mieux gérer mon temps » est une intention; « terminer mes notes le jour même quatre jours sur cinq d'ici la fin de mars » est un objectif.

                ## Le gabarit

                - **Spécifique** : qu'est-ce que je veux accomplir exactement?
                - **Mesurable** : comment saurai-je que c'est fait?
                - **Atteignable** : de quoi ai-je besoin (temps, formation, appui)?
                - **Réaliste** : est-ce compatible avec mon horaire de garde et ma vie personnelle?
                - **Temporel** : pour quand? Quelle est la première étape?

                Revoyez vos objectifs avec votre mentor toutes les quatre à six semaines et n'hésitez pas à les réviser : un objectif abandonné pour une bonne raison est aussi un apprentissage.
                """),
            new(
                "Setting SMART goals",
                "A template to turn a vague intention into a specific, measurable, achievable, realistic and time-bound goal.",
                """
                "Manage my time better" is an intention; "finish my notes the same day four days out of five by the end of March" is a goal.

                ## The template

                - **Specific**: what exactly do I want to achieve?
                - **Measurable**: how will I know it is done?
                - **Achievable**: what do I need (time, training, support)?
                - **Realistic**: does it fit my call schedule and my personal life?
                - **Time-bound**: by when? What is the first step?

                Review your goals with your mentor every four to six weeks and feel free to revise them: a goal dropped for a good reason is also something learned.
                """)),

        Make("entente-de-mentorat", ResourceKind.Template, GettingStarted, [Mentor, Mentee, Coordinator], ["teaching"],
            new(
                "Modèle d'entente de mentorat",
                "Une page à remplir ensemble : fréquence des rencontres, confidentialité, objectifs et fin de la relation.",
                """
                Une entente écrite évite bien des malentendus. Elle n'a rien de contractuel : elle sert de point de repère.

                ## À préciser ensemble

                - La durée prévue du mentorat et la date d'un premier bilan.
                - La fréquence et le mode des rencontres.
                - Les limites : le mentor n'est ni le médecin traitant ni le superviseur de la personne mentorée.
                - La confidentialité et ses exceptions (sécurité des patients, détresse grave).
                - Comment l'un ou l'autre peut mettre fin à la relation, sans avoir à se justifier.

                Conservez l'entente dans votre espace de mentorat et relisez-la lors du bilan de mi-parcours.
                """),
            new(
                "Mentoring agreement template",
                "One page to fill in together: meeting frequency, confidentiality, goals and how the relationship ends.",
                """
                A written agreement prevents many misunderstandings. It is not a contract: it is a reference point.

                ## To agree on together

                - The planned length of the mentorship and the date of a first review.
                - How often and how you meet.
                - Boundaries: the mentor is neither the mentee's physician nor their supervisor.
                - Confidentiality and its exceptions (patient safety, serious distress).
                - How either of you can end the relationship without having to justify it.

                Keep the agreement in your mentoring space and read it again at the mid-point review.
                """)),

        Make("examen-cmfc", ResourceKind.Guide, During, [Mentee, Mentor], ["exam-preparation"],
            new(
                "Préparer l'examen de certification en médecine familiale (CMFC)",
                "Un plan de préparation sur six mois : le format de l'examen, les ressources utiles et le rôle du mentor.",
                """
                L'examen de certification du Collège des médecins de famille du Canada comporte un volet écrit (questions à réponses courtes, les QRC/SAMP) et une évaluation clinique structurée.

                ## Six mois avant

                - Lisez les objectifs d'évaluation du CMFC et repérez vos zones de faiblesse.
                - Formez un petit groupe d'étude avec des résidents de votre cohorte.

                ## Trois mois avant

                - Faites au moins deux examens blancs chronométrés.
                - Pratiquez les entrevues simulées avec votre mentor : il peut jouer le patient et vous donner une rétroaction sur l'approche centrée sur le patient.

                ## La dernière semaine

                Dormez, bougez et révisez légèrement. Le jour de l'examen se gagne surtout dans les mois précédents.
                """),
            new(
                "Preparing for the CCFP certification exam",
                "A six-month preparation plan: the exam format, useful resources and the mentor's role.",
                """
                The certification exam of the College of Family Physicians of Canada has a written part (short-answer management problems, SAMPs) and a structured clinical evaluation.

                ## Six months before

                - Read the CFPC evaluation objectives and find your weak areas.
                - Form a small study group with residents from your cohort.

                ## Three months before

                - Sit at least two timed practice exams.
                - Practise simulated office orals with your mentor: they can play the patient and give feedback on your patient-centred approach.

                ## The last week

                Sleep, move and review lightly. Exam day is mostly won in the months before it.
                """)),

        Make("plan-etude-examen", ResourceKind.Checklist, During, [Mentee], ["exam-preparation"],
            new(
                "Liste de contrôle : plan d'étude pour l'examen",
                "Les étapes à cocher semaine après semaine jusqu'à l'examen du CMFC.",
                """
                - [ ] Inscription à l'examen faite et date notée à l'agenda
                - [ ] Horaire d'étude réaliste, compatible avec les gardes
                - [ ] Liste des 105 sujets prioritaires révisée
                - [ ] Deux examens blancs chronométrés
                - [ ] Trois séances d'entrevues simulées avec rétroaction
                - [ ] Plan de transport et d'hébergement pour le jour J
                - [ ] Une soirée de congé par semaine, sans culpabilité
                """),
            new(
                "Checklist: exam study plan",
                "The steps to tick off week after week until the CCFP exam.",
                """
                - [ ] Exam registration done and date in the calendar
                - [ ] A realistic study schedule that fits around call
                - [ ] The 105 priority topics reviewed
                - [ ] Two timed practice exams
                - [ ] Three simulated office oral sessions with feedback
                - [ ] Travel and lodging planned for exam day
                - [ ] One evening off a week, guilt-free
                """)),

        Make("transition-vers-la-pratique", ResourceKind.Guide, During, [Mentee], ["transition-to-practice", "practice-management"],
            new(
                "La transition de la résidence à la pratique",
                "Ce que personne ne dit au nouveau médecin de famille : avis de conformité, premier poste, charge de patients et rythme.",
                """
                Passer de résident à médecin de famille autonome change tout en quelques semaines : plus de superviseur au bout du corridor, une clientèle à bâtir et des décisions administratives à prendre.

                ## Avant la fin de la résidence

                - Renseignez-vous sur les plans régionaux d'effectifs médicaux (PREM) et les postes disponibles.
                - Demandez votre avis de conformité au DRMG de la région visée.
                - Parlez à deux ou trois médecins du milieu avant de signer.

                ## La première année

                Inscrivez les patients progressivement. Un mentor qui a vécu la même transition peut vous aider à dire non, à organiser votre horaire et à reconnaître les signes d'épuisement.
                """),
            new(
                "From residency to practice",
                "What nobody tells new family physicians: notices of compliance, a first position, patient load and pace.",
                """
                Moving from resident to independent family physician changes everything in a few weeks: no supervisor down the hall, a patient roster to build and administrative decisions to make.

                ## Before residency ends

                - Learn about the regional medical staffing plans (PREM) and the open positions.
                - Ask the DRMG of the region you want for your notice of compliance.
                - Talk to two or three physicians of the setting before signing.

                ## The first year

                Register patients gradually. A mentor who lived the same transition can help you say no, organise your schedule and recognise the signs of burnout.
                """)),

        Make("facturation-ramq", ResourceKind.Guide, During, [Mentee], ["practice-management", "transition-to-practice"],
            new(
                "Facturation à la RAMQ : les bases pour les nouveaux médecins",
                "Comprendre la rémunération à l'acte, les forfaits d'inscription et les erreurs de facturation les plus fréquentes.",
                """
                La facturation est rarement enseignée en résidence, et les erreurs coûtent cher. Les bases en quelques points :

                ## Les modes de rémunération

                - **À l'acte** : chaque service facturé selon le manuel des médecins omnipraticiens de la RAMQ.
                - **Forfaits** : inscription et suivi de la clientèle, prise en charge des clientèles vulnérables.
                - **Tarif horaire ou vacation** : certaines activités en établissement.

                ## Erreurs fréquentes

                1. Oublier les suppléments de prise en charge et les majorations en région.
                2. Facturer en retard : la RAMQ impose un délai de 90 jours.
                3. Ne pas conserver les notes qui justifient les codes facturés.

                Demandez à votre mentor de revoir avec vous un mois de facturation : c'est souvent l'heure la plus rentable de votre première année. Voir le [site de la RAMQ](https://www.ramq.gouv.qc.ca) pour les manuels à jour.
                """),
            new(
                "RAMQ billing basics for new physicians",
                "Understand fee-for-service, registration lump sums and the most common billing mistakes.",
                """
                Billing is rarely taught in residency, and mistakes are costly. The basics in a few points:

                ## How you are paid

                - **Fee-for-service**: each service billed according to the RAMQ manual for general practitioners.
                - **Lump sums**: registering and following patients, care of vulnerable patients.
                - **Hourly or sessional rates**: some activities in institutions.

                ## Common mistakes

                1. Forgetting care supplements and regional premiums.
                2. Billing late: the RAMQ sets a 90-day limit.
                3. Not keeping the notes that justify the codes billed.

                Ask your mentor to review one month of billing with you: it is often the most profitable hour of your first year. See the [RAMQ website](https://www.ramq.gouv.qc.ca) for current manuals.
                """)),

        Make("soins-virtuels", ResourceKind.Guide, During, [Mentor, Mentee], ["virtual-consultations"],
            new(
                "Les bonnes pratiques des soins virtuels",
                "Téléconsultation : choisir les bons patients, protéger la confidentialité et savoir quand convoquer en personne.",
                """
                La consultation virtuelle est là pour rester, mais elle ne convient pas à tout.

                ## Bien choisir

                - Convient : suivi de maladies chroniques stables, résultats d'examens, santé mentale, renouvellements.
                - À éviter : douleur thoracique, douleur abdominale aiguë, tout ce qui exige un examen physique.

                ## Bien faire

                1. Confirmez l'identité du patient et l'endroit où il se trouve.
                2. Utilisez une plateforme approuvée par votre établissement.
                3. Documentez le mode de consultation dans la note.
                4. Ayez un seuil bas pour convoquer en personne.
                """),
            new(
                "Good practice in virtual care",
                "Virtual consultations: choosing the right patients, protecting confidentiality and knowing when to see someone in person.",
                """
                Virtual consultations are here to stay, but they do not suit everything.

                ## Choose well

                - Suitable: stable chronic disease follow-up, test results, mental health, renewals.
                - Avoid: chest pain, acute abdominal pain, anything that needs a physical exam.

                ## Do it well

                1. Confirm the patient's identity and where they are.
                2. Use a platform approved by your institution.
                3. Document the consultation mode in your note.
                4. Keep a low threshold for an in-person visit.
                """)),

        Make("rencontres-virtuelles", ResourceKind.Guide, During, [Mentor, Mentee], ["virtual-consultations", "teaching"],
            new(
                "Réussir ses rencontres de mentorat en ligne",
                "Caméra, horaire et petits rituels : comment garder une relation vivante à distance.",
                """
                Dans le programme virtuel, la plupart des duos ne se voient jamais en personne. Quelques habitudes aident beaucoup.

                - Gardez la caméra ouverte et choisissez un endroit calme : une rencontre entre deux patients se sent.
                - Fixez un créneau récurrent plutôt que de chercher une date chaque fois.
                - Commencez par une question ouverte : « Qu'est-ce qui t'a occupé depuis la dernière fois? »
                - Terminez en notant la prochaine étape dans l'espace du duo.

                Entre deux rencontres, un court message vaut mieux qu'un long silence.
                """),
            new(
                "Running good virtual mentoring meetings",
                "Camera, schedule and small rituals: keeping a relationship alive at a distance.",
                """
                In the virtual program most pairs never meet in person. A few habits help a lot.

                - Keep your camera on and pick a quiet place: a meeting squeezed between two patients shows.
                - Set a recurring slot instead of hunting for a date every time.
                - Open with a broad question: "What has kept you busy since last time?"
                - Close by writing down the next step in the pair's space.

                Between meetings, a short message beats a long silence.
                """)),

        Make("terminer-un-mentorat", ResourceKind.Guide, Closing, [Mentor, Mentee], ["teaching"],
            new(
                "Bien terminer une relation de mentorat",
                "Faire le bilan, souligner le chemin parcouru et décider ensemble de la suite.",
                """
                Une relation de mentorat qui se termine bien laisse une trace durable. Une qui s'étiole sans un mot laisse un malaise.

                ## La rencontre de clôture

                1. Relisez ensemble les objectifs du départ : lesquels sont atteints, lesquels ont changé?
                2. Nommez ce que chacun a appris, y compris le mentor.
                3. Décidez de la suite : contact occasionnel, nouveau mentor pour une autre étape, ou fin nette.

                ## Après

                Remplissez le formulaire d'appréciation du programme : il aide la coordination à améliorer les jumelages.
                """),
            new(
                "Ending a mentorship well",
                "Review the journey, acknowledge progress and decide together what comes next.",
                """
                A mentorship that ends well leaves a lasting mark. One that fades out without a word leaves unease.

                ## The closing meeting

                1. Read your initial goals together: which were reached, which changed?
                2. Name what each of you learned, the mentor included.
                3. Decide what comes next: occasional contact, a new mentor for another stage, or a clean ending.

                ## Afterwards

                Fill in the program's feedback form: it helps the coordinators improve matching.
                """)),

        Make("bilan-de-fin", ResourceKind.Template, Closing, [Mentee], ["teaching", "transition-to-practice"],
            new(
                "Gabarit de bilan de fin de mentorat",
                "Cinq questions de réflexion à remplir avant la dernière rencontre.",
                """
                Prenez vingt minutes avant la dernière rencontre pour répondre par écrit :

                1. Qu'est-ce qui a le plus changé dans ma pratique ou mes projets depuis le début?
                2. Quel conseil de mon mentor vais-je garder?
                3. Qu'est-ce que j'aurais aimé aborder et que nous n'avons pas abordé?
                4. De quel appui aurai-je besoin dans la prochaine année?
                5. Serais-je prêt ou prête à devenir mentor à mon tour?
                """),
            new(
                "End-of-mentorship reflection template",
                "Five reflection questions to answer before the last meeting.",
                """
                Take twenty minutes before the last meeting to answer in writing:

                1. What has changed most in my practice or my plans since we started?
                2. Which piece of my mentor's advice will I keep?
                3. What would I have liked to discuss that we never did?
                4. What support will I need in the coming year?
                5. Would I be ready to become a mentor myself?
                """)),

        Make("mieux-etre-du-medecin", ResourceKind.Guide, During, [Mentor, Mentee], ["wellness"],
            new(
                "Prendre soin de soi : le mieux-être du médecin",
                "Des habitudes concrètes pour durer en médecine familiale, et les ressources d'aide confidentielles.",
                """
                Le mieux-être n'est pas un luxe : un médecin épuisé soigne moins bien et quitte plus tôt.

                ## Des habitudes qui protègent

                - Protégez au moins une soirée et une demi-journée par semaine.
                - Ayez votre propre médecin de famille.
                - Gardez une activité qui n'a rien à voir avec la médecine.

                ## Demander de l'aide

                Le Programme d'aide aux médecins du Québec (PAMQ) offre un soutien confidentiel aux médecins, résidents et étudiants. Parler à son mentor est aussi un premier pas.
                """),
            new(
                "Looking after yourself: physician wellness",
                "Concrete habits to last in family medicine, and where to find confidential help.",
                """
                Wellness is not a luxury: an exhausted physician provides poorer care and leaves practice sooner.

                ## Protective habits

                - Protect at least one evening and one half-day a week.
                - Have your own family physician.
                - Keep an activity that has nothing to do with medicine.

                ## Asking for help

                The Quebec physicians' health program (PAMQ) offers confidential support to physicians, residents and students. Talking to your mentor is also a first step.
                """)),

        Make("signes-d-epuisement", ResourceKind.Checklist, During, [Mentor], ["wellness", "teaching"],
            new(
                "Reconnaître les signes d'épuisement chez la personne mentorée",
                "Une liste d'indices à surveiller et quoi faire si vous êtes inquiet.",
                """
                Soyez attentif si la personne mentorée :

                - [ ] annule plusieurs rencontres de suite;
                - [ ] parle de cynisme envers les patients ou l'équipe;
                - [ ] dort mal ou ne prend plus de congé;
                - [ ] exprime un sentiment d'échec ou d'inutilité.

                Nommez ce que vous observez, sans jugement. Orientez vers le PAMQ ou un médecin traitant. En cas de danger immédiat, appelez le 911 ou la ligne 1 866 APPELLE.
                """),
            new(
                "Recognising burnout in your mentee",
                "A list of signs to watch for and what to do if you are worried.",
                """
                Pay attention if your mentee:

                - [ ] cancels several meetings in a row;
                - [ ] talks cynically about patients or the team;
                - [ ] sleeps badly or stops taking time off;
                - [ ] expresses a sense of failure or uselessness.

                Name what you observe, without judgement. Refer to the PAMQ or a treating physician. In immediate danger, call 911 or 1 866 APPELLE.
                """)),

        Make("pratique-rurale", ResourceKind.Guide, GettingStarted, [Mentee, Mentor], ["rural-practice", "choosing-practice"],
            new(
                "S'installer en pratique rurale ou éloignée",
                "Polyvalence, garde, vie de famille et soutien à distance : ce qu'il faut savoir avant de s'installer en région.",
                """
                La pratique en région offre une polyvalence rare : bureau, urgence, hospitalisation et souvent obstétrique, avec une équipe soudée.

                ## Avant de choisir

                - Faites un stage ou un remplacement dans le milieu visé.
                - Renseignez-vous sur la fréquence des gardes et le soutien des spécialistes à distance.
                - Pensez à la famille : emploi du conjoint, écoles, services.

                ## Une fois installé

                Un mentor qui pratique lui aussi en région éloignée comprend l'isolement professionnel et peut vous aider à bâtir votre réseau. Les primes d'éloignement et les mesures incitatives de la RAMQ valent aussi d'être vérifiées.
                """),
            new(
                "Starting a rural or remote practice",
                "Versatility, call, family life and remote support: what to know before moving to a rural region.",
                """
                Rural practice offers rare versatility: office, emergency, inpatient care and often obstetrics, with a close-knit team.

                ## Before choosing

                - Do an elective or a locum in the setting you have in mind.
                - Ask about call frequency and remote specialist support.
                - Think about your family: a partner's job, schools, services.

                ## Once settled

                A mentor who also practises in a remote region understands professional isolation and can help you build your network. Remoteness premiums and RAMQ incentives are worth checking too.
                """)),

        Make("soins-de-longue-duree", ResourceKind.Guide, During, [Mentee], ["long-term-care"],
            new(
                "Pratiquer en soins de longue durée (CHSLD)",
                "Les particularités du suivi médical en CHSLD : niveaux de soins, polypharmacie et travail avec les familles.",
                """
                En CHSLD, le médecin accompagne des personnes très âgées, souvent en fin de vie, avec une équipe infirmière qui est ses yeux au quotidien.

                ## Les incontournables

                - Discutez des niveaux de soins dès l'admission et revoyez-les à chaque changement d'état.
                - Faites une révision de la médication au moins deux fois par année : la déprescription est un soin.
                - Prenez le temps de rencontrer les familles, surtout lors des transitions.

                Une évaluation gériatrique globale vaut mieux qu'une série de consultations.
                """),
            new(
                "Practising in long-term care",
                "What is special about medical follow-up in long-term care: levels of care, polypharmacy and working with families.",
                """
                In long-term care, the physician accompanies very old people, often at the end of life, with a nursing team that is their eyes day to day.

                ## The essentials

                - Discuss levels of care at admission and review them with every change in condition.
                - Review medication at least twice a year: deprescribing is care.
                - Take time to meet families, especially at transitions.

                A comprehensive geriatric assessment beats a series of consultations.
                """)),

        Make("donner-de-la-retroaction", ResourceKind.Guide, During, [Mentor], ["teaching"],
            new(
                "Donner une rétroaction utile",
                "Une méthode simple pour une rétroaction précise, bienveillante et suivie d'actions.",
                """
                Une bonne rétroaction porte sur un comportement observable, pas sur la personne.

                ## La méthode en trois temps

                1. **Demander** : « Comment as-tu trouvé cette rencontre avec le patient? »
                2. **Dire** : ce que vous avez observé, avec un exemple précis.
                3. **Convenir** : une chose à essayer la prochaine fois.

                Distinguez la rétroaction, qui sert à apprendre, de l'évaluation, qui sert à juger. En mentorat, il n'y a pas d'évaluation : c'est ce qui rend la relation précieuse.
                """),
            new(
                "Giving useful feedback",
                "A simple method for feedback that is precise, kind and followed by action.",
                """
                Good feedback is about observable behaviour, not about the person.

                ## The three-step method

                1. **Ask**: "How did that visit with the patient go for you?"
                2. **Tell**: what you observed, with a precise example.
                3. **Agree**: one thing to try next time.

                Keep feedback, which is for learning, apart from assessment, which is for judging. In mentoring there is no assessment: that is what makes the relationship valuable.
                """)),

        Make("lancement-de-cohorte", ResourceKind.Checklist, GettingStarted, [Coordinator], ["leadership"],
            new(
                "Lancer une cohorte du programme structuré",
                "La liste de contrôle de la coordination, de l'admission à la première rencontre des duos.",
                """
                - [ ] Candidatures examinées et admissions confirmées (une dizaine de duos)
                - [ ] Liste d'attente informée de sa position
                - [ ] Jumelages proposés et acceptés par les mentors
                - [ ] Séance d'accueil en ligne planifiée
                - [ ] Ententes de mentorat transmises à chaque duo
                - [ ] Heures de développement professionnel continu expliquées
                - [ ] Date du bilan de mi-parcours fixée
                """),
            new(
                "Launching a structured-program cohort",
                "The coordinator's checklist, from admission to the pairs' first meeting.",
                """
                - [ ] Applications reviewed and admissions confirmed (about ten pairs)
                - [ ] Waiting list told where they stand
                - [ ] Matches proposed and accepted by mentors
                - [ ] Online welcome session scheduled
                - [ ] Mentoring agreements sent to every pair
                - [ ] Continuing professional development hours explained
                - [ ] Mid-point review date set
                """)),

        Make("evaluation-de-programme", ResourceKind.Guide, Closing, [Coordinator], ["leadership", "research"],
            new(
                "L'évaluation d'une cohorte de mentorat",
                "Mesurer la satisfaction, l'atteinte des objectifs et la rétention : les questions à poser et quand les poser.",
                """
                L'évaluation d'une cohorte sert à améliorer la suivante, pas à noter les duos.

                ## Trois moments

                - **Au départ** : attentes et objectifs de chacun.
                - **À mi-parcours** : fréquence réelle des rencontres, difficultés de jumelage.
                - **À la fin** : satisfaction, objectifs atteints, intention de devenir mentor.

                ## Quelques indicateurs

                1. Proportion des duos toujours actifs à la fin.
                2. Nombre moyen de rencontres.
                3. Proportion des personnes mentorées prêtes à devenir mentors.

                Partagez les résultats avec les mentors : ils aiment savoir que leur temps compte.
                """),
            new(
                "Evaluating a mentoring cohort",
                "Measuring satisfaction, goal attainment and retention: which questions to ask and when.",
                """
                Evaluating a cohort is about improving the next one, not grading the pairs.

                ## Three moments

                - **At the start**: everyone's expectations and goals.
                - **At mid-point**: how often pairs actually meet, matching difficulties.
                - **At the end**: satisfaction, goals reached, willingness to become a mentor.

                ## A few indicators

                1. Share of pairs still active at the end.
                2. Average number of meetings.
                3. Share of mentees ready to become mentors.

                Share the results with mentors: they like to know their time counts.
                """)),

        Make("parentalite-et-carriere", ResourceKind.Article, During, [Mentee, Mentor], ["parenthood", "wellness"],
            new(
                "Parentalité et carrière en médecine familiale",
                "Congé parental en résidence, retour au travail et horaires : des témoignages et des pistes concrètes.",
                """
                Avoir des enfants pendant la résidence ou les premières années de pratique est courant, et possible.

                ## Pendant la résidence

                Le congé parental prolonge la formation; parlez-en tôt au directeur de programme pour planifier les stages.

                ## Au retour

                - Reprenez progressivement si votre milieu le permet.
                - Partagez les gardes équitablement dans le couple et dans le groupe.
                - Acceptez que certaines années soient moins productives : la carrière est longue.

                Plusieurs mentors du programme ont vécu ces choix et acceptent d'en parler franchement.
                """),
            new(
                "Parenthood and a career in family medicine",
                "Parental leave in residency, returning to work and schedules: experiences and practical ideas.",
                """
                Having children during residency or the first years of practice is common, and possible.

                ## During residency

                Parental leave extends training; talk to your program director early to plan rotations.

                ## Coming back

                - Return gradually if your setting allows it.
                - Share call fairly, at home and in the group.
                - Accept that some years will be less productive: a career is long.

                Several mentors in the program have made these choices and are happy to talk about them frankly.
                """)),

        Make("choisir-la-medecine-familiale", ResourceKind.Article, GettingStarted, [Mentee], ["choosing-practice", "transition-to-residency"],
            new(
                "Choisir la médecine familiale, ou une pratique ciblée",
                "Soins de première ligne, urgence, obstétrique, soins palliatifs : comment explorer avant de choisir.",
                """
                La médecine familiale est l'une des spécialités les plus variées : on peut y faire du bureau, de l'urgence, de l'obstétrique, des soins à domicile ou de l'enseignement, souvent tout à la fois.

                ## Explorer

                - Choisissez des stages à option dans des milieux différents (urbain, rural, GMF-U).
                - Demandez à des médecins à quoi ressemble leur semaine type.
                - Renseignez-vous sur les programmes de compétences avancées (R3).

                Un mentor en début de pratique se souvient très bien de ces hésitations.
                """),
            new(
                "Choosing family medicine, or a focused practice",
                "Primary care, emergency, obstetrics, palliative care: how to explore before choosing.",
                """
                Family medicine is one of the most varied specialties: office practice, emergency, obstetrics, home care or teaching, often all at once.

                ## Explore

                - Pick electives in different settings (urban, rural, teaching units).
                - Ask physicians what their typical week looks like.
                - Learn about enhanced-skills programs (PGY-3).

                An early-career mentor remembers these doubts very well.
                """)),

        Make("carms-match", ResourceKind.Guide, GettingStarted, [Mentee], ["transition-to-residency"],
            null,
            new(
                "Preparing for the CaRMS residency match",
                "Personal letters, interviews and ranking programs: a timeline for medical students applying to family medicine.",
                """
                The residency match is stressful, but it rewards preparation more than luck.

                ## Timeline

                - **Summer before**: choose electives that show your interest, ask for reference letters early.
                - **Fall**: write one personal letter per program; say why that program, not just why family medicine.
                - **Winter**: interviews. Prepare stories about teamwork, a difficult patient and a mistake you learned from.

                ## Ranking

                Rank programs in your true order of preference: the algorithm favours applicants.
                """)),

        Make("veille-sante-publique", ResourceKind.Link, During, [Mentor, Mentee], ["public-health-changes"],
            new(
                "Suivre les changements en santé publique",
                "Où trouver les avis, les protocoles et les campagnes de vaccination à jour au Québec.",
                """
                Les recommandations changent vite : vaccination, infections transmissibles, dépistage. Quelques réflexes :

                - Abonnez-vous aux avis de la direction régionale de santé publique de votre région.
                - Consultez le Protocole d'immunisation du Québec (PIQ) avant chaque campagne.
                - Parlez des changements récents en rencontre de mentorat : c'est un bon sujet d'échange entre générations de médecins.
                """),
            null,
            url: "https://www.inspq.qc.ca"),

        Make("recherche-en-premiere-ligne", ResourceKind.Article, During, [Mentee], ["research"],
            null,
            new(
                "Getting started in primary-care research",
                "Finding a question, a team and protected time as a resident or early-career physician.",
                """
                Research questions in family medicine come from the clinic: why do patients miss follow-ups, which tool helps with deprescribing?

                ## First steps

                1. Write down the questions that come up during your clinics for a month.
                2. Join an existing primary-care research network rather than starting alone.
                3. Ask for protected time: even half a day a month makes a difference.

                A mentor who is a clinician-researcher can help you turn a clinical frustration into a feasible project.
                """)),

        Make("premiers-pas-en-leadership", ResourceKind.Article, During, [Mentor, Mentee], ["leadership", "practice-management"],
            new(
                "Premiers pas en leadership médical",
                "Comité, chefferie de GMF, représentation : comment commencer sans s'épuiser.",
                """
                Le leadership commence souvent par une petite responsabilité : un comité de l'établissement, la coordination d'un horaire de garde.

                - Choisissez un rôle qui vous tient à cœur plutôt que celui qu'on vous offre en premier.
                - Fixez-vous une durée et un objectif clair.
                - Trouvez un mentor qui a déjà occupé un rôle semblable.

                Le leadership se partage : les meilleurs chefs de GMF savent déléguer.
                """),
            new(
                "First steps in medical leadership",
                "Committees, leading a clinic, representing colleagues: how to start without burning out.",
                """
                Leadership often starts with a small responsibility: a hospital committee, coordinating a call schedule.

                - Pick a role you care about rather than the first one you are offered.
                - Give yourself a set term and a clear goal.
                - Find a mentor who has held a similar role.

                Leadership is shared: the best clinic leads know how to delegate.
                """)),

        Make("confidentialite", ResourceKind.Guide, GettingStarted, [Mentor, Mentee, Coordinator], ["teaching"],
            new(
                "La confidentialité dans le mentorat",
                "Ce qui reste entre le mentor et la personne mentorée, ce que voit la coordination, et les exceptions.",
                """
                La confiance repose sur la confidentialité. Dans la plateforme :

                - Les conversations, les objectifs et les notes de rencontre ne sont visibles que par le duo.
                - La coordination voit les jumelages, leur statut et des statistiques, jamais le contenu des échanges.

                ## Les exceptions

                Un risque pour la sécurité d'un patient ou une détresse grave justifient d'en parler, idéalement avec l'accord de la personne concernée.

                Ne partagez jamais de renseignements permettant d'identifier un patient.
                """),
            new(
                "Confidentiality in mentoring",
                "What stays between mentor and mentee, what coordinators see, and the exceptions.",
                """
                Trust rests on confidentiality. On the platform:

                - Conversations, goals and meeting notes are visible to the pair only.
                - Coordinators see matches, their status and statistics, never the content of conversations.

                ## Exceptions

                A risk to patient safety or serious distress justifies speaking up, ideally with the person's consent.

                Never share information that could identify a patient.
                """)),

        Make("supervision-de-residents", ResourceKind.Guide, During, [Mentor], ["teaching"],
            new(
                "Superviser des résidents pour la première fois",
                "Le passage de supervisé à superviseur : fixer les attentes, observer et déléguer progressivement.",
                """
                Les jeunes médecins deviennent souvent superviseurs en GMF-U quelques mois après la fin de leur propre résidence.

                - Clarifiez dès le départ ce que le résident peut faire seul.
                - Observez directement au moins une consultation par semaine.
                - Donnez une rétroaction brève après chaque journée.

                Votre mentor peut vous aider à trouver votre style de supervision sans copier celui de vos anciens patrons.
                """),
            new(
                "Supervising residents for the first time",
                "Going from supervised to supervisor: setting expectations, observing and delegating gradually.",
                """
                Young physicians often become supervisors in a teaching unit a few months after finishing their own residency.

                - Make clear from the start what the resident may do alone.
                - Observe at least one visit directly every week.
                - Give short feedback after each day.

                Your mentor can help you find your own supervision style without copying your former supervisors.
                """)),

        Make("facturation-soins-virtuels-brouillon", ResourceKind.Guide, During, [Mentee], ["virtual-consultations", "practice-management"],
            new(
                "Facturer les consultations virtuelles (brouillon)",
                "Brouillon en révision par la coordination.",
                "À compléter : codes de facturation des téléconsultations et conditions de la RAMQ."),
            new(
                "Billing virtual consultations (draft)",
                "Draft under review by the coordinators.",
                "To do: billing codes for virtual consultations and RAMQ conditions."),
            status: ResourceStatus.Draft),

        Make("telesante-pandemie-2020", ResourceKind.Guide, During, [Mentor, Mentee], ["virtual-consultations", "public-health-changes"],
            new(
                "Télésanté pendant la pandémie (2020)",
                "Les mesures temporaires de télésanté de 2020, remplacées depuis.",
                "Les mesures temporaires de 2020 ne s'appliquent plus : voir les bonnes pratiques des soins virtuels."),
            new(
                "Telehealth during the pandemic (2020)",
                "The temporary telehealth measures of 2020, since replaced.",
                "The temporary 2020 measures no longer apply: see good practice in virtual care."),
            status: ResourceStatus.Archived),
    ];
}
