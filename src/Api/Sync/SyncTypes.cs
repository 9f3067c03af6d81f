using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Members;

namespace JumoMentoring.Api.Sync;

public enum MemberSyncMode
{
    /// <summary>Only the rows sent change; members not sent stay as they are.</summary>
    Delta,

    /// <summary>The rows are the whole member list: members missing from it are deactivated when the run completes.</summary>
    Full,
}

public sealed class MemberSyncModeEnum : EnumerationGraphType<MemberSyncMode>
{
    public MemberSyncModeEnum()
    {
        Name = "MemberSyncMode";
        Description = "DELTA: only the members sent change. FULL: the members sent are all the members; those missing are deactivated when the run completes.";
    }
}

public sealed class MemberSyncRunStatusEnum : EnumerationGraphType<MemberSyncRunStatus>
{
    public MemberSyncRunStatusEnum() => Name = "MemberSyncRunStatus";
}

public sealed class MemberSyncRowInput
{
    public string MemberNumber { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Email { get; set; } = "";
    public string PreferredLanguage { get; set; } = "";
    public List<string>? LanguagesSpoken { get; set; }
    public string CareerStage { get; set; } = "";
    public string Region { get; set; } = "";
    public List<string>? PracticeSettings { get; set; }
    public bool Active { get; set; } = true;

    public MemberSyncRow ToRow(int index) => new()
    {
        Position = index,
        MemberNumber = MemberNumber,
        FirstName = FirstName,
        LastName = LastName,
        Email = Email,
        PreferredLanguage = PreferredLanguage,
        LanguagesSpoken = LanguagesSpoken,
        CareerStage = CareerStage,
        Region = Region,
        PracticeSettings = PracticeSettings,
        Active = Active,
    };
}

public sealed class MemberSyncRowInputType : InputObjectGraphType<MemberSyncRowInput>
{
    public MemberSyncRowInputType()
    {
        Name = "MemberSyncRowInput";
        Description = "One member as the member system knows it. Values are checked row by row: a bad value rejects its row only (see rowErrors).";
        Field(i => i.MemberNumber).Description("The college member number: the key of the sync (letters, digits, '.', '-', '_'; at most 32).");
        Field(i => i.FirstName).Description("Trimmed; always overwritten.");
        Field(i => i.LastName).Description("Trimmed; always overwritten.");
        Field(i => i.Email).Description("Trimmed and lower-cased; always overwritten; unique among members (EMAIL_TAKEN).");
        Field(i => i.PreferredLanguage).Description("A LANGUAGE code (fr, en; fr-CA is read as fr). Members may change it: it is overwritten only when the member system's value changes.");
        Field(i => i.LanguagesSpoken, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("LANGUAGE codes; left out or empty: the preferred language. Overwritten only when the member system's value changes.");
        Field(i => i.CareerStage).Description("A CAREER_STAGE code (or its label). The member system is the source of truth for the career stage: always overwritten.");
        Field(i => i.Region).Description("A REGION code, 01–17 (\"6\" and the region's name are accepted). Members may change it: overwritten only when the member system's value changes.");
        Field(i => i.PracticeSettings, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("PRACTICE_SETTING codes. Left out (null): left as they are. Overwritten only when the member system's value changes.");
        Field(i => i.Active).DefaultValue(true).Description("False deactivates the member (kept with their matches, goals and messages, but sign-in is refused); true reactivates a deactivated member.");
    }
}

public sealed class SyncMembersInput
{
    public string? SyncId { get; set; }
    public MemberSyncMode Mode { get; set; } = MemberSyncMode.Delta;
    public List<MemberSyncRowInput> Members { get; set; } = [];
}

public sealed class SyncMembersInputType : InputObjectGraphType<SyncMembersInput>
{
    public SyncMembersInputType()
    {
        Name = "SyncMembersInput";
        Field(i => i.Mode, type: typeof(NonNullGraphType<MemberSyncModeEnum>)).DefaultValue(MemberSyncMode.Delta)
            .Description("DELTA (default): no run, members not sent are untouched. FULL with syncId: one batch of a run. FULL without syncId: the whole member list in this one call (started and completed at once).");
        Field(i => i.SyncId, type: typeof(IdGraphType)).Description("FULL only: the run from startMemberSync this batch belongs to.");
        Field(i => i.Members, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<MemberSyncRowInputType>>>))
            .Description($"At most {MemberSync.MaxRowsPerCall} rows a call.");
    }
}

/// <summary>What <c>syncMembers</c> answers: the counts of this call and the rows it rejected.</summary>
public sealed record MemberSyncCall(MemberSyncMode Mode, MemberSyncRun? Run, MemberSyncResult Result);

public sealed class MemberSyncResultType : ObjectGraphType<MemberSyncCall>
{
    public MemberSyncResultType()
    {
        Name = "MemberSyncResult";
        Description = "What one syncMembers call did. Every valid row counts once: created, updated, unchanged, deactivated or reactivated; rejected rows are in rowErrors and changed nothing.";
        Field<NonNullGraphType<MemberSyncModeEnum>>("mode").Resolve(c => c.Source.Mode);
        Field<MemberSyncRunType>("sync").Description("The run (FULL); null for DELTA.").Resolve(c => c.Source.Run);
        Field<NonNullGraphType<IntGraphType>>("received").Resolve(c => c.Source.Result.Received);
        Field<NonNullGraphType<IntGraphType>>("created").Resolve(c => c.Source.Result.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Resolve(c => c.Source.Result.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Resolve(c => c.Source.Result.Unchanged);
        Field<NonNullGraphType<IntGraphType>>("deactivated")
            .Description("Active members this call deactivated: rows with active: false, plus, for a FULL sync in one call, the members it did not list.")
            .Resolve(c => c.Source.Result.Deactivated);
        Field<NonNullGraphType<IntGraphType>>("reactivated").Resolve(c => c.Source.Result.Reactivated);
        Field<NonNullGraphType<IntGraphType>>("rejected").Description("Rows with at least one error.").Resolve(c => c.Source.Result.Rejected);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberSyncRowErrorType>>>>("rowErrors")
            .Description("Every error of every rejected row (a row may have several).")
            .Resolve(c => c.Source.Result.Errors);
    }
}

public sealed class MemberSyncRowErrorType : ObjectGraphType<MemberSyncError>
{
    public MemberSyncRowErrorType()
    {
        Name = "MemberSyncRowError";
        Description = "Why one row was rejected. Codes: INVALID_MEMBER_NUMBER, DUPLICATE_MEMBER_NUMBER, INVALID_NAME, INVALID_EMAIL, EMAIL_TAKEN, INVALID_LANGUAGE, INVALID_CAREER_STAGE, INVALID_REGION, INVALID_PRACTICE_SETTING.";
        Field<NonNullGraphType<IntGraphType>>("index").Description("The row's position in members (from 0).").Resolve(c => c.Source.Position);
        Field<StringGraphType>("memberNumber").Resolve(c => c.Source.MemberNumber);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<StringGraphType>("field").Description("The row field at fault.").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("message").Description("In the reader's language.").Resolve(c => c.Source.Message(c.Graph().Language));
    }
}

public sealed class MemberSyncRunType : ObjectGraphType<MemberSyncRun>
{
    public const string TypeName = "MemberSyncRun";

    public MemberSyncRunType()
    {
        Name = TypeName;
        Interface<NodeInterface>();
        IsTypeOf = o => o is MemberSyncRun;
        Description = "A FULL sync sent in batches: startMemberSync, then syncMembers(mode: FULL, syncId) for each batch, then completeMemberSync, which deactivates every active member the run did not list. Counts add up the batches.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Pass it as syncId.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<MemberSyncRunStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startedAt").Resolve(c => c.Source.StartedAt);
        Field<DateTimeOffsetGraphType>("completedAt").Resolve(c => c.Source.CompletedAt);
        Field<NonNullGraphType<IntGraphType>>("received").Resolve(c => c.Source.Received);
        Field<NonNullGraphType<IntGraphType>>("created").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Resolve(c => c.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Resolve(c => c.Source.Unchanged);
        Field<NonNullGraphType<IntGraphType>>("deactivated").Description("Marked inactive by a row, plus, once completed, missing from the run.").Resolve(c => c.Source.Deactivated);
        Field<NonNullGraphType<IntGraphType>>("reactivated").Resolve(c => c.Source.Reactivated);
        Field<NonNullGraphType<IntGraphType>>("rejected").Resolve(c => c.Source.Rejected);
    }
}

public sealed class SyncMembersPayloadType() : PayloadType<MemberSyncResultType, MemberSyncCall>("SyncMembersPayload", "result");

public sealed class MemberSyncRunPayloadType() : PayloadType<MemberSyncRunType, MemberSyncRun>("MemberSyncRunPayload", "sync");
