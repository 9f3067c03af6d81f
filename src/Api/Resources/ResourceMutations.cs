using System.Globalization;
using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.ReferenceData;
using JumoMentoring.Domain.Resources;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JumoMentoring.Api.Resources;

/// <summary>
/// The write side of the library, for coordinators (of any program: the library is the college's)
/// and admins. DRAFT → PUBLISHED ⇄ ARCHIVED (a draft may be archived too); publishing or archiving a
/// resource already in that status is refused (ALREADY_PUBLISHED, ALREADY_ARCHIVED) so that a client
/// learns it acted on stale data. Every invalid field is reported at once and nothing is stored unless
/// all are valid. Writes to an existing resource hold its row lock, and bump its version.
/// </summary>
public static class ResourceMutations
{
    private static readonly string[] WebSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps];
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");

    public static void AddResourceMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ResourcePayloadType>>("createResource")
            .Description("Coordinators and admins: adds a resource to the library as a DRAFT, with a slug made from its first title.")
            .Argument<NonNullGraphType<CreateResourceInputType>>("input")
            .ResolveAsync(async c => await CreateAsync(c));

        mutation.Field<NonNullGraphType<ResourcePayloadType>>("updateResource")
            .Description("Coordinators and admins: changes the fields given, whatever the status (a published resource stays published, so it must keep a body or a URL).")
            .Argument<NonNullGraphType<UpdateResourceInputType>>("input")
            .ResolveAsync(async c => await UpdateAsync(c));

        mutation.Field<NonNullGraphType<ResourcePayloadType>>("publishResource")
            .Description("Coordinators and admins: makes a DRAFT or ARCHIVED resource visible to members. It needs a body or a URL.")
            .Argument<NonNullGraphType<IdGraphType>>("resourceId")
            .ResolveAsync(async c => await SetStatusAsync(c, ResourceStatus.Published));

        mutation.Field<NonNullGraphType<ResourcePayloadType>>("archiveResource")
            .Description("Coordinators and admins: takes a resource out of the library (search, recommendations) without deleting it; publishResource brings it back.")
            .Argument<NonNullGraphType<IdGraphType>>("resourceId")
            .ResolveAsync(async c => await SetStatusAsync(c, ResourceStatus.Archived));
    }

    private static async Task<Payload<ResourceHit>> CreateAsync(IResolveFieldContext c)
    {
        c.Viewer().RequireLibraryEditor();
        var input = c.GetArgument<CreateResourceInput>("input");
        var errors = new MutationErrors(c.Graph().Language);
        var content = ResourceContent.Empty with { Kind = input.Kind };
        content = content.With(input, _ => true);
        await ValidateAsync(c, content, topicsGiven: true, ResourceStatus.Draft, errors);
        if (errors.Any)
        {
            return Payload<ResourceHit>.Fail(errors.All);
        }

        var now = Now(c);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var resource = new Resource
            {
                Slug = await ResourceSlug.UniqueAsync(db, content.TitleFr ?? content.TitleEn!, c.CancellationToken),
                Kind = content.Kind,
                CreatedAt = now,
                UpdatedAt = now,
            };
            content.ApplyTo(resource);
            db.Resources.Add(resource);
            try
            {
                await db.SaveChangesAsync(c.CancellationToken);
                return Payload<ResourceHit>.Ok(ResourceSearch.Serve(resource, c.Graph().Language));
            }
            catch (DbUpdateException e) when (attempt < 3 && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another coordinator took the same slug meanwhile: pick the next free one.
                db.Entry(resource).State = EntityState.Detached;
            }
        }
    }

    private static async Task<Payload<ResourceHit>> UpdateAsync(IResolveFieldContext c)
    {
        c.Viewer().RequireLibraryEditor();
        var input = c.GetArgument<UpdateResourceInput>("input");
        var id = GlobalId.Parse(input.ResourceId, ResourceType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(c.CancellationToken);
        var resource = await LockAsync(db, id, c.CancellationToken);
        if (resource is null)
        {
            return Payload<ResourceHit>.Fail(NotFound(errors));
        }

        if (input.ExpectedVersion is { } expected && expected != resource.Version)
        {
            return Payload<ResourceHit>.Fail(errors.Add(
                "VERSION_CONFLICT",
                $"Cette ressource a été modifiée entre-temps (version {resource.Version}, vous éditiez la version {expected}) : rechargez-la.",
                $"This resource was changed meanwhile (version {resource.Version}, you edited version {expected}): reload it.",
                "expectedVersion"));
        }

        var content = ResourceContent.Of(resource);
        if (input.Has("kind") && input.Kind is { } kind)
        {
            content = content with { Kind = kind };
        }

        content = content.With(input, input.Has);
        await ValidateAsync(c, content, input.Has("topics"), resource.Status, errors);
        if (errors.Any)
        {
            return Payload<ResourceHit>.Fail(errors.All);
        }

        content.ApplyTo(resource);
        await SaveAsync(db, resource, c);
        await transaction.CommitAsync(c.CancellationToken);
        return Payload<ResourceHit>.Ok(ResourceSearch.Serve(resource, c.Graph().Language));
    }

    private static async Task<Payload<ResourceHit>> SetStatusAsync(IResolveFieldContext c, ResourceStatus status)
    {
        c.Viewer().RequireLibraryEditor();
        var id = GlobalId.Parse(c.GetArgument<string>("resourceId"), ResourceType.TypeName);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(c.CancellationToken);
        var resource = await LockAsync(db, id, c.CancellationToken);
        if (resource is null)
        {
            return Payload<ResourceHit>.Fail(NotFound(errors));
        }

        if (resource.Status == status)
        {
            return Payload<ResourceHit>.Fail(status == ResourceStatus.Published
                ? errors.Add("ALREADY_PUBLISHED", "Cette ressource est déjà publiée.", "This resource is already published.", "resourceId")
                : errors.Add("ALREADY_ARCHIVED", "Cette ressource est déjà archivée.", "This resource is already archived.", "resourceId"));
        }

        if (status == ResourceStatus.Published && !ResourceContent.Of(resource).HasSomethingToRead)
        {
            return Payload<ResourceHit>.Fail(NothingToPublish(errors));
        }

        resource.Status = status;
        await SaveAsync(db, resource, c);
        await transaction.CommitAsync(c.CancellationToken);
        return Payload<ResourceHit>.Ok(ResourceSearch.Serve(resource, c.Graph().Language));
    }

    /// <summary>
    /// The resource, tracked, its row locked until the transaction ends: a second coordinator's
    /// write waits, then reads (and checks its expected version against) the first one's result.
    /// </summary>
    private static async Task<Resource?> LockAsync(JumoDbContext db, Guid id, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM resources WHERE id = {id} FOR UPDATE", cancellationToken);
        return await db.Resources.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    private static async Task SaveAsync(JumoDbContext db, Resource resource, IResolveFieldContext c)
    {
        // Version is also EF's concurrency token: a write that bypassed the lock fails rather than being overwritten.
        resource.Version++;
        resource.UpdatedAt = Now(c);
        await db.SaveChangesAsync(c.CancellationToken);
    }

    /// <summary>Adds an error for every rule <paramref name="content"/> breaks.</summary>
    private static async Task ValidateAsync(IResolveFieldContext c, ResourceContent content, bool topicsGiven, ResourceStatus status, MutationErrors errors)
    {
        var untitled = content.TitleFr is null && content.TitleEn is null;
        if (untitled)
        {
            errors.Add("TITLE_REQUIRED", "Donnez un titre, en français ou en anglais.", "Give a title, in French or in English.", "titleFr");
        }

        Language(errors, "Fr", "en français", "in French", content.TitleFr, content.SummaryFr, content.BodyFr, untitled);
        Language(errors, "En", "en anglais", "in English", content.TitleEn, content.SummaryEn, content.BodyEn, untitled);

        if (content.Url is { } url)
        {
            if (url.Length > Resource.UrlMaxLength)
            {
                errors.Add("URL_TOO_LONG", $"L'adresse dépasse {Resource.UrlMaxLength} caractères.", $"The URL is longer than {Resource.UrlMaxLength} characters.", "url");
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !WebSchemes.Contains(uri.Scheme) || uri.Host.Length == 0)
            {
                errors.Add("INVALID_URL", "L'adresse doit être complète et commencer par http:// ou https://.", "The URL must be absolute and start with http:// or https://.", "url");
            }
        }
        else if (content.Kind == ResourceKind.Link)
        {
            errors.Add("URL_REQUIRED", "Un lien a besoin d'une adresse.", "A link needs a URL.", "url");
        }

        if (topicsGiven && content.Topics.Count > 0)
        {
            var catalog = await c.RequestServices!.GetRequiredService<ReferenceCatalog>().GetAsync(c.CancellationToken);
            var unknown = content.Topics.Where(t => !catalog.TryGetValue((ReferenceKind.Topic, t), out var item) || !item.IsActive).ToList();
            if (unknown.Count > 0)
            {
                var list = string.Join(", ", unknown.Take(10));
                errors.Add("UNKNOWN_TOPIC", $"Sujets inconnus : {list}.", $"Unknown topics: {list}.", "topics");
            }
        }

        // A published resource stays readable: an edit may not take away all it has to show.
        if (status == ResourceStatus.Published && !content.HasSomethingToRead)
        {
            NothingToPublish(errors);
        }
    }

    /// <summary>The limits of one language's text, and a title for any text (a resource is written in a language when it has a title in it).</summary>
    private static void Language(MutationErrors errors, string suffix, string french, string english, string? title, string? summary, string? body, bool untitled)
    {
        if (title?.Length > Resource.TitleMaxLength)
        {
            errors.Add("TITLE_TOO_LONG", $"Le titre {french} dépasse {Resource.TitleMaxLength} caractères.", $"The title {english} is longer than {Resource.TitleMaxLength} characters.", "title" + suffix);
        }

        if (summary?.Length > Resource.SummaryMaxLength)
        {
            errors.Add("SUMMARY_TOO_LONG", $"Le résumé {french} dépasse {Resource.SummaryMaxLength} caractères.", $"The summary {english} is longer than {Resource.SummaryMaxLength} characters.", "summary" + suffix);
        }

        if (body?.Length > Resource.BodyMaxLength)
        {
            errors.Add(
                "BODY_TOO_LONG",
                string.Create(French, $"Le texte {french} dépasse {Resource.BodyMaxLength:N0} caractères."),
                string.Create(CultureInfo.InvariantCulture, $"The body {english} is longer than {Resource.BodyMaxLength:N0} characters."),
                "body" + suffix);
        }

        // Without any title, TITLE_REQUIRED is already said once.
        if (title is null && !untitled && (summary is not null || body is not null))
        {
            errors.Add("TITLE_REQUIRED", $"Un texte {french} a besoin d'un titre {french}.", $"Text {english} needs a title {english}.", "title" + suffix);
        }
    }

    private static MutationError NotFound(MutationErrors errors) =>
        errors.Add("RESOURCE_NOT_FOUND", "Ressource introuvable.", "Resource not found.", "resourceId");

    private static MutationError NothingToPublish(MutationErrors errors) =>
        errors.Add("NOTHING_TO_PUBLISH", "Une ressource publiée a besoin d'un texte ou d'une adresse, dans au moins une langue.", "A published resource needs a body or a URL, in at least one language.", null);

    private static DateTimeOffset Now(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().ToDatabasePrecision();
}

/// <summary>The editable state of a resource, normalized: blank text is none, lists without repeats.</summary>
internal sealed record ResourceContent(
    ResourceKind Kind,
    string? TitleFr,
    string? TitleEn,
    string? SummaryFr,
    string? SummaryEn,
    string? BodyFr,
    string? BodyEn,
    string? Url,
    IReadOnlyList<string> Topics,
    IReadOnlyList<ResourceAudience> Audience,
    ResourceStage? Stage)
{
    public static readonly ResourceContent Empty = new(ResourceKind.Guide, null, null, null, null, null, null, null, [], [], null);

    public bool HasSomethingToRead => BodyFr is not null || BodyEn is not null || Url is not null;

    public static ResourceContent Of(Resource r) => new(
        r.Kind, r.TitleFr, r.TitleEn, r.SummaryFr, r.SummaryEn, r.BodyFr, r.BodyEn, r.Url,
        r.Topics, [.. r.Audience.Select(ResourceCodes.ParseAudience).OfType<ResourceAudience>()], ResourceCodes.ParseStage(r.Stage));

    /// <summary>This content with the fields of <paramref name="input"/> for which <paramref name="given"/> is true.</summary>
    public ResourceContent With(ResourceFieldsInput input, Func<string, bool> given) => new(
        Kind,
        given("titleFr") ? Line(input.TitleFr) : TitleFr,
        given("titleEn") ? Line(input.TitleEn) : TitleEn,
        given("summaryFr") ? Line(input.SummaryFr) : SummaryFr,
        given("summaryEn") ? Line(input.SummaryEn) : SummaryEn,
        given("bodyFr") ? Markdown(input.BodyFr) : BodyFr,
        given("bodyEn") ? Markdown(input.BodyEn) : BodyEn,
        given("url") ? Line(input.Url) : Url,
        given("topics") ? [.. (input.Topics ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)] : Topics,
        given("audience") ? [.. (input.Audience ?? []).Distinct()] : Audience,
        given("stage") ? input.Stage : Stage);

    public void ApplyTo(Resource resource)
    {
        resource.Kind = Kind;
        resource.TitleFr = TitleFr;
        resource.TitleEn = TitleEn;
        resource.SummaryFr = SummaryFr;
        resource.SummaryEn = SummaryEn;
        resource.BodyFr = BodyFr;
        resource.BodyEn = BodyEn;
        resource.Url = Url;
        resource.Topics = [.. Topics];
        resource.Audience = [.. Audience.Select(a => a.ToCode())];
        resource.Stage = Stage?.ToCode();
    }

    private static string? Line(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Markdown keeps its leading indentation (it means something); only trailing blanks go.</summary>
    private static string? Markdown(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.TrimEnd();
}
