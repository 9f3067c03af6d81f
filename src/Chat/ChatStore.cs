using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JumoMentoring.Chat;

/// <summary>
/// The conversations' messages and read state in Redis: one stream per conversation, written by Lua
/// scripts so that idempotency, the rate limit and the unread counters change atomically with the
/// message (see docs/decisions/0004-chat-on-redis-streams.md). Every method takes the
/// <see cref="ConversationMembership"/> that <see cref="ConversationAccess"/> grants.
/// </summary>
public sealed class ChatStore(IConnectionMultiplexer redis, IOptions<ChatOptions> options, TimeProvider time)
{
    private readonly ChatOptions settings = options.Value;
    private readonly ChatKeys keys = new(options.Value.KeyPrefix);

    // 0: not checked yet, 1: WAITAOF supported (Redis 7.2+), 2: not supported.
    private int waitAofSupport;

    public ChatKeys Keys => keys;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Stores a message, or returns the one already stored under the same client message id (a retry:
    /// nothing new is stored). Returns only once Redis has written it to its append-only file.
    /// </summary>
    public async Task<SendResult> SendAsync(ConversationMembership membership, string clientMessageId, string body)
    {
        var cmid = ValidateClientMessageId(clientMessageId);
        var text = ValidateBody(body);
        var idempotencyKey = keys.ClientMessage(membership.ConversationId, membership.MemberId, cmid);

        if (!membership.CanWrite)
        {
            // A retry of a message stored before the match ended still gets its answer.
            var existing = await Db.StringGetAsync(idempotencyKey);
            if (!existing.IsNull)
            {
                var entries = await Db.StreamRangeAsync(keys.Messages(membership.ConversationId), existing, existing);
                if (entries.Length > 0)
                {
                    return new SendResult(ToMessage(membership.ConversationId, entries[0]), Created: false);
                }
            }

            throw new ChatException(ChatErrorCodes.ConversationReadOnly, "The match has ended: its conversation is read-only.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var result = await Db.ScriptEvaluateAsync(
            LuaScripts.Send,
            [keys.Messages(membership.ConversationId), keys.State(membership.ConversationId), idempotencyKey, keys.SendRate(membership.MemberId)],
            [
                membership.MemberId.ToString("D"),
                membership.OtherMemberId.ToString("D"),
                text,
                cmid,
                now,
                (long)settings.RateLimitWindow.TotalMilliseconds,
                settings.RateLimitCount,
                (long)settings.IdempotencyWindow.TotalMilliseconds,
                membership.ConversationId.ToString("D"),
            ]);

        var reply = (RedisResult[])result!;
        switch ((string?)reply[0])
        {
            case "ok":
                await WaitForAofAsync();
                var id = (string)reply[1]!;
                return new SendResult(new ChatMessage(id, membership.ConversationId, membership.MemberId, text, StreamId.Timestamp(id), cmid), Created: true);
            case "dup":
                await WaitForAofAsync();
                var dupId = (string)reply[1]!;
                var fields = (RedisResult[])reply[2]!;
                var values = new NameValueEntry[fields.Length / 2];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = new NameValueEntry((RedisValue)fields[2 * i], (RedisValue)fields[(2 * i) + 1]);
                }

                return new SendResult(ToMessage(membership.ConversationId, new StreamEntry(dupId, values)), Created: false);
            case "rate":
                var retryAfter = TimeSpan.FromMilliseconds(long.Parse((string)reply[1]!, CultureInfo.InvariantCulture));
                throw new ChatException(
                    ChatErrorCodes.RateLimited,
                    $"Too many messages: at most {settings.RateLimitCount} in {settings.RateLimitWindow.TotalSeconds:0.#} s.",
                    retryAfter);
            default:
                throw new InvalidOperationException($"Unexpected reply of the send script: {reply[0]}");
        }
    }

    /// <summary>Newest first, strictly before <paramref name="before"/> (null: from the latest).</summary>
    public async Task<MessagePage> GetMessagesAsync(ConversationMembership membership, string? before, int limit = 50)
    {
        ValidateLimit(limit);
        var cursor = before is null ? null : StreamId.Require(before);
        if (cursor == StreamId.Min)
        {
            return new MessagePage([], false, cursor);
        }

        var entries = await Db.StreamRangeAsync(
            keys.Messages(membership.ConversationId),
            minId: "-",
            maxId: cursor is null ? "+" : "(" + cursor,
            count: limit + 1,
            messageOrder: Order.Descending);
        return ToPage(membership.ConversationId, entries, limit, cursor);
    }

    /// <summary>Oldest first, strictly after <paramref name="after"/> (null: from the first message).</summary>
    public async Task<MessagePage> CatchUpAsync(ConversationMembership membership, string? after, int limit = 100)
    {
        ValidateLimit(limit);
        var cursor = after is null ? null : StreamId.Require(after);
        if (cursor == StreamId.Max)
        {
            return new MessagePage([], false, cursor);
        }

        var entries = await Db.StreamRangeAsync(
            keys.Messages(membership.ConversationId),
            minId: cursor is null ? "-" : "(" + cursor,
            maxId: "+",
            count: limit + 1,
            messageOrder: Order.Ascending);
        return ToPage(membership.ConversationId, entries, limit, cursor);
    }

    /// <summary>How many messages the conversation holds (XLEN).</summary>
    public Task<long> CountMessagesAsync(ConversationMembership membership) =>
        Db.StreamLengthAsync(keys.Messages(membership.ConversationId));

    /// <summary>
    /// Moves the member's read marker to <paramref name="messageId"/> unless it is already there or
    /// further (it never moves backward), and recomputes their unread count exactly.
    /// </summary>
    public async Task<ReadState> MarkReadAsync(ConversationMembership membership, string messageId)
    {
        var id = StreamId.Require(messageId);
        var result = await Db.ScriptEvaluateAsync(
            LuaScripts.MarkRead,
            [keys.Messages(membership.ConversationId), keys.State(membership.ConversationId)],
            [membership.MemberId.ToString("D"), membership.OtherMemberId.ToString("D"), id]);
        var reply = (RedisResult[])result!;
        var outcome = (string?)reply[0];
        if (outcome == "missing")
        {
            throw new ChatException(ChatErrorCodes.MessageNotFound, "No such message in this conversation.");
        }

        if (outcome == "moved")
        {
            await WaitForAofAsync();
        }

        return new ReadState(
            membership.ConversationId,
            membership.MemberId,
            (string?)reply[1],
            long.Parse((string)reply[2]!, CultureInfo.InvariantCulture),
            Moved: outcome == "moved");
    }

    /// <summary>The member's read marker and unread count.</summary>
    public async Task<ReadState> GetReadStateAsync(ConversationMembership membership)
    {
        var values = await Db.HashGetAsync(keys.State(membership.ConversationId), ReadFields(membership.MemberId));
        return ToReadState(membership, values);
    }

    /// <summary>Read state and latest message of each conversation, in one round trip.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> GetSummariesAsync(IReadOnlyList<ConversationMembership> memberships)
    {
        var db = Db;
        var batch = db.CreateBatch();
        var reads = new List<Task<RedisValue[]>>(memberships.Count);
        var lasts = new List<Task<StreamEntry[]>>(memberships.Count);
        foreach (var m in memberships)
        {
            reads.Add(batch.HashGetAsync(keys.State(m.ConversationId), ReadFields(m.MemberId)));
            lasts.Add(batch.StreamRangeAsync(keys.Messages(m.ConversationId), "-", "+", 1, Order.Descending));
        }

        batch.Execute();
        await Task.WhenAll(reads.Cast<Task>().Concat(lasts));
        return
        [
            .. memberships.Select((m, i) => new ConversationSummary(
                m,
                ToReadState(m, reads[i].Result),
                lasts[i].Result is [var last, ..] ? ToMessage(m.ConversationId, last) : null)),
        ];
    }

    /// <summary>The trimmed body, or MESSAGE_EMPTY / MESSAGE_TOO_LONG.</summary>
    public string ValidateBody(string? body)
    {
        var text = body?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new ChatException(ChatErrorCodes.MessageEmpty, "A message cannot be empty.");
        }

        // Characters as people count them: Unicode code points (an emoji is one, not two UTF-16 units).
        var codePoints = CountCodePoints(text);
        if (codePoints < 0)
        {
            throw new ChatException(ChatErrorCodes.InvalidMessageBody, "A message must be valid Unicode text.");
        }

        if (codePoints > settings.MaxBodyLength)
        {
            throw new ChatException(ChatErrorCodes.MessageTooLong, $"A message has at most {settings.MaxBodyLength} characters.");
        }

        return text;
    }

    private string ValidateClientMessageId(string? clientMessageId)
    {
        if (string.IsNullOrEmpty(clientMessageId)
            || clientMessageId.Length > settings.MaxClientMessageIdLength
            || clientMessageId.AsSpan().ContainsAnyExcept(ClientMessageIdChars))
        {
            throw new ChatException(
                ChatErrorCodes.InvalidClientMessageId,
                $"A client message id is 1 to {settings.MaxClientMessageIdLength} letters, digits, '-' or '_' (a UUID).");
        }

        return clientMessageId;
    }

    private void ValidateLimit(int limit)
    {
        if (limit < 1 || limit > settings.MaxPageSize)
        {
            throw new ChatException(ChatErrorCodes.LimitExceeded, $"A page holds 1 to {settings.MaxPageSize} messages.");
        }
    }

    private static readonly System.Buffers.SearchValues<char> ClientMessageIdChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    /// <summary>Unicode code points, or -1 when the text holds a lone surrogate (not storable as UTF-8).</summary>
    private static int CountCodePoints(string text)
    {
        var count = 0;
        for (var rest = text.AsSpan(); !rest.IsEmpty; count++)
        {
            if (System.Text.Rune.DecodeFromUtf16(rest, out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                return -1;
            }

            rest = rest[used..];
        }

        return count;
    }

    private static RedisValue[] ReadFields(Guid memberId) =>
        ["read:" + memberId.ToString("D"), "unread:" + memberId.ToString("D")];

    private static ReadState ToReadState(ConversationMembership membership, RedisValue[] values) =>
        new(membership.ConversationId, membership.MemberId, values[0].IsNull ? null : (string?)values[0], values[1].IsNull ? 0 : (long)values[1]);

    private static MessagePage ToPage(Guid conversationId, StreamEntry[] entries, int limit, string? cursor)
    {
        var hasMore = entries.Length > limit;
        var items = entries.Take(limit).Select(e => ToMessage(conversationId, e)).ToList();
        return new MessagePage(items, hasMore, items.Count > 0 ? items[^1].Id : cursor);
    }

    private static ChatMessage ToMessage(Guid conversationId, StreamEntry entry)
    {
        var id = (string)entry.Id!;
        return new ChatMessage(
            id,
            conversationId,
            Guid.Parse((string)entry["sender"]!),
            (string?)entry["body"] ?? string.Empty,
            StreamId.Timestamp(id),
            (string?)entry["cmid"] ?? string.Empty);
    }

    /// <summary>
    /// On Redis 7.2+, waits until the write is in the local AOF (WAITAOF 1 0). With appendfsync always
    /// the reply of the write already came after the fsync, so this returns at once; it guards against
    /// a server configured otherwise. Older servers do not have the command: skipped.
    /// </summary>
    private async Task WaitForAofAsync()
    {
        if (!settings.WaitForAof)
        {
            return;
        }

        if (waitAofSupport == 0)
        {
            // Decided once, from the first connected primary (the write just went through it).
            var server = redis.GetServers().FirstOrDefault(s => s.IsConnected && !s.IsReplica);
            if (server is null)
            {
                return;
            }

            waitAofSupport = server.Version >= new Version(7, 2) ? 1 : 2;
        }

        if (waitAofSupport != 1)
        {
            return;
        }

        var reply = (RedisResult[])(await Db.ExecuteAsync("WAITAOF", 1, 0, (long)settings.WaitForAofTimeout.TotalMilliseconds))!;
        if ((long)reply[0] < 1)
        {
            throw new ChatException(ChatErrorCodes.NotDurable, "The message may not be durably stored yet: retry with the same client message id.");
        }
    }
}
