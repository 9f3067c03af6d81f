using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matches;
using JumoMentoring.Api.Members;
using JumoMentoring.Api.Programs;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Goals;
using JumoMentoring.Domain.ReferenceData;
using JumoMentoring.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using MatchType = JumoMentoring.Api.Matches.MatchType;

namespace JumoMentoring.Api.Goals;

/// <summary>
/// Goals and milestones. Only the match's two members write them, while the match is ACTIVE or
/// PAUSED (<see cref="MatchMembership"/>), and a closed goal (ACHIEVED, ABANDONED) no longer changes.
/// Every invalid field is reported at once; nothing is saved unless all are valid.
/// </summary>
public static class GoalMutations
{
    private static readonly (string, string, string) GoalNotFound = ("GOAL_NOT_FOUND", "Objectif introuvable.", "Goal not found.");
    private static readonly (string, string, string) MilestoneNotFound = ("MILESTONE_NOT_FOUND", "Étape introuvable.", "Milestone not found.");

    public static void AddGoalMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<GoalPayloadType>>("createGoal")
            .Description("Either member of an active or paused match sets a goal for the pair.")
            .Argument<NonNullGraphType<CreateGoalInputType>>("input")
            .ResolveAsync(async c => await CreateAsync(c));

        mutation.Field<NonNullGraphType<GoalPayloadType>>("updateGoal")
            .Description("Edits an open goal's title, description or topic.")
            .Argument<NonNullGraphType<UpdateGoalInputType>>("input")
            .ResolveAsync(async c => await UpdateAsync(c));

        mutation.Field<NonNullGraphType<GoalPayloadType>>("achieveGoal")
            .Description("Marks an open goal ACHIEVED (its progress becomes 1), whatever its milestones.")
            .Argument<NonNullGraphType<IdGraphType>>("goalId")
            .ResolveAsync(async c => await CloseAsync(c, GoalStatus.Achieved));

        mutation.Field<NonNullGraphType<GoalPayloadType>>("abandonGoal")
            .Description("Marks an open goal ABANDONED.")
            .Argument<NonNullGraphType<IdGraphType>>("goalId")
            .ResolveAsync(async c => await CloseAsync(c, GoalStatus.Abandoned));

        mutation.Field<NonNullGraphType<MilestonePayloadType>>("addMilestone")
            .Description($"Adds a milestone to an open goal (at most {Milestone.MaxPerGoal}).")
            .Argument<NonNullGraphType<AddMilestoneInputType>>("input")
            .ResolveAsync(async c => await AddMilestoneAsync(c));

        mutation.Field<NonNullGraphType<MilestonePayloadType>>("updateMilestone")
            .Description("Replaces a milestone's title and due date.")
            .Argument<NonNullGraphType<UpdateMilestoneInputType>>("input")
            .ResolveAsync(async c => await UpdateMilestoneAsync(c));

        mutation.Field<NonNullGraphType<MilestonePayloadType>>("completeMilestone")
            .Description("Marks a milestone completed now. Completing it again changes nothing (and keeps the first time).")
            .Argument<NonNullGraphType<IdGraphType>>("milestoneId")
            .ResolveAsync(async c => await CompleteMilestoneAsync(c));

        mutation.Field<NonNullGraphType<GoalPayloadType>>("removeMilestone")
            .Description("Removes a milestone from an open goal; answers the goal.")
            .Argument<NonNullGraphType<IdGraphType>>("milestoneId")
            .ResolveAsync(async c => await RemoveMilestoneAsync(c));
    }

    private static async Task<Payload<GoalView>> CreateAsync(IResolveFieldContext c)
    {
        var me = c.Viewer().RequireMember();
        var input = c.GetArgument<CreateGoalInput>("input");
        var matchId = GlobalId.Parse(input.MatchId, MatchType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var match = await db.Matches.AsNoTracking().SingleOrDefaultAsync(m => m.Id == matchId, c.CancellationToken);
        var check = MatchMembership.CheckWrite(match, c.Viewer());
        if (check != MatchWrite.Allowed)
        {
            return Payload<GoalView>.Fail(errors.Refuse(check, "matchId", MatchMembership.MatchNotFound));
        }

        var title = Title(input.Title, Goal.TitleMaxLength, errors);
        var description = Description(input.Description, errors);
        var topic = await TopicAsync(c, input.Topic, errors);
        if (await db.Goals.CountAsync(g => g.MatchId == matchId, c.CancellationToken) >= Goal.MaxPerMatch)
        {
            errors.Add("TOO_MANY_GOALS", $"Un jumelage compte au plus {Goal.MaxPerMatch} objectifs.", $"A match holds at most {Goal.MaxPerMatch} goals.", "matchId");
        }

        if (errors.Any)
        {
            return Payload<GoalView>.Fail(errors.All);
        }

        var now = Now(c);
        var goal = new Goal
        {
            MatchId = matchId,
            Title = title!,
            Description = string.IsNullOrEmpty(description) ? null : description,
            Topic = string.IsNullOrEmpty(topic) ? null : topic,
            CreatedById = me,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Goals.Add(goal);
        await db.SaveChangesAsync(c.CancellationToken);
        return Payload<GoalView>.Ok(new GoalView(goal, CanReadText: true));
    }

    private static async Task<Payload<GoalView>> UpdateAsync(IResolveFieldContext c)
    {
        c.Viewer().RequireMember();
        var input = c.GetArgument<UpdateGoalInput>("input");
        var goalId = GlobalId.Parse(input.GoalId, GoalType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var (goal, refused) = await GoalForWriteAsync(db, c, g => g.Id == goalId, errors, "goalId", GoalNotFound);
        if (refused is not null)
        {
            return Payload<GoalView>.Fail(refused);
        }

        var title = input.Title is null ? null : Title(input.Title, Goal.TitleMaxLength, errors);
        var description = Description(input.Description, errors);
        var topic = await TopicAsync(c, input.Topic, errors);
        if (errors.Any)
        {
            return Payload<GoalView>.Fail(errors.All);
        }

        goal!.Title = title ?? goal.Title;
        goal.Description = description is null ? goal.Description : description.Length == 0 ? null : description;
        goal.Topic = topic is null ? goal.Topic : topic.Length == 0 ? null : topic;
        goal.UpdatedAt = Now(c);
        await db.SaveChangesAsync(c.CancellationToken);
        return Payload<GoalView>.Ok(new GoalView(goal, CanReadText: true));
    }

    private static async Task<Payload<GoalView>> CloseAsync(IResolveFieldContext c, GoalStatus status)
    {
        c.Viewer().RequireMember();
        var goalId = GlobalId.Parse(c.GetArgument<string>("goalId"), GoalType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);

        // The row lock makes a second, concurrent close wait and then see GOAL_CLOSED: one goal.achieved per goal.
        await using var transaction = await db.Database.BeginTransactionAsync(c.CancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM goals WHERE id = {goalId} FOR UPDATE", c.CancellationToken);
        var (goal, refused) = await GoalForWriteAsync(db, c, g => g.Id == goalId, errors, "goalId", GoalNotFound);
        if (refused is not null)
        {
            return Payload<GoalView>.Fail(refused);
        }

        var now = Now(c);
        goal!.Status = status;
        goal.ClosedAt = now;
        goal.UpdatedAt = now;
        if (status == GoalStatus.Achieved)
        {
            await RecordGoalAchievedAsync(db, goal, c.CancellationToken);
        }

        await db.SaveChangesAsync(c.CancellationToken);
        await transaction.CommitAsync(c.CancellationToken);
        return Payload<GoalView>.Ok(new GoalView(goal, CanReadText: true));
    }

    /// <summary>
    /// The <c>goal.achieved</c> webhook event, in the SaveChanges of the goal. Ids, topic, dates and
    /// milestone counts only: the goal's text is the pair's own, as it is for coordinators.
    /// </summary>
    private static async Task RecordGoalAchievedAsync(JumoDbContext db, Goal goal, CancellationToken cancellationToken)
    {
        var match = goal.Match!;
        var numbers = await db.Members.AsNoTracking()
            .Where(m => m.Id == match.MentorId || m.Id == match.MenteeId)
            .ToDictionaryAsync(m => m.Id, m => m.MemberNumber, cancellationToken);
        Outbox.Add(db, WebhookEventTypes.GoalAchieved, new
        {
            Goal = new
            {
                Id = GlobalId.Encode(GoalType.TypeName, goal.Id),
                goal.Topic,
                Milestones = goal.Milestones.Count,
                MilestonesCompleted = goal.Milestones.Count(m => m.CompletedAt is not null),
                goal.CreatedAt,
                AchievedAt = goal.ClosedAt,
            },
            Match = new
            {
                Id = GlobalId.Encode(MatchType.TypeName, match.Id),
                ProgramId = GlobalId.Encode(ProgramType.TypeName, match.ProgramId),
                CohortId = match.CohortId is { } cohort ? GlobalId.Encode(CohortType.TypeName, cohort) : null,
            },
            Mentor = new { Id = GlobalId.Encode(MemberType.TypeName, match.MentorId), MemberNumber = numbers.GetValueOrDefault(match.MentorId) },
            Mentee = new { Id = GlobalId.Encode(MemberType.TypeName, match.MenteeId), MemberNumber = numbers.GetValueOrDefault(match.MenteeId) },
        });
    }

    private static async Task<Payload<MilestoneView>> AddMilestoneAsync(IResolveFieldContext c)
    {
        c.Viewer().RequireMember();
        var input = c.GetArgument<AddMilestoneInput>("input");
        var goalId = GlobalId.Parse(input.GoalId, GoalType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var (goal, refused) = await GoalForWriteAsync(db, c, g => g.Id == goalId, errors, "goalId", GoalNotFound);
        if (refused is not null)
        {
            return Payload<MilestoneView>.Fail(refused);
        }

        var title = Title(input.Title, Milestone.TitleMaxLength, errors);
        DueDate(c, input.DueOn, previous: null, errors);
        if (goal!.Milestones.Count >= Milestone.MaxPerGoal)
        {
            errors.Add("TOO_MANY_MILESTONES", $"Un objectif compte au plus {Milestone.MaxPerGoal} étapes.", $"A goal holds at most {Milestone.MaxPerGoal} milestones.", "goalId");
        }

        if (errors.Any)
        {
            return Payload<MilestoneView>.Fail(errors.All);
        }

        var now = Now(c);
        var milestone = new Milestone { GoalId = goal.Id, Title = title!, DueOn = input.DueOn, CreatedAt = now };

        // Added explicitly: with its key already set, EF would take a milestone found only through the collection for an existing row.
        db.Milestones.Add(milestone);
        goal.Milestones.Add(milestone);
        goal.UpdatedAt = now;
        await db.SaveChangesAsync(c.CancellationToken);
        return Payload<MilestoneView>.Ok(new MilestoneView(milestone, new GoalView(goal, CanReadText: true)));
    }

    private static async Task<Payload<MilestoneView>> UpdateMilestoneAsync(IResolveFieldContext c)
    {
        c.Viewer().RequireMember();
        var input = c.GetArgument<UpdateMilestoneInput>("input");
        var milestoneId = GlobalId.Parse(input.MilestoneId, MilestoneType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var (goal, refused) = await GoalForWriteAsync(db, c, g => g.Milestones.Any(m => m.Id == milestoneId), errors, "milestoneId", MilestoneNotFound);
        if (refused is not null)
        {
            return Payload<MilestoneView>.Fail(refused);
        }

        var milestone = goal!.Milestones.Single(m => m.Id == milestoneId);
        var title = Title(input.Title, Milestone.TitleMaxLength, errors);
        DueDate(c, input.DueOn, milestone.DueOn, errors);
        if (errors.Any)
        {
            return Payload<MilestoneView>.Fail(errors.All);
        }

        milestone.Title = title!;
        milestone.DueOn = input.DueOn;
        goal.UpdatedAt = Now(c);
        await db.SaveChangesAsync(c.CancellationToken);
        return Payload<MilestoneView>.Ok(new MilestoneView(milestone, new GoalView(goal, CanReadText: true)));
    }

    private static async Task<Payload<MilestoneView>> CompleteMilestoneAsync(IResolveFieldContext c)
    {
        c.Viewer().RequireMember();
        var milestoneId = GlobalId.Parse(c.GetArgument<string>("milestoneId"), MilestoneType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var (goal, refused) = await GoalForWriteAsync(db, c, g => g.Milestones.Any(m => m.Id == milestoneId), errors, "milestoneId", MilestoneNotFound);
        if (refused is not null)
        {
            return Payload<MilestoneView>.Fail(refused);
        }

        var milestone = goal!.Milestones.Single(m => m.Id == milestoneId);
        if (milestone.CompletedAt is null)
        {
            var now = Now(c);
            milestone.CompletedAt = now;
            goal.UpdatedAt = now;
            await db.SaveChangesAsync(c.CancellationToken);
        }

        return Payload<MilestoneView>.Ok(new MilestoneView(milestone, new GoalView(goal, CanReadText: true)));
    }

    private static async Task<Payload<GoalView>> RemoveMilestoneAsync(IResolveFieldContext c)
    {
        c.Viewer().RequireMember();
        var milestoneId = GlobalId.Parse(c.GetArgument<string>("milestoneId"), MilestoneType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var (goal, refused) = await GoalForWriteAsync(db, c, g => g.Milestones.Any(m => m.Id == milestoneId), errors, "milestoneId", MilestoneNotFound);
        if (refused is not null)
        {
            return Payload<GoalView>.Fail(refused);
        }

        var milestone = goal!.Milestones.Single(m => m.Id == milestoneId);
        goal.Milestones.Remove(milestone);
        db.Milestones.Remove(milestone);
        goal.UpdatedAt = Now(c);
        await db.SaveChangesAsync(c.CancellationToken);
        return Payload<GoalView>.Ok(new GoalView(goal, CanReadText: true));
    }

    /// <summary>The goal to change, with its match and milestones, or why the viewer may not change it.</summary>
    private static async Task<(Goal? Goal, MutationError? Refused)> GoalForWriteAsync(
        JumoDbContext db, IResolveFieldContext c, System.Linq.Expressions.Expression<Func<Goal, bool>> which, MutationErrors errors, string field, (string, string, string) notFound)
    {
        var goal = await db.Goals.Include(g => g.Match).Include(g => g.Milestones).AsSplitQuery().SingleOrDefaultAsync(which, c.CancellationToken);
        var check = MatchMembership.CheckWrite(goal?.Match, c.Viewer());
        if (check != MatchWrite.Allowed)
        {
            return (null, errors.Refuse(check, field, notFound));
        }

        if (goal!.IsClosed)
        {
            return (null, goal.Status == GoalStatus.Achieved
                ? errors.Add("GOAL_CLOSED", "Cet objectif est atteint : il ne change plus.", "This goal is achieved: it no longer changes.", field)
                : errors.Add("GOAL_CLOSED", "Cet objectif est abandonné : il ne change plus.", "This goal is abandoned: it no longer changes.", field));
        }

        return (goal, null);
    }

    /// <summary>The trimmed title, or null with TITLE_REQUIRED / TITLE_TOO_LONG.</summary>
    private static string? Title(string? raw, int max, MutationErrors errors)
    {
        var title = raw?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add("TITLE_REQUIRED", "Donnez un titre.", "Give a title.", "title");
            return null;
        }

        if (title.Length > max)
        {
            errors.Add("TITLE_TOO_LONG", $"Le titre dépasse {max} caractères.", $"The title is longer than {max} characters.", "title");
            return null;
        }

        return title;
    }

    /// <summary>The trimmed description ("" to remove it; null when not given or too long).</summary>
    private static string? Description(string? raw, MutationErrors errors)
    {
        var description = raw?.Trim();
        if (description?.Length > Goal.DescriptionMaxLength)
        {
            errors.Add("DESCRIPTION_TOO_LONG", $"La description dépasse {Goal.DescriptionMaxLength} caractères.", $"The description is longer than {Goal.DescriptionMaxLength} characters.", "description");
            return null;
        }

        return description;
    }

    /// <summary>The topic code ("" to remove it), checked against the managed list; null when not given or unknown.</summary>
    private static async Task<string?> TopicAsync(IResolveFieldContext c, string? raw, MutationErrors errors)
    {
        var topic = raw?.Trim();
        if (string.IsNullOrEmpty(topic))
        {
            return topic;
        }

        var catalog = await c.RequestServices!.GetRequiredService<ReferenceCatalog>().GetAsync(c.CancellationToken);
        if (!catalog.TryGetValue((ReferenceKind.Topic, topic), out var item) || !item.IsActive)
        {
            errors.Add("INVALID_TOPIC", $"Sujet inconnu : {topic}.", $"Unknown topic: {topic}.", "topic");
            return null;
        }

        return topic;
    }

    /// <summary>
    /// A new due date is today or later in Quebec (DUE_DATE_IN_PAST otherwise): a milestone is planned,
    /// not logged after the fact. A due date already set may stay as it is once it has passed.
    /// </summary>
    private static void DueDate(IResolveFieldContext c, DateOnly? dueOn, DateOnly? previous, MutationErrors errors)
    {
        if (dueOn is { } due && due != previous && due < QuebecTime.Today(Clock(c)))
        {
            errors.Add("DUE_DATE_IN_PAST", "L'échéance est déjà passée.", "The due date is in the past.", "dueOn");
        }
    }

    private static TimeProvider Clock(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<TimeProvider>();

    private static DateTimeOffset Now(IResolveFieldContext c) => Clock(c).GetUtcNow().ToDatabasePrecision();
}
