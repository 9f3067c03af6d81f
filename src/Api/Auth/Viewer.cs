using System.Security.Claims;
using JumoMentoring.Api.Graph;

namespace JumoMentoring.Api.Auth;

/// <summary>Who is asking, read once per request from the validated claims.</summary>
public sealed record Viewer(Guid? MemberId, bool IsAdmin, bool IsIntegration, IReadOnlySet<Guid> CoordinatedPrograms, string? AuthFailure)
{
    public static readonly Viewer Anonymous = new(null, false, false, new HashSet<Guid>(), null);

    public bool IsCoordinator => CoordinatedPrograms.Count > 0;

    public bool Coordinates(Guid programId) => IsAdmin || CoordinatedPrograms.Contains(programId);

    /// <summary>The resource library is the college's, not a program's: any coordinator edits it, as do admins.</summary>
    public bool EditsLibrary => IsAdmin || IsCoordinator;

    public static Viewer From(ClaimsPrincipal user, string? authFailure)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous with { AuthFailure = authFailure };
        }

        var memberId = Guid.TryParse(user.FindFirstValue(JumoClaims.MemberId), out var id) ? id : (Guid?)null;
        return new Viewer(
            memberId,
            user.HasClaim(JumoClaims.Role, JumoClaims.AdminRole),
            user.HasClaim(JumoClaims.Role, JumoClaims.IntegrationRole),
            user.FindAll(JumoClaims.CoordinatedProgram).Select(c => Guid.Parse(c.Value)).ToHashSet(),
            null);
    }

    /// <summary>The signed-in member, or an UNAUTHENTICATED error saying why there is none.</summary>
    public Guid RequireMember() => MemberId ?? throw (IsIntegration
        ? new GraphError(ErrorCodes.Forbidden, "This field is for members, not machine clients.")
        : Unauthenticated());

    public void RequireAdmin()
    {
        if (!IsAdmin)
        {
            throw MemberId is null && !IsIntegration ? Unauthenticated() : Forbidden();
        }
    }

    public void RequireIntegration()
    {
        if (!IsIntegration && !IsAdmin)
        {
            throw MemberId is null ? Unauthenticated() : Forbidden();
        }
    }

    public void RequireLibraryEditor()
    {
        if (!EditsLibrary)
        {
            throw MemberId is null && !IsIntegration ? Unauthenticated() : Forbidden();
        }
    }

    public void RequireCoordinatorOf(Guid programId)
    {
        if (!Coordinates(programId))
        {
            throw MemberId is null && !IsIntegration ? Unauthenticated() : Forbidden();
        }
    }

    private GraphError Unauthenticated() => new(ErrorCodes.Unauthenticated, AuthFailure ?? "Sign in to use this field.");

    private static GraphError Forbidden() => new(ErrorCodes.Forbidden, "You are not allowed to do this.");
}
