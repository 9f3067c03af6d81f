using GraphQL;
using JumoMentoring.Api.Auth;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Health;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Api.Webhooks;

namespace JumoMentoring.Api;

public static class ApiServiceCollectionExtensions
{
    public const int MaxQueryDepth = 15;
    public const int MaxQueryComplexity = 20_000;

    /// <summary>Sign-in, the GraphQL schema and its conventions (over HTTP and WebSocket), health checks.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddJumoAuthentication(configuration, environment);
        services.AddSingleton<NodeResolvers>();
        services.AddSingleton<ReferenceCatalog>();
        services.AddScoped<BatchLoaders>();

        services.AddGraphQL(graphql => graphql
            .AddSchema<JumoSchema>()
            // French text stays readable (é, not \u00E9); responses are JSON, never inlined in HTML.
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(JumoSchema).Assembly)
            .AddErrorInfoProvider<JumoErrorInfoProvider>()
            .AddExecutionStrategy<ScopedSubscriptionExecutionStrategy>(GraphQLParser.AST.OperationType.Subscription)
            .AddComplexityAnalyzer(complexity =>
            {
                // List fields multiply by their 'first'/'ids' size; these limits stop abusive documents early.
                complexity.MaxDepth = MaxQueryDepth;
                complexity.MaxComplexity = MaxQueryComplexity;
            })
            .AddUnhandledExceptionHandler(context =>
            {
                var logger = context.ExecutionOptions.RequestServices!.GetRequiredService<ILoggerFactory>().CreateLogger("JumoMentoring.GraphQL");
                logger.LogError(context.OriginalException, "Unhandled error in a GraphQL resolver ({Field})", context.FieldContext?.FieldDefinition.Name);
            }));

        services.AddOptions<GraphQLWebSocketOptions>().Bind(configuration.GetSection(GraphQLWebSocketOptions.Section));
        services.AddHostedService<Jobs.RequestExpiryJob>();
        services.AddWebhooks(configuration);

        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }
}
