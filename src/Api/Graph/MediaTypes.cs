using Microsoft.Net.Http.Headers;

namespace JumoMentoring.Api.Graph;

/// <summary>Content negotiation of the GraphQL-over-HTTP specification.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// Picks the response media type from the Accept header, or null when the client accepts
    /// neither (406). No Accept header, or <c>*/*</c>, means application/json, as the spec asks.
    /// </summary>
    public static string? Negotiate(IList<string>? accept)
    {
        if (accept is null || accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var values) || values.Count == 0)
        {
            return Json;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var value in values)
        {
            var quality = value.Quality ?? 1.0;
            var type = value.MediaType.Value?.ToLowerInvariant();
            var candidate = type switch
            {
                GraphQLResponse => GraphQLResponse,
                Json or "application/*" or "*/*" => Json,
                _ => null,
            };

            // On equal quality, the newer, more precise media type wins.
            if (candidate is not null && quality > 0 && (quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponse)))
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>POST bodies must be application/json; UTF-8 is assumed when no charset is given.</summary>
    public static bool IsJsonRequest(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var value)
        && string.Equals(value.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
        && (value.Charset.Value is null || string.Equals(value.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase));
}
