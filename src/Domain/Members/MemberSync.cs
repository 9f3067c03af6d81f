using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.ReferenceData;
using JumoMentoring.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Domain.Members;

/// <summary>One member as the member system sends it (GraphQL row or CSV line), before normalisation.</summary>
public sealed record MemberSyncRow
{
    /// <summary>Where the row came from, cited by its errors: the index in the call, or the CSV line number.</summary>
    public int Position { get; init; }
    public string? MemberNumber { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? PreferredLanguage { get; init; }

    /// <summary>Null or empty: the preferred language alone.</summary>
    public IReadOnlyList<string>? LanguagesSpoken { get; init; }
    public string? CareerStage { get; init; }
    public string? Region { get; init; }

    /// <summary>Null: not sent (an existing member's stay as they are; a new member has none).</summary>
    public IReadOnlyList<string>? PracticeSettings { get; init; }
    public bool Active { get; init; } = true;
}

/// <summary>Why one row was not applied; the other rows were.</summary>
public sealed record MemberSyncError(int Position, string? MemberNumber, string Code, string? Field, string MessageFr, string MessageEn)
{
    public string Message(Language language) => language == Language.En ? MessageEn : MessageFr;
}

/// <summary>What one call did. Every valid row is counted once, in one of the five outcomes.</summary>
public sealed class MemberSyncResult
{
    public int Received { get; init; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }

    /// <summary>Active members a row marked inactive (and, for a completed run, the members it did not see).</summary>
    public int Deactivated { get; set; }
    public int Reactivated { get; set; }
    public List<MemberSyncError> Errors { get; } = [];

    /// <summary>How many rows had at least one error.</summary>
    public int Rejected => Errors.Select(e => e.Position).Distinct().Count();
}

/// <summary>Rows checked and the members they name loaded, before anything is written (<see cref="MemberSync.PlanAsync"/>).</summary>
public sealed class MemberSyncPlan
{
    public int Received { get; init; }
    public List<MemberSyncError> Errors { get; } = [];

    internal List<MemberSync.CleanRow> Valid { get; } = [];
    internal HashSet<string> Listed { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, MemberSync.Loaded> ByNumber { get; set; } = [];
}

/// <summary>
/// The sync with the college's member system, shared by the GraphQL mutations and the CSV import
/// (docs/decisions/0005-member-sync.md): an idempotent upsert keyed by member number that never
/// deletes. Ownership of fields:
/// <list type="bullet">
/// <item>names, email, career stage and active/inactive: the member system's, overwritten whenever they differ;</item>
/// <item>preferred language, languages spoken, region, practice settings: members edit them too, so the member
/// system's value is applied when the member is created and then only when the member system's value changes
/// (a three-way merge against <see cref="MemberSyncState"/>), and a member's own edit stands until then;</item>
/// <item>topics and bio: the member's, never touched.</item>
/// </list>
/// Callers open a transaction and call <see cref="LockAsync"/> first: syncs run one at a time.
/// </summary>
public static class MemberSync
{
    public const int MaxRowsPerCall = 1000;
    public const int MaxMemberNumberLength = 32;
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;

    public const string InvalidMemberNumber = "INVALID_MEMBER_NUMBER";
    public const string DuplicateMemberNumber = "DUPLICATE_MEMBER_NUMBER";
    public const string InvalidName = "INVALID_NAME";
    public const string InvalidEmail = "INVALID_EMAIL";
    public const string EmailTaken = "EMAIL_TAKEN";
    public const string InvalidLanguage = "INVALID_LANGUAGE";
    public const string InvalidCareerStage = "INVALID_CAREER_STAGE";
    public const string InvalidRegion = "INVALID_REGION";
    public const string InvalidPracticeSetting = "INVALID_PRACTICE_SETTING";

    /// <summary>Reasons of the member.deactivated event.</summary>
    public const string MarkedInactive = "marked-inactive";
    public const string MissingFromFullSync = "missing-from-full-sync";

    private const long AdvisoryLockKey = 0x4A554D4F_53594E43; // "JUMOSYNC"

    /// <summary>Serialises syncs (batches of one run, DELTA calls, CSV imports) for the rest of the transaction.</summary>
    public static async Task LockAsync(JumoDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A member sync runs inside a transaction.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
    }

    public static MemberSyncRun StartRun(JumoDbContext db, string source)
    {
        var run = new MemberSyncRun { Source = source.Length > 300 ? source[..300] : source };
        db.MemberSyncRuns.Add(run);
        return run;
    }

    /// <summary>
    /// Upserts <paramref name="rows"/>: <see cref="PlanAsync"/> then <see cref="ApplyAsync"/>. Invalid rows
    /// are reported and skipped, the valid ones applied.
    /// </summary>
    public static async Task<MemberSyncResult> SyncAsync(JumoDbContext db, IReadOnlyList<MemberSyncRow> rows, MemberSyncRun? run, CancellationToken cancellationToken) =>
        await ApplyAsync(db, await PlanAsync(db, rows, cancellationToken), run, cancellationToken);

    /// <summary>
    /// Normalises and checks <paramref name="rows"/> (at most <see cref="MaxRowsPerCall"/> from GraphQL; the
    /// CSV import sends its whole file) and loads the members they name, with two queries whatever their
    /// number. Changes nothing: the CSV import applies the plan only when it has no errors.
    /// </summary>
    public static async Task<MemberSyncPlan> PlanAsync(JumoDbContext db, IReadOnlyList<MemberSyncRow> rows, CancellationToken cancellationToken)
    {
        var plan = new MemberSyncPlan { Received = rows.Count };
        var lists = await ReferenceResolver.LoadAsync(db, cancellationToken);

        // 1. Normalise and validate each row on its own, then against the other rows of the call.
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var emails = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var errorsBefore = plan.Errors.Count;
            var clean = Normalise(row, lists, plan.Errors);
            var number = CleanMemberNumber(row.MemberNumber);
            if (number is not null)
            {
                plan.Listed.Add(number);
                if (!numbers.TryAdd(number, row.Position))
                {
                    plan.Errors.Add(new MemberSyncError(row.Position, number, DuplicateMemberNumber, "memberNumber",
                        $"Le numéro de membre {number} figure deux fois (aussi en {numbers[number]}).",
                        $"Member number {number} appears twice (also at {numbers[number]})."));
                }
            }

            if (clean is not null && !emails.TryAdd(clean.Email, row.Position))
            {
                plan.Errors.Add(new MemberSyncError(row.Position, number, EmailTaken, "email",
                    $"Le courriel {clean.Email} figure deux fois (aussi en {emails[clean.Email]}).",
                    $"The email {clean.Email} appears twice (also at {emails[clean.Email]})."));
            }

            if (clean is not null && plan.Errors.Count == errorsBefore)
            {
                plan.Valid.Add(clean);
            }
        }

        // 2. One query loads every member the call names, by number or by email, with its sync state.
        var numberList = plan.Listed.ToList();
        var emailList = plan.Valid.Select(r => r.Email).ToList();
        var loaded = await (
            from m in db.Members
            where numberList.Contains(m.MemberNumber) || emailList.Contains(m.Email)
            join s in db.MemberSyncStates on m.Id equals s.MemberId into states
            from s in states.DefaultIfEmpty()
            select new Loaded { Member = m, State = s })
            .ToListAsync(cancellationToken);
        plan.ByNumber = loaded.ToDictionary(l => l.Member.MemberNumber, StringComparer.Ordinal);
        var byEmail = loaded.ToDictionary(l => l.Member.Email, StringComparer.Ordinal);

        foreach (var row in plan.Valid.ToList())
        {
            if (byEmail.TryGetValue(row.Email, out var holder) && holder.Member.MemberNumber != row.MemberNumber)
            {
                plan.Errors.Add(new MemberSyncError(row.Position, row.MemberNumber, EmailTaken, "email",
                    $"Le courriel {row.Email} appartient déjà au membre {holder.Member.MemberNumber}.",
                    $"The email {row.Email} already belongs to member {holder.Member.MemberNumber}."));
                plan.Valid.Remove(row);
            }
        }

        return plan;
    }

    /// <summary>
    /// Applies the valid rows of <paramref name="plan"/> with one SaveChanges (and one UPDATE for the members
    /// only seen again, unchanged). With a <paramref name="run"/>,
    /// every listed member number counts as seen by it, even on an invalid row: a typo in the member
    /// system must not deactivate someone.
    /// </summary>
    public static async Task<MemberSyncResult> ApplyAsync(JumoDbContext db, MemberSyncPlan plan, MemberSyncRun? run, CancellationToken cancellationToken)
    {
        var result = new MemberSyncResult { Received = plan.Received };
        result.Errors.AddRange(plan.Errors);
        var valid = plan.Valid;
        var byNumber = plan.ByNumber;
        var listed = plan.Listed;

        // 3. Apply: a new member, or the differences (and the status change) of an existing one.
        var now = DateTimeOffset.UtcNow;
        var touched = new List<Guid>();
        foreach (var row in valid)
        {
            if (!byNumber.TryGetValue(row.MemberNumber, out var existing))
            {
                var member = new Member
                {
                    MemberNumber = row.MemberNumber,
                    FirstName = row.FirstName,
                    LastName = row.LastName,
                    Email = row.Email,
                    PreferredLanguage = row.PreferredLanguage,
                    LanguagesSpoken = [.. row.LanguagesSpoken],
                    CareerStage = row.CareerStage,
                    Region = row.Region,
                    PracticeSettings = [.. row.PracticeSettings ?? []],
                    Status = row.Active ? MemberStatus.Active : MemberStatus.Deactivated,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Members.Add(member);
                db.MemberSyncStates.Add(NewState(member.Id, row, run, now));
                result.Created++;
                continue;
            }

            var m = existing.Member;
            var originalStatus = m.Status;
            var stateChanged = existing.State is null;
            var state = existing.State ??= AddState(db, m.Id);
            var changed = false;
            changed |= Assign(m.FirstName, row.FirstName, v => m.FirstName = v);
            changed |= Assign(m.LastName, row.LastName, v => m.LastName = v);
            changed |= Assign(m.Email, row.Email, v => m.Email = v);
            changed |= Assign(m.CareerStage, row.CareerStage, v => m.CareerStage = v);

            // Fields members edit too: only a change on the member system's side overwrites them.
            var language = row.PreferredLanguage.ToCode();
            if (state.PreferredLanguage != language)
            {
                changed |= Assign(m.PreferredLanguage, row.PreferredLanguage, v => m.PreferredLanguage = v);
                state.PreferredLanguage = language;
                stateChanged = true;
            }

            if (state.LanguagesSpoken is null || !state.LanguagesSpoken.SequenceEqual(row.LanguagesSpoken))
            {
                changed |= AssignList(m.LanguagesSpoken, row.LanguagesSpoken, v => m.LanguagesSpoken = v);
                state.LanguagesSpoken = [.. row.LanguagesSpoken];
                stateChanged = true;
            }

            if (state.Region != row.Region)
            {
                changed |= Assign(m.Region, row.Region, v => m.Region = v);
                state.Region = row.Region;
                stateChanged = true;
            }

            if (row.PracticeSettings is { } settings && (state.PracticeSettings is null || !state.PracticeSettings.SequenceEqual(settings)))
            {
                changed |= AssignList(m.PracticeSettings, settings, v => m.PracticeSettings = v);
                state.PracticeSettings = [.. settings];
                stateChanged = true;
            }

            if (row.Active && m.Status == MemberStatus.Deactivated)
            {
                m.Status = MemberStatus.Active;
                result.Reactivated++;
            }
            else if (!row.Active && m.Status == MemberStatus.Active)
            {
                Deactivate(db, m, MarkedInactive, run);
                result.Deactivated++;
            }
            else if (changed)
            {
                result.Updated++;
            }
            else
            {
                result.Unchanged++;
            }

            if (changed || m.Status != originalStatus)
            {
                m.UpdatedAt = now;
            }

            if (stateChanged)
            {
                state.LastSyncedAt = now;
                state.LastRunId = run?.Id ?? state.LastRunId;
            }
            else
            {
                // Only "seen again": one UPDATE for all of them below, not one per member.
                touched.Add(m.Id);
            }
        }

        // A run has seen every member number it was sent, valid row or not.
        var seenOnly = new List<Guid>();
        if (run is not null)
        {
            var applied = valid.Select(r => r.MemberNumber).ToHashSet(StringComparer.Ordinal);
            foreach (var number in listed.Where(n => !applied.Contains(n)))
            {
                if (byNumber.TryGetValue(number, out var seen))
                {
                    if (seen.State is null)
                    {
                        (seen.State = AddState(db, seen.Member.Id)).LastRunId = run.Id;
                    }
                    else
                    {
                        seenOnly.Add(seen.Member.Id);
                    }
                }
            }

            run.Received += result.Received;
            run.Created += result.Created;
            run.Updated += result.Updated;
            run.Unchanged += result.Unchanged;
            run.Deactivated += result.Deactivated;
            run.Reactivated += result.Reactivated;
            run.Rejected += result.Rejected;
        }

        await db.SaveChangesAsync(cancellationToken);
        var runId = run?.Id;
        if (touched.Count > 0)
        {
            await db.MemberSyncStates.Where(x => touched.Contains(x.MemberId))
                .ExecuteUpdateAsync(set => set.SetProperty(x => x.LastSyncedAt, now).SetProperty(x => x.LastRunId, x => runId ?? x.LastRunId), cancellationToken);
        }

        if (seenOnly.Count > 0)
        {
            await db.MemberSyncStates.Where(x => seenOnly.Contains(x.MemberId))
                .ExecuteUpdateAsync(set => set.SetProperty(x => x.LastRunId, runId), cancellationToken);
        }

        return result;
    }

    /// <summary>Why <paramref name="run"/> cannot be completed (a stable code), or null.</summary>
    public static string? CannotComplete(MemberSyncRun run) =>
        run.Status != MemberSyncRunStatus.Open ? "SYNC_NOT_OPEN"
        : run.Received == 0 ? "EMPTY_SYNC"
        : null;

    /// <summary>
    /// Closes a FULL run: deactivates (never deletes) every active member it did not see. Spared: members
    /// a sync touched since the run started (a DELTA call during the run), members created since, and
    /// staff (admins and coordinators), whom only an explicit inactive row deactivates. Returns how many.
    /// </summary>
    public static async Task<int> CompleteAsync(JumoDbContext db, MemberSyncRun run, CancellationToken cancellationToken)
    {
        if (CannotComplete(run) is { } code)
        {
            throw new InvalidOperationException($"The run cannot be completed: {code}.");
        }

        var runId = run.Id;
        var startedAt = run.StartedAt;
        var missing = await db.Members
            .Where(m => m.Status == MemberStatus.Active && m.CreatedAt < startedAt
                && !db.RoleAssignments.Any(r => r.MemberId == m.Id)
                && !db.MemberSyncStates.Any(s => s.MemberId == m.Id && (s.LastRunId == runId || s.LastSyncedAt >= startedAt)))
            .ToListAsync(cancellationToken);
        foreach (var member in missing)
        {
            Deactivate(db, member, MissingFromFullSync, run);
        }

        run.Status = MemberSyncRunStatus.Completed;
        run.CompletedAt = DateTimeOffset.UtcNow;
        run.Deactivated += missing.Count;
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }

    private static void Deactivate(JumoDbContext db, Member member, string reason, MemberSyncRun? run)
    {
        member.Status = MemberStatus.Deactivated;
        member.UpdatedAt = DateTimeOffset.UtcNow;
        Outbox.Add(db, WebhookEventTypes.MemberDeactivated, new
        {
            Member = new { Id = Outbox.NodeId("Member", member.Id), member.MemberNumber },
            Reason = reason,
            SyncId = run is null ? null : Outbox.NodeId("MemberSyncRun", run.Id),
        });
    }

    private static MemberSyncState AddState(JumoDbContext db, Guid memberId)
    {
        var state = new MemberSyncState { MemberId = memberId };
        db.MemberSyncStates.Add(state);
        return state;
    }

    private static MemberSyncState NewState(Guid memberId, CleanRow row, MemberSyncRun? run, DateTimeOffset now) => new()
    {
        MemberId = memberId,
        LastRunId = run?.Id,
        LastSyncedAt = now,
        PreferredLanguage = row.PreferredLanguage.ToCode(),
        LanguagesSpoken = [.. row.LanguagesSpoken],
        Region = row.Region,
        PracticeSettings = row.PracticeSettings is null ? null : [.. row.PracticeSettings],
    };

    private static bool Assign<T>(T current, T value, Action<T> set)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
        {
            return false;
        }

        set(value);
        return true;
    }

    private static bool AssignList(List<string> current, IReadOnlyList<string> value, Action<List<string>> set)
    {
        if (current.SequenceEqual(value))
        {
            return false;
        }

        set([.. value]);
        return true;
    }

    // ----- Normalisation and validation of one row -----

    internal sealed record CleanRow(
        int Position, string MemberNumber, string FirstName, string LastName, string Email, Language PreferredLanguage,
        IReadOnlyList<string> LanguagesSpoken, string CareerStage, string Region, IReadOnlyList<string>? PracticeSettings, bool Active);

    internal sealed class Loaded
    {
        public required Member Member { get; init; }
        public MemberSyncState? State { get; set; }
    }

    private static CleanRow? Normalise(MemberSyncRow row, ReferenceResolver lists, List<MemberSyncError> errors)
    {
        var before = errors.Count;
        var number = CleanMemberNumber(row.MemberNumber);
        void Fail(string code, string field, string fr, string en) =>
            errors.Add(new MemberSyncError(row.Position, number ?? row.MemberNumber?.Trim(), code, field, fr, en));

        if (number is null)
        {
            Fail(InvalidMemberNumber, "memberNumber",
                $"Numéro de membre invalide : « {row.MemberNumber} » (lettres, chiffres, « . », « - » ou « _ », au plus {MaxMemberNumberLength}).",
                $"Invalid member number: '{row.MemberNumber}' (letters, digits, '.', '-' or '_', at most {MaxMemberNumberLength}).");
        }

        var firstName = CleanName(row.FirstName);
        if (firstName is null)
        {
            Fail(InvalidName, "firstName", $"Prénom manquant ou de plus de {MaxNameLength} caractères.", $"First name missing or longer than {MaxNameLength} characters.");
        }

        var lastName = CleanName(row.LastName);
        if (lastName is null)
        {
            Fail(InvalidName, "lastName", $"Nom manquant ou de plus de {MaxNameLength} caractères.", $"Last name missing or longer than {MaxNameLength} characters.");
        }

        var email = row.Email?.Trim().ToLowerInvariant() ?? "";
        if (!IsEmail(email))
        {
            Fail(InvalidEmail, "email", $"Adresse courriel invalide : « {row.Email} ».", $"Invalid email address: '{row.Email}'.");
        }

        var preferred = lists.Resolve(ReferenceKind.Language, row.PreferredLanguage);
        if (preferred is null || !LanguageCodes.TryParse(preferred, out var preferredLanguage))
        {
            preferredLanguage = Language.Fr;
            Fail(InvalidLanguage, "preferredLanguage", $"Langue inconnue : « {row.PreferredLanguage} » (fr ou en).", $"Unknown language: '{row.PreferredLanguage}' (fr or en).");
        }

        var spoken = new List<string>();
        foreach (var value in row.LanguagesSpoken ?? [])
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (lists.Resolve(ReferenceKind.Language, value) is { } code)
            {
                if (!spoken.Contains(code))
                {
                    spoken.Add(code);
                }
            }
            else
            {
                Fail(InvalidLanguage, "languagesSpoken", $"Langue parlée inconnue : « {value} » (fr ou en).", $"Unknown spoken language: '{value}' (fr or en).");
            }
        }

        if (spoken.Count == 0)
        {
            spoken.Add(preferredLanguage.ToCode());
        }

        var stage = lists.Resolve(ReferenceKind.CareerStage, row.CareerStage);
        if (stage is null)
        {
            Fail(InvalidCareerStage, "careerStage",
                $"Étape de carrière inconnue : « {row.CareerStage} » ({lists.Codes(ReferenceKind.CareerStage)}).",
                $"Unknown career stage: '{row.CareerStage}' ({lists.Codes(ReferenceKind.CareerStage)}).");
        }

        var region = lists.Resolve(ReferenceKind.Region, row.Region);
        if (region is null)
        {
            Fail(InvalidRegion, "region",
                $"Région inconnue : « {row.Region} » (code 01 à 17 d'une région administrative du Québec, ou son nom).",
                $"Unknown region: '{row.Region}' (code 01 to 17 of a Quebec administrative region, or its name).");
        }

        List<string>? settings = null;
        if (row.PracticeSettings is not null)
        {
            settings = [];
            foreach (var value in row.PracticeSettings.Where(v => !string.IsNullOrWhiteSpace(v)))
            {
                if (lists.Resolve(ReferenceKind.PracticeSetting, value) is { } code)
                {
                    if (!settings.Contains(code))
                    {
                        settings.Add(code);
                    }
                }
                else
                {
                    Fail(InvalidPracticeSetting, "practiceSettings",
                        $"Milieu de pratique inconnu : « {value} » ({lists.Codes(ReferenceKind.PracticeSetting)}).",
                        $"Unknown practice setting: '{value}' ({lists.Codes(ReferenceKind.PracticeSetting)}).");
                }
            }
        }

        return errors.Count > before
            ? null
            : new CleanRow(row.Position, number!, firstName!, lastName!, email, preferredLanguage, spoken, stage!, region!, settings, row.Active);
    }

    private static string? CleanMemberNumber(string? value)
    {
        var number = value?.Trim();
        return !string.IsNullOrEmpty(number) && number.Length <= MaxMemberNumberLength && char.IsAsciiLetterOrDigit(number[0])
            && number.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? number
            : null;
    }

    /// <summary>Trimmed, inner runs of white space made one space; null when empty, too long or with control characters.</summary>
    private static string? CleanName(string? value)
    {
        if (value is null || value.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
        {
            return null;
        }

        var name = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return name.Length is > 0 and <= MaxNameLength ? name : null;
    }

    /// <summary>A plain ASCII address: local@domain.tld, the way the member system stores them.</summary>
    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@');
        if (email.Length > MaxEmailLength || at is <= 0 or > 64 || at != email.LastIndexOf('@'))
        {
            return false;
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || !local.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".Contains(c)))
        {
            return false;
        }

        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            && labels[^1].Length >= 2 && labels[^1].All(char.IsAsciiLetter);
    }

    /// <summary>
    /// Reads a managed-list value the way people write it: the code ("06", "resident"), a region number
    /// without its zero ("6"), a language tag ("fr-CA"), or the French or English label with any accents
    /// and case ("Montreal", "Résident·e en médecine familiale").
    /// </summary>
    private sealed class ReferenceResolver(Dictionary<(ReferenceKind, string), string> keys, Dictionary<ReferenceKind, string> codes)
    {
        public static async Task<ReferenceResolver> LoadAsync(JumoDbContext db, CancellationToken cancellationToken)
        {
            var items = await db.ReferenceItems.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.Kind).ThenBy(i => i.Rank).ToListAsync(cancellationToken);
            var keys = new Dictionary<(ReferenceKind, string), string>();
            foreach (var item in items)
            {
                keys.TryAdd((item.Kind, Key(item.LabelFr)), item.Code);
                keys.TryAdd((item.Kind, Key(item.LabelEn)), item.Code);
            }

            // Codes win over labels.
            foreach (var item in items)
            {
                keys[(item.Kind, Key(item.Code))] = item.Code;
            }

            var codes = items.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(i => i.Code)));
            return new ReferenceResolver(keys, codes);
        }

        public string Codes(ReferenceKind kind) => codes.GetValueOrDefault(kind, "");

        public string? Resolve(ReferenceKind kind, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var key = Key(value);
            if (keys.TryGetValue((kind, key), out var code))
            {
                return code;
            }

            if (kind == ReferenceKind.Region && key.Length == 1 && char.IsAsciiDigit(key[0]))
            {
                return keys.GetValueOrDefault((kind, "0" + key));
            }

            if (kind == ReferenceKind.Language && key.IndexOfAny(['-', '_']) is > 0 and var dash)
            {
                return keys.GetValueOrDefault((kind, key[..dash]));
            }

            return null;
        }

        private static string Key(string text) => Member.Normalize(text).Replace('–', '-').Replace('—', '-').Replace('·', '.');
    }
}
