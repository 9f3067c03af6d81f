using JumoMentoring.Api.Auth;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Programs;

namespace JumoMentoring.Api.Members;

/// <summary>How much of a member's profile the viewer may see.</summary>
public enum MemberVisibility
{
    /// <summary>Directory card: name, career stage, region, languages, topics, bio.</summary>
    Card,

    /// <summary>Everything: the member themself, match partners, coordinators of their programs, admins.</summary>
    Full,
}

/// <summary>A member as one viewer may see it: the GraphQL source of every <c>Member</c>.</summary>
public sealed record MemberView(Member Member, MemberVisibility Visibility)
{
    public bool IsFull => Visibility == MemberVisibility.Full;
}

/// <summary>
/// The authorization rules for member data, as SQL filters so that lists, lookups and node(id:)
/// all obey them (no IDOR): a member sees themself and their match partners (once a match is
/// accepted) in full, the card of the other member of a pending request or proposal, and the
/// directory card of active mentors of the programs they are enrolled in; coordinators see the
/// members of their programs; admins everyone; machine clients and anonymous callers no one.
/// </summary>
public static class MemberAccess
{
    /// <summary>Matches that make two members partners: accepted, now or before.</summary>
    private static readonly MatchStatus[] PartnerStatuses = [MatchStatus.Active, MatchStatus.Paused, MatchStatus.Completed, MatchStatus.Ended];

    /// <summary>
    /// A request or proposal not yet accepted shows each member the other's card (enough to decide),
    /// not their email or member number: sending requests must not harvest contact details.
    /// </summary>
    private static readonly MatchStatus[] PendingStatuses = [MatchStatus.Requested, MatchStatus.Proposed];

    /// <summary>The members <paramref name="viewer"/> may see at all, with how much of each.</summary>
    public static IQueryable<MemberRow> Visible(JumoDbContext db, Viewer viewer, IQueryable<Member> members)
    {
        if (viewer.IsAdmin)
        {
            return members.Select(m => new MemberRow { Member = m, Full = true });
        }

        if (viewer.MemberId is not { } me)
        {
            return members.Where(_ => false).Select(m => new MemberRow { Member = m, Full = false });
        }

        var coordinated = viewer.CoordinatedPrograms.ToList();
        var myPrograms = db.Enrolments.Where(e => e.MemberId == me && e.Status == EnrolmentStatus.Active).Select(e => e.ProgramId);
        return members
            .Select(m => new MemberRow
            {
                Member = m,
                Full = m.Id == me
                    || db.Matches.Any(x => PartnerStatuses.Contains(x.Status) && ((x.MentorId == me && x.MenteeId == m.Id) || (x.MenteeId == me && x.MentorId == m.Id)))
                    || db.Enrolments.Any(e => e.MemberId == m.Id && coordinated.Contains(e.ProgramId)),
                Card = (m.Status == MemberStatus.Active
                        && db.Enrolments.Any(e => e.MemberId == m.Id && e.Role == ProgramRole.Mentor && e.Status == EnrolmentStatus.Active && myPrograms.Contains(e.ProgramId)))
                    || db.Matches.Any(x => PendingStatuses.Contains(x.Status) && ((x.MentorId == me && x.MenteeId == m.Id) || (x.MenteeId == me && x.MentorId == m.Id))),
            })
            .Where(r => r.Full || r.Card);
    }

    public sealed class MemberRow
    {
        public required Member Member { get; init; }
        public bool Full { get; init; }
        public bool Card { get; init; }

        public MemberView ToView() => new(Member, Full ? MemberVisibility.Full : MemberVisibility.Card);
    }
}
