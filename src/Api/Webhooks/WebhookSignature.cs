using System.Security.Cryptography;
using System.Text;

namespace JumoMentoring.Api.Webhooks;

/// <summary>
/// <c>X-Jumo-Signature: sha256=HEX</c>, the lower-case hex HMAC-SHA256 of <c>"{X-Jumo-Timestamp}.{body}"</c>
/// keyed with the endpoint's secret (UTF-8). Receivers recompute it over the raw body, compare in
/// constant time, and refuse timestamps older than a few minutes (replays).
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + 1 + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        signed[written] = (byte)'.';
        body.CopyTo(signed.AsSpan(written + 1));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public static bool Verify(string secret, string timestamp, ReadOnlySpan<byte> body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
