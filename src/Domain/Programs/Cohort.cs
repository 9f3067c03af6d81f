using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Programs;

/// <summary>A group of about ten mentor–mentee pairs of a structured program, run over a fixed term.</summary>
public sealed class Cohort
{
    public const int MaxCapacity = 50;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ProgramId { get; init; }
    public required string Name { get; set; }

    /// <summary>How many pairs: at most this many mentees and this many mentors are admitted.</summary>
    public required int Capacity { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

public sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.ProgramId);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasOne<MentoringProgram>().WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_cohorts_capacity", $"capacity BETWEEN 1 AND {Cohort.MaxCapacity}"));
    }
}
