using System.Net;
using Microsoft.Extensions.Options;

namespace JumoMentoring.Api.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>The "Webhooks" options, the HTTP client that posts events, and the dispatcher of this instance.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect is an answer like any other non-2xx: events go to the registered URL only.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
