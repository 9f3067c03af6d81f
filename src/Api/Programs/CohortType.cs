using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Programs;

public sealed class CohortType : ObjectGraphType<Cohort>
{
    public const string TypeName = "Cohort";

    public CohortType()
    {
        Name = TypeName;
        Description = "A group of about ten mentor–mentee pairs of a structured program.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Cohort;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(x => x.Name);
        Field(x => x.Capacity).Description("How many pairs.");
        Field(x => x.StartsOn, nullable: true);
        Field(x => x.EndsOn, nullable: true);
        Field<NonNullGraphType<ProgramType>>("program").Resolve(c => c.ProgramById(c.Source.ProgramId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnrolmentType>>>>("members")
            .Description("Admitted mentors and mentees (coordinators only; empty for others).")
            .Resolve(c => c.Viewer().Coordinates(c.Source.ProgramId) ? c.EnrolmentsByCohort(c.Source.Id) : Array.Empty<Enrolment>());
    }
}

/// <summary>The (cohortId, mentorId, menteeId) arguments of the coordinator's pair mutations.</summary>
public static class CohortPairArguments
{
    public static (Guid CohortId, Guid MentorId, Guid MenteeId) Parse(IResolveFieldContext context) => (
        GlobalId.Parse(context.GetArgument<string>("cohortId"), CohortType.TypeName),
        GlobalId.Parse(context.GetArgument<string>("mentorId"), Members.MemberType.TypeName),
        GlobalId.Parse(context.GetArgument<string>("menteeId"), Members.MemberType.TypeName));

    /// <summary>The cohort, checking that the viewer coordinates its program; null when it does not exist.</summary>
    public static async Task<Cohort?> LoadForCoordinatorAsync(IResolveFieldContext context, Domain.Data.JumoDbContext db, Guid cohortId)
    {
        var cohort = await db.Cohorts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == cohortId, context.CancellationToken);
        if (cohort is not null)
        {
            context.Viewer().RequireCoordinatorOf(cohort.ProgramId);
        }

        return cohort;
    }
}
