using GraphQL;

namespace JumoMentoring.Api.Graph;

/// <summary>The stable codes a client can switch on, in <c>errors[].extensions.code</c>.</summary>
public static class ErrorCodes
{
    // Transport (GraphQL-over-HTTP) errors.
    public const string BadRequest = "BAD_REQUEST";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    // Document errors.
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";

    // Resolver errors.
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string InvalidId = "INVALID_ID";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string LimitExceeded = "LIMIT_EXCEEDED";
    public const string NotFound = "NOT_FOUND";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string Internal = "INTERNAL_SERVER_ERROR";
}

/// <summary>An error a resolver raises on purpose: its message is for people, its code for programs.</summary>
public sealed class GraphError : ExecutionError
{
    public GraphError(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public static GraphError InvalidId(string id) => new(ErrorCodes.InvalidId, $"'{id}' is not a valid id.");

    public static GraphError InvalidCursor(string cursor) => new(ErrorCodes.InvalidCursor, $"'{cursor}' is not a valid cursor.");

    public static GraphError LimitExceeded(string argument, int max) =>
        new(ErrorCodes.LimitExceeded, $"'{argument}' may be at most {max}.");

    public static GraphError BadUserInput(string message) => new(ErrorCodes.BadUserInput, message);
}
