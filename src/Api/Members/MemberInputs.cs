using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Programs;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.ReferenceData;

namespace JumoMentoring.Api.Members;

public sealed class MemberFilter
{
    public string? ProgramId { get; set; }
    public ProgramRole? Role { get; set; }
    public string? CareerStage { get; set; }
    public string? Region { get; set; }
    public string? Language { get; set; }
    public string? Topic { get; set; }
    public MemberStatus? Status { get; set; }
    public string? Search { get; set; }
}

public sealed class MemberFilterType : InputObjectGraphType<MemberFilter>
{
    public MemberFilterType()
    {
        Name = "MemberFilter";
        Field(f => f.ProgramId, type: typeof(IdGraphType)).Description("Enrolled (active) in this program.");
        Field(f => f.Role, type: typeof(ProgramRoleEnum)).Description("With programId: in this role.");
        Field(f => f.CareerStage, nullable: true).Description("A CAREER_STAGE code.");
        Field(f => f.Region, nullable: true).Description("A REGION code.");
        Field(f => f.Language, nullable: true).Description("Speaks this LANGUAGE code.");
        Field(f => f.Topic, nullable: true).Description("Interested in this TOPIC code.");
        Field(f => f.Status, type: typeof(MemberStatusEnum));
        Field(f => f.Search, nullable: true).Description("Part of the name, accents and case ignored (\"helene\" finds Hélène).");
    }
}

public enum MemberOrder
{
    Name,
    Newest,
}

public sealed class MemberOrderEnum : EnumerationGraphType<MemberOrder>
{
    public MemberOrderEnum() => Name = "MemberOrder";
}

public sealed class UpdateProfileInput
{
    public Language? PreferredLanguage { get; set; }
    public List<string>? LanguagesSpoken { get; set; }
    public string? CareerStage { get; set; }
    public string? Region { get; set; }
    public List<string>? PracticeSettings { get; set; }
    public List<string>? Topics { get; set; }
    public List<string>? Availability { get; set; }
    public string? Bio { get; set; }
}

public sealed class UpdateProfileInputType : InputObjectGraphType<UpdateProfileInput>
{
    public const int MaxTopics = 10;

    public UpdateProfileInputType()
    {
        Name = "UpdateMyProfileInput";
        Description = "Fields left out (or null) stay as they are. Names and email come from the college's member system.";
        Field(i => i.PreferredLanguage, type: typeof(LanguageEnum));
        Field(i => i.LanguagesSpoken, nullable: true).Description("LANGUAGE codes, at least one.");
        Field(i => i.CareerStage, nullable: true).Description("A CAREER_STAGE code.");
        Field(i => i.Region, nullable: true).Description("A REGION code (the 17 administrative regions of Quebec).");
        Field(i => i.PracticeSettings, nullable: true).Description("PRACTICE_SETTING codes.");
        Field(i => i.Topics, nullable: true).Description($"TOPIC codes, at most {MaxTopics}.");
        Field(i => i.Availability, nullable: true).Description("AVAILABILITY codes: when you are usually free to meet.");
        Field(i => i.Bio, nullable: true).Description($"At most {MemberConfiguration.BioMaxLength} characters; an empty string clears it.");
    }
}

public sealed class UpdateMyProfilePayloadType() : PayloadType<MemberType, MemberView>("UpdateMyProfilePayload", "member");
