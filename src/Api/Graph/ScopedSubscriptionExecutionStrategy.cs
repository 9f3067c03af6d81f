using GraphQL;
using GraphQL.Execution;

namespace JumoMentoring.Api.Graph;

/// <summary>
/// Runs the selection of each subscription event in a service scope of its own, as an HTTP request
/// runs in its own: fresh <see cref="BatchLoaders"/> (no cache kept across events) and scoped
/// services that are alive while the event executes.
/// </summary>
public sealed class ScopedSubscriptionExecutionStrategy(IServiceScopeFactory scopes) : SubscriptionExecutionStrategy
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(GraphQL.Execution.ExecutionContext context, ExecutionNode node, object? value)
    {
        await using var scope = scopes.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        return await base.ProcessDataAsync(context, node, value);
    }
}
