using System.Globalization;
using System.Text;
using JumoMentoring.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Domain.Resources;

/// <summary>
/// The slug of a new resource: its first title (French, else English) in lower case, accents
/// removed, every run of other characters a single hyphen; "-2", "-3"… when it is taken. A slug is
/// given once and never changes, so links and imports keep finding the resource when its title does.
/// </summary>
public static class ResourceSlug
{
    /// <summary>Room left for a numeric suffix within <see cref="Resource.SlugMaxLength"/>.</summary>
    private const int BaseMaxLength = Resource.SlugMaxLength - 8;

    /// <summary>For a title with no letter or digit at all.</summary>
    private const string Fallback = "ressource";

    public static string From(string title)
    {
        var slug = new StringBuilder(title.Length);
        var hyphen = false;
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Ligatures do not decompose: "cœur" is "coeur".
            var letters = char.ToLowerInvariant(c) switch
            {
                'œ' => "oe",
                'æ' => "ae",
                'ß' => "ss",
                var l and (>= 'a' and <= 'z' or >= '0' and <= '9') => l.ToString(),
                _ => null,
            };
            if (letters is null)
            {
                hyphen = slug.Length > 0;
                continue;
            }

            if (hyphen)
            {
                slug.Append('-');
                hyphen = false;
            }

            slug.Append(letters);
        }

        var text = slug.Length > BaseMaxLength ? slug.ToString(0, BaseMaxLength).TrimEnd('-') : slug.ToString();
        return text.Length == 0 ? Fallback : text;
    }

    /// <summary>
    /// <see cref="From"/>, made unique against the slugs already stored. Two coordinators creating the
    /// same title at once may still pick the same one: the unique index refuses the second, which retries.
    /// </summary>
    public static async Task<string> UniqueAsync(JumoDbContext db, string title, CancellationToken cancellationToken)
    {
        var slug = From(title);
        var prefix = slug + "-";
        var taken = (await db.Resources.AsNoTracking()
            .Where(r => r.Slug == slug || r.Slug.StartsWith(prefix))
            .Select(r => r.Slug)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(slug))
        {
            return slug;
        }

        // The smallest free number: "plan-2027" (a title of its own) does not make the next "plan" "plan-2028".
        var n = 2;
        while (taken.Contains($"{prefix}{n.ToString(CultureInfo.InvariantCulture)}"))
        {
            n++;
        }

        return $"{prefix}{n.ToString(CultureInfo.InvariantCulture)}";
    }
}
