using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Members;
using JumoMentoring.Domain.Programs;

namespace JumoMentoring.Api.Programs;

public sealed class ProgramRoleEnum : EnumerationGraphType<ProgramRole>
{
    public ProgramRoleEnum() => Name = "ProgramRole";
}

public sealed class EnrolmentStatusEnum : EnumerationGraphType<EnrolmentStatus>
{
    public EnrolmentStatusEnum() => Name = "EnrolmentStatus";
}

public sealed class EnrolmentType : ObjectGraphType<Enrolment>
{
    public const string TypeName = "Enrolment";

    public EnrolmentType()
    {
        Name = TypeName;
        Description = "A member's role (mentor or mentee) in one program.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Enrolment;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<ProgramRoleEnum>>("role").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<EnrolmentStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field(e => e.MentorCapacity, nullable: true).Description("Mentors: how many mentees at once.");
        Field(e => e.CreatedAt).Description("When the member enrolled or applied.");
        Field<NonNullGraphType<ProgramType>>("program").Resolve(c => c.ProgramById(c.Source.ProgramId));
        Field<MemberType>("member").Description("Null when you may not see this member.").Resolve(c => c.MemberById(c.Source.MemberId));
        Field<CohortType>("cohort").Description("Structured programs: the cohort admitted into.")
            .Resolve(c => c.Source.CohortId is { } id ? c.CohortById(id) : null);
        Field<IntGraphType>("waitlistPosition").Description("1 for the next one admitted; null when not on the waiting list.")
            .Resolve(c => c.WaitlistPosition(c.Source.Id));
        Field<DateTimeOffsetGraphType>("waitlistedAt").Resolve(c => c.Source.WaitlistedAt);
        Field<StringGraphType>("motivation")
            .Description("The applicant's words to the coordinator.")
            // Only the applicant, the program's coordinators and admins: Member.enrolments shows it to partners and other programs' coordinators too.
            .Resolve(c => c.Source.MemberId == c.Viewer().MemberId || c.Viewer().Coordinates(c.Source.ProgramId) ? c.Source.Motivation : null);
    }
}
