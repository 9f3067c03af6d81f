using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Goals;

namespace JumoMentoring.Api.Goals;

public sealed class CreateGoalInput
{
    public required string MatchId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? Topic { get; set; }
}

public sealed class CreateGoalInputType : InputObjectGraphType<CreateGoalInput>
{
    public CreateGoalInputType()
    {
        Name = "CreateGoalInput";
        Field(i => i.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Title).Description($"1 to {Goal.TitleMaxLength} characters.");
        Field(i => i.Description, nullable: true).Description($"At most {Goal.DescriptionMaxLength} characters.");
        Field(i => i.Topic, nullable: true).Description("Code of a topic of the managed list (ReferenceItem of kind TOPIC).");
    }
}

public sealed class UpdateGoalInput
{
    public required string GoalId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Topic { get; set; }
}

public sealed class UpdateGoalInputType : InputObjectGraphType<UpdateGoalInput>
{
    public UpdateGoalInputType()
    {
        Name = "UpdateGoalInput";
        Description = "Fields left out (or null) stay as they are; an empty description or topic removes it.";
        Field(i => i.GoalId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Title, nullable: true);
        Field(i => i.Description, nullable: true);
        Field(i => i.Topic, nullable: true);
    }
}

public sealed class AddMilestoneInput
{
    public required string GoalId { get; set; }
    public required string Title { get; set; }
    public DateOnly? DueOn { get; set; }
}

public sealed class AddMilestoneInputType : InputObjectGraphType<AddMilestoneInput>
{
    public AddMilestoneInputType()
    {
        Name = "AddMilestoneInput";
        Field(i => i.GoalId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Title).Description($"1 to {Milestone.TitleMaxLength} characters.");
        Field(i => i.DueOn, nullable: true).Description("Today or later (Quebec time).");
    }
}

public sealed class UpdateMilestoneInput
{
    public required string MilestoneId { get; set; }
    public required string Title { get; set; }
    public DateOnly? DueOn { get; set; }
}

public sealed class UpdateMilestoneInputType : InputObjectGraphType<UpdateMilestoneInput>
{
    public UpdateMilestoneInputType()
    {
        Name = "UpdateMilestoneInput";
        Description = "Replaces the title and the due date (a null dueOn removes it). A due date already past may stay; a new one is today or later.";
        Field(i => i.MilestoneId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Title);
        Field(i => i.DueOn, nullable: true);
    }
}

public sealed class GoalPayloadType() : PayloadType<GoalType, GoalView>("GoalPayload", "goal");

public sealed class MilestonePayloadType() : PayloadType<MilestoneType, MilestoneView>("MilestonePayload", "milestone");
