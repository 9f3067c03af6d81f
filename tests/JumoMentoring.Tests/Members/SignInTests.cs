using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using JumoMentoring.Domain.Members;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Members;

public sealed class SignInTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_dev_token_signs_in_an_existing_member()
    {
        var helene = await SignInAsync(DemoPeople.Helene);

        var me = await helene.QueryAsync("{ me { displayName email visibility enrolments { role program { code } } } }");

        var data = me.EnsureNoErrors().Data["me"]!;
        Assert.Equal("Hélène Tremblay", data["displayName"]!.GetValue<string>());
        Assert.Equal("FULL", data["visibility"]!.GetValue<string>());
        Assert.Equal(2, data["enrolments"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{"email": "nobody@exemple.qc.ca"}""", HttpStatusCode.NotFound)]
    [InlineData("""{}""", HttpStatusCode.BadRequest)]
    public async Task Dev_tokens_are_refused_for_unknown_members(string body, HttpStatusCode expected)
    {
        var response = await Graph.Http.PostAsync("/auth/dev-token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_me_is_unauthenticated()
    {
        var response = await Graph.QueryAsync("{ me { displayName } }");

        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_forged_token_is_unauthenticated_with_a_reason()
    {
        Graph.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        var response = await Graph.QueryAsync("{ me { displayName } }");

        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
        Assert.Contains("invalid or expired", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_member_is_refused_even_with_a_token_issued_before()
    {
        var noah = await SignInAsync(DemoPeople.Noah);
        await using (var db = Factory.CreateDbContext())
        {
            await db.Members.Where(m => m.Email == DemoPeople.Noah).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MemberStatus.Deactivated));
        }

        var me = await noah.QueryAsync("{ me { displayName } }");
        var token = await Graph.Http.PostAsJsonAsync("/auth/dev-token", new { email = DemoPeople.Noah });

        Assert.Equal("UNAUTHENTICATED", me.FirstErrorCode);
        Assert.Contains("deactivated", me.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
    }

    [Fact]
    public async Task Machine_clients_get_no_member_data()
    {
        var integration = await Factory.SignInAsync(client: "member-system");

        var me = await integration.QueryAsync("{ me { displayName } }");
        var members = await integration.QueryAsync("{ members(first: 5) { totalCount } }");

        Assert.Equal("FORBIDDEN", me.FirstErrorCode);
        Assert.Equal("FORBIDDEN", members.FirstErrorCode);
    }

    [Fact]
    public async Task Production_has_no_dev_token_route()
    {
        using var production = Factory.WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Auth:Authority", "https://login.example.invalid/")
            .UseSetting("Auth:Audience", "jumomentoring"));
        var client = production.CreateClient();

        var response = await client.PostAsJsonAsync("/auth/dev-token", new { email = DemoPeople.Helene });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
