using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Matching;
using JumoMentoring.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Programs;

public sealed class MatchingWeightsType : ObjectGraphType<MatchingWeights>
{
    public MatchingWeightsType()
    {
        Name = "MatchingWeights";
        Description = "How a program weighs the matching criteria: each score is the weighted share of what a pair has in common, 0 to 100.";
        Field(w => w.Topics);
        Field(w => w.Region);
        Field(w => w.PracticeSettings);
        Field(w => w.Availability);
        Field(w => w.PriorityMultiplier).Description("Factor on the weight of each criterion the mentee marked as a priority (1 or more).");
    }
}

public sealed class MatchingWeightsInput
{
    public double? Topics { get; init; }
    public double? Region { get; init; }
    public double? PracticeSettings { get; init; }
    public double? Availability { get; init; }
    public double? PriorityMultiplier { get; init; }
}

public sealed class MatchingWeightsInputType : InputObjectGraphType<MatchingWeightsInput>
{
    public MatchingWeightsInputType()
    {
        Name = "MatchingWeightsInput";
        Description = "The weights to change; those left out stay as they are. Weights are 0 or more, at least one above 0.";
        Field(i => i.Topics, nullable: true);
        Field(i => i.Region, nullable: true);
        Field(i => i.PracticeSettings, nullable: true);
        Field(i => i.Availability, nullable: true);
        Field(i => i.PriorityMultiplier, nullable: true);
    }
}

public sealed class UpdateProgramInput
{
    public required string ProgramId { get; init; }
    public string? NameFr { get; init; }
    public string? NameEn { get; init; }
    public string? DescriptionFr { get; init; }
    public string? DescriptionEn { get; init; }
    public ProgramStatus? Status { get; init; }
    public int? RequestExpiryDays { get; init; }
    public int? CheckInIntervalWeeks { get; init; }
    public MatchingWeightsInput? MatchingWeights { get; init; }
}

public sealed class UpdateProgramInputType : InputObjectGraphType<UpdateProgramInput>
{
    public UpdateProgramInputType()
    {
        Name = "UpdateProgramInput";
        Description = "What to change; fields left out (or null) stay as they are.";
        Field(i => i.ProgramId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.NameFr, nullable: true).Description($"1 to {ProgramSettings.MaxNameLength} characters.");
        Field(i => i.NameEn, nullable: true).Description($"1 to {ProgramSettings.MaxNameLength} characters.");
        Field(i => i.DescriptionFr, nullable: true).Description($"At most {ProgramSettings.MaxDescriptionLength} characters.");
        Field(i => i.DescriptionEn, nullable: true).Description($"At most {ProgramSettings.MaxDescriptionLength} characters.");
        Field(i => i.Status, type: typeof(ProgramStatusEnum)).Description("OPEN takes enrolments, applications and requests; CLOSED and the others do not.");
        Field(i => i.RequestExpiryDays, nullable: true).Description($"Flexible programs: days a mentor has to answer a request, {ProgramSettings.MinRequestExpiryDays} to {ProgramSettings.MaxRequestExpiryDays}.");
        Field(i => i.CheckInIntervalWeeks, nullable: true).Description($"Weeks between check-ins, {ProgramSettings.MinCheckInIntervalWeeks} to {ProgramSettings.MaxCheckInIntervalWeeks}.");
        Field(i => i.MatchingWeights, type: typeof(MatchingWeightsInputType));
    }
}

public sealed class ProgramPayloadType() : PayloadType<ProgramType, MentoringProgram>("ProgramPayload", "program");

/// <summary>
/// The settings a program's coordinators change themselves: names, status, request expiry, check-in
/// interval and matching weights. Cohort matching runs keep the weights they ran with, so a change
/// never alters a stored run.
/// </summary>
public static class ProgramSettings
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MinRequestExpiryDays = 1;
    public const int MaxRequestExpiryDays = 90;
    public const int MinCheckInIntervalWeeks = 1;
    public const int MaxCheckInIntervalWeeks = 26;

    public static void AddProgramSettingsMutations(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ProgramPayloadType>>("updateProgram")
            .Description("Coordinators of the program (and admins): changes its names, status, request expiry, check-in interval or matching weights.")
            .Argument<NonNullGraphType<UpdateProgramInputType>>("input")
            .ResolveAsync(async c => await UpdateAsync(c));

    private static async Task<Payload<MentoringProgram>> UpdateAsync(IResolveFieldContext c)
    {
        var input = c.GetArgument<UpdateProgramInput>("input");
        var programId = GlobalId.Parse(input.ProgramId, ProgramType.TypeName);
        c.Viewer().RequireCoordinatorOf(programId);
        var errors = new MutationErrors(c.Graph().Language);
        await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
        var program = await db.Programs.SingleOrDefaultAsync(p => p.Id == programId, c.CancellationToken);
        if (program is null)
        {
            return Payload<MentoringProgram>.Fail(errors.Add("PROGRAM_NOT_FOUND", "Programme introuvable.", "Program not found.", "programId"));
        }

        var nameFr = Name(input.NameFr, "nameFr", errors);
        var nameEn = Name(input.NameEn, "nameEn", errors);
        var descriptionFr = Description(input.DescriptionFr, "descriptionFr", errors);
        var descriptionEn = Description(input.DescriptionEn, "descriptionEn", errors);
        if (input.RequestExpiryDays is < MinRequestExpiryDays or > MaxRequestExpiryDays)
        {
            errors.Add("INVALID_REQUEST_EXPIRY", $"Le délai de réponse compte de {MinRequestExpiryDays} à {MaxRequestExpiryDays} jours.", $"The answer delay is {MinRequestExpiryDays} to {MaxRequestExpiryDays} days.", "requestExpiryDays");
        }

        if (input.CheckInIntervalWeeks is < MinCheckInIntervalWeeks or > MaxCheckInIntervalWeeks)
        {
            errors.Add("INVALID_CHECK_IN_INTERVAL", $"L'intervalle des bilans compte de {MinCheckInIntervalWeeks} à {MaxCheckInIntervalWeeks} semaines.", $"The check-in interval is {MinCheckInIntervalWeeks} to {MaxCheckInIntervalWeeks} weeks.", "checkInIntervalWeeks");
        }

        var weights = input.MatchingWeights is { } w
            ? program.MatchingWeights with
            {
                Topics = w.Topics ?? program.MatchingWeights.Topics,
                Region = w.Region ?? program.MatchingWeights.Region,
                PracticeSettings = w.PracticeSettings ?? program.MatchingWeights.PracticeSettings,
                Availability = w.Availability ?? program.MatchingWeights.Availability,
                PriorityMultiplier = w.PriorityMultiplier ?? program.MatchingWeights.PriorityMultiplier,
            }
            : program.MatchingWeights;
        if (weights.Validate().Count > 0)
        {
            errors.Add("INVALID_MATCHING_WEIGHTS", "Les poids sont positifs ou nuls, au moins un au-dessus de 0, et le multiplicateur de priorité vaut au moins 1.", "Weights are 0 or more, at least one above 0, and the priority multiplier is at least 1.", "matchingWeights");
        }

        if (errors.Any)
        {
            return Payload<MentoringProgram>.Fail(errors.All);
        }

        program.NameFr = nameFr ?? program.NameFr;
        program.NameEn = nameEn ?? program.NameEn;
        program.DescriptionFr = descriptionFr ?? program.DescriptionFr;
        program.DescriptionEn = descriptionEn ?? program.DescriptionEn;
        program.Status = input.Status ?? program.Status;
        program.RequestExpiryDays = input.RequestExpiryDays ?? program.RequestExpiryDays;
        program.CheckInIntervalWeeks = input.CheckInIntervalWeeks ?? program.CheckInIntervalWeeks;
        program.MatchingWeights = weights;
        await db.SaveChangesAsync(c.CancellationToken);
        return Payload<MentoringProgram>.Ok(program);
    }

    /// <summary>The trimmed name, or null when not given or invalid (with NAME_REQUIRED / NAME_TOO_LONG).</summary>
    private static string? Name(string? raw, string field, MutationErrors errors)
    {
        var name = raw?.Trim();
        if (name is null)
        {
            return null;
        }

        if (name.Length == 0)
        {
            errors.Add("NAME_REQUIRED", "Le nom ne peut pas être vide.", "The name cannot be empty.", field);
            return null;
        }

        if (name.Length > MaxNameLength)
        {
            errors.Add("NAME_TOO_LONG", $"Le nom dépasse {MaxNameLength} caractères.", $"The name is longer than {MaxNameLength} characters.", field);
            return null;
        }

        return name;
    }

    private static string? Description(string? raw, string field, MutationErrors errors)
    {
        var description = raw?.Trim();
        if (description?.Length > MaxDescriptionLength)
        {
            errors.Add("DESCRIPTION_TOO_LONG", $"La description dépasse {MaxDescriptionLength} caractères.", $"The description is longer than {MaxDescriptionLength} characters.", field);
            return null;
        }

        return description;
    }
}
