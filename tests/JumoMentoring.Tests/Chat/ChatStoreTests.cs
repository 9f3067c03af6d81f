using JumoMentoring.Chat;
using JumoMentoring.Domain.Matches;
using StackExchange.Redis;

namespace JumoMentoring.Tests.Chat;

/// <summary>The message store against the real Redis, under a key prefix of each test's own.</summary>
public sealed class ChatStoreTests : IAsyncLifetime
{
    private ChatRedis redis = null!;

    public async Task InitializeAsync() => redis = await ChatRedis.ConnectAsync();

    public async Task DisposeAsync() => await redis.DisposeAsync();

    [Fact]
    public async Task A_sent_message_has_the_contract_shape()
    {
        var store = redis.Store();
        var c = TestConversation.Create();

        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var sent = await store.SendAsync(c.Mentee(), "a1b2c3", "  Bonjour docteure !  ");

        Assert.True(sent.Created);
        var m = sent.Message;
        Assert.Matches(@"^\d+-\d+$", m.Id);
        Assert.Equal(c.Id, m.ConversationId);
        Assert.Equal(c.MenteeId, m.SenderId);
        Assert.Equal("Bonjour docteure !", m.Body);
        Assert.Equal("a1b2c3", m.ClientMessageId);
        Assert.InRange(m.SentAt, before, DateTimeOffset.UtcNow.AddSeconds(5));

        var page = await store.GetMessagesAsync(c.Mentor(), before: null, limit: 10);
        Assert.Equal([m], page.Items);
    }

    [Fact]
    public async Task Get_messages_pages_newest_first_and_catch_up_pages_oldest_first()
    {
        var store = redis.Store();
        var c = TestConversation.Create();
        var sent = new List<ChatMessage>();
        for (var i = 0; i < 7; i++)
        {
            var from = i % 2 == 0 ? c.Mentee() : c.Mentor();
            sent.Add((await store.SendAsync(from, $"m{i}", $"message {i}")).Message);
        }

        // Newest first, before a cursor (exclusive), in pages of 3.
        var first = await store.GetMessagesAsync(c.Mentor(), null, 3);
        Assert.Equal(["message 6", "message 5", "message 4"], first.Items.Select(m => m.Body));
        Assert.True(first.HasMore);
        Assert.Equal(sent[4].Id, first.NextCursor);
        var second = await store.GetMessagesAsync(c.Mentor(), first.NextCursor, 3);
        Assert.Equal(["message 3", "message 2", "message 1"], second.Items.Select(m => m.Body));
        Assert.True(second.HasMore);
        var last = await store.GetMessagesAsync(c.Mentor(), second.NextCursor, 3);
        Assert.Equal(["message 0"], last.Items.Select(m => m.Body));
        Assert.False(last.HasMore);
        var beyond = await store.GetMessagesAsync(c.Mentor(), last.NextCursor, 3);
        Assert.Empty(beyond.Items);
        Assert.False(beyond.HasMore);

        // Oldest first, after a cursor (exclusive), in pages of 4.
        var up1 = await store.CatchUpAsync(c.Mentee(), sent[1].Id, 4);
        Assert.Equal(["message 2", "message 3", "message 4", "message 5"], up1.Items.Select(m => m.Body));
        Assert.True(up1.HasMore);
        var up2 = await store.CatchUpAsync(c.Mentee(), up1.NextCursor, 4);
        Assert.Equal(["message 6"], up2.Items.Select(m => m.Body));
        Assert.False(up2.HasMore);
        Assert.Equal(sent[6].Id, up2.NextCursor);

        // Nothing new: an empty page that keeps the cursor.
        var up3 = await store.CatchUpAsync(c.Mentee(), up2.NextCursor, 4);
        Assert.Empty(up3.Items);
        Assert.False(up3.HasMore);
        Assert.Equal(sent[6].Id, up3.NextCursor);

        // From the start, everything in order; ids increase.
        var all = await store.CatchUpAsync(c.Mentee(), null, 100);
        Assert.Equal(sent, all.Items);
        Assert.Equal(sent.Select(m => m.Id), sent.Select(m => m.Id).OrderBy(id => ulong.Parse(id.Split('-')[0])).ThenBy(id => ulong.Parse(id.Split('-')[1])));
    }

    [Fact]
    public async Task An_empty_conversation_and_the_extreme_cursors_give_empty_pages()
    {
        var store = redis.Store();
        var c = TestConversation.Create();

        Assert.Empty((await store.GetMessagesAsync(c.Mentor(), null, 10)).Items);
        Assert.Empty((await store.CatchUpAsync(c.Mentor(), null, 10)).Items);

        await store.SendAsync(c.Mentor(), "x1", "hello");
        Assert.Empty((await store.GetMessagesAsync(c.Mentor(), "0-0", 10)).Items);
        Assert.Empty((await store.CatchUpAsync(c.Mentor(), StreamId.Max, 10)).Items);
        Assert.Single((await store.CatchUpAsync(c.Mentor(), "0-0", 10)).Items);
        Assert.Single((await store.GetMessagesAsync(c.Mentor(), "00099999999999999-000", 10)).Items);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1-")]
    [InlineData("-1")]
    [InlineData("1-2-3")]
    [InlineData("+1-2")]
    [InlineData("1 -2")]
    [InlineData("99999999999999999999999-0")]
    [InlineData("(1-0")]
    public async Task Malformed_message_ids_are_refused(string id)
    {
        var store = redis.Store();
        var c = TestConversation.Create();

        await AssertCode(ChatErrorCodes.InvalidMessageId, () => store.GetMessagesAsync(c.Mentor(), id, 10));
        await AssertCode(ChatErrorCodes.InvalidMessageId, () => store.CatchUpAsync(c.Mentor(), id, 10));
        await AssertCode(ChatErrorCodes.InvalidMessageId, () => store.MarkReadAsync(c.Mentor(), id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task Page_sizes_outside_1_to_100_are_refused(int limit)
    {
        var store = redis.Store();
        var c = TestConversation.Create();

        await AssertCode(ChatErrorCodes.LimitExceeded, () => store.GetMessagesAsync(c.Mentor(), null, limit));
        await AssertCode(ChatErrorCodes.LimitExceeded, () => store.CatchUpAsync(c.Mentor(), null, limit));
    }

    [Fact]
    public async Task A_retry_with_the_same_client_message_id_returns_the_same_message_and_stores_nothing()
    {
        var store = redis.Store();
        var c = TestConversation.Create();

        var first = await store.SendAsync(c.Mentee(), "retry-1", "Êtes-vous disponible jeudi ?");
        var again = await store.SendAsync(c.Mentee(), "retry-1", "Êtes-vous disponible jeudi ?");
        var changed = await store.SendAsync(c.Mentee(), "retry-1", "a different body: still the first message");

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.False(changed.Created);
        Assert.Equal(first.Message, again.Message);
        Assert.Equal(first.Message, changed.Message);
        Assert.Equal(1, await redis.Db.StreamLengthAsync(store.Keys.Messages(c.Id)));
        Assert.Equal(1, (await store.GetReadStateAsync(c.Mentor())).UnreadCount);

        // The id belongs to its sender: the other member's message with the same id is another message.
        var other = await store.SendAsync(c.Mentor(), "retry-1", "Oui, à 19 h.");
        Assert.True(other.Created);
        Assert.NotEqual(first.Message.Id, other.Message.Id);
        Assert.Equal(2, await redis.Db.StreamLengthAsync(store.Keys.Messages(c.Id)));

        // The mapping expires after the idempotency window (24 h by default).
        var ttl = await redis.Db.KeyTimeToLiveAsync(store.Keys.ClientMessage(c.Id, c.MenteeId, "retry-1"));
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task Concurrent_retries_from_two_servers_store_exactly_one_message()
    {
        var c = TestConversation.Create();
        var serverA = redis.Store(redis.Connection);
        var serverB = redis.Store(await redis.ConnectAgainAsync());

        for (var round = 0; round < 5; round++)
        {
            var cmid = $"concurrent-{round}";
            var attempts = Enumerable.Range(0, 16)
                .Select(i => Task.Run(() => (i % 2 == 0 ? serverA : serverB).SendAsync(c.Mentee(), cmid, $"round {round}")));
            var results = await Task.WhenAll(attempts);

            Assert.Single(results, r => r.Created);
            Assert.Single(results.Select(r => r.Message.Id).Distinct());
        }

        Assert.Equal(5, await redis.Db.StreamLengthAsync(serverA.Keys.Messages(c.Id)));
        Assert.Equal(5, (await serverB.GetReadStateAsync(c.Mentor())).UnreadCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t \r\n")]
    [InlineData(null)]
    public async Task Empty_bodies_are_refused_and_nothing_is_stored(string? body)
    {
        var store = redis.Store();
        var c = TestConversation.Create();

        await AssertCode(ChatErrorCodes.MessageEmpty, () => store.SendAsync(c.Mentor(), "e1", body!));

        Assert.False(await redis.Db.KeyExistsAsync(store.Keys.Messages(c.Id)));
    }

    [Fact]
    public async Task Bodies_are_at_most_4000_characters_after_trimming()
    {
        var store = redis.Store();
        var c = TestConversation.Create();
        await store.SendAsync(c.Mentor(), "before", "first");

        var longest = await store.SendAsync(c.Mentor(), "max", "  " + new string('é', 4000) + "\n");
        var emoji = await store.SendAsync(c.Mentor(), "emoji", string.Concat(Enumerable.Repeat("🩺", 4000)));
        var tooLong = await AssertCode(ChatErrorCodes.MessageTooLong, () => store.SendAsync(c.Mentor(), "long", new string('a', 4001)));
        await AssertCode(ChatErrorCodes.MessageTooLong, () => store.SendAsync(c.Mentor(), "long2", string.Concat(Enumerable.Repeat("🩺", 4001))));
        await AssertCode(ChatErrorCodes.InvalidMessageBody, () => store.SendAsync(c.Mentor(), "bad", "half a surrogate: \uD83E"));

        Assert.Equal(4000, longest.Message.Body.Length);
        Assert.Equal(8000, emoji.Message.Body.Length);
        Assert.Contains("4000", tooLong.Message, StringComparison.Ordinal);

        // The conversation is intact: the refused messages left nothing.
        var all = await store.CatchUpAsync(c.Mentee(), null, 100);
        Assert.Equal(["before", "max", "emoji"], all.Items.Select(m => m.ClientMessageId));
        Assert.Equal(new string('é', 4000), all.Items[1].Body);
        Assert.Equal(3, (await store.GetReadStateAsync(c.Mentee())).UnreadCount);
    }

    [Fact]
    public async Task Bodies_come_back_exactly_as_sent()
    {
        var store = redis.Store();
        var c = TestConversation.Create();
        string[] bodies =
        [
            "Ligne 1\nLigne 2\r\n\tindentée",
            "guillemets \" ' « » et \\ barres \\\\ et %s %d {0} ]] [[ --[[ lua ]]",
            "nul \0 au milieu",
            "emoji 👩🏽‍⚕️ 🇨🇦 et accents çàéèêëîïôùûü ÇÀÉ",
            "中文 العربية עברית",
            "sender body cmid seq peerseq",
        ];

        for (var i = 0; i < bodies.Length; i++)
        {
            await store.SendAsync(c.Mentor(), $"b{i}", bodies[i]);
        }

        var all = await store.CatchUpAsync(c.Mentee(), null, 100);
        Assert.Equal(bodies, all.Items.Select(m => m.Body));
        Assert.All(all.Items, m => Assert.Equal(c.MentorId, m.SenderId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("accentué")]
    [InlineData("with:colon")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789x123456789x1234")]
    public async Task Malformed_client_message_ids_are_refused(string cmid)
    {
        var store = redis.Store();
        var c = TestConversation.Create();

        await AssertCode(ChatErrorCodes.InvalidClientMessageId, () => store.SendAsync(c.Mentor(), cmid, "hello"));
    }

    [Fact]
    public async Task A_uuid_is_a_valid_client_message_id()
    {
        var store = redis.Store();
        var c = TestConversation.Create();

        var sent = await store.SendAsync(c.Mentor(), Guid.NewGuid().ToString(), "hello");

        Assert.True(sent.Created);
    }

    [Fact]
    public async Task A_member_sends_at_most_20_messages_in_10_seconds_across_conversations()
    {
        var store = redis.Store();
        var a = TestConversation.Create();
        var b = new TestConversation(Guid.NewGuid(), a.MentorId, Guid.NewGuid());

        for (var i = 0; i < 20; i++)
        {
            await store.SendAsync(i % 2 == 0 ? a.Mentor() : b.Mentor(), $"r{i}", $"message {i}");
            redis.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // The 21st, 2 s after the first: refused until the first leaves the 10 s window.
        var refused = await AssertCode(ChatErrorCodes.RateLimited, () => store.SendAsync(a.Mentor(), "r20", "one too many"));
        Assert.Equal(TimeSpan.FromSeconds(8), refused.RetryAfter);
        Assert.Equal(10, await redis.Db.StreamLengthAsync(store.Keys.Messages(a.Id)));

        // Retrying an already stored message is not a new send: allowed.
        var retry = await store.SendAsync(a.Mentor(), "r0", "message 0");
        Assert.False(retry.Created);

        // The other member has a budget of their own.
        Assert.True((await store.SendAsync(a.Mentee(), "other", "à vous")).Created);

        // Sliding window: once the first send is 10 s old, one more goes through, not two.
        redis.Time.Advance(TimeSpan.FromSeconds(8));
        Assert.True((await store.SendAsync(a.Mentor(), "r20", "now it goes")).Created);
        var again = await AssertCode(ChatErrorCodes.RateLimited, () => store.SendAsync(a.Mentor(), "r21", "too soon"));
        Assert.Equal(TimeSpan.FromMilliseconds(100), again.RetryAfter);
    }

    [Fact]
    public async Task Unread_counts_agree_on_two_devices_and_the_read_marker_never_moves_backward()
    {
        var c = TestConversation.Create();
        var phone = redis.Store(redis.Connection);
        var laptop = redis.Store(await redis.ConnectAgainAsync());

        var m1 = (await phone.SendAsync(c.Mentee(), "m1", "un")).Message;
        var m2 = (await phone.SendAsync(c.Mentee(), "m2", "deux")).Message;
        var mine = (await laptop.SendAsync(c.Mentor(), "r1", "ma réponse")).Message;
        var m3 = (await phone.SendAsync(c.Mentee(), "m3", "trois")).Message;

        // The mentor's own message does not count.
        Assert.Equal(3, (await phone.GetReadStateAsync(c.Mentor())).UnreadCount);
        Assert.Equal(3, (await laptop.GetReadStateAsync(c.Mentor())).UnreadCount);
        Assert.Equal(1, (await laptop.GetReadStateAsync(c.Mentee())).UnreadCount);

        // Read on the laptop up to m2: both devices see one unread.
        var read = await laptop.MarkReadAsync(c.Mentor(), m2.Id);
        Assert.True(read.Moved);
        Assert.Equal(m2.Id, read.LastReadMessageId);
        Assert.Equal(1, read.UnreadCount);
        Assert.Equal(read with { Moved = false }, await phone.GetReadStateAsync(c.Mentor()));

        // The phone, behind, marks m1 read: the marker stays at m2.
        var stale = await phone.MarkReadAsync(c.Mentor(), m1.Id);
        Assert.False(stale.Moved);
        Assert.Equal(m2.Id, stale.LastReadMessageId);
        Assert.Equal(1, stale.UnreadCount);
        Assert.False((await phone.MarkReadAsync(c.Mentor(), m2.Id)).Moved);

        // Marking the mentor's own message read counts what the mentee sent after it.
        var own = await phone.MarkReadAsync(c.Mentor(), mine.Id);
        Assert.Equal((mine.Id, 1L), (own.LastReadMessageId, own.UnreadCount));

        // A new message from the mentee while the mentor reads: counted, then read.
        var m4 = (await laptop.SendAsync(c.Mentee(), "m4", "quatre")).Message;
        Assert.Equal(2, (await phone.GetReadStateAsync(c.Mentor())).UnreadCount);
        var all = await laptop.MarkReadAsync(c.Mentor(), m4.Id);
        Assert.Equal(0, all.UnreadCount);
        Assert.Equal(0, (await phone.GetReadStateAsync(c.Mentor())).UnreadCount);
        Assert.False((await phone.MarkReadAsync(c.Mentor(), m3.Id)).Moved);
        Assert.Equal(0, (await phone.GetReadStateAsync(c.Mentor())).UnreadCount);

        // The mentee never marked anything: no marker, one unread (the mentor's reply).
        var mentee = await phone.GetReadStateAsync(c.Mentee());
        Assert.Null(mentee.LastReadMessageId);
        Assert.Equal(1, mentee.UnreadCount);
    }

    [Fact]
    public async Task Marking_a_message_of_another_conversation_read_is_refused()
    {
        var store = redis.Store();
        var c = TestConversation.Create();
        var other = TestConversation.Create();
        var elsewhere = (await store.SendAsync(other.Mentor(), "o1", "ailleurs")).Message;
        await store.SendAsync(c.Mentee(), "c1", "ici");

        await AssertCode(ChatErrorCodes.MessageNotFound, () => store.MarkReadAsync(c.Mentor(), elsewhere.Id));
        Assert.Equal(1, (await store.GetReadStateAsync(c.Mentor())).UnreadCount);
    }

    [Fact]
    public async Task A_read_only_conversation_can_be_read_but_not_written()
    {
        var store = redis.Store();
        var c = TestConversation.Create();
        var kept = (await store.SendAsync(c.Mentee(), "k1", "merci pour tout")).Message;

        await AssertCode(ChatErrorCodes.ConversationReadOnly, () => store.SendAsync(c.Mentor(MatchStatus.Ended), "late", "trop tard"));
        await AssertCode(ChatErrorCodes.ConversationReadOnly, () => store.SendAsync(c.Mentee(MatchStatus.Completed), "late2", "trop tard"));

        // Reading, catching up and marking read still work; a retry of a stored message still answers.
        Assert.Equal([kept], (await store.GetMessagesAsync(c.Mentor(MatchStatus.Ended), null, 10)).Items);
        Assert.Equal([kept], (await store.CatchUpAsync(c.Mentor(MatchStatus.Ended), null, 10)).Items);
        Assert.Equal(0, (await store.MarkReadAsync(c.Mentor(MatchStatus.Ended), kept.Id)).UnreadCount);
        Assert.Equal(kept, (await store.SendAsync(c.Mentee(MatchStatus.Ended), "k1", "merci pour tout")).Message);
        Assert.Equal(1, await redis.Db.StreamLengthAsync(store.Keys.Messages(c.Id)));
    }

    [Fact]
    public async Task Summaries_give_each_conversations_unread_count_and_latest_message()
    {
        var store = redis.Store();
        var a = TestConversation.Create();
        var b = new TestConversation(Guid.NewGuid(), a.MentorId, Guid.NewGuid());
        var empty = new TestConversation(Guid.NewGuid(), a.MentorId, Guid.NewGuid());
        await store.SendAsync(a.Mentee(), "a1", "a1");
        var a2 = (await store.SendAsync(a.Mentee(), "a2", "a2")).Message;
        var b1 = (await store.SendAsync(b.Mentor(), "b1", "b1")).Message;

        var summaries = await store.GetSummariesAsync([a.Mentor(), b.Mentor(), empty.Mentor()]);

        Assert.Equal([2L, 0L, 0L], summaries.Select(s => s.ReadState.UnreadCount));
        Assert.Equal([a2, b1, null], summaries.Select(s => s.LastMessage));
        Assert.Equal([a.Id, b.Id, empty.Id], summaries.Select(s => s.Membership.ConversationId));
    }

    [Fact]
    public async Task Every_key_starts_with_the_configured_prefix()
    {
        var store = redis.Store();
        var c = TestConversation.Create();
        var m = (await store.SendAsync(c.Mentee(), "p1", "préfixe")).Message;
        await store.MarkReadAsync(c.Mentor(), m.Id);
        await redis.Presence().ConnectAsync(c.MentorId, "conn-1");

        var keys = await redis.KeysAsync();

        Assert.Equal(5, keys.Count);
        Assert.All(keys, k => Assert.StartsWith(redis.Prefix, k, StringComparison.Ordinal));
        Assert.Contains($"{redis.Prefix}chat:{{{c.Id}}}:messages", keys);
        Assert.Equal(RedisType.Stream, await redis.Db.KeyTypeAsync($"{redis.Prefix}chat:{{{c.Id}}}:messages"));
    }

    internal static async Task<ChatException> AssertCode(string code, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<ChatException>(action);
        Assert.Equal(code, error.Code);
        return error;
    }
}
