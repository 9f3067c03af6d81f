using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace JumoMentoring.Api.Resources;

/// <summary>
/// Renders resource bodies (Markdown) to HTML that clients may insert as is: raw HTML is shown as
/// text (<c>DisableHtml</c>), links and images whose scheme is not http, https, mailto or tel are
/// dropped (their text kept), and no extension that can write attributes is enabled.
/// </summary>
public static class ResourceMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UsePipeTables()
        .UseAutoLinks()
        .UseReferralLinks("nofollow", "noopener", "noreferrer")
        .DisableHtml()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafeUrl(link.Url))
            {
                Unwrap(link);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return document.ToHtml(Pipeline);
    }

    /// <summary>
    /// Relative URLs and http, https, mailto and tel ones. Browsers ignore whitespace and control
    /// characters inside a scheme ("java&#9;script:"), so they are ignored here too.
    /// </summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var cleaned = new string([.. url.Where(c => c > ' ' && c != '\u007f')]);
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var pathStart = cleaned.IndexOfAny(['/', '?', '#']);
        if (pathStart >= 0 && pathStart < colon)
        {
            // "docs/a:b" is a relative path, not a scheme.
            return true;
        }

        return SafeSchemes.Contains(cleaned[..colon].ToLowerInvariant());
    }

    /// <summary>Puts a link's text in its place (an image goes away, its description kept as text).</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }
}
