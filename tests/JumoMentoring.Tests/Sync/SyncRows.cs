using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Sync;

/// <summary>Rows of syncMembers, as GraphQL variables, from values or from the members in the database.</summary>
public static class SyncRows
{
    public const string SyncMembers =
        "mutation($input: SyncMembersInput!) { syncMembers(input: $input) { result { mode received created updated unchanged deactivated reactivated rejected " +
        "sync { id status received deactivated } rowErrors { index memberNumber code field message } } errors { code field message } } }";

    public static Dictionary<string, object?> Row(
        string number, string first, string last, string email, string language = "fr", string stage = "resident", string region = "06",
        bool active = true, string[]? spoken = null, string[]? settings = null) => new()
        {
            ["memberNumber"] = number,
            ["firstName"] = first,
            ["lastName"] = last,
            ["email"] = email,
            ["preferredLanguage"] = language,
            ["languagesSpoken"] = spoken,
            ["careerStage"] = stage,
            ["region"] = region,
            ["practiceSettings"] = settings,
            ["active"] = active,
        };

    /// <summary>Every member of the database as the member system would send it (their current values).</summary>
    public static async Task<List<Dictionary<string, object?>>> FromDatabaseAsync(JumoDbContext db)
    {
        var members = await db.Members.AsNoTracking().OrderBy(m => m.MemberNumber).ToListAsync();
        return members.Select(From).ToList();
    }

    public static Dictionary<string, object?> From(Member m) =>
        Row(m.MemberNumber, m.FirstName, m.LastName, m.Email, m.PreferredLanguage.ToCode(), m.CareerStage, m.Region,
            m.Status == MemberStatus.Active, [.. m.LanguagesSpoken], [.. m.PracticeSettings]);
}
