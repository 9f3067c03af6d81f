using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace JumoMentoring.Chat;

public static class ChatServiceCollectionExtensions
{
    public const string DefaultConnectionString = "127.0.0.1:63799";

    /// <summary>
    /// Redis (one multiplexer for the process, as StackExchange.Redis intends), the chat's options
    /// (section <c>Chat</c>), <see cref="ChatStore"/>, <see cref="PresenceTracker"/>,
    /// <see cref="ConversationAccess"/> (which needs the domain's <c>IDbContextFactory</c>: AddDomain)
    /// and the <see cref="EventBus"/> between servers.
    /// </summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ConfigurationOptions.Parse(configuration.GetConnectionString("Redis") ?? DefaultConnectionString);

        // Start even when Redis is down; readiness reports it and the client reconnects by itself.
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));

        services.AddOptions<ChatOptions>()
            .Bind(configuration.GetSection(ChatOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.RateLimitWindow > TimeSpan.Zero && o.IdempotencyWindow > TimeSpan.Zero, "Chat windows must be positive.")
            .Validate(o => o.PresenceConnectionTimeout > o.PresenceHeartbeatInterval, "Chat:PresenceConnectionTimeout must exceed the heartbeat interval.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChatStore>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<ConversationAccess>();
        services.AddSingleton<ChatConnections>();
        services.AddSingleton<EventBus>();
        return services;
    }

    /// <summary>
    /// SignalR with the Redis backplane (group messages reach every server; channels under the
    /// chat's key prefix), the hub's background presence work and <see cref="ChatDelivery"/>. Map the hub with
    /// <see cref="MapChatHub"/>, behind authentication that sets the <c>member_id</c> claim.
    /// </summary>
    public static IServiceCollection AddChatHub(this IServiceCollection services, IConfiguration configuration)
    {
        var prefix = configuration.GetSection(ChatOptions.Section)[nameof(ChatOptions.KeyPrefix)] ?? new ChatOptions().KeyPrefix;
        services.AddSignalR(o => o.EnableDetailedErrors = false)
            .AddStackExchangeRedis(configuration.GetConnectionString("Redis") ?? DefaultConnectionString,
                o => o.Configuration.ChannelPrefix = RedisChannel.Literal(prefix + "signalr"));
        services.AddHostedService<ChatPresenceService>();
        services.AddSingleton<ChatDelivery>();
        return services;
    }

    /// <summary>
    /// Maps <see cref="ChatHub"/> at <see cref="ChatHub.Path"/> (/hubs/chat) for authenticated callers
    /// with a <c>member_id</c> claim (the host adds authentication and authorization).
    /// </summary>
    public static HubEndpointConventionBuilder MapChatHub(this IEndpointRouteBuilder endpoints)
    {
        var hub = endpoints.MapHub<ChatHub>(ChatHub.Path);
        hub.RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireClaim(ChatHub.MemberIdClaim));
        return hub;
    }
}
