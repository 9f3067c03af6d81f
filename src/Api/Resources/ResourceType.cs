using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.ReferenceData;
using JumoMentoring.Domain.Resources;

namespace JumoMentoring.Api.Resources;

public sealed class ResourceKindEnum : EnumerationGraphType<ResourceKind>
{
    public ResourceKindEnum() => Name = "ResourceKind";
}

public sealed class ResourceStatusEnum : EnumerationGraphType<ResourceStatus>
{
    public ResourceStatusEnum()
    {
        Name = "ResourceStatus";
        Description = "DRAFT (new, seen by coordinators and admins only) → PUBLISHED (everyone) → ARCHIVED (coordinators and admins only; may be published again).";
    }
}

public sealed class ResourceAudienceEnum : EnumerationGraphType<ResourceAudience>
{
    public ResourceAudienceEnum()
    {
        Name = "ResourceAudience";
        Description = "Who a resource is written for.";
    }
}

public sealed class ResourceStageEnum : EnumerationGraphType<ResourceStage>
{
    public ResourceStageEnum()
    {
        Name = "ResourceStage";
        Description = "When in a mentorship a resource helps.";
    }
}

/// <summary>A resource as served to one reader: in one language, with a snippet in a search.</summary>
public sealed class ResourceType : ObjectGraphType<ResourceHit>
{
    public const string TypeName = "Resource";

    public ResourceType()
    {
        Name = TypeName;
        Description = "A guide, checklist, template, article or link of the bilingual resource library, served in one language.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is ResourceHit;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Resource.Id));
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Stable, human-readable key.").Resolve(c => c.Source.Resource.Slug);
        Field<NonNullGraphType<ResourceKindEnum>>("kind").Resolve(c => c.Source.Resource.Kind);
        Field<NonNullGraphType<LanguageEnum>>("language")
            .Description("The language the text below is in: the one asked for, else the one the resource is written in.")
            .Resolve(c => c.Source.Language);
        Field<NonNullGraphType<BooleanGraphType>>("isTranslationFallback")
            .Description("True when the resource has no text in the language asked for and is served in the other one.")
            .Resolve(c => c.Source.IsTranslationFallback);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => Text(c.Source, r => r.TitleFr, r => r.TitleEn));
        Field<StringGraphType>("summary").Resolve(c => Text(c.Source, r => r.SummaryFr, r => r.SummaryEn));
        Field<StringGraphType>("body").Description("Markdown source.").Resolve(c => Text(c.Source, r => r.BodyFr, r => r.BodyEn));
        Field<StringGraphType>("bodyHtml")
            .Description("The body rendered to HTML, safe to insert: raw HTML is escaped and only http, https, mailto and tel links are kept.")
            .Resolve(c => Text(c.Source, r => r.BodyFr, r => r.BodyEn) is { } body ? ResourceMarkdown.ToHtml(body) : null);
        Field<StringGraphType>("url")
            .Description("For links: the address (http or https).")
            .Resolve(c => c.Source.Resource.Url is { } url && ResourceMarkdown.IsSafeUrl(url) ? url : null);
        this.ReferenceListField("topics", ReferenceKind.Topic, h => h.Resource.Topics);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceAudienceEnum>>>>("audience")
            .Resolve(c => c.Source.Resource.Audience.Select(ResourceCodes.ParseAudience).OfType<ResourceAudience>().ToList());
        Field<ResourceStageEnum>("stage").Resolve(c => ResourceCodes.ParseStage(c.Source.Resource.Stage));
        Field<NonNullGraphType<ResourceStatusEnum>>("status")
            .Description("Members only ever see PUBLISHED resources; coordinators and admins also DRAFT and ARCHIVED ones.")
            .Resolve(c => c.Source.Resource.Status);
        Field<NonNullGraphType<IntGraphType>>("version")
            .Description("One more on every change: pass it as `expectedVersion` to updateResource so as not to overwrite someone else's edit.")
            .Resolve(c => c.Source.Resource.Version);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.Resource.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(c => c.Source.Resource.UpdatedAt);
        Field<ResourceTextType>("text")
            .Description("The text in one language, whatever the request's language (e.g. to edit both); null when the resource has no title in it.")
            .Argument<NonNullGraphType<LanguageEnum>>("language")
            .Resolve(c =>
            {
                var language = c.GetArgument<Language>("language");
                return c.Source.Resource.IsWrittenIn(language) ? c.Source with { Language = language } : null;
            });
        Field<StringGraphType>("snippet")
            .Description("In a search result: HTML of the passage that matched, the matched words in <mark>…</mark> and the rest escaped. Null otherwise.")
            .Resolve(c => c.Source.Snippet);
    }

    internal static string? Text(ResourceHit hit, Func<Resource, string?> fr, Func<Resource, string?> en) =>
        hit.Language == Language.En ? en(hit.Resource) : fr(hit.Resource);
}

/// <summary>A resource's title, summary and body in one language.</summary>
public sealed class ResourceTextType : ObjectGraphType<ResourceHit>
{
    public ResourceTextType()
    {
        Name = "ResourceText";
        Field<NonNullGraphType<LanguageEnum>>("language").Resolve(c => c.Source.Language);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => ResourceType.Text(c.Source, r => r.TitleFr, r => r.TitleEn));
        Field<StringGraphType>("summary").Resolve(c => ResourceType.Text(c.Source, r => r.SummaryFr, r => r.SummaryEn));
        Field<StringGraphType>("body").Description("Markdown source.").Resolve(c => ResourceType.Text(c.Source, r => r.BodyFr, r => r.BodyEn));
    }
}
