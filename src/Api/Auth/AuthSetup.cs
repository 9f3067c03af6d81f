using System.Security.Claims;
using System.Text;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Members;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace JumoMentoring.Api.Auth;

public static class AuthSetup
{
    /// <summary>Only these environments sign tokens locally and serve POST /auth/dev-token.</summary>
    public static bool AllowsDevTokens(this IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Test");

    public static IServiceCollection AddJumoAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        services.AddAuthorization();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            if (environment.AllowsDevTokens())
            {
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = AuthOptions.DevIssuer,
                    ValidAudience = AuthOptions.DevAudience,
                    IssuerSigningKey = DevSigningKey(options),
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            }
            else
            {
                jwt.Authority = options.Authority ?? throw new InvalidOperationException("Auth:Authority must be configured outside Development and Test.");
                jwt.Audience = options.Audience;
                jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
            }

            jwt.Events = new JwtBearerEvents
            {
                // Browsers cannot set headers on WebSocket requests: the chat hub alone takes the token from the query string.
                OnMessageReceived = context =>
                {
                    if (context.HttpContext.Request.Path.StartsWithSegments("/hubs/chat")
                        && context.Request.Query["access_token"] is { Count: 1 } token)
                    {
                        context.Token = token[0];
                    }

                    return Task.CompletedTask;
                },
                OnTokenValidated = context => AddJumoClaimsAsync(context, options),
            };
        });
        return services;
    }

    public static SymmetricSecurityKey DevSigningKey(AuthOptions options) => new(Encoding.UTF8.GetBytes(options.DevSigningKey));

    /// <summary>
    /// Maps a validated token to our member: by the college member number, refusing unknown and
    /// deactivated members; machine clients of the member system get the integration role.
    /// </summary>
    private static async Task AddJumoClaimsAsync(TokenValidatedContext context, AuthOptions options)
    {
        var principal = context.Principal!;
        var identity = new ClaimsIdentity();
        if (HasValue(principal, options.IntegrationRoleClaim, options.IntegrationRoleValue))
        {
            identity.AddClaim(new Claim(JumoClaims.Role, JumoClaims.IntegrationRole));
            principal.AddIdentity(identity);
            return;
        }

        var memberNumber = principal.FindFirstValue(options.MemberNumberClaim);
        if (string.IsNullOrEmpty(memberNumber))
        {
            context.Fail("The token carries no college member number.");
            return;
        }

        var factory = context.HttpContext.RequestServices.GetRequiredService<IDbContextFactory<JumoDbContext>>();
        await using var db = await factory.CreateDbContextAsync(context.HttpContext.RequestAborted);
        var member = await db.Members.AsNoTracking()
            .Where(m => m.MemberNumber == memberNumber)
            .Select(m => new { m.Id, m.Status, Roles = db.RoleAssignments.Where(r => r.MemberId == m.Id).Select(r => new { r.Role, r.ProgramId }).ToList() })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (member is null)
        {
            context.Fail("No member has this member number.");
            return;
        }

        if (member.Status == MemberStatus.Deactivated)
        {
            context.Fail("This member account is deactivated.");
            return;
        }

        identity.AddClaim(new Claim(JumoClaims.MemberId, member.Id.ToString()));
        identity.AddClaim(new Claim(JumoClaims.Role, JumoClaims.MemberRole));
        foreach (var role in member.Roles)
        {
            if (role.Role == StaffRole.Admin)
            {
                identity.AddClaim(new Claim(JumoClaims.Role, JumoClaims.AdminRole));
            }
            else if (role.ProgramId is { } programId)
            {
                identity.AddClaim(new Claim(JumoClaims.Role, JumoClaims.CoordinatorRole));
                identity.AddClaim(new Claim(JumoClaims.CoordinatedProgram, programId.ToString()));
            }
        }

        principal.AddIdentity(identity);
    }

    private static bool HasValue(ClaimsPrincipal principal, string claim, string value) =>
        principal.FindAll(claim).Any(c => c.Value.Split(' ').Contains(value, StringComparer.Ordinal));
}
