using System.Buffers.Text;
using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace JumoMentoring.Api.Graph;

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed record Edge<T>(string Cursor, T Node);

/// <summary>
/// A page of a cursor connection. <see cref="CountAsync"/> runs only when a client selects
/// <c>totalCount</c>, and on its own <c>DbContext</c>.
/// </summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, Func<CancellationToken, Task<int>> CountAsync);

/// <summary>Paging arguments, checked once for every connection.</summary>
public readonly record struct Paging(int First, string? After)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static Paging From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? DefaultPageSize;
        if (first is < 0 or > MaxPageSize)
        {
            throw new GraphError(ErrorCodes.LimitExceeded, $"'first' must be between 0 and {MaxPageSize}.");
        }

        return new Paging(first, context.GetArgument<string?>("after"));
    }

    /// <summary>Cursors are opaque to clients: base64url of the keyset position.</summary>
    public static string EncodeCursor(string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("c:" + position));

    public static string DecodeCursor(string cursor)
    {
        if (cursor.Length is > 0 and <= 400 && Base64Url.IsValid(cursor))
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith("c:", StringComparison.Ordinal))
            {
                return text[2..];
            }
        }

        throw GraphError.InvalidCursor(cursor);
    }

    public static Guid DecodeGuidCursor(string cursor) =>
        Guid.TryParseExact(DecodeCursor(cursor), "N", out var id) ? id : throw GraphError.InvalidCursor(cursor);

    /// <summary>Builds a page from <paramref name="rows"/> fetched with <c>First + 1</c> rows (the extra row tells there is a next page).</summary>
    public Connection<T> ToConnection<T>(IReadOnlyList<T> rows, Func<T, string> position, Func<CancellationToken, Task<int>> count)
    {
        var edges = rows.Take(First).Select(r => new Edge<T>(EncodeCursor(position(r)), r)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: rows.Count > First,
            HasPreviousPage: After is not null,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<T>(edges, pageInfo, count);
    }
}

public static class PagingFieldExtensions
{
    /// <summary>Adds the forward-paging arguments every connection field takes.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<IntGraphType>("first", $"Page size, 0 to {Paging.MaxPageSize} (default {Paging.DefaultPageSize}).")
        .Argument<StringGraphType>("after", "Cursor of the last edge of the previous page.");
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field(p => p.HasNextPage);
        Field(p => p.HasPreviousPage);
        Field(p => p.StartCursor, nullable: true);
        Field(p => p.EndCursor, nullable: true);
    }
}

/// <summary>Edges, nodes, pageInfo and totalCount for one node type; <c>MemberType</c> gives <c>MemberConnection</c>.</summary>
public sealed class ConnectionType<TNodeType, T> : ObjectGraphType<Connection<T>>
    where TNodeType : IGraphType
{
    public ConnectionType()
    {
        Name = $"{ConnectionNames.NodeName<TNodeType>()}Connection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, T>>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Number of items across all pages. Costs a count query: select it only when shown.")
            .ResolveAsync(async c => await c.Source.CountAsync(c.CancellationToken));
    }
}

public sealed class EdgeType<TNodeType, T> : ObjectGraphType<Edge<T>>
    where TNodeType : IGraphType
{
    public EdgeType()
    {
        Name = $"{ConnectionNames.NodeName<TNodeType>()}Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node);
    }
}

internal static class ConnectionNames
{
    /// <summary>Graph type classes are named after their GraphQL type plus "Type".</summary>
    public static string NodeName<TNodeType>() =>
        typeof(TNodeType).Name.EndsWith("Type", StringComparison.Ordinal) ? typeof(TNodeType).Name[..^4] : typeof(TNodeType).Name;
}
