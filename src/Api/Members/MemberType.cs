using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matches;
using JumoMentoring.Api.Meetings;
using JumoMentoring.Api.Programs;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.ReferenceData;
using MatchType = JumoMentoring.Api.Matches.MatchType;

namespace JumoMentoring.Api.Members;

public sealed class MemberStatusEnum : EnumerationGraphType<MemberStatus>
{
    public MemberStatusEnum() => Name = "MemberStatus";
}

public sealed class MemberVisibilityEnum : EnumerationGraphType<MemberVisibility>
{
    public MemberVisibilityEnum()
    {
        Name = "MemberVisibility";
        Description = "How much of a profile you may see: CARD (directory card) or FULL.";
    }
}

public sealed class MemberType : ObjectGraphType<MemberView>
{
    public const string TypeName = "Member";
    private const string FullOnly = "Null unless visibility is FULL.";

    public MemberType()
    {
        Name = TypeName;
        Description = "A member of the college: medical student, resident or physician. Fields marked FULL are null on a directory card.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is MemberView;

        // The directory card.
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Member.Id));
        Field<NonNullGraphType<MemberVisibilityEnum>>("visibility").Resolve(c => c.Source.Visibility);
        Field<NonNullGraphType<StringGraphType>>("firstName").Resolve(c => c.Source.Member.FirstName);
        Field<NonNullGraphType<StringGraphType>>("lastName").Resolve(c => c.Source.Member.LastName);
        Field<NonNullGraphType<StringGraphType>>("displayName").Resolve(c => c.Source.Member.DisplayName);
        this.ReferenceField("careerStage", ReferenceKind.CareerStage, v => v.Member.CareerStage);
        this.ReferenceField("region", ReferenceKind.Region, v => v.Member.Region);
        this.ReferenceListField("languagesSpoken", ReferenceKind.Language, v => v.Member.LanguagesSpoken);
        this.ReferenceListField("topics", ReferenceKind.Topic, v => v.Member.Topics);
        this.ReferenceListField("availability", ReferenceKind.Availability, v => v.Member.Availability);
        Field<StringGraphType>("bio").Resolve(c => c.Source.Member.Bio);

        // The full profile.
        Field<StringGraphType>("memberNumber").Description("The college's member number. " + FullOnly)
            .Resolve(c => c.Source.IsFull ? c.Source.Member.MemberNumber : null);
        Field<StringGraphType>("email").Description(FullOnly).Resolve(c => c.Source.IsFull ? c.Source.Member.Email : null);
        Field<LanguageEnum>("preferredLanguage").Description(FullOnly).Resolve(c => c.Source.IsFull ? c.Source.Member.PreferredLanguage : null);
        Field<MemberStatusEnum>("status").Description(FullOnly).Resolve(c => c.Source.IsFull ? c.Source.Member.Status : null);
        Field<ListGraphType<NonNullGraphType<ReferenceItemType>>>("practiceSettings").Description(FullOnly)
            .ResolveAsync(async c => c.Source.IsFull
                ? await c.RequestServices!.GetRequiredService<ReferenceCatalog>().FindAllAsync(ReferenceKind.PracticeSetting, c.Source.Member.PracticeSettings, c.CancellationToken)
                : null);
        Field<ListGraphType<NonNullGraphType<EnrolmentType>>>("enrolments")
            .Description(
                "The member's roles in programs, oldest first. Others than the member and admins see active roles only, " +
                "and applications, waiting-list places and withdrawals in the programs they coordinate. " + FullOnly)
            .Resolve(c =>
            {
                if (!c.Source.IsFull)
                {
                    return null;
                }

                var viewer = c.Viewer();
                var all = c.EnrolmentsByMember(c.Source.Member.Id);
                return c.Source.Member.Id == viewer.MemberId || viewer.IsAdmin
                    ? all
                    : all.Then(list => (IReadOnlyList<Enrolment>?)list?.Where(e => e.Status == EnrolmentStatus.Active || viewer.Coordinates(e.ProgramId)).ToList());
            });
        Field<ListGraphType<NonNullGraphType<MatchType>>>("matches")
            .Description("The member's matches, newest first. Null unless you are this member or an admin.")
            .Resolve(c => c.Source.Member.Id == c.Viewer().MemberId || c.Viewer().IsAdmin ? c.MatchesByMember(c.Source.Member.Id) : null);
        this.AddMeetingFields();
    }
}
