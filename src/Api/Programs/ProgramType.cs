using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Programs;

public sealed class ProgramKindEnum : EnumerationGraphType<ProgramKind>
{
    public ProgramKindEnum() => Name = "ProgramKind";
}

public sealed class ProgramStatusEnum : EnumerationGraphType<ProgramStatus>
{
    public ProgramStatusEnum() => Name = "ProgramStatus";
}

public sealed class ProgramType : ObjectGraphType<MentoringProgram>
{
    public const string TypeName = "Program";

    public ProgramType()
    {
        Name = TypeName;
        Description = "A mentoring program: the flexible one (JUMO) or a structured one with cohorts.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is MentoringProgram;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(p => p.Code).Description("Stable short code, e.g. \"jumo\".");
        Field<NonNullGraphType<ProgramKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ProgramStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Argument<LanguageEnum>("language", "Defaults to the request's language (Accept-Language), French first.")
            .Resolve(c => c.LanguageArgument() == Language.En ? c.Source.NameEn : c.Source.NameFr);
        Field<NonNullGraphType<StringGraphType>>("description")
            .Argument<LanguageEnum>("language", "Defaults to the request's language (Accept-Language), French first.")
            .Resolve(c => c.LanguageArgument() == Language.En ? c.Source.DescriptionEn : c.Source.DescriptionFr);
        Field(p => p.CheckInIntervalWeeks).Description("Weeks between two check-ins asked of each member of an active match.");
        Field(p => p.RequestExpiryDays).Description("Flexible programs: days a mentor has to answer a request before it expires.");
        Field<NonNullGraphType<MatchingWeightsType>>("matchingWeights").Description("How this program weighs the matching criteria.").Resolve(c => c.Source.MatchingWeights);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CohortType>>>>("cohorts")
            .Description("Structured programs: cohorts, newest first.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                return await db.Cohorts.AsNoTracking().Where(x => x.ProgramId == c.Source.Id).OrderByDescending(x => x.CreatedAt).ToListAsync(c.CancellationToken);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnrolmentType>>>>("applications")
            .Description("Coordinators: applications waiting for a decision, oldest first.")
            .ResolveAsync(async c =>
            {
                c.Viewer().RequireCoordinatorOf(c.Source.Id);
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                return await db.Enrolments.AsNoTracking()
                    .Where(e => e.ProgramId == c.Source.Id && e.Status == EnrolmentStatus.Applied)
                    .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
                    .ToListAsync(c.CancellationToken);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnrolmentType>>>>("waitingList")
            .Description("Coordinators: the waiting list of one role, in order (first is admitted next).")
            .Argument<NonNullGraphType<ProgramRoleEnum>>("role")
            .ResolveAsync(async c =>
            {
                c.Viewer().RequireCoordinatorOf(c.Source.Id);
                var role = c.GetArgument<ProgramRole>("role");
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                return await db.Enrolments.AsNoTracking()
                    .Where(e => e.ProgramId == c.Source.Id && e.Role == role && e.Status == EnrolmentStatus.Waitlisted)
                    .OrderBy(e => e.WaitlistedAt).ThenBy(e => e.Id)
                    .ToListAsync(c.CancellationToken);
            });
    }
}
