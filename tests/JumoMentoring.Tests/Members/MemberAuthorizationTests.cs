using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Data;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Members;

/// <summary>Who sees what of whom: each role against each field that exposes personal data.</summary>
public sealed class MemberAuthorizationTests(ApiFactory factory) : ApiTest(factory)
{
    private const string ProfileFields = "visibility displayName bio email memberNumber preferredLanguage status practiceSettings { code } enrolments { role }";

    public static TheoryData<string?, string, string?> Matrix => new()
    {
        // viewer, target, expected visibility (null: not visible at all)
        { null, DemoPeople.Margaret, null },
        { "integration", DemoPeople.Margaret, null },
        { DemoPeople.Margaret, DemoPeople.Margaret, "FULL" },
        { DemoPeople.Sarah, DemoPeople.Margaret, "FULL" },          // match partner (mentee → mentor)
        { DemoPeople.Margaret, DemoPeople.Sarah, "FULL" },          // match partner (mentor → mentee)
        { DemoPeople.Noah, DemoPeople.Margaret, "CARD" },           // a mentor of a program Noah is in
        { DemoPeople.Noah, DemoPeople.Sarah, null },                // another mentee
        { DemoPeople.Sarah, DemoPeople.Noah, null },
        { DemoPeople.Camille, DemoPeople.Margaret, null },          // only waitlisted: not enrolled yet
        { DemoPeople.Helene, DemoPeople.Sarah, null },              // a mentor does not browse mentees
        { DemoPeople.StructuredCoordinator, DemoPeople.Camille, "FULL" }, // coordinator: members of their program
        { DemoPeople.StructuredCoordinator, DemoPeople.Noah, null },      // not in their program
        { DemoPeople.JumoCoordinator, DemoPeople.Noah, "FULL" },
        { DemoPeople.Admin, DemoPeople.Noah, "FULL" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Member_by_id_and_node_obey_the_same_rules(string? viewer, string target, string? expected)
    {
        var client = await ClientAsync(viewer);
        var id = await IdOfAsync(target);

        var byId = await client.QueryAsync($"query($id: ID!) {{ member(id: $id) {{ {ProfileFields} }} }}", new { id });
        var byNode = await client.QueryAsync($"query($id: ID!) {{ node(id: $id) {{ ... on Member {{ {ProfileFields} }} }} }}", new { id });

        foreach (var member in new[] { byId.EnsureNoErrors().Data["member"], byNode.EnsureNoErrors().Data["node"] })
        {
            if (expected is null)
            {
                Assert.Null(member);
                continue;
            }

            Assert.Equal(expected, member!["visibility"]!.GetValue<string>());
            Assert.NotNull(member["displayName"]);
            var full = expected == "FULL";
            foreach (var field in new[] { "email", "memberNumber", "preferredLanguage", "status", "practiceSettings", "enrolments" })
            {
                Assert.True(full == (member[field] is not null), $"{field} visible: {!full}");
            }
        }
    }

    [Fact]
    public async Task A_pending_request_shows_each_member_the_others_card_and_acceptance_the_full_profile()
    {
        var noah = await SignInAsync(DemoPeople.Noah);
        var david = await SignInAsync("david.chen@exemple.qc.ca");
        var (noahId, davidId) = (await IdOfAsync(DemoPeople.Noah), await IdOfAsync("david.chen@exemple.qc.ca"));
        const string Profile = "query($id: ID!) { member(id: $id) { visibility bio email memberNumber } }";
        Assert.Null((await david.QueryAsync(Profile, new { id = noahId })).EnsureNoErrors().Data["member"]); // a mentor does not browse mentees
        var matchId = (await noah.QueryAsync(
                "mutation($p: ID!, $m: ID!) { requestMentor(programId: $p, mentorId: $m) { match { id } } }",
                new { p = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode), m = davidId }))
            .EnsureNoErrors().Data["requestMentor"]!["match"]!["id"]!.GetValue<string>();

        // Requested: enough to decide (the card, with the bio), never contact details.
        foreach (var (client, id) in new[] { (david, noahId), (noah, davidId) })
        {
            var card = (await client.QueryAsync(Profile, new { id })).EnsureNoErrors().Data["member"]!;
            Assert.Equal("CARD", card["visibility"]!.GetValue<string>());
            Assert.NotNull(card["bio"]);
            Assert.Null(card["email"]);
            Assert.Null(card["memberNumber"]);
        }

        (await david.QueryAsync("mutation($id: ID!) { acceptRequest(matchId: $id) { match { status } } }", new { id = matchId })).EnsureNoErrors();

        foreach (var (client, id) in new[] { (david, noahId), (noah, davidId) })
        {
            var full = (await client.QueryAsync(Profile, new { id })).EnsureNoErrors().Data["member"]!;
            Assert.Equal("FULL", full["visibility"]!.GetValue<string>());
            Assert.NotNull(full["email"]);
        }
    }

    [Fact]
    public async Task The_directory_of_a_mentee_lists_the_mentors_of_their_programs_as_cards()
    {
        var noah = await SignInAsync(DemoPeople.Noah);

        var response = await noah.QueryAsync("{ members(first: 100) { totalCount nodes { displayName visibility email } } }");

        var nodes = response.EnsureNoErrors().Data["members"]!["nodes"]!.AsArray();
        var names = nodes.Select(n => n!["displayName"]!.GetValue<string>()).ToList();
        Assert.Contains("Margaret O'Connor", names);
        Assert.Contains("Noah Smith", names);
        Assert.DoesNotContain("Sarah Thompson", names);
        Assert.DoesNotContain("Michel Lavoie", names); // mentors only in the structured program
        Assert.All(nodes.Where(n => n!["displayName"]!.GetValue<string>() != "Noah Smith"), n =>
        {
            Assert.Equal("CARD", n!["visibility"]!.GetValue<string>());
            Assert.Null(n["email"]);
        });
        Assert.Equal(nodes.Count, response.Data["members"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Others_enrolments_and_matches_are_not_reachable_by_id()
    {
        await using var db = Factory.CreateDbContext();
        var sarahMatch = await db.Matches.FirstAsync(m => m.Mentee!.Email == DemoPeople.Sarah);
        var sarahEnrolment = await db.Enrolments.FirstAsync(e => e.Member!.Email == DemoPeople.Sarah);
        var noah = await SignInAsync(DemoPeople.Noah);
        var sarah = await SignInAsync(DemoPeople.Sarah);
        const string query = "query($m: ID!, $e: ID!) { m: node(id: $m) { id } e: node(id: $e) { id } match(id: $m) { status } }";
        var variables = new { m = GlobalId.Encode("Match", sarahMatch.Id), e = GlobalId.Encode("Enrolment", sarahEnrolment.Id) };

        var asNoah = (await noah.QueryAsync(query, variables)).EnsureNoErrors().Data;
        var asSarah = (await sarah.QueryAsync(query, variables)).EnsureNoErrors().Data;

        Assert.Null(asNoah["m"]);
        Assert.Null(asNoah["e"]);
        Assert.Null(asNoah["match"]);
        Assert.NotNull(asSarah["m"]);
        Assert.NotNull(asSarah["e"]);
        Assert.Equal("ACTIVE", asSarah["match"]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, "UNAUTHENTICATED")]
    [InlineData("integration", "FORBIDDEN")]
    public async Task Member_mutations_need_a_signed_in_member(string? viewer, string code)
    {
        var client = await ClientAsync(viewer);

        var response = await client.QueryAsync("mutation { updateMyProfile(input: { bio: \"x\" }) { errors { code } } }");

        Assert.Equal(code, response.FirstErrorCode);
    }

    [Theory]
    [InlineData(DemoPeople.Noah, "FORBIDDEN")]
    [InlineData(DemoPeople.JumoCoordinator, "FORBIDDEN")]
    [InlineData(DemoPeople.StructuredCoordinator, null)]
    [InlineData(DemoPeople.Admin, null)]
    public async Task Only_coordinators_of_the_program_see_its_applications_and_manage_cohorts(string viewer, string? code)
    {
        var client = await ClientAsync(viewer);
        var programId = await StructuredProgramIdAsync();

        var applications = await client.QueryAsync("query($id: ID!) { program(id: $id) { applications { member { displayName } } } }", new { id = programId });
        var cohort = await client.QueryAsync(
            "mutation($id: ID!) { createCohort(input: { programId: $id, name: \"Cohorte test\", capacity: 10 }) { cohort { name } errors { code } } }", new { id = programId });

        Assert.Equal(code, applications.FirstErrorCode);
        Assert.Equal(code, cohort.FirstErrorCode);
        if (code is null)
        {
            Assert.Equal(2, applications.Data["program"]!["applications"]!.AsArray().Count);
            Assert.Equal("Cohorte test", cohort.Data["createCohort"]!["cohort"]!["name"]!.GetValue<string>());
        }
    }

    private async Task<GraphQLClient> ClientAsync(string? viewer) => viewer switch
    {
        null => Graph,
        "integration" => await Factory.SignInAsync(client: "member-system"),
        _ => await SignInAsync(viewer),
    };

    private async Task<string> IdOfAsync(string email)
    {
        await using var db = Factory.CreateDbContext();
        return GlobalId.Encode("Member", (await db.Members.SingleAsync(m => m.Email == email)).Id);
    }

    private async Task<string> StructuredProgramIdAsync()
    {
        await using var db = Factory.CreateDbContext();
        return GlobalId.Encode("Program", (await db.Programs.SingleAsync(p => p.Code == "mentorat-structure")).Id);
    }
}
