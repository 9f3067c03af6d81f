using System.Buffers;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using JumoMentoring.Api.Auth;
using JumoMentoring.Domain.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JumoMentoring.Api.Graph;

/// <summary>Configuration section "GraphQL:WebSocket": limits of the WebSocket transport.</summary>
public sealed class GraphQLWebSocketOptions
{
    public const string Section = "GraphQL:WebSocket";

    /// <summary>How long a client has to send <c>connection_init</c> before the socket is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest message the server reads (as for an HTTP body); larger ones close the socket with 1009.</summary>
    public int MaxMessageBytes { get; set; } = GraphQLHttpEndpoint.MaxBodyBytes;

    /// <summary>Operations (subscriptions, queries, mutations) one socket may run at once.</summary>
    public int MaxOperations { get; set; } = 100;

    /// <summary>Messages waiting to be sent to a slow client before its socket is closed with 1013.</summary>
    public int MaxPendingMessages { get; set; } = 1000;

    /// <summary>
    /// How often the server sends a <c>ping</c> once the connection is acknowledged (clients answer
    /// <c>pong</c>), so that proxies see traffic on idle sockets; zero turns it off.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a signed-in socket checks that its member is still active: a member deactivated by
    /// the member sync loses the socket (4403) within this delay, not at the token's expiry. Zero
    /// turns it off.
    /// </summary>
    public TimeSpan MemberCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the server waits for the client's close frame after closing.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Our GraphQL-over-WebSocket transport at /graphql: the graphql-transport-ws protocol (the
/// <c>graphql-ws</c> library's), subprotocol <c>graphql-transport-ws</c>. Subscriptions, and also
/// queries and mutations (one <c>next</c>, then <c>complete</c>). Sign-in: the <c>connection_init</c>
/// payload carries <c>{"token": "…"}</c> or <c>{"Authorization": "Bearer …"}</c> (browsers cannot
/// set headers on a WebSocket), validated as HTTP requests' tokens are
/// (<see cref="BearerTokenAuthentication"/>); without one, an Authorization header on the upgrade
/// request counts, else the connection is anonymous. A refused token closes with 4403.
/// </summary>
public static class GraphQLWebSocketEndpoint
{
    public const string SubProtocol = "graphql-transport-ws";

    /// <summary>Handles a WebSocket upgrade request to the GraphQL endpoint.</summary>
    public static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            using var refused = await http.WebSockets.AcceptWebSocketAsync();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            timeout.CancelAfter(services.GetRequiredService<IOptions<GraphQLWebSocketOptions>>().Value.CloseTimeout);
            try
            {
                await refused.CloseAsync(CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable: use graphql-transport-ws", timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // The client did not answer the close: nothing more to do.
            }

            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(SubProtocol);
        var connection = new GraphQLWebSocketConnection(
            http,
            socket,
            services.GetRequiredService<IOptions<GraphQLWebSocketOptions>>().Value,
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLWebSocketEndpoint).FullName!));
        await connection.RunAsync();
    }
}

/// <summary>The close codes of graphql-transport-ws, and the WebSocket ones we use.</summary>
public static class CloseCodes
{
    public const WebSocketCloseStatus Normal = WebSocketCloseStatus.NormalClosure;
    public const WebSocketCloseStatus MessageTooBig = WebSocketCloseStatus.MessageTooBig;
    public const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;
    public const WebSocketCloseStatus InvalidMessage = (WebSocketCloseStatus)4400;
    public const WebSocketCloseStatus Unauthorized = (WebSocketCloseStatus)4401;
    public const WebSocketCloseStatus Forbidden = (WebSocketCloseStatus)4403;
    public const WebSocketCloseStatus SubprotocolNotAcceptable = (WebSocketCloseStatus)4406;
    public const WebSocketCloseStatus ConnectionInitTimeout = (WebSocketCloseStatus)4408;
    public const WebSocketCloseStatus SubscriberAlreadyExists = (WebSocketCloseStatus)4409;
    public const WebSocketCloseStatus TooManyInitialisationRequests = (WebSocketCloseStatus)4429;
    public const WebSocketCloseStatus InternalError = (WebSocketCloseStatus)4500;
}

/// <summary>
/// One socket. Messages are read and handled one at a time, in order: a <c>subscribe</c> of a
/// subscription returns only once its source stream is live (the Redis subscription confirmed), so a
/// <c>pong</c> answering a later <c>ping</c> tells the client that everything it subscribed before is
/// live. Queries and mutations run beside the loop. All sends go through one queue and one writer.
/// </summary>
internal sealed partial class GraphQLWebSocketConnection(HttpContext http, WebSocket socket, GraphQLWebSocketOptions options, ILogger logger)
{
    private const int MaxCloseReasonBytes = 123;

    private readonly Channel<Outgoing> outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Operation> operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource lifetime = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    private readonly CancellationTokenSource receiving = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    private readonly IGraphQLTextSerializer serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
    private readonly IDocumentExecuter<ISchema> executer = http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
    private readonly IServiceScopeFactory scopes = http.RequestServices.GetRequiredService<IServiceScopeFactory>();
    private readonly TimeProvider time = http.RequestServices.GetRequiredService<TimeProvider>();

    private int pending;
    private int closing;
    private volatile bool initReceived;
    private volatile bool acknowledged;
    private ClaimsPrincipal user = new(new ClaimsIdentity());
    private Viewer viewer = Viewer.Anonymous;

    private readonly record struct Outgoing(byte[]? Message, WebSocketCloseStatus? CloseStatus = null, string? Reason = null);

    private ILogger Logger => logger;

    public async Task RunAsync()
    {
        var writer = WriteLoopAsync();
        _ = CloseUnlessInitialisedAsync();
        try
        {
            await ReceiveLoopAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away, or did not answer our close in time.
        }
        catch (Exception e)
        {
            LogConnectionFailed(logger, e);
            Close(CloseCodes.InternalError, "Internal server error");
        }
        finally
        {
            StopAll();
            outgoing.Writer.TryComplete();
            lifetime.CancelAfter(options.CloseTimeout);
            await writer;
            await lifetime.CancelAsync();
            lifetime.Dispose();
            receiving.Dispose();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var message = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                message.ResetWrittenCount();
                ValueWebSocketReceiveResult frame;
                var tooBig = false;
                do
                {
                    frame = await socket.ReceiveAsync(buffer.AsMemory(), receiving.Token);
                    if (frame.MessageType == WebSocketMessageType.Close)
                    {
                        // The client closes (or answers our close): echo its code if we have not closed yet.
                        Close(socket.CloseStatus ?? CloseCodes.Normal, socket.CloseStatusDescription ?? "");
                        return;
                    }

                    if (message.WrittenCount + frame.Count > options.MaxMessageBytes)
                    {
                        tooBig = true;
                    }
                    else
                    {
                        message.Write(buffer.AsSpan(0, frame.Count));
                    }
                }
                while (!frame.EndOfMessage);

                if (Volatile.Read(ref closing) == 1)
                {
                    continue; // Closing: wait for the client's close frame, ignore the rest.
                }

                if (tooBig)
                {
                    Close(CloseCodes.MessageTooBig, $"Messages are at most {options.MaxMessageBytes} bytes");
                }
                else if (frame.MessageType != WebSocketMessageType.Text)
                {
                    Close(CloseCodes.InvalidMessage, "Invalid message received: messages are JSON text");
                }
                else
                {
                    await HandleAsync(message.WrittenMemory);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> text)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            Close(CloseCodes.InvalidMessage, "Invalid message received: not JSON");
            return;
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            Close(CloseCodes.InvalidMessage, "Invalid message received: an object with a string 'type' is expected");
            return;
        }

        switch (type.GetString())
        {
            case "connection_init":
                await InitialiseAsync(root);
                break;
            case "ping":
                Send(Envelope("pong", null, null));
                break;
            case "pong":
                break;
            case "subscribe":
                await SubscribeAsync(root);
                break;
            case "complete":
                if (RequiredId(root) is { } id && operations.TryRemove(id, out var operation))
                {
                    // The client stops it: nothing more is sent for this id.
                    operation.Stop();
                }

                break;
            default:
                Close(CloseCodes.InvalidMessage, "Invalid message received: unknown message type");
                break;
        }
    }

    private async Task InitialiseAsync(JsonElement message)
    {
        if (initReceived)
        {
            Close(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        initReceived = true;
        var payload = message.TryGetProperty("payload", out var p) ? p : default;
        if (payload.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            Close(CloseCodes.InvalidMessage, "Invalid message received: the connection_init payload must be an object");
            return;
        }

        var token = payload.ValueKind == JsonValueKind.Object ? TokenOf(payload) : null;
        DateTimeOffset? expiresAt = null;
        if (token is not null)
        {
            var result = await BearerTokenAuthentication.ValidateAsync(http.RequestServices, token, lifetime.Token);
            if (!result.Succeeded)
            {
                Close(CloseCodes.Forbidden, "Forbidden: " + result.Failure);
                return;
            }

            user = result.User!;
            expiresAt = result.ExpiresAt;
        }
        else if (http.User.Identity?.IsAuthenticated == true)
        {
            user = http.User;
            expiresAt = long.TryParse(user.FindFirstValue("exp"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var exp)
                ? DateTimeOffset.FromUnixTimeSeconds(exp)
                : null;
        }
        else if (http.Request.Headers.Authorization.Count > 0)
        {
            var failure = (await http.AuthenticateAsync()).Failure;
            Close(CloseCodes.Forbidden, "Forbidden: " + (BearerTokenAuthentication.Describe(failure) ?? "the access token was not accepted."));
            return;
        }

        viewer = Viewer.From(user, null);
        acknowledged = true;
        Send(Envelope("connection_ack", null, null));
        if (expiresAt is { } expiry)
        {
            _ = CloseWhenExpiredAsync(expiry);
        }

        if (options.KeepAliveInterval > TimeSpan.Zero)
        {
            _ = KeepAliveAsync();
        }

        if (viewer.MemberId is { } memberId && options.MemberCheckInterval > TimeSpan.Zero)
        {
            _ = CloseWhenDeactivatedAsync(memberId);
        }
    }

    private async Task CloseWhenDeactivatedAsync(Guid memberId)
    {
        try
        {
            using var timer = new PeriodicTimer(options.MemberCheckInterval, time);
            while (await timer.WaitForNextTickAsync(lifetime.Token))
            {
                await using var db = await http.RequestServices.CreateDbAsync(lifetime.Token);
                if (!await db.Members.AnyAsync(m => m.Id == memberId && m.Status == MemberStatus.Active, lifetime.Token))
                {
                    Close(CloseCodes.Forbidden, "Forbidden: this member account is deactivated");
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection is over.
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The database is unreachable: keep the socket (the token's expiry still closes it) rather than drop everyone.
            logger.LogWarning(e, "Could not check the member of a WebSocket connection");
        }
    }

    private async Task KeepAliveAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(options.KeepAliveInterval, time);
            while (await timer.WaitForNextTickAsync(lifetime.Token))
            {
                Send(Envelope("ping", null, null));
            }
        }
        catch (OperationCanceledException)
        {
            // The connection is over.
        }
    }

    /// <summary><c>{"token": "…"}</c> or <c>{"Authorization": "Bearer …"}</c> (any case).</summary>
    private static string? TokenOf(JsonElement payload)
    {
        foreach (var property in payload.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var value = property.Value.GetString()!.Trim();
            if (property.Name.Equals("token", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
            {
                return value;
            }

            if (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase))
            {
                return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : value;
            }
        }

        return null;
    }

    private async Task SubscribeAsync(JsonElement message)
    {
        if (!acknowledged)
        {
            Close(CloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (RequiredId(message) is not { } id)
        {
            return;
        }

        GraphQLHttpRequest request;
        try
        {
            request = GraphQLHttpRequest.FromJson(message.TryGetProperty("payload", out var payload) ? payload : default);
        }
        catch (RequestException e)
        {
            Close(CloseCodes.InvalidMessage, "Invalid message received: " + e.Message);
            return;
        }

        if (operations.ContainsKey(id))
        {
            Close(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        if (operations.Count >= options.MaxOperations)
        {
            Send(Envelope("error", id, ErrorsJson($"At most {options.MaxOperations} operations at once on one connection.", ErrorCodes.LimitExceeded)));
            return;
        }

        GraphQLDocument? document = null;
        try
        {
            document = Parser.Parse(request.Query);
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The executer reports it as an error message below.
        }

        var operation = new Operation(id, scopes.CreateAsyncScope(), lifetime.Token);
        operations[id] = operation;
        var kind = document is null ? null : FindOperationType(document, request.OperationName);
        if (kind == OperationType.Subscription)
        {
            await StartSubscriptionAsync(operation, request, document);
        }
        else
        {
            _ = RunOnceAsync(operation, request, document);
        }
    }

    private async Task StartSubscriptionAsync(Operation operation, GraphQLHttpRequest request, GraphQLDocument? document)
    {
        byte[]? last = null;
        try
        {
            var result = await ExecuteAsync(operation, request, document);
            if (result.Streams is { Count: 1 } streams && result.Errors is not { Count: > 0 })
            {
                operation.Attach(streams.Values.Single().Subscribe(new Observer(this, operation)));
                return;
            }

            last = ErrorMessage(operation, result);
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogOperationFailed(logger, e);
            last = InternalErrorMessage(operation);
        }
        finally
        {
            operation.Executed();
        }

        End(operation, last);
    }

    private async Task RunOnceAsync(Operation operation, GraphQLHttpRequest request, GraphQLDocument? document)
    {
        byte[]? last = null;
        try
        {
            var result = await ExecuteAsync(operation, request, document);
            if (result.Executed)
            {
                SendNext(operation, result);
                last = Envelope("complete", operation.Id, null);
            }
            else
            {
                last = ErrorMessage(operation, result);
            }
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogOperationFailed(logger, e);
            last = InternalErrorMessage(operation);
        }
        finally
        {
            operation.Executed();
        }

        End(operation, last);
    }

    private Task<ExecutionResult> ExecuteAsync(Operation operation, GraphQLHttpRequest request, GraphQLDocument? document) =>
        executer.ExecuteAsync(o =>
        {
            o.Query = request.Query;
            o.Document = document;
            o.OperationName = request.OperationName;
            o.Variables = request.Variables is { } variables ? serializer.ReadNode<Inputs>(variables) : null;
            o.Extensions = request.Extensions is { } extensions ? serializer.ReadNode<Inputs>(extensions) : null;
            o.RequestServices = operation.Services;
            o.User = user;
            o.UserContext = new GraphUserContext
            {
                Language = GraphUserContext.FromAcceptLanguage(http.Request.Headers.AcceptLanguage),
                Viewer = viewer,
            };
            o.CancellationToken = operation.Cancellation.Token;
        });

    /// <summary>
    /// The operation ended on the server's side. Its id is freed before its last message (complete or
    /// error) is queued, so a client that reuses the id as soon as it reads that message is not refused.
    /// </summary>
    private void End(Operation operation, byte[]? last)
    {
        operations.TryRemove(new KeyValuePair<string, Operation>(operation.Id, operation));
        if (last is not null)
        {
            Send(operation, last);
        }

        operation.Stop();
    }

    private void StopAll()
    {
        foreach (var operation in operations.Values)
        {
            operation.Stop();
        }

        operations.Clear();
    }

    private string? RequiredId(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value)
        {
            return value;
        }

        Close(CloseCodes.InvalidMessage, "Invalid message received: a non-empty string 'id' is required");
        return null;
    }

    private static OperationType? FindOperationType(GraphQLDocument document, string? operationName)
    {
        var definitions = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? definitions.Count == 1 ? definitions[0] : null
            : definitions.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return operation?.Operation;
    }

    private void SendNext(Operation operation, ExecutionResult result) =>
        Send(operation, Envelope("next", operation.Id, serializer.Serialize(result)));

    /// <summary>An <c>error</c> message: the result's errors (it never executed, or its source stream was refused).</summary>
    private byte[] ErrorMessage(Operation operation, ExecutionResult result) =>
        JsonNode.Parse(serializer.Serialize(result))?["errors"]?.ToJsonString() is { } errors
            ? Envelope("error", operation.Id, errors)
            : InternalErrorMessage(operation);

    private static byte[] InternalErrorMessage(Operation operation) =>
        Envelope("error", operation.Id, ErrorsJson("An unexpected error occurred. It has been logged.", ErrorCodes.Internal));

    private static string ErrorsJson(string message, string code) =>
        JsonSerializer.Serialize(new[] { new { message, extensions = new { code } } });

    private void Send(Operation operation, byte[] message)
    {
        if (operation.IsActive)
        {
            Send(message);
        }
    }

    private void Send(byte[] message)
    {
        if (Volatile.Read(ref closing) == 1)
        {
            return;
        }

        if (Interlocked.Increment(ref pending) > options.MaxPendingMessages)
        {
            Close(CloseCodes.TryAgainLater, "The client reads too slowly");
            return;
        }

        outgoing.Writer.TryWrite(new Outgoing(message));
    }

    /// <summary>Closes the socket once (later calls do nothing): stops every operation, sends the close frame.</summary>
    private void Close(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref closing, 1) == 1)
        {
            return;
        }

        StopAll();
        outgoing.Writer.TryWrite(new Outgoing(null, status, Truncate(reason)));
        try
        {
            receiving.CancelAfter(options.CloseTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The connection is already over.
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var message in outgoing.Reader.ReadAllAsync(lifetime.Token))
            {
                if (message.CloseStatus is { } status)
                {
                    if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(status, message.Reason, lifetime.Token);
                    }

                    return;
                }

                if (socket.State != WebSocketState.Open)
                {
                    return;
                }

                await socket.SendAsync(message.Message!, WebSocketMessageType.Text, endOfMessage: true, lifetime.Token);
                Interlocked.Decrement(ref pending);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The socket is gone: nothing left to tell the client.
        }
    }

    private async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, time, lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!initReceived)
        {
            Close(CloseCodes.ConnectionInitTimeout, "Connection initialisation timeout");
        }
    }

    /// <summary>A connection lives no longer than its access token: the client reconnects with a fresh one.</summary>
    private async Task CloseWhenExpiredAsync(DateTimeOffset expiresAt)
    {
        try
        {
            // Timers take at most about 49 days: wait in steps.
            for (var left = expiresAt - time.GetUtcNow(); left > TimeSpan.Zero; left = expiresAt - time.GetUtcNow())
            {
                await Task.Delay(left < TimeSpan.FromDays(1) ? left : TimeSpan.FromDays(1), time, lifetime.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Close(CloseCodes.Forbidden, "Forbidden: the access token expired");
    }

    private static byte[] Envelope(string type, string? id, string? payloadJson)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            if (payloadJson is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payloadJson, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
        {
            return reason;
        }

        var cut = reason;
        while (Encoding.UTF8.GetByteCount(cut) > MaxCloseReasonBytes - 3)
        {
            cut = cut[..^1];
        }

        return cut + "...";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A GraphQL WebSocket connection failed")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A GraphQL operation over WebSocket failed")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception);

    /// <summary>
    /// One running operation: its id, service scope (kept while a subscription lives: each event gets
    /// a scope of its own, see <see cref="ScopedSubscriptionExecutionStrategy"/>) and cancellation.
    /// </summary>
    private sealed class Operation(string id, AsyncServiceScope scope, CancellationToken connection)
    {
        private readonly Lock gate = new();
        private IDisposable? subscription;
        private bool stopped;
        private bool executing = true;
        private bool released;

        public string Id { get; } = id;

        public IServiceProvider Services => scope.ServiceProvider;

        public CancellationTokenSource Cancellation { get; } = CancellationTokenSource.CreateLinkedTokenSource(connection);

        public bool IsActive
        {
            get
            {
                lock (gate)
                {
                    return !stopped;
                }
            }
        }

        /// <summary>Keeps the subscription to the response stream, or disposes it at once when the operation already stopped.</summary>
        public void Attach(IDisposable stream)
        {
            lock (gate)
            {
                if (!stopped)
                {
                    subscription = stream;
                    return;
                }
            }

            stream.Dispose();
        }

        /// <summary>The executer returned (a result, or a response stream): the scope may go once the operation stops.</summary>
        public void Executed()
        {
            lock (gate)
            {
                executing = false;
                if (!stopped)
                {
                    return;
                }
            }

            Release();
        }

        /// <summary>Once: unsubscribes and cancels what runs; the scope goes as soon as nothing executes in it.</summary>
        public void Stop()
        {
            IDisposable? stream;
            bool idle;
            lock (gate)
            {
                if (stopped)
                {
                    return;
                }

                stopped = true;
                idle = !executing;
                stream = subscription;
                subscription = null;
            }

            stream?.Dispose();
            Cancellation.Cancel();
            if (idle)
            {
                Release();
            }
        }

        private void Release()
        {
            lock (gate)
            {
                if (released)
                {
                    return;
                }

                released = true;
            }

            _ = scope.DisposeAsync().AsTask();
        }
    }

    private sealed class Observer(GraphQLWebSocketConnection connection, Operation operation) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => connection.SendNext(operation, value);

        public void OnError(Exception error)
        {
            LogOperationFailed(connection.Logger, error);
            connection.End(operation, InternalErrorMessage(operation));
        }

        public void OnCompleted() => connection.End(operation, Envelope("complete", operation.Id, null));
    }
}
