using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace JumoMentoring.Api.Graph;

/// <summary>The Relay <c>Node</c> interface: anything with a global id can be fetched again by it.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a globally unique, opaque id.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque global id; pass it to node(id:).");
    }
}

/// <summary>
/// How <c>node(id:)</c> finds an object: each node type registers a batch-loading resolver for its
/// type name. Registered as a singleton; built once with the schema.
/// </summary>
public sealed class NodeResolvers
{
    private readonly Dictionary<string, Func<IResolveFieldContext, Guid, IDataLoaderResult>> resolvers = new(StringComparer.Ordinal);

    public void Register(string typeName, Func<IResolveFieldContext, Guid, IDataLoaderResult> resolver) => resolvers[typeName] = resolver;

    public IDataLoaderResult? Resolve(IResolveFieldContext context, string globalId)
    {
        if (!GlobalId.TryDecode(globalId, out var typeName, out var id))
        {
            throw GraphError.InvalidId(globalId);
        }

        return resolvers.TryGetValue(typeName, out var resolve) ? resolve(context, id) : null;
    }
}

public static class NodeQueries
{
    public const int MaxIds = 100;

    public static void AddNodeFields(this ObjectGraphType query, NodeResolvers nodes)
    {
        query.Field<NodeInterface>("node")
            .Description("Fetches any object by its global id; null when it does not exist.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => nodes.Resolve(c, c.GetArgument<string>("id")));

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Fetches up to {MaxIds} objects by global id, in the order asked; null for each one that does not exist.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Resolve(c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                {
                    throw GraphError.LimitExceeded("ids", MaxIds);
                }

                return new ListResult(ids.Select(id => nodes.Resolve(c, id)).ToList());
            });
    }

    /// <summary>Awaits the pending results of a list only once all of them have been queued, so they batch.</summary>
    private sealed class ListResult(List<IDataLoaderResult?> items) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new object?[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                values[i] = items[i] is { } item ? await item.GetResultAsync(cancellationToken) : null;
            }

            return values;
        }
    }
}
