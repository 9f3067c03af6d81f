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

    /// <summary>Structured programs: the cohort the member was admitted into.</summary>
    public Guid? CohortId { get; set; }

    /// <summary>Structured programs: when the member joined the waiting list; the list is ordered by it.</summary>
    public DateTimeOffset? WaitlistedAt { get; set; }

    /// <summary>Mentees: the matching criteria they care most about (names of <see cref="Matching.MatchingCriterion"/>).</summary>
    public List<string> Priorities { get; set; } = [];

    /// <summary>Structured programs: the applicant's few words to the coordinator.</summary>
    public string? Motivation { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Statuses that hold a place in the program (a withdrawn member may enrol again).</summary>
    public static readonly EnrolmentStatus[] Current = [EnrolmentStatus.Applied, EnrolmentStatus.Waitlisted, EnrolmentStatus.Active];
}

public sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.HasKey(e => e.Id);
        // One current enrolment per member, program and role; withdrawn ones stay as history.
        builder.HasIndex(e => new { e.MemberId, e.ProgramId, e.Role }).IsUnique().HasFilter("status <> 'Withdrawn'");
        builder.HasIndex(e => new { e.ProgramId, e.Status, e.WaitlistedAt });
        builder.Property(e => e.Motivation).HasMaxLength(2000);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.ProgramId);
        builder.Property(e => e.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(e => e.Member).WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Program).WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_enrolments_capacity", "mentor_capacity IS NULL OR mentor_capacity BETWEEN 1 AND 20"));
    }
}
