using System.Text.Json.Nodes;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Infrastructure;

/// <summary>The demo's matches and the few changes tests make to them behind the API's back.</summary>
public static class DemoMatches
{
    /// <summary>The current match of a demo mentor and mentee (by email).</summary>
    public static async Task<Match> FindAsync(this ApiFactory factory, string mentorEmail, string menteeEmail)
    {
        await using var db = factory.CreateDbContext();
        return await db.Matches.AsNoTracking().Where(m => m.Mentor!.Email == mentorEmail && m.Mentee!.Email == menteeEmail).OrderByDescending(m => m.CreatedAt).FirstAsync();
    }

    public static string GlobalIdOf(Match match) => GlobalId.Encode("Match", match.Id);

    public static async Task<string> ProgramGlobalIdAsync(this ApiFactory factory, string code)
    {
        await using var db = factory.CreateDbContext();
        return GlobalId.Encode("Program", (await db.Programs.SingleAsync(p => p.Code == code)).Id);
    }

    public static async Task<string> MemberGlobalIdAsync(this ApiFactory factory, string email)
    {
        await using var db = factory.CreateDbContext();
        return GlobalId.Encode("Member", (await db.Members.SingleAsync(m => m.Email == email)).Id);
    }

    /// <summary>Moves when the match became active (its transitions to ACTIVE) and its creation.</summary>
    public static async Task SetActivatedAtAsync(this ApiFactory factory, Guid matchId, DateTimeOffset at)
    {
        await using var db = factory.CreateDbContext();
        await db.MatchTransitions.Where(t => t.MatchId == matchId && t.To == MatchStatus.Active).ExecuteUpdateAsync(s => s.SetProperty(t => t.At, at));
        await db.Matches.Where(m => m.Id == matchId).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, at));
    }

    public static async Task SetStatusAsync(this ApiFactory factory, Guid matchId, MatchStatus status)
    {
        await using var db = factory.CreateDbContext();
        await db.Matches.Where(m => m.Id == matchId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status));
    }

    public static async Task<T> WithDbAsync<T>(this ApiFactory factory, Func<JumoDbContext, Task<T>> query)
    {
        await using var db = factory.CreateDbContext();
        return await query(db);
    }

    /// <summary>The payload of a mutation that must have succeeded.</summary>
    public static JsonNode Ok(this GraphQLResponse response, string field)
    {
        var payload = response.EnsureNoErrors().Data[field]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload;
    }

    /// <summary>The error codes of a mutation's payload (its result must then be null).</summary>
    public static string[] Refused(this GraphQLResponse response, string field)
    {
        var payload = response.EnsureNoErrors().Data[field]!;
        var codes = payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToArray();
        Assert.NotEmpty(codes);
        Assert.All(payload.AsObject().Where(p => p.Key != "errors"), p => Assert.Null(p.Value));
        return codes;
    }
}
