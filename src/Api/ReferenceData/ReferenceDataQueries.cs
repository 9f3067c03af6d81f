using GraphQL;
using GraphQL.Types;
using JumoMentoring.Domain.ReferenceData;

namespace JumoMentoring.Api.ReferenceData;

/// <summary>
/// The managed lists, for the pickers of a profile or a sign-up form. Nothing personal: anyone may
/// read them, signed in or not.
/// </summary>
public static class ReferenceDataQueries
{
    public static void AddReferenceDataQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferenceItemType>>>>("referenceItems")
            .Description(
                "The entries of a managed list in use (career stages, the 17 Quebec regions, practice settings, topics, languages, " +
                "availability), in display order: the codes profiles, filters and goals accept.")
            .Argument<NonNullGraphType<ReferenceKindEnum>>("kind")
            .ResolveAsync(async c =>
            {
                var kind = c.GetArgument<ReferenceKind>("kind");
                var items = await c.RequestServices!.GetRequiredService<ReferenceCatalog>().GetAsync(c.CancellationToken);
                return items.Values.Where(i => i.Kind == kind && i.IsActive).OrderBy(i => i.Rank).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
            });
}
