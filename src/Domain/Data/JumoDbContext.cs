using JumoMentoring.Domain.CheckIns;
using JumoMentoring.Domain.Goals;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Meetings;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.ReferenceData;
using JumoMentoring.Domain.Resources;
using JumoMentoring.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Domain.Data;

public sealed class JumoDbContext(DbContextOptions<JumoDbContext> options) : DbContext(options)
{
    public DbSet<ReferenceItem> ReferenceItems => Set<ReferenceItem>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<MentoringProgram> Programs => Set<MentoringProgram>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<Match> Matches => Set<Match>();
    public DbSet<MatchTransition> MatchTransitions => Set<MatchTransition>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<Resource> Resources => Set<Resource>();

    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<Matching.PairRule> PairRules => Set<Matching.PairRule>();
    public DbSet<Matching.CohortMatchingRun> CohortMatchingRuns => Set<Matching.CohortMatchingRun>();

    // Member sync and outbound webhooks (docs/decisions/0005-member-sync.md).
    public DbSet<MemberSyncRun> MemberSyncRuns => Set<MemberSyncRun>();
    public DbSet<MemberSyncState> MemberSyncStates => Set<MemberSyncState>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefreshDerivedColumns();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefreshDerivedColumns();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RefreshDerivedColumns()
    {
        foreach (var entry in ChangeTracker.Entries<Member>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.RefreshSearchName();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(JumoDbContext).Assembly);
}
