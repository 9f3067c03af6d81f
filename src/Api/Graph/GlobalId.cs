using System.Buffers.Text;
using System.Text;

namespace JumoMentoring.Api.Graph;

/// <summary>
/// Relay global ids: base64url of "Type:guid". Opaque to clients (they must not parse them), stable,
/// and they carry the type so <c>node(id:)</c> knows where to look.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{id:N}"));

    public static bool TryDecode(string? value, out string typeName, out Guid id)
    {
        typeName = "";
        id = Guid.Empty;
        if (string.IsNullOrEmpty(value) || value.Length > 100 || !Base64Url.IsValid(value))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value));
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Guid.TryParseExact(text.AsSpan(colon + 1), "N", out id))
        {
            return false;
        }

        typeName = text[..colon];
        return true;
    }

    /// <summary>Decodes an id that must be of one type; a wrong or malformed id is a typed error.</summary>
    public static Guid Parse(string value, string expectedType) =>
        TryDecode(value, out var type, out var id) && type == expectedType ? id : throw GraphError.InvalidId(value);
}
