using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using JumoMentoring.Api.Auth;
using Microsoft.AspNetCore.Authentication;

namespace JumoMentoring.Api.Graph;

/// <summary>
/// Our GraphQL-over-HTTP transport: POST (application/json) and GET (queries only), content
/// negotiation between application/graphql-response+json and application/json with the status
/// codes the specification gives each, and <c>GET ?sdl</c> for the schema. WebSocket upgrade
/// requests to the same path go to <see cref="GraphQLWebSocketEndpoint"/> (graphql-transport-ws).
/// </summary>
public static class GraphQLHttpEndpoint
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string pattern = "/graphql") =>
        endpoints.Map(pattern, HandleAsync);

    private static async Task HandleAsync(HttpContext http)
    {
        if (http.WebSockets.IsWebSocketRequest)
        {
            await GraphQLWebSocketEndpoint.HandleAsync(http);
            return;
        }

        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) && http.Request.Query.ContainsKey("sdl"))
        {
            await WriteSdlAsync(http);
            return;
        }

        if (!HttpMethods.IsGet(method) && !HttpMethods.IsPost(method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteRequestErrorAsync(http, MediaTypes.Json, StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed, $"{method} is not supported: use GET or POST.");
            return;
        }

        var mediaType = MediaTypes.Negotiate(http.Request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteRequestErrorAsync(http, MediaTypes.Json, StatusCodes.Status406NotAcceptable, ErrorCodes.NotAcceptable,
                $"This endpoint answers {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            return;
        }

        GraphQLHttpRequest request;
        try
        {
            request = HttpMethods.IsGet(method) ? GraphQLHttpRequest.FromQueryString(http.Request.Query) : await ReadPostAsync(http);
        }
        catch (UnsupportedMediaTypeException e)
        {
            await WriteRequestErrorAsync(http, mediaType, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, e.Message);
            return;
        }
        catch (RequestException e)
        {
            await WriteRequestErrorAsync(http, mediaType, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, e.Message);
            return;
        }

        // Parse once here: GET must refuse mutations before running anything, and the executer reuses the document.
        GraphQLDocument? document = null;
        try
        {
            document = Parser.Parse(request.Query);
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The executer reports the syntax error in the standard shape below.
        }

        if (document is not null && FindOperation(document, request.OperationName) is { } operation)
        {
            if (HttpMethods.IsGet(method) && operation.Operation != OperationType.Query)
            {
                http.Response.Headers.Allow = "POST";
                await WriteRequestErrorAsync(http, mediaType, StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
                    $"A {operation.Operation.ToString().ToLowerInvariant()} must be sent with POST.");
                return;
            }

            if (operation.Operation == OperationType.Subscription)
            {
                await WriteRequestErrorAsync(http, mediaType, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                    "Subscriptions run over WebSocket (graphql-transport-ws), not over HTTP.");
                return;
            }
        }

        var viewer = Viewer.From(http.User, await AuthFailureAsync(http));
        var services = http.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var result = await services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.Document = document;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables is { } variables ? serializer.ReadNode<Inputs>(variables) : null;
            options.Extensions = request.Extensions is { } extensions ? serializer.ReadNode<Inputs>(extensions) : null;
            options.RequestServices = services;
            options.User = http.User;
            options.UserContext = GraphUserContext.FromRequest(http.Request.Headers.AcceptLanguage, viewer);
            options.CancellationToken = http.RequestAborted;
        });

        // A document that failed to parse or validate never executed. With application/json every
        // well-formed request answers 200; application/graphql-response+json says 400.
        http.Response.StatusCode = !result.Executed && mediaType == MediaTypes.GraphQLResponse
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>Why a bearer token was refused, in words a client can show; null when none was sent.</summary>
    private static async Task<string?> AuthFailureAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true || http.Request.Headers.Authorization.Count == 0)
        {
            return null;
        }

        // The authentication middleware keeps only successes; the handler has cached its result for this request.
        var result = await http.AuthenticateAsync();
        return BearerTokenAuthentication.Describe(result.Failure);
    }

    private static async Task<GraphQLHttpRequest> ReadPostAsync(HttpContext http)
    {
        if (!MediaTypes.IsJsonRequest(http.Request.ContentType))
        {
            throw new UnsupportedMediaTypeException($"Send the request as {MediaTypes.Json} (UTF-8).");
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            throw new RequestException($"The request body is larger than {MaxBodyBytes} bytes.");
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            return GraphQLHttpRequest.FromJson(body.RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new RequestException("The request body is not valid JSON.");
        }
    }

    /// <summary>The operation that would run; null when the executer must report that it cannot choose.</summary>
    private static GraphQLOperationDefinition? FindOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private static async Task WriteSdlAsync(HttpContext http)
    {
        var schema = http.RequestServices.GetRequiredService<ISchema>();
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(SchemaSdl.Print(schema), http.RequestAborted);
    }

    private static async Task WriteRequestErrorAsync(HttpContext http, string mediaType, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        var body = new { errors = new[] { new { message, extensions = new { code } } } };
        await JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
    }

    private sealed class UnsupportedMediaTypeException(string message) : Exception(message);
}

public static class SchemaSdl
{
    /// <summary>The published SDL (schema/schema.graphql must equal it).</summary>
    public static string Print(ISchema schema) =>
        schema.Print(new GraphQL.Utilities.PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
}
