using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.ReferenceData;

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
    }
}
