using JumoMentoring.Api.Auth;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Matches;

namespace JumoMentoring.Api.Matches;

/// <summary>Whether the viewer may change what a pair records (goals, meetings, check-ins).</summary>
public enum MatchWrite
{
    Allowed,

    /// <summary>No such match, or one the viewer may not even see.</summary>
    NotFound,

    /// <summary>The viewer sees the match (a coordinator, an admin) but is not one of its two members.</summary>
    NotAMember,

    /// <summary>The match is not ACTIVE or PAUSED.</summary>
    NotActive,
}

/// <summary>
/// The rules every feature of a match follows: its two members write, and only while it is ACTIVE or
/// PAUSED; coordinators of its program and admins read (without private text); nobody else sees it.
/// </summary>
public static class MatchMembership
{
    public static bool IsMember(Match match, Guid? memberId) => memberId is { } id && (match.MentorId == id || match.MenteeId == id);

    public static bool CanSee(Match match, Viewer viewer) => viewer.IsAdmin || IsMember(match, viewer.MemberId) || viewer.Coordinates(match.ProgramId);

    public static bool IsWritable(MatchStatus status) => status is MatchStatus.Active or MatchStatus.Paused;

    public static MatchWrite CheckWrite(Match? match, Viewer viewer) =>
        match is null || !CanSee(match, viewer) ? MatchWrite.NotFound
        : !IsMember(match, viewer.MemberId) ? MatchWrite.NotAMember
        : !IsWritable(match.Status) ? MatchWrite.NotActive
        : MatchWrite.Allowed;

    /// <summary>The error of a refused write, in the reader's language; <paramref name="notFound"/> names what was not found.</summary>
    public static MutationError Refuse(this MutationErrors errors, MatchWrite check, string field, (string Code, string French, string English) notFound) => check switch
    {
        MatchWrite.NotAMember => errors.Add("NOT_A_MEMBER", "Seuls les deux membres du jumelage peuvent faire ceci.", "Only the two members of the match may do this.", field),
        MatchWrite.NotActive => errors.Add("MATCH_NOT_ACTIVE", "Le jumelage n'est ni actif ni en pause : il ne change plus.", "The match is neither active nor paused: it no longer changes.", field),
        _ => errors.Add(notFound.Code, notFound.French, notFound.English, field),
    };

    public static readonly (string Code, string French, string English) MatchNotFound = ("MATCH_NOT_FOUND", "Jumelage introuvable.", "Match not found.");
}
