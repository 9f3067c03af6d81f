using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Programs;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Members;

public static class MemberQueries
{
    public const int MaxSearchLength = 100;

    public static void AddMemberQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(MemberType.TypeName, (c, id) => c.MemberById(id));

        query.Field<NonNullGraphType<MemberType>>("me")
            .Description("The signed-in member's own profile.")
            .Resolve(c => c.MemberById(c.Viewer().RequireMember()));

        query.Field<MemberType>("member")
            .Description("A member by id; null when it does not exist or you may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.MemberById(GlobalId.Parse(c.GetArgument<string>("id"), MemberType.TypeName)));

        query.Field<NonNullGraphType<ConnectionType<MemberType, MemberView>>>("members")
            .Description("The members you may see: for a member, the mentors of their programs (directory cards), themself and their match partners; for a coordinator, the members of their programs; for an admin, everyone.")
            .Argument<MemberFilterType>("where")
            .Argument<MemberOrderEnum>("order", "NAME (default) or NEWEST.")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var viewer = c.Viewer();
                if (!viewer.IsAdmin)
                {
                    viewer.RequireMember();
                }

                var paging = Paging.From(c);
                var filter = c.GetArgument<MemberFilter?>("where") ?? new MemberFilter();
                var order = c.GetArgument<MemberOrder?>("order") ?? MemberOrder.Name;
                var services = c.RequestServices!;
                await ValidateAsync(filter, services.GetRequiredService<ReferenceCatalog>(), c.CancellationToken);

                IQueryable<MemberAccess.MemberRow> Query(JumoDbContext db) =>
                    MemberAccess.Visible(db, viewer, Filter(db, db.Members.AsNoTracking(), filter));

                await using var db = await services.CreateDbAsync(c.CancellationToken);
                var rows = Query(db);
                rows = order == MemberOrder.Name ? ByName(rows, paging.After) : ByNewest(rows, paging.After);
                var page = await rows.Take(paging.First + 1).ToListAsync(c.CancellationToken);
                return paging.ToConnection(
                    page.Select(r => r.ToView()).ToList(),
                    v => order == MemberOrder.Name ? $"{v.Member.SearchName}\u001f{v.Member.Id:N}" : $"{v.Member.CreatedAt.UtcTicks}\u001f{v.Member.Id:N}",
                    async ct =>
                    {
                        await using var countDb = await services.CreateDbAsync(ct);
                        return await Query(countDb).CountAsync(ct);
                    });
            });
    }

    private static IQueryable<Member> Filter(JumoDbContext db, IQueryable<Member> members, MemberFilter filter)
    {
        if (filter.ProgramId is { } programGlobalId)
        {
            var programId = GlobalId.Parse(programGlobalId, ProgramType.TypeName);
            var role = filter.Role;
            members = members.Where(m => db.Enrolments.Any(e => e.MemberId == m.Id && e.ProgramId == programId
                && e.Status == EnrolmentStatus.Active && (role == null || e.Role == role)));
        }
        else if (filter.Role is { } role)
        {
            members = members.Where(m => db.Enrolments.Any(e => e.MemberId == m.Id && e.Status == EnrolmentStatus.Active && e.Role == role));
        }

        if (filter.CareerStage is { } stage)
        {
            members = members.Where(m => m.CareerStage == stage);
        }

        if (filter.Region is { } region)
        {
            members = members.Where(m => m.Region == region);
        }

        if (filter.Language is { } language)
        {
            members = members.Where(m => m.LanguagesSpoken.Contains(language));
        }

        if (filter.Topic is { } topic)
        {
            members = members.Where(m => m.Topics.Contains(topic));
        }

        if (filter.Status is { } status)
        {
            members = members.Where(m => m.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = Member.Normalize(filter.Search);
            members = members.Where(m => m.SearchName.Contains(search));
        }

        return members;
    }

    private static async Task ValidateAsync(MemberFilter filter, ReferenceCatalog catalog, CancellationToken cancellationToken)
    {
        var items = await catalog.GetAsync(cancellationToken);
        void Check(ReferenceKind kind, string? code, string name)
        {
            if (code is not null && !items.ContainsKey((kind, code)))
            {
                throw GraphError.BadUserInput($"'{code}' is not a {name} code.");
            }
        }

        Check(ReferenceKind.CareerStage, filter.CareerStage, "career stage");
        Check(ReferenceKind.Region, filter.Region, "region");
        Check(ReferenceKind.Language, filter.Language, "language");
        Check(ReferenceKind.Topic, filter.Topic, "topic");
        if (filter.Search?.Length > MaxSearchLength)
        {
            throw GraphError.BadUserInput($"'search' may be at most {MaxSearchLength} characters.");
        }
    }

    /// <summary>Keyset paging on (search name, id): stable, and no OFFSET scans on deep pages.</summary>
    private static IQueryable<MemberAccess.MemberRow> ByName(IQueryable<MemberAccess.MemberRow> rows, string? after)
    {
        if (after is not null)
        {
            var (name, id) = SplitCursor(after);
            rows = rows.Where(r => r.Member.SearchName.CompareTo(name) > 0 || (r.Member.SearchName == name && r.Member.Id.CompareTo(id) > 0));
        }

        return rows.OrderBy(r => r.Member.SearchName).ThenBy(r => r.Member.Id);
    }

    private static IQueryable<MemberAccess.MemberRow> ByNewest(IQueryable<MemberAccess.MemberRow> rows, string? after)
    {
        if (after is not null)
        {
            var (ticks, id) = SplitCursor(after);
            var createdAt = long.TryParse(ticks, out var t) && t >= 0 && t <= DateTimeOffset.MaxValue.UtcTicks
                ? new DateTimeOffset(t, TimeSpan.Zero)
                : throw GraphError.InvalidCursor(after);
            rows = rows.Where(r => r.Member.CreatedAt < createdAt || (r.Member.CreatedAt == createdAt && r.Member.Id.CompareTo(id) < 0));
        }

        return rows.OrderByDescending(r => r.Member.CreatedAt).ThenByDescending(r => r.Member.Id);
    }

    private static (string Key, Guid Id) SplitCursor(string cursor)
    {
        var parts = Paging.DecodeCursor(cursor).Split('\u001f');
        return parts.Length == 2 && Guid.TryParseExact(parts[1], "N", out var id) ? (parts[0], id) : throw GraphError.InvalidCursor(cursor);
    }
}
