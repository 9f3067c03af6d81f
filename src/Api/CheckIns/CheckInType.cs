using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matches;
using JumoMentoring.Api.Members;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.CheckIns;
using MatchType = JumoMentoring.Api.Matches.MatchType;

namespace JumoMentoring.Api.CheckIns;

/// <summary>A check-in the signed-in member owes on one of their active matches.</summary>
public sealed record PendingCheckIn(Domain.Matches.Match Match, DateTimeOffset DueSince, DateTimeOffset? LastCheckInAt);

public sealed class CheckInType : ObjectGraphType<CheckIn>
{
    public const string TypeName = "CheckIn";

    public CheckInType()
    {
        Name = TypeName;
        Description = "A member's check-in on their match. Seen by its author and the program's coordinators, never by the partner.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is CheckIn;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<MatchType>>("match").Resolve(c => c.MatchById(c.Source.MatchId));
        Field<MemberType>("member").Description("Who checked in.").Resolve(c => c.MemberById(c.Source.MemberId));
        Field<NonNullGraphType<IntGraphType>>("satisfaction").Description($"{CheckIn.MinSatisfaction} (poor) to {CheckIn.MaxSatisfaction} (excellent).").Resolve(c => c.Source.Satisfaction);
        Field<NonNullGraphType<BooleanGraphType>>("met").Description("Whether the pair met since the previous check-in.").Resolve(c => c.Source.Met);
        Field<StringGraphType>("comment").Description("For the coordinators (and its author).").Resolve(c => c.Source.Comment);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("submittedAt").Resolve(c => c.Source.SubmittedAt);
    }
}

public sealed class PendingCheckInType : ObjectGraphType<PendingCheckIn>
{
    public PendingCheckInType()
    {
        Name = "PendingCheckIn";
        Description = "A check-in you owe on an active match.";
        Field<NonNullGraphType<MatchType>>("match").Resolve(c => c.Source.Match);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("dueSince").Resolve(c => c.Source.DueSince);
        Field<DateTimeOffsetGraphType>("lastCheckInAt").Description("Your previous check-in on this match, if any.").Resolve(c => c.Source.LastCheckInAt);
    }
}

public sealed class AttentionReasonCodeEnum : EnumerationGraphType<AttentionReasonCode>
{
    public AttentionReasonCodeEnum()
    {
        Name = "AttentionReasonCode";
        Description = "Why a match needs a coordinator's attention.";
    }
}

public sealed class AttentionReasonType : ObjectGraphType<AttentionReason>
{
    public AttentionReasonType()
    {
        Name = "AttentionReason";
        Field<NonNullGraphType<AttentionReasonCodeEnum>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message")
            .Description("One sentence, in the given language or the request's.")
            .Argument<LanguageEnum>("language")
            .Resolve(c => c.Source.Message(c.LanguageArgument()));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("since").Description("Since when: the low check-in, the last contact (or the start), the request.")
            .Resolve(c => c.Source.Since);
    }
}

public sealed class MatchNeedingAttentionType : ObjectGraphType<MatchNeedingAttention>
{
    public MatchNeedingAttentionType()
    {
        Name = "MatchNeedingAttention";
        Field<NonNullGraphType<MatchType>>("match").Resolve(c => c.Source.Match);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttentionReasonType>>>>("reasons").Resolve(c => c.Source.Reasons);
    }
}

public sealed class SubmitCheckInInput
{
    public required string MatchId { get; set; }
    public int Satisfaction { get; set; }
    public bool Met { get; set; }
    public string? Comment { get; set; }
}

public sealed class SubmitCheckInInputType : InputObjectGraphType<SubmitCheckInInput>
{
    public SubmitCheckInInputType()
    {
        Name = "SubmitCheckInInput";
        Field(i => i.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Satisfaction).Description($"{CheckIn.MinSatisfaction} (poor) to {CheckIn.MaxSatisfaction} (excellent).");
        Field(i => i.Met).Description("We met since the previous check-in (true) or not (false).");
        Field(i => i.Comment, nullable: true).Description($"For the coordinators; your partner never sees it (at most {CheckIn.CommentMaxLength} characters).");
    }
}

public sealed class CheckInPayloadType() : PayloadType<CheckInType, CheckIn>("CheckInPayload", "checkIn");
