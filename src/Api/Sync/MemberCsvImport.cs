using System.Diagnostics;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Sync;

/// <summary>
/// <c>dotnet run -- import-members FILE.csv [--full]</c> (scripts/import-members): the member-system
/// sync from a CSV export, with the same rules as <c>syncMembers</c> (<see cref="MemberSync"/>), but all
/// or nothing: one transaction, and if any line is bad every bad line is reported and nothing is written.
/// With --full the file is the whole member list: active members missing from it are deactivated.
/// </summary>
public static class MemberCsvImport
{
    public const int ExitOk = 0;
    public const int ExitBadLines = 1;
    public const int ExitUsage = 2;

    /// <summary>The columns, by their documented name (README "Importing members"); camelCase and spaces are accepted too.</summary>
    public static readonly string[] RequiredColumns = ["member_number", "first_name", "last_name", "email", "preferred_language", "career_stage", "region"];
    public static readonly string[] OptionalColumns = ["languages_spoken", "practice_settings", "active"];

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var full = args.Contains("--full");
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var unknown = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--full").ToList();
        if (files.Count != 1 || unknown.Count > 0)
        {
            await errors.WriteLineAsync("usage: import-members FILE.csv [--full]");
            return ExitUsage;
        }

        var path = files[0];
        if (!File.Exists(path))
        {
            await errors.WriteLineAsync($"import-members: {path}: no such file");
            return ExitUsage;
        }

        var clock = Stopwatch.StartNew();
        var name = Path.GetFileName(path);
        var parsed = Parse(await File.ReadAllBytesAsync(path, cancellationToken));
        if (parsed.FileError is { } fileError)
        {
            await errors.WriteLineAsync($"{name}:{fileError.Line}: {fileError.Message}");
            await errors.WriteLineAsync("import-members: nothing was written.");
            return ExitBadLines;
        }

        foreach (var warning in parsed.Warnings)
        {
            await output.WriteLineAsync($"{name}: {warning}");
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<JumoDbContext>>().CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await MemberSync.LockAsync(db, cancellationToken);
        var plan = await MemberSync.PlanAsync(db, parsed.Rows, cancellationToken);
        var bad = parsed.LineErrors.Concat(plan.Errors.Select(e => (Line: e.Position, Text: $"{e.Code}{(e.Field is null ? "" : $" ({Column(e.Field)})")}: {e.MessageEn}")))
            .OrderBy(e => e.Line)
            .ToList();
        if (bad.Count > 0)
        {
            foreach (var (line, text) in bad)
            {
                await errors.WriteLineAsync($"{name}:{line}: {text}");
            }

            await errors.WriteLineAsync($"import-members: {bad.Select(b => b.Line).Distinct().Count()} bad line(s); nothing was written.");
            return ExitBadLines;
        }

        if (full && parsed.Rows.Count == 0)
        {
            await errors.WriteLineAsync("import-members: a --full import of a file without members would deactivate every member; nothing was written.");
            return ExitBadLines;
        }

        var run = full ? MemberSync.StartRun(db, "csv:" + name) : null;
        var result = await MemberSync.ApplyAsync(db, plan, run, cancellationToken);
        var missing = run is null ? 0 : await MemberSync.CompleteAsync(db, run, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await output.WriteLineAsync(
            $"import-members: {result.Received} rows: {result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged, " +
            $"{result.Deactivated} deactivated, {result.Reactivated} reactivated" +
            (full ? $"; {missing} active member(s) missing from the file deactivated" : "") +
            $" ({clock.ElapsedMilliseconds} ms).");
        return ExitOk;
    }

    /// <summary>A CSV file read into sync rows; <see cref="LineErrors"/> are the lines that could not become one.</summary>
    public sealed record ParsedFile(List<MemberSyncRow> Rows, List<(int Line, string Text)> LineErrors, List<string> Warnings, CsvFormatException? FileError);

    public static ParsedFile Parse(byte[] bytes)
    {
        var rows = new List<MemberSyncRow>();
        var lineErrors = new List<(int Line, string Text)>();
        var warnings = new List<string>();
        List<CsvRecord> records;
        try
        {
            var text = CsvReader.DecodeUtf8(bytes);
            records = CsvReader.Read(text, CsvReader.DetectSeparator(text));
        }
        catch (CsvFormatException e)
        {
            return new ParsedFile(rows, lineErrors, warnings, e);
        }

        if (records.Count == 0)
        {
            return new ParsedFile(rows, lineErrors, warnings, new CsvFormatException(1, "The file is empty: the first line must name the columns."));
        }

        // The header: documented names, in any order, case, and with '_', '-', spaces or camelCase.
        var header = records[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var key = HeaderKey(header.Fields[i]);
            var known = RequiredColumns.Concat(OptionalColumns).FirstOrDefault(c => HeaderKey(c) == key);
            if (known is null)
            {
                if (key.Length > 0)
                {
                    warnings.Add($"column '{header.Fields[i].Trim()}' is not a member column; ignored.");
                }
            }
            else if (!columns.TryAdd(known, i))
            {
                return new ParsedFile(rows, lineErrors, warnings, new CsvFormatException(header.Line, $"The column '{known}' appears twice."));
            }
        }

        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return new ParsedFile(rows, lineErrors, warnings, new CsvFormatException(header.Line,
                $"Missing column(s): {string.Join(", ", missing)}. Expected: {string.Join(", ", RequiredColumns)} and optionally {string.Join(", ", OptionalColumns)}."));
        }

        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Fields.Count)
            {
                lineErrors.Add((record.Line, $"INVALID_FIELD_COUNT: {record.Fields.Count} field(s) where the header has {header.Fields.Count} (a separator inside a value must be quoted)."));
                continue;
            }

            string? Cell(string column) => columns.TryGetValue(column, out var index) ? record.Fields[index] : null;
            var active = ParseActive(Cell("active"));
            if (active is null)
            {
                lineErrors.Add((record.Line, $"INVALID_ACTIVE (active): '{Cell("active")}' is not a yes/no value (true/false, 1/0, yes/no, oui/non, active/inactive)."));
            }

            rows.Add(new MemberSyncRow
            {
                Position = record.Line,
                MemberNumber = Cell("member_number"),
                FirstName = Cell("first_name"),
                LastName = Cell("last_name"),
                Email = Cell("email"),
                PreferredLanguage = Cell("preferred_language"),
                LanguagesSpoken = List(Cell("languages_spoken")),

                // A practice_settings column that is there but empty means none; no column means "leave as they are".
                PracticeSettings = columns.ContainsKey("practice_settings") ? List(Cell("practice_settings")) ?? [] : null,
                CareerStage = Cell("career_stage"),
                Region = Cell("region"),
                Active = active ?? true,
            });
        }

        return new ParsedFile(rows, lineErrors, warnings, null);
    }

    /// <summary>Lists inside a cell: codes separated by '|' (or ',', ';', spaces when quoted).</summary>
    private static List<string>? List(string? cell)
    {
        var items = cell?.Split(['|', ',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return items is { Count: > 0 } ? items : null;
    }

    private static bool? ParseActive(string? cell) =>
        Member.Normalize(cell ?? "") switch
        {
            "" or "true" or "1" or "yes" or "y" or "oui" or "o" or "active" or "actif" => true,
            "false" or "0" or "no" or "n" or "non" or "inactive" or "inactif" => false,
            _ => null,
        };

    private static string HeaderKey(string name) =>
        new(name.Trim().Trim('\uFEFF').Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>The CSV column of a row field named in a <see cref="MemberSyncError"/>.</summary>
    private static string Column(string field) =>
        RequiredColumns.Concat(OptionalColumns).FirstOrDefault(c => HeaderKey(c) == HeaderKey(field)) ?? field;
}
