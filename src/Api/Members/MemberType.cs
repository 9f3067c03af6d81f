using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Programs;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.ReferenceData;

namespace JumoMentoring.Api.Members;

public sealed class MemberStatusEnum : EnumerationGraphType<MemberStatus>
{
    public MemberStatusEnum() => Name = "MemberStatus";
}

public sealed class MemberType : ObjectGraphType<Member>
{
    public const string TypeName = "Member";

    public MemberType()
    {
        Name = TypeName;
        Description = "A member of the college: medical student, resident or physician.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Member;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(m => m.MemberNumber).Description("The college's member number.");
        Field(m => m.FirstName);
        Field(m => m.LastName);
        Field<NonNullGraphType<StringGraphType>>("displayName").Resolve(c => c.Source.DisplayName);
        Field(m => m.Email);
        Field<NonNullGraphType<LanguageEnum>>("preferredLanguage").Resolve(c => c.Source.PreferredLanguage);
        this.ReferenceListField("languagesSpoken", ReferenceKind.Language, m => m.LanguagesSpoken);
        this.ReferenceField("careerStage", ReferenceKind.CareerStage, m => m.CareerStage);
        this.ReferenceField("region", ReferenceKind.Region, m => m.Region);
        this.ReferenceListField("practiceSettings", ReferenceKind.PracticeSetting, m => m.PracticeSettings);
        this.ReferenceListField("topics", ReferenceKind.Topic, m => m.Topics);
        Field(m => m.Bio, nullable: true);
        Field<NonNullGraphType<MemberStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnrolmentType>>>>("enrolments")
            .Description("The member's roles in programs, oldest first.")
            .Resolve(c => c.EnrolmentsByMember(c.Source.Id));
    }
}
