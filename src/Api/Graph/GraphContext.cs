using GraphQL;
using JumoMentoring.Api.Auth;
using JumoMentoring.Domain.ReferenceData;

namespace JumoMentoring.Api.Graph;

/// <summary>What a resolver knows about the request besides its arguments.</summary>
public sealed class GraphUserContext : Dictionary<string, object?>
{
    /// <summary>The reader's language, from Accept-Language; French unless English is asked first.</summary>
    public Language Language { get; init; } = Language.Fr;

    /// <summary>Who is asking.</summary>
    public Viewer Viewer { get; init; } = Viewer.Anonymous;

    /// <summary>
    /// The language Accept-Language asked for; null when the request named none the platform speaks
    /// (search then looks in both languages).
    /// </summary>
    public Language? AcceptLanguage { get; init; }

    public static GraphUserContext FromRequest(string? acceptLanguage, Viewer viewer)
    {
        var asked = ParseAcceptLanguage(acceptLanguage);
        return new GraphUserContext { Language = asked ?? Language.Fr, AcceptLanguage = asked, Viewer = viewer };
    }

    public static Language FromAcceptLanguage(string? header) => ParseAcceptLanguage(header) ?? Language.Fr;

    /// <summary>The first listed language the platform speaks, or null.</summary>
    public static Language? ParseAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        // The first listed language the platform speaks wins ("en-CA,fr;q=0.8" gives English).
        var ranked = header.Split(',')
            .Select(part => part.Split(';'))
            .Select(part => (Tag: part[0].Trim(), Q: part.Length > 1 && part[1].Trim().StartsWith("q=", StringComparison.Ordinal)
                && double.TryParse(part[1].Trim()[2..], System.Globalization.CultureInfo.InvariantCulture, out var q) ? q : 1.0))
            .Where(p => p.Q > 0)
            .OrderByDescending(p => p.Q);
        foreach (var (tag, _) in ranked)
        {
            var primary = tag.Split('-')[0];
            if (LanguageCodes.TryParse(primary, out var language))
            {
                return language;
            }
        }

        return null;
    }
}

public static class ResolveFieldContextExtensions
{
    public static GraphUserContext Graph(this IResolveFieldContext context) => (GraphUserContext)context.UserContext;

    public static Viewer Viewer(this IResolveFieldContext context) => context.Graph().Viewer;

    public static BatchLoaders Loaders(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<BatchLoaders>();

    /// <summary>The language argument of a field when given, else the request's.</summary>
    public static Language LanguageArgument(this IResolveFieldContext context) =>
        context.GetArgument<Language?>("language") ?? context.Graph().Language;
}
