using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Programs;

public static class ProgramQueries
{
    public static void AddProgramQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(ProgramType.TypeName, (c, id) => c.ProgramById(id));
        nodes.Register(EnrolmentType.TypeName, (c, id) => c.EnrolmentById(id));
        nodes.Register(CohortType.TypeName, (c, id) => c.CohortById(id));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgramType>>>>("programs")
            .Description("Every program that is not archived, flexible first.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                return await db.Programs.AsNoTracking()
                    .Where(p => p.Status != Domain.Programs.ProgramStatus.Archived)
                    .OrderBy(p => p.Kind).ThenBy(p => p.Code)
                    .ToListAsync(c.CancellationToken);
            });

        query.Field<ProgramType>("program")
            .Description("A program by id; null when it does not exist.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.ProgramById(GlobalId.Parse(c.GetArgument<string>("id"), ProgramType.TypeName)));
    }
}
