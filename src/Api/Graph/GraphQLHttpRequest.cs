using System.Text.Json;

namespace JumoMentoring.Api.Graph;

/// <summary>The parameters of a GraphQL-over-HTTP request, checked for type before anything runs.</summary>
public sealed record GraphQLHttpRequest(string Query, string? OperationName, JsonElement? Variables, JsonElement? Extensions)
{
    /// <summary>Reads a POST body: one JSON object with a string <c>query</c>.</summary>
    public static GraphQLHttpRequest FromJson(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new RequestException("The request body must be a JSON object (batched requests are not supported).");
        }

        return new GraphQLHttpRequest(
            Query: RequiredString(body, "query"),
            OperationName: OptionalString(body, "operationName"),
            Variables: OptionalObject(body, "variables"),
            Extensions: OptionalObject(body, "extensions"));
    }

    /// <summary>Reads GET parameters: <c>variables</c> and <c>extensions</c> are JSON-encoded objects.</summary>
    public static GraphQLHttpRequest FromQueryString(IQueryCollection query)
    {
        string? Single(string name) => query.TryGetValue(name, out var values)
            ? values.Count == 1 ? values[0] : throw new RequestException($"'{name}' must be given once.")
            : null;

        JsonElement? Object(string name)
        {
            var text = Single(name);
            if (text is null)
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                var element = document.RootElement;
                return element.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Object => element.Clone(),
                    _ => throw new RequestException($"'{name}' must be a JSON object."),
                };
            }
            catch (JsonException)
            {
                throw new RequestException($"'{name}' is not valid JSON.");
            }
        }

        var text = Single("query");
        if (string.IsNullOrEmpty(text))
        {
            throw new RequestException("The 'query' parameter is required.");
        }

        return new GraphQLHttpRequest(text, Single("operationName"), Object("variables"), Object("extensions"));
    }

    private static string RequiredString(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : throw new RequestException($"'{name}' must be a non-empty string.")
            : throw new RequestException($"The '{name}' parameter is required.");

    private static string? OptionalString(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.String ? value.GetString() : throw new RequestException($"'{name}' must be a string or null.");

    private static JsonElement? OptionalObject(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.Object ? value : throw new RequestException($"'{name}' must be an object or null.");
}

/// <summary>A request that is not a well-formed GraphQL-over-HTTP request: always 400.</summary>
public sealed class RequestException(string message) : Exception(message);
