using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace JumoMentoring.Tests.Infrastructure;

/// <summary>
/// A graphql-transport-ws client for tests, over a real WebSocket to the test server's /graphql.
/// Messages are read in order; <see cref="SubscribeAsync"/> returns once the server answered a ping
/// sent after the subscribe, which the server handles only once the subscription is live.
/// </summary>
public sealed class GraphQLWebSocketClient : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly WebSocket socket;
    private readonly Queue<JsonObject> backlog = new();
    private readonly byte[] buffer = new byte[64 * 1024];

    private GraphQLWebSocketClient(WebSocket socket) => this.socket = socket;

    public WebSocket Socket => socket;

    public string? SubProtocolChosen => socket.SubProtocol;

    /// <summary>The close status the server sent, once the socket closed.</summary>
    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public string? CloseDescription => socket.CloseStatusDescription;

    public static async Task<GraphQLWebSocketClient> ConnectAsync(TestServer server, string? subProtocol = SubProtocol, string? bearerHeader = null)
    {
        var client = server.CreateWebSocketClient();
        if (subProtocol is not null)
        {
            client.SubProtocols.Add(subProtocol);
        }

        if (bearerHeader is not null)
        {
            client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + bearerHeader;
        }

        var uri = new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        using var timeout = new CancellationTokenSource(Wait);
        return new GraphQLWebSocketClient(await client.ConnectAsync(uri, timeout.Token));
    }

    /// <summary>Connects, sends connection_init with the token (if any) and waits for connection_ack.</summary>
    public static async Task<GraphQLWebSocketClient> ConnectAndInitAsync(TestServer server, string? token)
    {
        var client = await ConnectAsync(server);
        await client.InitAsync(token);
        return client;
    }

    public async Task InitAsync(string? token)
    {
        await SendAsync(token is null ? new { type = "connection_init" } : new { type = "connection_init", payload = new { token } });
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", Type(ack));
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text, WebSocketMessageType type = WebSocketMessageType.Text)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), type, endOfMessage: true, timeout.Token);
    }

    /// <summary>Sends subscribe, then a ping; returns once the pong came (messages before it are kept for ReceiveAsync).</summary>
    public async Task SubscribeAsync(string id, string query, object? variables = null)
    {
        await SendAsync(new { id, type = "subscribe", payload = new { query, variables } });
        await SyncAsync();
    }

    /// <summary>Ping, and wait for the pong: the server has handled everything sent before.</summary>
    public async Task SyncAsync()
    {
        await SendAsync(new { type = "ping" });
        var held = new List<JsonObject>();
        while (true)
        {
            var message = await ReadAsync(Wait);
            if (message is null)
            {
                throw new InvalidOperationException($"The socket closed while waiting for a pong: {CloseStatus} {CloseDescription}");
            }

            if (Type(message) == "pong")
            {
                break;
            }

            held.Add(message);
        }

        foreach (var message in held)
        {
            backlog.Enqueue(message);
        }
    }

    /// <summary>The next message; fails when none comes in time or the socket closed.</summary>
    public async Task<JsonObject> ReceiveAsync(TimeSpan? timeout = null)
    {
        if (backlog.TryDequeue(out var held))
        {
            return held;
        }

        return await ReadAsync(timeout ?? Wait)
            ?? throw new InvalidOperationException($"The socket closed: {CloseStatus} {CloseDescription}");
    }

    /// <summary>The next message of one operation (others are kept), of the given type.</summary>
    public async Task<JsonObject> ReceiveAsync(string id, string type)
    {
        var message = await ReceiveAsync();
        Assert.True(Type(message) == type && message["id"]?.GetValue<string>() == id, $"Expected {type} for {id}, got {message.ToJsonString()}");
        return message;
    }

    /// <summary>True when no message arrives within <paramref name="quiet"/> (a ping/pong round trip proves the server is done).</summary>
    public async Task AssertNothingAsync(TimeSpan quiet)
    {
        await Task.Delay(quiet);
        await SyncAsync();
        Assert.True(backlog.Count == 0, "Unexpected messages: " + string.Join(", ", backlog.Select(m => m.ToJsonString())));
    }

    /// <summary>Reads until the server closes (answering its close frame); returns the close status.</summary>
    public async Task<WebSocketCloseStatus?> WaitForCloseAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Wait);
        while (DateTime.UtcNow < deadline)
        {
            var message = await ReadAsync(deadline - DateTime.UtcNow);
            if (message is null)
            {
                return CloseStatus;
            }
        }

        throw new TimeoutException("The server did not close the socket.");
    }

    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await socket.CloseAsync(status, "bye", timeout.Token);
    }

    public static string? Type(JsonObject message) => message["type"]?.GetValue<string>();

    /// <summary>One message, or null when the server closed (the close is answered).</summary>
    private async Task<JsonObject?> ReadAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancel.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    try
                    {
                        await socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }
                    catch (Exception e) when (e is IOException or WebSocketException or ObjectDisposedException)
                    {
                        // The server did not wait for our answer.
                    }
                }

                return null;
            }

            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonNode.Parse(text.ToArray())!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }

        socket.Dispose();
    }
}
