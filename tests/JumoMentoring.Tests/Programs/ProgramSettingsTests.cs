using System.Text.Json.Nodes;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matching;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Programs;

/// <summary>updateProgram: coordinators change their program's settings, and the platform follows them.</summary>
public sealed class ProgramSettingsTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Update =
        "mutation($input: UpdateProgramInput!) { updateProgram(input: $input) { program { name(language: EN) status requestExpiryDays checkInIntervalWeeks matchingWeights { topics region practiceSettings availability priorityMultiplier } } errors { code field } } }";

    private static JsonNode Ok(GraphQLResponse response)
    {
        var payload = response.EnsureNoErrors().Data["updateProgram"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["program"]!;
    }

    [Fact]
    public async Task A_coordinator_changes_the_settings_and_what_is_left_out_stays()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var coordinator = await SignInAsync(DemoPeople.JumoCoordinator);

        var program = Ok(await coordinator.QueryAsync(Update, new
        {
            input = new { programId = jumo, nameEn = "  JUMO – virtual mentoring  ", requestExpiryDays = 7, checkInIntervalWeeks = 6, matchingWeights = new { region = 30.0 } },
        }));

        Assert.Equal("JUMO – virtual mentoring", program["name"]!.GetValue<string>());
        Assert.Equal(7, program["requestExpiryDays"]!.GetValue<int>());
        Assert.Equal(6, program["checkInIntervalWeeks"]!.GetValue<int>());
        Assert.Equal(30, program["matchingWeights"]!["region"]!.GetValue<double>());
        Assert.Equal(MatchingWeights.Default.Topics, program["matchingWeights"]!["topics"]!.GetValue<double>());
        Assert.Equal("OPEN", program["status"]!.GetValue<string>());
        await using var db = Factory.CreateDbContext();
        var stored = await db.Programs.AsNoTracking().SingleAsync(p => p.Code == DemoData.FlexibleProgramCode);
        Assert.Equal(7, stored.RequestExpiryDays);
        Assert.Equal(MatchingWeights.Default with { Region = 30 }, stored.MatchingWeights);
        Assert.StartsWith("JUMO", stored.NameFr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_weights_change_the_suggestions_scores_at_once()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var noah = await SignInAsync(DemoPeople.Noah);
        const string Suggestions = "query($p: ID!) { mentorSuggestions(programId: $p, first: 5) { contributions { criterion weight } } }";

        Ok(await (await SignInAsync(DemoPeople.JumoCoordinator)).QueryAsync(Update, new
        {
            input = new { programId = jumo, matchingWeights = new { topics = 0.0, region = 1.0, practiceSettings = 0.0, availability = 0.0 } },
        }));
        var suggestions = (await noah.QueryAsync(Suggestions, new { p = jumo })).EnsureNoErrors().Data["mentorSuggestions"]!.AsArray();

        Assert.NotEmpty(suggestions);
        var weights = suggestions.SelectMany(s => s!["contributions"]!.AsArray()).Where(c => c!["weight"]!.GetValue<double>() > 0).Select(c => c!["criterion"]!.GetValue<string>()).Distinct();
        Assert.Equal(["REGION"], weights);
    }

    [Fact]
    public async Task A_closed_program_takes_no_requests()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        Ok(await (await SignInAsync(DemoPeople.Admin)).QueryAsync(Update, new { input = new { programId = jumo, status = "CLOSED" } }));
        var noah = await SignInAsync(DemoPeople.Noah);

        var request = await noah.QueryAsync(
            "mutation($p: ID!, $m: ID!) { requestMentor(programId: $p, mentorId: $m) { match { id } errors { code } } }",
            new { p = jumo, m = await Factory.MemberGlobalIdAsync("david.chen@exemple.qc.ca") });

        Assert.Equal("PROGRAM_CLOSED", request.EnsureNoErrors().Data["requestMentor"]!["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_settings_answer_every_typed_error_at_once_and_change_nothing()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var coordinator = await SignInAsync(DemoPeople.JumoCoordinator);

        var response = await coordinator.QueryAsync(Update, new
        {
            input = new
            {
                programId = jumo,
                nameFr = "   ",
                nameEn = new string('x', 201),
                descriptionFr = new string('x', 4001),
                requestExpiryDays = 0,
                checkInIntervalWeeks = 27,
                status = "CLOSED",
                matchingWeights = new { topics = -1.0 },
            },
        });

        var payload = response.EnsureNoErrors().Data["updateProgram"]!;
        Assert.Null(payload["program"]);
        Assert.Equal(
            ["NAME_REQUIRED:nameFr", "NAME_TOO_LONG:nameEn", "DESCRIPTION_TOO_LONG:descriptionFr", "INVALID_REQUEST_EXPIRY:requestExpiryDays", "INVALID_CHECK_IN_INTERVAL:checkInIntervalWeeks", "INVALID_MATCHING_WEIGHTS:matchingWeights"],
            payload["errors"]!.AsArray().Select(e => $"{e!["code"]}:{e["field"]}"));
        var priority = await coordinator.QueryAsync(Update, new { input = new { programId = jumo, matchingWeights = new { priorityMultiplier = 0.5 } } });
        Assert.Equal("INVALID_MATCHING_WEIGHTS", priority.EnsureNoErrors().Data["updateProgram"]!["errors"]![0]!["code"]!.GetValue<string>());

        await using var db = Factory.CreateDbContext();
        var stored = await db.Programs.AsNoTracking().SingleAsync(p => p.Code == DemoData.FlexibleProgramCode);
        Assert.Equal(Domain.Programs.ProgramStatus.Open, stored.Status);
        Assert.Equal(14, stored.RequestExpiryDays);
        Assert.Equal(MatchingWeights.Default, stored.MatchingWeights);
    }

    [Theory]
    [InlineData(null, "UNAUTHENTICATED")]
    [InlineData(DemoPeople.Noah, "FORBIDDEN")]
    [InlineData(DemoPeople.StructuredCoordinator, "FORBIDDEN")]
    public async Task Only_the_programs_coordinators_and_admins_change_it(string? who, string code)
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var client = who is null ? Graph : await SignInAsync(who);

        var response = await client.QueryAsync(Update, new { input = new { programId = jumo, requestExpiryDays = 3 } });

        Assert.Equal(code, response.FirstErrorCode);
        await using var db = Factory.CreateDbContext();
        Assert.Equal(14, (await db.Programs.AsNoTracking().SingleAsync(p => p.Code == DemoData.FlexibleProgramCode)).RequestExpiryDays);
    }
}
