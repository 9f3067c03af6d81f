using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Programs;

namespace JumoMentoring.Api.Programs;

public sealed class EnrolInput
{
    public required string ProgramId { get; set; }
    public ProgramRole Role { get; set; }
    public int? MentorCapacity { get; set; }
    public string? Motivation { get; set; }
    public List<Domain.Matching.MatchingCriterion>? Priorities { get; set; }
}

public sealed class EnrolInputType : InputObjectGraphType<EnrolInput>
{
    public EnrolInputType()
    {
        Name = "EnrolInput";
        Field(i => i.ProgramId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Role, type: typeof(NonNullGraphType<ProgramRoleEnum>));
        Field(i => i.MentorCapacity, nullable: true).Description("Mentors: how many mentees at once (1–20). Mentees leave it out.");
        Field(i => i.Motivation, nullable: true).Description("Structured programs: a few words to the coordinator (at most 2,000 characters).");
        Field(i => i.Priorities, type: typeof(ListGraphType<NonNullGraphType<Matching.MatchingCriterionEnum>>)).Description("Mentees: the matching criteria that matter most to you; they weigh double.");
    }
}

public sealed class WithdrawInput
{
    public required string ProgramId { get; set; }
    public ProgramRole Role { get; set; }
}

public sealed class WithdrawInputType : InputObjectGraphType<WithdrawInput>
{
    public WithdrawInputType()
    {
        Name = "WithdrawInput";
        Field(i => i.ProgramId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Role, type: typeof(NonNullGraphType<ProgramRoleEnum>));
    }
}

public sealed class CreateCohortInput
{
    public required string ProgramId { get; set; }
    public required string Name { get; set; }
    public int Capacity { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
}

public sealed class CreateCohortInputType : InputObjectGraphType<CreateCohortInput>
{
    public CreateCohortInputType()
    {
        Name = "CreateCohortInput";
        Field(i => i.ProgramId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Name).Description("E.g. \"Cohorte automne 2027\".");
        Field(i => i.Capacity).Description($"How many pairs (about ten), 1–{Cohort.MaxCapacity}.");
        Field(i => i.StartsOn, nullable: true);
        Field(i => i.EndsOn, nullable: true);
    }
}

public sealed class AdmitInput
{
    public required string EnrolmentId { get; set; }
    public required string CohortId { get; set; }
}

public sealed class AdmitInputType : InputObjectGraphType<AdmitInput>
{
    public AdmitInputType()
    {
        Name = "AdmitApplicantInput";
        Field(i => i.EnrolmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The application (an Enrolment that is APPLIED or WAITLISTED).");
        Field(i => i.CohortId, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

public sealed class EnrolmentPayloadType() : PayloadType<EnrolmentType, Enrolment>("EnrolmentPayload", "enrolment");

public sealed class CohortPayloadType() : PayloadType<CohortType, Cohort>("CohortPayload", "cohort");
