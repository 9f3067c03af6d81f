using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.ReferenceData;

namespace JumoMentoring.Api.ReferenceData;

public sealed class LanguageEnum : EnumerationGraphType<Language>
{
    public LanguageEnum()
    {
        Name = "Language";
        Description = "A language people read the platform in. French is the default.";
    }
}

public sealed class ReferenceKindEnum : EnumerationGraphType<ReferenceKind>
{
    public ReferenceKindEnum() => Name = "ReferenceKind";
}

public sealed class ReferenceItemType : ObjectGraphType<ReferenceItem>
{
    public ReferenceItemType()
    {
        Name = "ReferenceItem";
        Description = "An entry of a managed list (career stage, region, practice setting, topic, language).";
        Field<NonNullGraphType<ReferenceKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field(i => i.Code).Description("Stable code: store and send this.");
        Field<NonNullGraphType<StringGraphType>>("label")
            .Description("Label in the given language, else the request's (Accept-Language), French by default.")
            .Argument<LanguageEnum>("language")
            .Resolve(c => c.Source.Label(c.LanguageArgument()));
        Field(i => i.Rank).Description("Display order; for career stages, seniority.");
    }
}

public static class ReferenceFieldExtensions
{
    /// <summary>A field showing one code of a managed list as a <c>ReferenceItem</c>.</summary>
    public static void ReferenceField<T>(this ObjectGraphType<T> type, string name, ReferenceKind kind, Func<T, string> code) =>
        type.Field<NonNullGraphType<ReferenceItemType>>(name)
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<ReferenceCatalog>().FindAsync(kind, code(c.Source), c.CancellationToken));

    /// <summary>A field showing a list of codes of a managed list.</summary>
    public static void ReferenceListField<T>(this ObjectGraphType<T> type, string name, ReferenceKind kind, Func<T, IEnumerable<string>> codes) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferenceItemType>>>>(name)
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<ReferenceCatalog>().FindAllAsync(kind, codes(c.Source), c.CancellationToken));
}
