using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JumoMentoring.Tests.Infrastructure;

public sealed record GraphQLResponse(HttpStatusCode Status, string? MediaType, JsonNode? Body, HttpResponseMessage Message)
{
    public JsonNode Data => Body?["data"] ?? throw new InvalidOperationException($"No data in: {Body?.ToJsonString()}");

    public JsonArray? Errors => Body?["errors"]?.AsArray();

    public string? FirstErrorCode => Errors?[0]?["extensions"]?["code"]?.GetValue<string>();

    /// <summary>Fails with the whole body when the response carries errors.</summary>
    public GraphQLResponse EnsureNoErrors()
    {
        Assert.True(Errors is null, $"Unexpected errors: {Body?.ToJsonString()}");
        return this;
    }
}

/// <summary>A thin GraphQL-over-HTTP client for tests: real HTTP through the test server.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";

    public HttpClient Http { get; } = http;

    public Task<GraphQLResponse> QueryAsync(string query, object? variables = null, string accept = GraphQLResponseMediaType, string? acceptLanguage = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        return PostRawAsync(body, "application/json", accept, acceptLanguage);
    }

    public async Task<GraphQLResponse> PostRawAsync(string body, string? contentType, string? accept = GraphQLResponseMediaType, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return await SendAsync(request, accept, acceptLanguage);
    }

    public async Task<GraphQLResponse> GetAsync(string queryString, string? accept = GraphQLResponseMediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);
        return await SendAsync(request, accept, null);
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request, string? accept, string? acceptLanguage)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            json = JsonNode.Parse(text);
        }

        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json, response);
    }
}
