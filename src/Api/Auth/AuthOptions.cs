namespace JumoMentoring.Api.Auth;

/// <summary>Configuration section "Auth": how tokens of the college's identity provider are validated.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The identity provider's authority (OpenID Connect discovery); required in Production.</summary>
    public string? Authority { get; set; }
    public string? Audience { get; set; }
    public string? Issuer { get; set; }

    /// <summary>The claim carrying the college member number.</summary>
    public string MemberNumberClaim { get; set; } = "member_number";

    /// <summary>The claim (roles or scope) and value that mark a machine client of the member system.</summary>
    public string IntegrationRoleClaim { get; set; } = "roles";
    public string IntegrationRoleValue { get; set; } = "integration";

    /// <summary>Development and Test only: the key that signs the tokens of POST /auth/dev-token.</summary>
    public string DevSigningKey { get; set; } = "jumomentoring-local-development-signing-key-not-secret";
    public const string DevIssuer = "jumomentoring-dev";
    public const string DevAudience = "jumomentoring";
}

/// <summary>The claims our API adds after validating a token; resolvers read only these.</summary>
public static class JumoClaims
{
    public const string MemberId = "member_id";
    public const string Role = "jumo_role";
    public const string CoordinatedProgram = "coordinated_program";

    public const string MemberRole = "member";
    public const string CoordinatorRole = "coordinator";
    public const string AdminRole = "admin";
    public const string IntegrationRole = "integration";
}
