using JumoMentoring.Api.Graph;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Goals;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Goals;

/// <summary>Goals and milestones of a match: the flow, progress, typed errors, who writes, and who reads the text.</summary>
public sealed class GoalTests(ApiFactory factory) : ApiTest(factory)
{
    private const string GoalFields = "id title description topic { code label } status progress closedAt milestones { id title dueOn completedAt }";
    private const string Create = $"mutation($input: CreateGoalInput!) {{ createGoal(input: $input) {{ goal {{ {GoalFields} }} errors {{ code field message }} }} }}";
    private const string Update = $"mutation($input: UpdateGoalInput!) {{ updateGoal(input: $input) {{ goal {{ {GoalFields} }} errors {{ code field }} }} }}";
    private const string Achieve = $"mutation($id: ID!) {{ achieveGoal(goalId: $id) {{ goal {{ {GoalFields} }} errors {{ code field }} }} }}";
    private const string Abandon = $"mutation($id: ID!) {{ abandonGoal(goalId: $id) {{ goal {{ {GoalFields} }} errors {{ code field }} }} }}";
    private const string AddMilestone = $"mutation($input: AddMilestoneInput!) {{ addMilestone(input: $input) {{ milestone {{ id title dueOn completedAt goal {{ progress }} }} errors {{ code field }} }} }}";
    private const string UpdateMilestone = "mutation($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { milestone { id title dueOn completedAt } errors { code field } } }";
    private const string CompleteMilestone = "mutation($id: ID!) { completeMilestone(milestoneId: $id) { milestone { id completedAt goal { progress } } errors { code field } } }";
    private const string RemoveMilestone = $"mutation($id: ID!) {{ removeMilestone(milestoneId: $id) {{ goal {{ {GoalFields} }} errors {{ code field }} }} }}";

    private static DateOnly Today => QuebecTime.Today(TimeProvider.System);

    [Fact]
    public async Task Members_create_edit_and_achieve_a_goal_and_progress_follows_the_milestones()
    {
        var match = DemoMatches.GlobalIdOf(await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah));
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var margaret = await SignInAsync(DemoPeople.Margaret);

        var created = (await sarah.QueryAsync(Create, new { input = new { matchId = match, title = "  Préparer l'ECOS  ", description = "Deux simulations par mois.", topic = "exam-preparation" } }, acceptLanguage: "en"))
            .Ok("createGoal")["goal"]!;
        var goalId = created["id"]!.GetValue<string>();
        Assert.Equal("Préparer l'ECOS", created["title"]!.GetValue<string>());
        Assert.Equal("Exam preparation", created["topic"]!["label"]!.GetValue<string>());
        Assert.Equal("OPEN", created["status"]!.GetValue<string>());
        Assert.Equal(0, created["progress"]!.GetValue<double>());

        // Either member adds milestones; progress is completed over all.
        var due = Today.AddDays(30).ToString("yyyy-MM-dd");
        var first = (await margaret.QueryAsync(AddMilestone, new { input = new { goalId, title = "Simulation 1", dueOn = due } })).Ok("addMilestone")["milestone"]!;
        var second = (await sarah.QueryAsync(AddMilestone, new { input = new { goalId, title = "Simulation 2" } })).Ok("addMilestone")["milestone"]!;
        Assert.Equal(due, first["dueOn"]!.GetValue<string>());
        Assert.Equal(0, second["goal"]!["progress"]!.GetValue<double>());

        var completed = (await sarah.QueryAsync(CompleteMilestone, new { id = first["id"]!.GetValue<string>() })).Ok("completeMilestone")["milestone"]!;
        Assert.Equal(0.5, completed["goal"]!["progress"]!.GetValue<double>());
        var again = (await margaret.QueryAsync(CompleteMilestone, new { id = first["id"]!.GetValue<string>() })).Ok("completeMilestone")["milestone"]!;
        Assert.Equal(completed["completedAt"]!.GetValue<string>(), again["completedAt"]!.GetValue<string>());

        var later = Today.AddDays(60).ToString("yyyy-MM-dd");
        var edited = (await margaret.QueryAsync(UpdateMilestone, new { input = new { milestoneId = second["id"]!.GetValue<string>(), title = "Simulation 2 (ECOS)", dueOn = later } })).Ok("updateMilestone")["milestone"]!;
        Assert.Equal("Simulation 2 (ECOS)", edited["title"]!.GetValue<string>());
        Assert.Equal(later, edited["dueOn"]!.GetValue<string>());

        var goal = (await sarah.QueryAsync(Update, new { input = new { goalId, title = "Réussir l'ECOS", description = "", topic = "wellness" } })).Ok("updateGoal")["goal"]!;
        Assert.Equal("Réussir l'ECOS", goal["title"]!.GetValue<string>());
        Assert.Null(goal["description"]);
        Assert.Equal("wellness", goal["topic"]!["code"]!.GetValue<string>());
        Assert.Equal(["Simulation 1", "Simulation 2 (ECOS)"], goal["milestones"]!.AsArray().Select(m => m!["title"]!.GetValue<string>()));

        // Removing the open milestone leaves one completed of one.
        goal = (await sarah.QueryAsync(RemoveMilestone, new { id = second["id"]!.GetValue<string>() })).Ok("removeMilestone")["goal"]!;
        Assert.Equal(1, goal["progress"]!.GetValue<double>());
        await sarah.QueryAsync(AddMilestone, new { input = new { goalId, title = "Simulation 3" } });

        var achieved = (await margaret.QueryAsync(Achieve, new { id = goalId })).Ok("achieveGoal")["goal"]!;
        Assert.Equal("ACHIEVED", achieved["status"]!.GetValue<string>());
        Assert.Equal(1, achieved["progress"]!.GetValue<double>());
        Assert.NotNull(achieved["closedAt"]);

        // A closed goal no longer changes.
        Assert.Equal(["GOAL_CLOSED"], (await sarah.QueryAsync(AddMilestone, new { input = new { goalId, title = "Encore" } })).Refused("addMilestone"));
        Assert.Equal(["GOAL_CLOSED"], (await sarah.QueryAsync(Update, new { input = new { goalId, title = "Autre" } })).Refused("updateGoal"));
        Assert.Equal(["GOAL_CLOSED"], (await sarah.QueryAsync(Abandon, new { id = goalId })).Refused("abandonGoal"));
        var view = await sarah.QueryAsync($"query($id: ID!) {{ node(id: $id) {{ ... on Goal {{ {GoalFields} }} }} }}", new { id = goalId });
        Assert.Equal("Réussir l'ECOS", view.EnsureNoErrors().Data["node"]!["title"]!.GetValue<string>());
        Assert.Equal(2, view.Data["node"]!["milestones"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_abandoned_goal_keeps_its_milestone_progress_and_closes()
    {
        var match = DemoMatches.GlobalIdOf(await Factory.FindAsync(DemoPeople.Helene, "thomas.leblanc@exemple.qc.ca"));
        var thomas = await SignInAsync("thomas.leblanc@exemple.qc.ca");
        var goalId = (await thomas.QueryAsync(Create, new { input = new { matchId = match, title = "Stage en région" } })).Ok("createGoal")["goal"]!["id"]!.GetValue<string>();
        var ids = new List<string>();
        foreach (var title in new[] { "a", "b", "c", "d" })
        {
            ids.Add((await thomas.QueryAsync(AddMilestone, new { input = new { goalId, title } })).Ok("addMilestone")["milestone"]!["id"]!.GetValue<string>());
        }

        await thomas.QueryAsync(CompleteMilestone, new { id = ids[0] });
        var abandoned = (await thomas.QueryAsync(Abandon, new { id = goalId })).Ok("abandonGoal")["goal"]!;

        Assert.Equal("ABANDONED", abandoned["status"]!.GetValue<string>());
        Assert.Equal(0.25, abandoned["progress"]!.GetValue<double>());
        Assert.Equal(["GOAL_CLOSED"], (await thomas.QueryAsync(Achieve, new { id = goalId })).Refused("achieveGoal"));
        Assert.Equal(["GOAL_CLOSED"], (await thomas.QueryAsync(CompleteMilestone, new { id = ids[1] })).Refused("completeMilestone"));
        Assert.Equal(["GOAL_CLOSED"], (await thomas.QueryAsync(RemoveMilestone, new { id = ids[1] })).Refused("removeMilestone"));
    }

    [Fact]
    public async Task Bad_input_answers_every_typed_error_at_once_and_changes_nothing()
    {
        var match = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var before = await SnapshotAsync(match.Id);

        var codes = (await sarah.QueryAsync(Create, new { input = new { matchId = DemoMatches.GlobalIdOf(match), title = new string('x', Goal.TitleMaxLength + 1), description = new string('d', Goal.DescriptionMaxLength + 1), topic = "astrology" } }))
            .Refused("createGoal");
        Assert.Equal(["TITLE_TOO_LONG", "DESCRIPTION_TOO_LONG", "INVALID_TOPIC"], codes);
        Assert.Equal(["TITLE_REQUIRED"], (await sarah.QueryAsync(Create, new { input = new { matchId = DemoMatches.GlobalIdOf(match), title = "   " } })).Refused("createGoal"));

        var goal = await Factory.WithDbAsync(db => db.Goals.Include(g => g.Milestones).FirstAsync(g => g.MatchId == match.Id && g.Status == GoalStatus.Open));
        var goalId = GlobalId.Encode("Goal", goal.Id);
        Assert.Equal(["TITLE_REQUIRED"], (await sarah.QueryAsync(Update, new { input = new { goalId, title = "" } })).Refused("updateGoal"));
        Assert.Equal(["INVALID_TOPIC"], (await sarah.QueryAsync(Update, new { input = new { goalId, topic = "LEADERSHIP" } })).Refused("updateGoal"));

        var yesterday = Today.AddDays(-1).ToString("yyyy-MM-dd");
        Assert.Equal(["TITLE_REQUIRED", "DUE_DATE_IN_PAST"], (await sarah.QueryAsync(AddMilestone, new { input = new { goalId, title = "", dueOn = yesterday } })).Refused("addMilestone"));
        var milestoneId = GlobalId.Encode("Milestone", goal.Milestones[0].Id);
        var refused = await sarah.QueryAsync(UpdateMilestone, new { input = new { milestoneId, title = new string('m', Milestone.TitleMaxLength + 1), dueOn = yesterday } });
        Assert.Equal(["TITLE_TOO_LONG", "DUE_DATE_IN_PAST"], refused.Refused("updateMilestone"));
        Assert.Equal("title", refused.Data["updateMilestone"]!["errors"]![0]!["field"]!.GetValue<string>());

        // Ids of another type are refused before anything runs.
        Assert.Equal("INVALID_ID", (await sarah.QueryAsync(Achieve, new { id = DemoMatches.GlobalIdOf(match) })).FirstErrorCode);

        Assert.Equal(before, await SnapshotAsync(match.Id));
    }

    [Fact]
    public async Task An_existing_due_date_may_stay_once_past_but_a_new_one_may_not_be()
    {
        var match = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var goal = await Factory.WithDbAsync(db => db.Goals.Include(g => g.Milestones).FirstAsync(g => g.MatchId == match.Id && g.Status == GoalStatus.Open));
        var milestone = goal.Milestones[0];
        var past = Today.AddDays(-10);
        await Factory.WithDbAsync(db => db.Milestones.Where(m => m.Id == milestone.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DueOn, past)));
        var sarah = await SignInAsync(DemoPeople.Sarah);

        var kept = await sarah.QueryAsync(UpdateMilestone, new { input = new { milestoneId = GlobalId.Encode("Milestone", milestone.Id), title = "Renamed", dueOn = past.ToString("yyyy-MM-dd") } });
        var moved = await sarah.QueryAsync(UpdateMilestone, new { input = new { milestoneId = GlobalId.Encode("Milestone", milestone.Id), title = "Renamed", dueOn = past.AddDays(1).ToString("yyyy-MM-dd") } });
        var today = await sarah.QueryAsync(UpdateMilestone, new { input = new { milestoneId = GlobalId.Encode("Milestone", milestone.Id), title = "Renamed", dueOn = Today.ToString("yyyy-MM-dd") } });

        Assert.Equal("Renamed", kept.Ok("updateMilestone")["milestone"]!["title"]!.GetValue<string>());
        Assert.Equal(["DUE_DATE_IN_PAST"], moved.Refused("updateMilestone"));
        Assert.Equal(Today.ToString("yyyy-MM-dd"), today.Ok("updateMilestone")["milestone"]!["dueOn"]!.GetValue<string>());
    }

    public static TheoryData<string?, string> Writers => new()
    {
        { null, "UNAUTHENTICATED" },
        { "integration", "FORBIDDEN" },
        { DemoPeople.Noah, "MATCH_NOT_FOUND" },                     // a member who is not in the match
        { DemoPeople.StructuredCoordinator, "MATCH_NOT_FOUND" },    // coordinates another program
        { DemoPeople.JumoCoordinator, "NOT_A_MEMBER" },             // sees the match, does not write its goals
        { DemoPeople.Admin, "NOT_A_MEMBER" },
    };

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Only_the_two_members_write_goals(string? viewer, string code)
    {
        var match = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var goal = await Factory.WithDbAsync(db => db.Goals.Include(g => g.Milestones).FirstAsync(g => g.MatchId == match.Id && g.Milestones.Count > 0));
        var goalId = GlobalId.Encode("Goal", goal.Id);
        var client = viewer switch { null => Graph, "integration" => await Factory.SignInAsync(client: "member-system"), _ => await SignInAsync(viewer) };
        var before = await SnapshotAsync(match.Id);

        var responses = new[]
        {
            ("createGoal", await client.QueryAsync(Create, new { input = new { matchId = DemoMatches.GlobalIdOf(match), title = "Intrusion" } })),
            ("achieveGoal", await client.QueryAsync(Achieve, new { id = goalId })),
            ("completeMilestone", await client.QueryAsync(CompleteMilestone, new { id = GlobalId.Encode("Milestone", goal.Milestones[0].Id) })),
        };

        foreach (var (field, response) in responses)
        {
            if (code is "UNAUTHENTICATED" or "FORBIDDEN")
            {
                Assert.Equal(code, response.FirstErrorCode);
                continue;
            }

            var expected = code == "MATCH_NOT_FOUND" && field != "createGoal" ? (field == "achieveGoal" ? "GOAL_NOT_FOUND" : "MILESTONE_NOT_FOUND") : code;
            Assert.Equal([expected], response.Refused(field));
        }

        Assert.Equal(before, await SnapshotAsync(match.Id));
    }

    [Theory]
    [InlineData(MatchStatus.Paused, true)]
    [InlineData(MatchStatus.Completed, false)]
    [InlineData(MatchStatus.Ended, false)]
    public async Task Goals_change_only_while_the_match_is_active_or_paused(MatchStatus status, bool allowed)
    {
        var match = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var goal = await Factory.WithDbAsync(db => db.Goals.FirstAsync(g => g.MatchId == match.Id && g.Status == GoalStatus.Open));
        await Factory.SetStatusAsync(match.Id, status);
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var before = await SnapshotAsync(match.Id);

        var created = await sarah.QueryAsync(Create, new { input = new { matchId = DemoMatches.GlobalIdOf(match), title = "Après" } });
        var added = await sarah.QueryAsync(AddMilestone, new { input = new { goalId = GlobalId.Encode("Goal", goal.Id), title = "Après" } });

        if (allowed)
        {
            created.Ok("createGoal");
            added.Ok("addMilestone");
        }
        else
        {
            Assert.Equal(["MATCH_NOT_ACTIVE"], created.Refused("createGoal"));
            Assert.Equal(["MATCH_NOT_ACTIVE"], added.Refused("addMilestone"));
            Assert.Equal(before, await SnapshotAsync(match.Id));
        }
    }

    [Fact]
    public async Task A_coordinator_sees_statuses_counts_and_progress_but_never_the_text()
    {
        var match = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var matchId = DemoMatches.GlobalIdOf(match);
        const string Query = "query($id: ID!) { match(id: $id) { goals { id title description status progress topic { code } milestones { id title dueOn completedAt } } } }";
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var coordinator = await SignInAsync(DemoPeople.JumoCoordinator);
        var admin = await SignInAsync(DemoPeople.Admin);
        var outsider = await SignInAsync(DemoPeople.StructuredCoordinator);

        var mine = (await sarah.QueryAsync(Query, new { id = matchId })).EnsureNoErrors().Data["match"]!["goals"]!.AsArray();
        Assert.NotEmpty(mine);
        Assert.All(mine, g => Assert.NotNull(g!["title"]));
        Assert.Contains(mine, g => g!["description"] is not null);
        Assert.All(mine.SelectMany(g => g!["milestones"]!.AsArray()), m => Assert.NotNull(m!["title"]));

        foreach (var staff in new[] { coordinator, admin })
        {
            var theirs = (await staff.QueryAsync(Query, new { id = matchId })).EnsureNoErrors().Data["match"]!["goals"]!.AsArray();
            Assert.Equal(mine.Count, theirs.Count);
            for (var i = 0; i < mine.Count; i++)
            {
                Assert.Null(theirs[i]!["title"]);
                Assert.Null(theirs[i]!["description"]);
                Assert.Equal(mine[i]!["status"]!.GetValue<string>(), theirs[i]!["status"]!.GetValue<string>());
                Assert.Equal(mine[i]!["progress"]!.GetValue<double>(), theirs[i]!["progress"]!.GetValue<double>());
                Assert.Equal(mine[i]!["milestones"]!.AsArray().Count, theirs[i]!["milestones"]!.AsArray().Count);
                Assert.All(theirs[i]!["milestones"]!.AsArray(), m => Assert.Null(m!["title"]));
            }

            // The same through node(id:), for a goal and a milestone.
            var goalId = mine[0]!["id"]!.GetValue<string>();
            var milestoneId = mine.SelectMany(g => g!["milestones"]!.AsArray()).First()!["id"]!.GetValue<string>();
            var nodes = (await staff.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Goal { status title } ... on Milestone { title goal { title } } } }", new { ids = new[] { goalId, milestoneId } }))
                .EnsureNoErrors().Data["nodes"]!.AsArray();
            Assert.Equal("OPEN", nodes[0]!["status"]!.GetValue<string>());
            Assert.Null(nodes[0]!["title"]);
            Assert.Null(nodes[1]!["title"]);
            Assert.Null(nodes[1]!["goal"]!["title"]);
        }

        // A coordinator of another program sees neither the match nor its goals.
        Assert.Null((await outsider.QueryAsync(Query, new { id = matchId })).EnsureNoErrors().Data["match"]);
        Assert.Null((await outsider.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = mine[0]!["id"]!.GetValue<string>() })).EnsureNoErrors().Data["node"]);
    }

    private async Task<string> SnapshotAsync(Guid matchId) => await Factory.WithDbAsync(async db =>
    {
        var goals = await db.Goals.AsNoTracking().Include(g => g.Milestones).Where(g => g.MatchId == matchId).OrderBy(g => g.Id).ToListAsync();
        return string.Join("\n", goals.Select(g => $"{g.Id}|{g.Title}|{g.Description}|{g.Topic}|{g.Status}|{g.UpdatedAt.UtcTicks}|"
            + string.Join(",", g.Milestones.OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Title}:{m.DueOn}:{m.CompletedAt?.UtcTicks}"))));
    });
}
