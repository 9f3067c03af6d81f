using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace JumoMentoring.Chat;

public static class ChatServiceCollectionExtensions
{
    public const string DefaultConnectionString = "127.0.0.1:63799";

    /// <summary>Redis: one multiplexer for the process, as StackExchange.Redis intends.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ConfigurationOptions.Parse(configuration.GetConnectionString("Redis") ?? DefaultConnectionString);

        // Start even when Redis is down; readiness reports it and the client reconnects by itself.
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        return services;
    }
}
