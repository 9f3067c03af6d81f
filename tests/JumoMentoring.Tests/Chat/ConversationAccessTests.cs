using JumoMentoring.Chat;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JumoMentoring.Tests.Chat;

/// <summary>Who may read and write a conversation, from the demo matches in PostgreSQL.</summary>
public sealed class ConversationAccessTests(ApiFactory factory) : ApiTest(factory)
{
    private ConversationAccess Access(TimeProvider? time = null, TimeSpan? cache = null) => new(
        Factory.Services.GetRequiredService<IDbContextFactory<JumoDbContext>>(),
        Options.Create(new ChatOptions { AccessCacheDuration = cache ?? TimeSpan.FromSeconds(2) }),
        time ?? TimeProvider.System);

    private async Task<(Guid Match, Guid Mentor, Guid Mentee)> MatchAsync(string mentorNumber, string menteeNumber)
    {
        await using var db = Factory.CreateDbContext();
        var mentor = await db.Members.SingleAsync(m => m.MemberNumber == mentorNumber);
        var mentee = await db.Members.SingleAsync(m => m.MemberNumber == menteeNumber);
        var match = await db.Matches.SingleAsync(m => m.MentorId == mentor.Id && m.MenteeId == mentee.Id);
        return (match.Id, mentor.Id, mentee.Id);
    }

    private async Task<Guid> MemberAsync(string number)
    {
        await using var db = Factory.CreateDbContext();
        return (await db.Members.SingleAsync(m => m.MemberNumber == number)).Id;
    }

    private async Task SetStatusAsync(Guid matchId, MatchStatus status)
    {
        await using var db = Factory.CreateDbContext();
        await db.Matches.Where(m => m.Id == matchId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status));
    }

    [Fact]
    public async Task The_two_members_of_an_active_match_read_and_write_its_conversation()
    {
        var (match, mentor, mentee) = await MatchAsync("10003", "20002");
        var access = Access();

        Assert.Equal(ConversationAccessKind.ReadWrite, await access.CheckAsync(match, mentor));
        Assert.Equal(ConversationAccessKind.ReadWrite, await access.CheckAsync(match, mentee));
        var membership = await access.RequireAsync(match, mentee);
        Assert.Equal(new ConversationMembership(match, mentee, mentor, MatchStatus.Active), membership);
        Assert.True(membership.CanWrite);
    }

    [Fact]
    public async Task Anyone_else_is_refused_even_a_member_of_another_match_of_the_program()
    {
        var (match, _, _) = await MatchAsync("10003", "20002");
        var outsider = await MemberAsync("10004");
        var access = Access();

        Assert.Equal(ConversationAccessKind.NotAParticipant, await access.CheckAsync(match, outsider));
        var error = await Assert.ThrowsAsync<ChatException>(() => access.RequireAsync(match, outsider));
        Assert.Equal(ChatErrorCodes.NotAParticipant, error.Code);
        Assert.Equal(ConversationAccessKind.NotAParticipant, await access.CheckAsync(match, Guid.NewGuid()));
    }

    [Theory]
    [InlineData(MatchStatus.Requested, ConversationAccessKind.NotFound)]
    [InlineData(MatchStatus.Proposed, ConversationAccessKind.NotFound)]
    [InlineData(MatchStatus.Declined, ConversationAccessKind.NotFound)]
    [InlineData(MatchStatus.Expired, ConversationAccessKind.NotFound)]
    [InlineData(MatchStatus.Active, ConversationAccessKind.ReadWrite)]
    [InlineData(MatchStatus.Paused, ConversationAccessKind.ReadWrite)]
    [InlineData(MatchStatus.Completed, ConversationAccessKind.ReadOnly)]
    [InlineData(MatchStatus.Ended, ConversationAccessKind.ReadOnly)]
    public async Task The_match_status_decides_the_access(MatchStatus status, ConversationAccessKind expected)
    {
        var (match, mentor, _) = await MatchAsync("10006", "20009");
        await SetStatusAsync(match, status);

        Assert.Equal(expected, await Access().CheckAsync(match, mentor));
        if (expected == ConversationAccessKind.NotFound)
        {
            var error = await Assert.ThrowsAsync<ChatException>(() => Access().RequireAsync(match, mentor));
            Assert.Equal(ChatErrorCodes.ConversationNotFound, error.Code);
        }
    }

    [Fact]
    public async Task An_unknown_conversation_is_not_found()
    {
        var member = await MemberAsync("10003");

        var error = await Assert.ThrowsAsync<ChatException>(() => Access().RequireAsync(Guid.NewGuid(), member));

        Assert.Equal(ChatErrorCodes.ConversationNotFound, error.Code);
    }

    [Fact]
    public async Task A_match_that_ends_becomes_read_only_once_the_short_cache_expires()
    {
        var (match, mentor, mentee) = await MatchAsync("10004", "20004");
        var time = new ManualTimeProvider();
        var access = Access(time, TimeSpan.FromSeconds(2));
        await using var redis = await ChatRedis.ConnectAsync();
        var store = redis.Store();

        var sent = await store.SendAsync(await access.RequireAsync(match, mentee), "before-end", "Merci pour cette année !");
        await SetStatusAsync(match, MatchStatus.Ended);

        // Within the cache's two seconds the old answer may stand; after them, it cannot.
        time.Advance(TimeSpan.FromSeconds(2.1));
        var ended = await access.RequireAsync(match, mentor);
        Assert.False(ended.CanWrite);
        Assert.Equal(ConversationAccessKind.ReadOnly, await access.CheckAsync(match, mentee));
        var error = await Assert.ThrowsAsync<ChatException>(() => store.SendAsync(ended, "after-end", "Encore un mot"));
        Assert.Equal(ChatErrorCodes.ConversationReadOnly, error.Code);

        // The history stays readable by both members.
        Assert.Equal([sent.Message], (await store.GetMessagesAsync(ended, null, 10)).Items);
        Assert.Equal(0, (await store.MarkReadAsync(ended, sent.Message.Id)).UnreadCount);
    }

    [Fact]
    public async Task Invalidate_forgets_the_cached_match_at_once()
    {
        var (match, mentor, _) = await MatchAsync("10004", "20004");
        var access = Access(cache: TimeSpan.FromMinutes(5));
        Assert.Equal(ConversationAccessKind.ReadWrite, await access.CheckAsync(match, mentor));

        await SetStatusAsync(match, MatchStatus.Completed);
        Assert.Equal(ConversationAccessKind.ReadWrite, await access.CheckAsync(match, mentor));
        access.Invalidate(match);

        Assert.Equal(ConversationAccessKind.ReadOnly, await access.CheckAsync(match, mentor));
    }

    [Fact]
    public async Task The_registered_services_share_the_test_runs_key_prefix()
    {
        var (match, mentor, mentee) = await MatchAsync("10012", "30003");
        var access = Factory.Services.GetRequiredService<ConversationAccess>();
        var store = Factory.Services.GetRequiredService<ChatStore>();

        var sent = await store.SendAsync(await access.RequireAsync(match, mentor), Guid.NewGuid().ToString(), "Bienvenue !");
        var page = await store.CatchUpAsync(await access.RequireAsync(match, mentee), null, 10);

        Assert.StartsWith(ApiFactory.ChatKeyPrefix, store.Keys.Prefix, StringComparison.Ordinal);
        Assert.Contains(sent.Message, page.Items);
    }

    [Fact]
    public async Task A_member_lists_the_conversations_of_their_matches_that_were_ever_active()
    {
        var (active, mentor, mentee) = await MatchAsync("20001", "30001");
        var (requested, requestedMentor, _) = await MatchAsync("10006", "20009");

        var list = await Access().ListAsync(mentor);
        Assert.Equal([active], list.Select(m => m.ConversationId));
        Assert.Equal((mentor, mentee), (list[0].MemberId, list[0].OtherMemberId));
        Assert.Empty(await Access().ListAsync(requestedMentor));

        await SetStatusAsync(requested, MatchStatus.Ended);
        var ended = Assert.Single(await Access().ListAsync(requestedMentor));
        Assert.False(ended.CanWrite);
    }
}
