using System.Collections.Concurrent;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JumoMentoring.Chat;

/// <summary>What a member may do with a conversation.</summary>
public enum ConversationAccessKind
{
    /// <summary>No such conversation: no match, or a match that was never active (requested, proposed, declined, expired).</summary>
    NotFound,

    /// <summary>The conversation exists but the member is neither its mentor nor its mentee (coordinators included).</summary>
    NotAParticipant,

    /// <summary>The match is active or paused: read and write.</summary>
    ReadWrite,

    /// <summary>The match is completed or ended: read only.</summary>
    ReadOnly,

    /// <summary>
    /// The member takes part but their account was deactivated (member sync) while they were
    /// connected: sign-in is refused, so a connection opened before must not go on either.
    /// </summary>
    MemberDeactivated,
}

/// <summary>
/// A member's right to a conversation, as <see cref="ConversationAccess"/> found it: the proof the
/// <see cref="ChatStore"/> asks for. The conversation id is the match id.
/// </summary>
public sealed record ConversationMembership(Guid ConversationId, Guid MemberId, Guid OtherMemberId, MatchStatus Status)
{
    /// <summary>Whether the member may send: the match is active or paused.</summary>
    public bool CanWrite => ConversationAccess.IsWritable(Status);
}

/// <summary>
/// Answers who may read and write a conversation from its match in PostgreSQL. Only the match's two
/// members take part (coordinators never read conversations); there is a conversation from the moment
/// the match is active, writable while active or paused, read-only once completed or ended.
/// Matches are cached in memory for <see cref="ChatOptions.AccessCacheDuration"/> (a few seconds),
/// so a match that ends becomes read-only, and a deactivated member loses access, within that delay
/// on every server.
/// </summary>
public sealed class ConversationAccess(IDbContextFactory<JumoDbContext> dbFactory, IOptions<ChatOptions> options, TimeProvider time)
{
    private const int MaxCachedMatches = 10_000;

    private readonly ConcurrentDictionary<Guid, CachedMatch> cache = new();

    private sealed record MatchRow(Guid MentorId, Guid MenteeId, MatchStatus Status, bool MentorActive, bool MenteeActive);

    private sealed record CachedMatch(MatchRow? Row, DateTimeOffset ExpiresAt);

    public static bool HasConversation(MatchStatus status) =>
        status is MatchStatus.Active or MatchStatus.Paused or MatchStatus.Completed or MatchStatus.Ended;

    public static bool IsWritable(MatchStatus status) => status is MatchStatus.Active or MatchStatus.Paused;

    /// <summary>What <paramref name="memberId"/> may do with the conversation.</summary>
    public async Task<ConversationAccessKind> CheckAsync(Guid conversationId, Guid memberId, CancellationToken cancellationToken = default)
    {
        var (kind, _) = await FindAsync(conversationId, memberId, cancellationToken);
        return kind;
    }

    /// <summary>
    /// The member's membership of the conversation, readable (and writable when
    /// <see cref="ConversationMembership.CanWrite"/>), or a <see cref="ChatException"/> with
    /// CONVERSATION_NOT_FOUND or NOT_A_PARTICIPANT.
    /// </summary>
    public async Task<ConversationMembership> RequireAsync(Guid conversationId, Guid memberId, CancellationToken cancellationToken = default)
    {
        var (kind, membership) = await FindAsync(conversationId, memberId, cancellationToken);
        return kind switch
        {
            ConversationAccessKind.NotFound => throw new ChatException(ChatErrorCodes.ConversationNotFound, "No such conversation."),
            ConversationAccessKind.NotAParticipant => throw new ChatException(ChatErrorCodes.NotAParticipant, "Only the two members of a match take part in its conversation."),
            ConversationAccessKind.MemberDeactivated => throw new ChatException(ChatErrorCodes.MemberDeactivated, "This member account is deactivated."),
            _ => membership!,
        };
    }

    /// <summary>
    /// Every conversation of a member (their matches that are or were active), newest match first;
    /// none for a deactivated member, unless <paramref name="evenIfDeactivated"/> (to tell their
    /// contacts that they went offline).
    /// </summary>
    public async Task<IReadOnlyList<ConversationMembership>> ListAsync(Guid memberId, CancellationToken cancellationToken = default, bool evenIfDeactivated = false)
    {
        MatchStatus[] statuses = [MatchStatus.Active, MatchStatus.Paused, MatchStatus.Completed, MatchStatus.Ended];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Matches.AsNoTracking()
            .Where(m => (m.MentorId == memberId || m.MenteeId == memberId) && statuses.Contains(m.Status)
                && (evenIfDeactivated || db.Members.Any(x => x.Id == memberId && x.Status == MemberStatus.Active)))
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => new { m.Id, m.MentorId, m.MenteeId, m.Status })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(m => new ConversationMembership(m.Id, memberId, m.MentorId == memberId ? m.MenteeId : m.MentorId, m.Status))];
    }

    /// <summary>Those of <paramref name="memberIds"/> whose account is deactivated (one query).</summary>
    public async Task<IReadOnlySet<Guid>> DeactivatedAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken = default)
    {
        if (memberIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Members.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id) && m.Status != MemberStatus.Active)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>Forgets the cached match, for code of this process that just changed its status.</summary>
    public void Invalidate(Guid conversationId) => cache.TryRemove(conversationId, out _);

    private async Task<(ConversationAccessKind Kind, ConversationMembership? Membership)> FindAsync(Guid conversationId, Guid memberId, CancellationToken cancellationToken)
    {
        var row = await LoadAsync(conversationId, cancellationToken);
        if (row is null || !HasConversation(row.Status))
        {
            return (ConversationAccessKind.NotFound, null);
        }

        if (memberId != row.MentorId && memberId != row.MenteeId)
        {
            return (ConversationAccessKind.NotAParticipant, null);
        }

        if (!(memberId == row.MentorId ? row.MentorActive : row.MenteeActive))
        {
            return (ConversationAccessKind.MemberDeactivated, null);
        }

        var membership = new ConversationMembership(conversationId, memberId, memberId == row.MentorId ? row.MenteeId : row.MentorId, row.Status);
        return (membership.CanWrite ? ConversationAccessKind.ReadWrite : ConversationAccessKind.ReadOnly, membership);
    }

    private async Task<MatchRow?> LoadAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(conversationId, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Row;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Matches.AsNoTracking()
            .Where(m => m.Id == conversationId)
            .Select(m => new MatchRow(m.MentorId, m.MenteeId, m.Status, m.Mentor!.Status == MemberStatus.Active, m.Mentee!.Status == MemberStatus.Active))
            .SingleOrDefaultAsync(cancellationToken);

        var duration = options.Value.AccessCacheDuration;
        if (duration > TimeSpan.Zero)
        {
            if (cache.Count >= MaxCachedMatches)
            {
                // Crude but bounded: entries live a few seconds, so dropping them all costs little.
                cache.Clear();
            }

            cache[conversationId] = new CachedMatch(row, now + duration);
        }

        return row;
    }
}
