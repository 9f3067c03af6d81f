using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace JumoMentoring.Api.Auth;

/// <summary>The outcome of validating a bearer token outside an HTTP request's headers.</summary>
public sealed record BearerTokenResult(ClaimsPrincipal? User, string? Failure, DateTimeOffset? ExpiresAt)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// Validates a bearer token that did not come in an Authorization header (the GraphQL WebSocket
/// transport receives it in its <c>connection_init</c> message) with exactly what HTTP requests go
/// through: the registered JwtBearer handler and its options (issuer, audience, keys, or the
/// identity provider's discovery document) and its events, so the member lookup of
/// <see cref="AuthSetup"/> (unknown and deactivated members refused, our claims added) runs too.
/// The handler runs on a request of its own, in a service scope of its own.
/// </summary>
public static class BearerTokenAuthentication
{
    public static async Task<BearerTokenResult> ValidateAsync(IServiceProvider services, string token, CancellationToken cancellationToken)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
        http.Request.Headers.Authorization = "Bearer " + token;
        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            return new BearerTokenResult(null, Describe(result.Failure) ?? "The access token was not accepted.", null);
        }

        var expires = long.TryParse(result.Principal.FindFirstValue("exp"), NumberStyles.None, CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : (DateTimeOffset?)null;
        return new BearerTokenResult(result.Principal, null, expires);
    }

    /// <summary>Why a token was refused, in words a client can show (never the token library's own message).</summary>
    public static string? Describe(Exception? failure) => failure switch
    {
        null => null,
        SecurityTokenException or SecurityTokenArgumentException => "The access token is invalid or expired.",
        _ => failure.Message,
    };
}
