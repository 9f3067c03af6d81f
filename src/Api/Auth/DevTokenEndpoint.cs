using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace JumoMentoring.Api.Auth;

/// <summary>
/// Development and Test only: POST /auth/dev-token with {"email": "..."} signs a token for an
/// existing member, or with {"client": "member-system"} a machine token with the integration role,
/// so frontends can be built without the college's identity provider. Not mapped in Production.
/// </summary>
public static class DevTokenEndpoint
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public sealed record DevTokenRequest(string? Email, string? MemberNumber, string? Client);

    public static void MapDevTokens(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/auth/dev-token", IssueAsync);

    private static async Task<IResult> IssueAsync(DevTokenRequest? request, AuthOptions options, IDbContextFactory<JumoDbContext> factory, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request is null || (string.IsNullOrWhiteSpace(request.Email) && string.IsNullOrWhiteSpace(request.MemberNumber) && string.IsNullOrWhiteSpace(request.Client)))
        {
            return Error(StatusCodes.Status400BadRequest, "BAD_REQUEST", "Give the email or memberNumber of a member, or a client name.");
        }

        var claims = new List<Claim>();
        if (!string.IsNullOrWhiteSpace(request.Client))
        {
            claims.Add(new Claim(JwtRegisteredClaimNames.Sub, "client:" + request.Client.Trim()));
            claims.Add(new Claim(options.IntegrationRoleClaim, options.IntegrationRoleValue));
        }
        else
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var email = request.Email?.Trim().ToLowerInvariant();
            var member = await db.Members.AsNoTracking()
                .SingleOrDefaultAsync(m => email != null ? m.Email == email : m.MemberNumber == request.MemberNumber, cancellationToken);
            if (member is null)
            {
                return Error(StatusCodes.Status404NotFound, "NOT_FOUND", "No member has this email or member number.");
            }

            if (member.Status == MemberStatus.Deactivated)
            {
                return Error(StatusCodes.Status403Forbidden, "MEMBER_DEACTIVATED", "This member account is deactivated.");
            }

            claims.Add(new Claim(JwtRegisteredClaimNames.Sub, member.MemberNumber));
            claims.Add(new Claim(options.MemberNumberClaim, member.MemberNumber));
            claims.Add(new Claim(JwtRegisteredClaimNames.Email, member.Email));
        }

        var expires = clock.GetUtcNow().Add(Lifetime);
        var token = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            issuer: AuthOptions.DevIssuer,
            audience: AuthOptions.DevAudience,
            claims: claims,
            notBefore: clock.GetUtcNow().UtcDateTime,
            expires: expires.UtcDateTime,
            signingCredentials: new SigningCredentials(AuthSetup.DevSigningKey(options), SecurityAlgorithms.HmacSha256)));
        return Results.Ok(new { accessToken = token, expiresAt = expires });
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { errors = new[] { new { message, extensions = new { code } } } }, statusCode: status);
}
