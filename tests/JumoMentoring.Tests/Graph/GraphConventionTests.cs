using System.Net;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JumoMentoring.Tests.Graph;

/// <summary>Node ids, connections, batching and errors: the conventions every later field follows.</summary>
public sealed class GraphConventionTests(ApiFactory factory) : ApiTest(factory)
{
    protected override string? SignedInAs => DemoPeople.Admin;

    [Fact]
    public async Task Every_node_type_is_found_again_by_its_global_id()
    {
        var list = await Graph.QueryAsync("{ programs { id code } members(first: 1) { nodes { id memberNumber enrolments { id role } } } }");
        var program = list.EnsureNoErrors().Data["programs"]![0]!;
        var member = list.Data["members"]!["nodes"]![0]!;
        var enrolment = member["enrolments"]![0]!;

        var found = await Graph.QueryAsync(
            """
            query($p: ID!, $m: ID!, $e: ID!) {
              p: node(id: $p) { __typename id ... on Program { code } }
              m: node(id: $m) { __typename id ... on Member { memberNumber } }
              e: node(id: $e) { __typename id ... on Enrolment { role } }
            }
            """,
            new { p = program["id"]!.GetValue<string>(), m = member["id"]!.GetValue<string>(), e = enrolment["id"]!.GetValue<string>() });

        var data = found.EnsureNoErrors().Data;
        Assert.Equal("Program", data["p"]!["__typename"]!.GetValue<string>());
        Assert.Equal(program["code"]!.GetValue<string>(), data["p"]!["code"]!.GetValue<string>());
        Assert.Equal(member["memberNumber"]!.GetValue<string>(), data["m"]!["memberNumber"]!.GetValue<string>());
        Assert.Equal(enrolment["role"]!.GetValue<string>(), data["e"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ids_are_opaque_and_differ_between_types()
    {
        var response = await Graph.QueryAsync("{ programs { id } members(first: 1) { nodes { id } } }");

        var programId = response.EnsureNoErrors().Data["programs"]![0]!["id"]!.GetValue<string>();
        Assert.DoesNotContain("-", programId, StringComparison.Ordinal);
        Assert.False(Guid.TryParse(programId, out _));
    }

    [Fact]
    public async Task A_malformed_id_is_a_typed_error_and_an_unknown_id_is_null()
    {
        var malformed = await Graph.QueryAsync("{ node(id: \"not-an-id\") { id } }");
        var unknown = await Graph.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = Api.Graph.GlobalId.Encode("Member", Guid.NewGuid()) });
        var unknownType = await Graph.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = Api.Graph.GlobalId.Encode("Nothing", Guid.NewGuid()) });
        var wrongType = await Graph.QueryAsync("query($id: ID!) { program(id: $id) { id } }", new { id = Api.Graph.GlobalId.Encode("Member", Guid.NewGuid()) });

        Assert.Equal("INVALID_ID", malformed.FirstErrorCode);
        Assert.Null(unknown.EnsureNoErrors().Data["node"]);
        Assert.Null(unknownType.EnsureNoErrors().Data["node"]);
        Assert.Equal("INVALID_ID", wrongType.FirstErrorCode);
    }

    [Fact]
    public async Task Nodes_keeps_the_order_asked_and_is_capped()
    {
        var list = await Graph.QueryAsync("{ members(first: 5) { nodes { id memberNumber } } }");
        var members = list.EnsureNoErrors().Data["members"]!["nodes"]!.AsArray();
        var ids = members.Select(m => m!["id"]!.GetValue<string>()).Reverse().ToList();
        ids.Insert(2, Api.Graph.GlobalId.Encode("Member", Guid.NewGuid()));

        var found = await Graph.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Member { memberNumber } } }", new { ids });
        var tooMany = await Graph.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = Enumerable.Repeat(ids[0], 101).ToArray() });

        var numbers = found.EnsureNoErrors().Data["nodes"]!.AsArray().Select(n => n?["memberNumber"]?.GetValue<string>()).ToList();
        var expected = members.Select(m => m!["memberNumber"]!.GetValue<string>()).Reverse().Cast<string?>().ToList();
        expected.Insert(2, null);
        Assert.Equal(expected, numbers);
        Assert.Equal("LIMIT_EXCEEDED", tooMany.FirstErrorCode);
    }

    [Fact]
    public async Task Members_connection_pages_through_everyone_exactly_once()
    {
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var response = await Graph.QueryAsync(
                "query($after: String) { members(first: 15, after: $after) { totalCount edges { cursor node { memberNumber } } nodes { memberNumber } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }",
                new { after });
            var connection = response.EnsureNoErrors().Data["members"]!;
            var edges = connection["edges"]!.AsArray();
            Assert.Equal(DemoPeople.MemberCount, connection["totalCount"]!.GetValue<int>());
            Assert.Equal(
                edges.Select(e => e!["node"]!["memberNumber"]!.GetValue<string>()),
                connection["nodes"]!.AsArray().Select(n => n!["memberNumber"]!.GetValue<string>()));
            Assert.Equal(after is not null, connection["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            seen.AddRange(edges.Select(e => e!["node"]!["memberNumber"]!.GetValue<string>()));
            pages++;
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
            Assert.Equal(edges[^1]!["cursor"]!.GetValue<string>(), after);
        }

        Assert.Equal(3, pages);
        Assert.Equal(DemoPeople.MemberCount, seen.Count);
        Assert.Equal(DemoPeople.MemberCount, seen.Distinct().Count());
    }

    [Theory]
    [InlineData(101, "LIMIT_EXCEEDED")]
    [InlineData(-1, "LIMIT_EXCEEDED")]
    public async Task Page_size_is_bounded(int first, string code)
    {
        var response = await Graph.QueryAsync("query($first: Int) { members(first: $first) { totalCount } }", new { first });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(code, response.FirstErrorCode);
    }

    [Fact]
    public async Task A_forged_cursor_is_a_typed_error()
    {
        var response = await Graph.QueryAsync("{ members(first: 2, after: \"bm9wZQ\") { totalCount } }");

        Assert.Equal("INVALID_CURSOR", response.FirstErrorCode);
    }

    [Fact]
    public async Task Nested_lists_cost_a_constant_number_of_sql_round_trips()
    {
        await AddMembersWithEnrolmentsAsync(20);
        const string query = "query($first: Int) { members(first: $first) { nodes { displayName enrolments { role program { code name } } } } }";
        var counter = Factory.Services.GetRequiredService<SqlCommandCounter>();

        // Warm the reference-list cache so that both runs measure the same thing.
        (await Graph.QueryAsync(query, new { first = 1 })).EnsureNoErrors();
        var before = counter.Count;
        var five = await Graph.QueryAsync(query, new { first = 5 });
        var forFive = counter.Count - before;
        before = counter.Count;
        var fifty = await Graph.QueryAsync(query, new { first = 50 });
        var forFifty = counter.Count - before;

        var members = fifty.EnsureNoErrors().Data["members"]!["nodes"]!.AsArray();
        five.EnsureNoErrors();
        Assert.Equal(50, members.Count);
        Assert.True(members.Sum(m => m!["enrolments"]!.AsArray().Count) >= 50);
        Assert.All(members.SelectMany(m => m!["enrolments"]!.AsArray()), e => Assert.NotNull(e!["program"]!["code"]));

        // One to sign in (member and roles), one for the page, one for all enrolments, one for all programs.
        Assert.Equal(4, forFifty);
        Assert.Equal(forFive, forFifty);
    }

    [Fact]
    public async Task Labels_follow_accept_language_and_the_language_argument()
    {
        const string query = "{ programs { code name fr: name(language: FR) en: name(language: EN) } }";

        var french = await Graph.QueryAsync(query);
        var english = await Graph.QueryAsync(query, acceptLanguage: "en-CA,en;q=0.9,fr;q=0.5");

        var jumoFr = french.EnsureNoErrors().Data["programs"]![0]!;
        var jumoEn = english.EnsureNoErrors().Data["programs"]![0]!;
        Assert.Equal("JUMO – mentorat virtuel", jumoFr["name"]!.GetValue<string>());
        Assert.Equal("JUMO – virtual mentoring", jumoEn["name"]!.GetValue<string>());
        Assert.Equal(jumoFr["en"]!.GetValue<string>(), jumoEn["name"]!.GetValue<string>());
        Assert.Equal(jumoEn["fr"]!.GetValue<string>(), jumoFr["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Programs_match_their_snapshot()
    {
        var response = await Graph.QueryAsync("{ programs { code kind status fr: name(language: FR) en: name(language: EN) description } }");

        Snapshots.MatchJson(response.EnsureNoErrors().Body);
    }

    [Fact]
    public async Task A_member_shows_labelled_reference_lists()
    {
        await using var db = Factory.CreateDbContext();
        var helene = await db.Members.SingleAsync(m => m.MemberNumber == "10001");

        var response = await Graph.QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on Member { displayName preferredLanguage careerStage { code label en: label(language: EN) rank } region { code label } languagesSpoken { code label } practiceSettings { code label } topics { code label(language: EN) } } } }",
            new { id = Api.Graph.GlobalId.Encode("Member", helene.Id) });

        Snapshots.MatchJson(response.EnsureNoErrors().Body);
    }

    private async Task AddMembersWithEnrolmentsAsync(int count)
    {
        await using var db = Factory.CreateDbContext();
        var programs = await db.Programs.ToListAsync();
        for (var i = 0; i < count; i++)
        {
            var member = new Member
            {
                MemberNumber = $"8{i:0000}",
                FirstName = "Test",
                LastName = $"Membre {i}",
                Email = $"test{i}@exemple.qc.ca",
                CareerStage = "resident",
                Region = "06",
                LanguagesSpoken = ["fr"],
            };
            db.Members.Add(member);
            foreach (var program in programs)
            {
                db.Enrolments.Add(new Enrolment { MemberId = member.Id, ProgramId = program.Id, Role = ProgramRole.Mentee });
            }
        }

        await db.SaveChangesAsync();
    }
}
