using JumoMentoring.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Programs;

public enum ProgramRole
{
    Mentor,
    Mentee,
}

public enum EnrolmentStatus
{
    /// <summary>Structured programs: applied, waiting for a coordinator's decision.</summary>
    Applied,

    /// <summary>Structured programs: on the waiting list for a cohort.</summary>
    Waitlisted,
    Active,
    Withdrawn,
}

/// <summary>A member's role in one program. One person can mentor in one program and be mentored in another.</summary>
public sealed class Enrolment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid MemberId { get; init; }
    public Member? Member { get; init; }
    public required Guid ProgramId { get; init; }
    public MentoringProgram? Program { get; init; }
    public required ProgramRole Role { get; init; }
    public EnrolmentStatus Status { get; set; } = EnrolmentStatus.Active;

    /// <summary>Mentors only: how many mentees at once.</summary>
    public int? MentorCapacity { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

public sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.MemberId, e.ProgramId, e.Role }).IsUnique();
        builder.HasIndex(e => e.ProgramId);
        builder.Property(e => e.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(e => e.Member).WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Program).WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_enrolments_capacity", "mentor_capacity IS NULL OR mentor_capacity BETWEEN 1 AND 20"));
    }
}
