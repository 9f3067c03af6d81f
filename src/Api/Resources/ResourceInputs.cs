using System.Globalization;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Resources;

namespace JumoMentoring.Api.Resources;

/// <summary>The editable fields of a resource, shared by creation and update.</summary>
public abstract class ResourceFieldsInput
{
    public string? TitleFr { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryFr { get; set; }
    public string? SummaryEn { get; set; }
    public string? BodyFr { get; set; }
    public string? BodyEn { get; set; }
    public string? Url { get; set; }
    public List<string>? Topics { get; set; }
    public List<ResourceAudience>? Audience { get; set; }
    public ResourceStage? Stage { get; set; }
}

public sealed class CreateResourceInput : ResourceFieldsInput
{
    public ResourceKind Kind { get; set; }
}

public sealed class UpdateResourceInput : ResourceFieldsInput
{
    public required string ResourceId { get; set; }
    public int? ExpectedVersion { get; set; }
    public ResourceKind? Kind { get; set; }

    /// <summary>The input fields the client wrote, null ones included: a field left out stays as it is.</summary>
    public IReadOnlySet<string> Given { get; set; } = new HashSet<string>();

    public bool Has(string field) => Given.Contains(field);
}

internal static class ResourceInputFields
{
    /// <summary>The fields of both inputs, described once.</summary>
    public static void AddResourceFields<T>(this InputObjectGraphType<T> type)
        where T : ResourceFieldsInput
    {
        type.Field(i => i.TitleFr, nullable: true).Description($"At most {Resource.TitleMaxLength} characters. A resource has a title in at least one language.");
        type.Field(i => i.TitleEn, nullable: true).Description($"At most {Resource.TitleMaxLength} characters.");
        type.Field(i => i.SummaryFr, nullable: true).Description($"At most {Resource.SummaryMaxLength} characters; needs titleFr.");
        type.Field(i => i.SummaryEn, nullable: true).Description($"At most {Resource.SummaryMaxLength} characters; needs titleEn.");
        type.Field(i => i.BodyFr, nullable: true).Description(string.Create(CultureInfo.InvariantCulture, $"Markdown, at most {Resource.BodyMaxLength:N0} characters; needs titleFr."));
        type.Field(i => i.BodyEn, nullable: true).Description(string.Create(CultureInfo.InvariantCulture, $"Markdown, at most {Resource.BodyMaxLength:N0} characters; needs titleEn."));
        type.Field(i => i.Url, nullable: true).Description($"An absolute http or https address (at most {Resource.UrlMaxLength} characters); required for kind LINK.");
        type.Field(i => i.Topics, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Codes of the Topic list.");
        type.Field(i => i.Audience, type: typeof(ListGraphType<NonNullGraphType<ResourceAudienceEnum>>));
        type.Field(i => i.Stage, type: typeof(ResourceStageEnum));
    }
}

public sealed class CreateResourceInputType : InputObjectGraphType<CreateResourceInput>
{
    public CreateResourceInputType()
    {
        Name = "CreateResourceInput";
        Description = "A new resource, created as a DRAFT. Each language's text is set separately; blank text counts as none.";
        Field(i => i.Kind, type: typeof(NonNullGraphType<ResourceKindEnum>));
        this.AddResourceFields();
    }
}

public sealed class UpdateResourceInputType : InputObjectGraphType<UpdateResourceInput>
{
    public UpdateResourceInputType()
    {
        Name = "UpdateResourceInput";
        Description =
            "Only the fields given change: a field left out stays as it is, null or \"\" clears a text, null or [] clears a list, " +
            "a null stage clears it and a null kind keeps it. The slug never changes.";
        Field(i => i.ResourceId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.ExpectedVersion, nullable: true)
            .Description("The `version` the edit was made on: when the resource has changed since, nothing is stored (VERSION_CONFLICT).");
        Field(i => i.Kind, type: typeof(ResourceKindEnum));
        this.AddResourceFields();
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        // GraphQL.NET passes only the fields the client wrote: remember which, to tell "left out" from "null".
        var input = (UpdateResourceInput)base.ParseDictionary(value);
        input.Given = value.Keys.ToHashSet(StringComparer.Ordinal);
        return input;
    }
}

public sealed class ResourcePayloadType() : PayloadType<ResourceType, ResourceHit>("ResourcePayload", "resource");
