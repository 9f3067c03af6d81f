using System.Security.Claims;
using System.Text.Encodings.Web;
using JumoMentoring.Chat;
using JumoMentoring.Domain;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JumoMentoring.Tests.Chat;

/// <summary>
/// One API "server" with the chat hub at /hubs/chat, on a test server, with the SignalR Redis
/// backplane on the shared Redis (channels and keys under the test's prefix). The caller is whoever
/// the X-Test-Member header names (the real host will use JWT with the same member_id claim).
/// </summary>
public sealed class ChatHubHost : IAsyncDisposable
{
    public const string MemberHeader = "X-Test-Member";

    private readonly WebApplication app;

    private ChatHubHost(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    public static async Task<ChatHubHost> StartAsync(string prefix, TimeSpan? grace = null, TimeSpan? heartbeat = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration["ConnectionStrings:Postgres"] = ApiFactory.PostgresConnectionString;
        builder.Configuration["ConnectionStrings:Redis"] = ApiFactory.RedisConnectionString;
        builder.Configuration["Chat:KeyPrefix"] = prefix;
        builder.Configuration["Chat:PresenceGracePeriod"] = (grace ?? TimeSpan.FromSeconds(30)).ToString();
        if (heartbeat is { } interval)
        {
            builder.Configuration["Chat:PresenceHeartbeatInterval"] = interval.ToString();
        }
        builder.Services.AddDomain(builder.Configuration).AddChat(builder.Configuration).AddChatHub(builder.Configuration);
        builder.Services.AddAuthentication(TestMemberAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestMemberAuthentication>(TestMemberAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapChatHub();
        await app.StartAsync();
        return new ChatHubHost(app);
    }

    /// <summary>A client connection (a device) of the member, over long polling through the test server.</summary>
    public async Task<HubConnection> ConnectAsync(Guid? memberId)
    {
        var server = app.GetTestServer();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, ChatHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (memberId is not null)
                {
                    o.Headers[MemberHeader] = memberId.Value.ToString();
                }
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed class TestMemberAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestMember";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ChatHubHost.MemberHeader, out var member))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ChatHub.MemberIdClaim, member.ToString())], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
