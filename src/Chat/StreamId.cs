using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JumoMentoring.Chat;

/// <summary>Redis stream entry ids ("ms-seq", two unsigned 64-bit integers) as message ids and cursors.</summary>
public static class StreamId
{
    public const string Min = "0-0";
    public const string Max = "18446744073709551615-18446744073709551615";

    /// <summary>Parses and normalises an entry id (no leading zeros, no sign, both parts present).</summary>
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrEmpty(value) || value.Length > 41)
        {
            return false;
        }

        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == value.Length - 1
            || !value.AsSpan(0, dash).ContainsOnlyDigits()
            || !value.AsSpan(dash + 1).ContainsOnlyDigits()
            || !ulong.TryParse(value.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !ulong.TryParse(value.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }

        normalized = string.Create(CultureInfo.InvariantCulture, $"{ms}-{seq}");
        return true;
    }

    /// <summary>The normalised id, or a <see cref="ChatException"/> with INVALID_MESSAGE_ID.</summary>
    public static string Require(string? value) =>
        TryNormalize(value, out var normalized)
            ? normalized
            : throw new ChatException(ChatErrorCodes.InvalidMessageId, "A message id looks like 1733320000000-0.");

    /// <summary>The time part of an entry id (when Redis stored it).</summary>
    public static DateTimeOffset Timestamp(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        var ms = long.Parse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture);
        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }
}

internal static class SpanExtensions
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');
}
