using JumoMentoring.Domain.Programs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Members;

public enum StaffRole
{
    /// <summary>Runs one program (ProgramId set): sees its members and statistics, never private content.</summary>
    Coordinator,

    /// <summary>Platform administration (ProgramId null): webhooks, coordinators, programs.</summary>
    Admin,
}

/// <summary>
/// A staff role held by a member account. College staff sign in with the college's identity provider
/// like members do, so they are members with extra rights, granted here rather than in the token.
/// </summary>
public sealed class RoleAssignment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid MemberId { get; init; }
    public required StaffRole Role { get; init; }
    public Guid? ProgramId { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

public sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.MemberId, r.Role, r.ProgramId }).IsUnique().AreNullsDistinct(false);
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MentoringProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_role_assignments_program", "(role = 'Coordinator') = (program_id IS NOT NULL)"));
    }
}
