namespace JumoMentoring.Chat;

/// <summary>
/// The stable error codes of the chat. Frontends depend on them: the hub sends them as the
/// HubException message, the graph as <c>extensions.code</c>.
/// </summary>
public static class ChatErrorCodes
{
    public const string NotAParticipant = "NOT_A_PARTICIPANT";
    public const string MemberDeactivated = "MEMBER_DEACTIVATED";
    public const string ConversationReadOnly = "CONVERSATION_READ_ONLY";
    public const string ConversationNotFound = "CONVERSATION_NOT_FOUND";
    public const string MessageTooLong = "MESSAGE_TOO_LONG";
    public const string MessageEmpty = "MESSAGE_EMPTY";
    public const string InvalidMessageBody = "MESSAGE_INVALID";
    public const string RateLimited = "RATE_LIMITED";
    public const string InvalidMessageId = "INVALID_MESSAGE_ID";
    public const string MessageNotFound = "MESSAGE_NOT_FOUND";
    public const string InvalidClientMessageId = "INVALID_CLIENT_MESSAGE_ID";
    public const string LimitExceeded = "LIMIT_EXCEEDED";
    public const string NotDurable = "NOT_DURABLE";
    public const string Unauthenticated = "UNAUTHENTICATED";
}

/// <summary>A refusal of the chat, with a stable <see cref="Code"/> from <see cref="ChatErrorCodes"/>.</summary>
public sealed class ChatException : Exception
{
    public ChatException(string code, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        Code = code;
        RetryAfter = retryAfter;
    }

    /// <summary>One of <see cref="ChatErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>For <see cref="ChatErrorCodes.RateLimited"/>: when the member may send again.</summary>
    public TimeSpan? RetryAfter { get; }
}
