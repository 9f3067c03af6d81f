using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Matching;

/// <summary>Suggestions, why-not and whole-cohort matching over GraphQL, on the demo data.</summary>
public sealed class MatchingGraphTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Suggestions = "query($p: ID!, $first: Int) { mentorSuggestions(programId: $p, first: $first) { score freeCapacity mentor { displayName visibility } fr: reasons(language: FR) en: reasons(language: EN) contributions { criterion weight value points isPriority } } }";

    [Fact]
    public async Task A_mentee_gets_ranked_explained_suggestions_in_both_languages()
    {
        var noah = await SignInAsync(DemoPeople.Noah);
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);

        var response = await noah.QueryAsync(Suggestions, new { p = jumo, first = 5 });
        var again = await noah.QueryAsync(Suggestions, new { p = jumo, first = 5 });

        var list = response.EnsureNoErrors().Data["mentorSuggestions"]!.AsArray();
        Assert.Equal(5, list.Count);
        var scores = list.Select(s => s!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(list, s =>
        {
            Assert.Equal("CARD", s!["mentor"]!["visibility"]!.GetValue<string>());
            Assert.True(s["freeCapacity"]!.GetValue<int>() > 0);
            Assert.NotEmpty(s["fr"]!.AsArray());
            Assert.Equal(s["fr"]!.AsArray().Count, s["en"]!.AsArray().Count);
            Assert.Equal(s["score"]!.GetValue<double>(), s["contributions"]!.AsArray().Sum(c => c!["points"]!.GetValue<double>()), 2);
        });
        Assert.Equal(response.Body!.ToJsonString(), again.Body!.ToJsonString());
        Snapshots.MatchJson(response.Body);
    }

    [Fact]
    public async Task Why_not_lists_every_failed_hard_constraint()
    {
        // Mathieu mentors one student at most and already has one; he speaks only French, Noah only English.
        var noah = await SignInAsync(DemoPeople.Noah);
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        const string Query = "query($p: ID!, $m: ID!) { whyNot(programId: $p, mentorId: $m) { suggested score failedConstraints { code fr: reason(language: FR) en: reason(language: EN) } } }";

        var mathieu = await noah.QueryAsync(Query, new { p = jumo, m = await Factory.MemberGlobalIdAsync("mathieu.gauthier@exemple.qc.ca") });
        var margaret = await noah.QueryAsync(Query, new { p = jumo, m = await Factory.MemberGlobalIdAsync(DemoPeople.Margaret) });

        var notSuggested = mathieu.EnsureNoErrors().Data["whyNot"]!;
        Assert.False(notSuggested["suggested"]!.GetValue<bool>());
        Assert.Equal(["NO_SHARED_LANGUAGE", "MENTOR_AT_CAPACITY"], notSuggested["failedConstraints"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()));
        Assert.All(notSuggested["failedConstraints"]!.AsArray(), f => Assert.NotEqual(f!["fr"]!.GetValue<string>(), f["en"]!.GetValue<string>()));
        Assert.True(margaret.EnsureNoErrors().Data["whyNot"]!["suggested"]!.GetValue<bool>());
        Assert.Empty(margaret.Data["whyNot"]!["failedConstraints"]!.AsArray());
    }

    [Fact]
    public async Task Suggestions_need_a_mentee_enrolment_and_a_bounded_size()
    {
        var camille = await SignInAsync(DemoPeople.Camille);
        var noah = await SignInAsync(DemoPeople.Noah);
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);

        Assert.Equal("NOT_ENROLLED", (await camille.QueryAsync(Suggestions, new { p = jumo })).FirstErrorCode);
        Assert.Equal("LIMIT_EXCEEDED", (await noah.QueryAsync(Suggestions, new { p = jumo, first = 51 })).FirstErrorCode);
    }

    [Fact]
    public async Task A_coordinator_auto_matches_a_cohort_with_locks_and_bans_then_publishes_proposals()
    {
        var (cohortId, mentors, mentees) = await CohortAsync();
        var coordinator = await SignInAsync(DemoPeople.StructuredCoordinator);
        const string Run = "mutation($c: ID!, $o: CohortObjective) { autoMatchCohort(cohortId: $c, objective: $o) { run { id objective problems pairs { score locked mentor { displayName } mentee { displayName } } unmatched { reason explanation mentee { displayName } } totalScore worstScore } errors { code } } }";
        const string Rule = "mutation($c: ID!, $mentor: ID!, $mentee: ID!, $k: PairRuleKind!) { setPairRule(cohortId: $c, mentorId: $mentor, menteeId: $mentee, kind: $k) { errors { code } } }";

        var total = (await coordinator.QueryAsync(Run, new { c = cohortId, o = "TOTAL_FIT" })).EnsureNoErrors().Data["autoMatchCohort"]!["run"]!;
        var fairest = (await coordinator.QueryAsync(Run, new { c = cohortId, o = "FAIREST" })).EnsureNoErrors().Data["autoMatchCohort"]!["run"]!;
        Assert.Empty(total["problems"]!.AsArray());
        Assert.Equal(3, total["pairs"]!.AsArray().Count);
        Assert.True(fairest["worstScore"]!.GetValue<double>() >= total["worstScore"]!.GetValue<double>());
        Assert.True(total["totalScore"]!.GetValue<double>() >= fairest["totalScore"]!.GetValue<double>());

        // Ban the pair the solver liked best for the first mentee, lock another: the next run obeys both.
        var first = total["pairs"]![0]!;
        var menteeName = first["mentee"]!["displayName"]!.GetValue<string>();
        var bannedMentor = first["mentor"]!["displayName"]!.GetValue<string>();
        var otherMentor = mentors.Keys.First(n => n != bannedMentor);
        (await coordinator.QueryAsync(Rule, new { c = cohortId, mentor = mentors[bannedMentor], mentee = mentees[menteeName], k = "BAN" })).EnsureNoErrors();
        (await coordinator.QueryAsync(Rule, new { c = cohortId, mentor = mentors[otherMentor], mentee = mentees[menteeName], k = "LOCK" })).EnsureNoErrors();
        var ruled = (await coordinator.QueryAsync(Run, new { c = cohortId })).EnsureNoErrors().Data["autoMatchCohort"]!["run"]!;
        var pair = ruled["pairs"]!.AsArray().Single(p => p!["mentee"]!["displayName"]!.GetValue<string>() == menteeName)!;
        Assert.Equal(otherMentor, pair["mentor"]!["displayName"]!.GetValue<string>());
        Assert.True(pair["locked"]!.GetValue<bool>());

        // Publishing turns the pairs into PROPOSED matches, once.
        const string Publish = "mutation($r: ID!) { publishCohortMatching(runId: $r) { run { publishedAt } errors { code } } }";
        var runId = ruled["id"]!.GetValue<string>();
        Assert.NotNull((await coordinator.QueryAsync(Publish, new { r = runId })).EnsureNoErrors().Data["publishCohortMatching"]!["run"]!["publishedAt"]);
        Assert.Equal("ALREADY_PUBLISHED", (await coordinator.QueryAsync(Publish, new { r = runId })).Data["publishCohortMatching"]!["errors"]![0]!["code"]!.GetValue<string>());
        await using var db = Factory.CreateDbContext();
        var cohortGuid = GlobalId.Parse(cohortId, "Cohort");
        Assert.Equal(3, await db.Matches.CountAsync(m => m.CohortId == cohortGuid && m.Status == Domain.Matches.MatchStatus.Proposed));
        var stored = await db.CohortMatchingRuns.CountAsync(r => r.CohortId == cohortGuid);
        Assert.Equal(3, stored);
    }

    [Fact]
    public async Task Only_the_programs_coordinators_run_cohort_matching()
    {
        var (cohortId, _, _) = await CohortAsync();
        var other = await SignInAsync(DemoPeople.JumoCoordinator);

        var response = await other.QueryAsync("mutation($c: ID!) { autoMatchCohort(cohortId: $c) { run { id } } }", new { c = cohortId });

        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
    }

    /// <summary>A cohort of the structured program with three mentors and three mentees admitted.</summary>
    private async Task<(string CohortId, Dictionary<string, string> Mentors, Dictionary<string, string> Mentees)> CohortAsync()
    {
        await using var db = Factory.CreateDbContext();
        var program = await db.Programs.SingleAsync(p => p.Code == DemoData.StructuredProgramCode);
        var cohort = new Cohort { ProgramId = program.Id, Name = "Printemps 2027", Capacity = 10 };
        db.Cohorts.Add(cohort);
        var mentorEmails = new[] { DemoPeople.Margaret, "catherine.morin@exemple.qc.ca", "genevieve.lefebvre@exemple.qc.ca" };
        var menteeEmails = new[] { DemoPeople.Camille, "gabriel.dube@exemple.qc.ca", DemoPeople.Elodie };
        var members = await db.Members.Where(m => mentorEmails.Contains(m.Email) || menteeEmails.Contains(m.Email)).ToListAsync();
        await db.SaveChangesAsync();
        foreach (var member in members)
        {
            var role = mentorEmails.Contains(member.Email) ? ProgramRole.Mentor : ProgramRole.Mentee;
            var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.MemberId == member.Id && e.ProgramId == program.Id && e.Role == role);
            if (enrolment is null)
            {
                db.Enrolments.Add(new Enrolment { MemberId = member.Id, ProgramId = program.Id, Role = role, Status = EnrolmentStatus.Active, CohortId = cohort.Id, MentorCapacity = role == ProgramRole.Mentor ? 1 : null });
            }
            else
            {
                enrolment.Status = EnrolmentStatus.Active;
                enrolment.CohortId = cohort.Id;
                enrolment.MentorCapacity = role == ProgramRole.Mentor ? 1 : null;
            }
        }

        await db.SaveChangesAsync();
        return (
            GlobalId.Encode("Cohort", cohort.Id),
            members.Where(m => mentorEmails.Contains(m.Email)).ToDictionary(m => m.DisplayName, m => GlobalId.Encode("Member", m.Id)),
            members.Where(m => menteeEmails.Contains(m.Email)).ToDictionary(m => m.DisplayName, m => GlobalId.Encode("Member", m.Id)));
    }
}
