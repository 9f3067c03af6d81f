using System.Text;
using JumoMentoring.Api.Sync;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.ReferenceData;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Sync;

/// <summary>The CSV import (`import-members FILE.csv [--full]`), run in-process against the test database.</summary>
public sealed class MemberCsvImportTests(ApiFactory factory) : ApiTest(factory), IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("jumo-import-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<(int Exit, string Output, string Errors)> ImportAsync(string name, byte[] content, params string[] options)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(path, content);
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await MemberCsvImport.RunAsync(Factory.Services, [path, .. options], output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private static byte[] Utf8(string text, bool bom = false) => [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

    private static string Quote(string value) => value.Contains(';') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    /// <summary>The demo members as they are, then generated ones up to <paramref name="total"/>, ';'-separated.</summary>
    private async Task<List<string>> ExportAsync(int total)
    {
        await using var db = Factory.CreateDbContext();
        var lines = (await db.Members.AsNoTracking().OrderBy(m => m.MemberNumber).ToListAsync())
            .Select(m => Line(m.MemberNumber, m.FirstName, m.LastName, m.Email, m.PreferredLanguage.ToCode(), string.Join('|', m.LanguagesSpoken), m.CareerStage, m.Region, string.Join('|', m.PracticeSettings), "oui"))
            .ToList();
        string[] stages = ["medical-student", "resident", "early-career", "experienced", "retired"];
        string[] firsts = ["Émilie", "Jérôme", "François", "Anaïs", "Noël", "Zoë", "Chloé", "Benoît"];
        for (var i = lines.Count; i < total; i++)
        {
            var first = firsts[i % firsts.Length];

            // Some last names hold the separator or quotes: they travel quoted.
            var last = i % 97 == 0 ? $"D'Aoust; fils {i}" : i % 89 == 0 ? $"Pépin \"Doc\" {i}" : $"Côté-Lévesque {i}";
            lines.Add(Line($"6{i:00000}", first, last, $"membre{i}@exemple.qc.ca", i % 3 == 0 ? "en" : "fr", i % 3 == 0 ? "en|fr" : "fr",
                stages[i % stages.Length], $"{1 + (i % 17):00}", i % 2 == 0 ? "gmf|hospital" : "", i % 5 == 0 ? "1" : "true"));
        }

        return lines;

        static string Line(params string[] cells) => string.Join(';', cells.Select(Quote));
    }

    private const string Header = "member_number;first_name;last_name;email;preferred_language;languages_spoken;career_stage;region;practice_settings;active";

    [Fact]
    public async Task Four_thousand_rows_import_in_seconds_a_rerun_changes_nothing_and_a_full_import_without_one_member_deactivates_exactly_that_member()
    {
        var lines = await ExportAsync(4000);
        var file = Utf8(string.Join("\r\n", [Header, .. lines]) + "\r\n", bom: true);

        var first = await ImportAsync("export.csv", file, "--full");
        var again = await ImportAsync("export.csv", file, "--full");

        Assert.True(first.Exit == 0, first.Errors);
        Assert.Contains($"4000 rows: {4000 - DemoPeople.MemberCount} created, 0 updated, {DemoPeople.MemberCount} unchanged, 0 deactivated", first.Output, StringComparison.Ordinal);
        Assert.Contains("; 0 active member(s) missing from the file deactivated", first.Output, StringComparison.Ordinal);
        Assert.True(again.Exit == 0, again.Errors);
        Assert.Contains("4000 rows: 0 created, 0 updated, 4000 unchanged, 0 deactivated, 0 reactivated", again.Output, StringComparison.Ordinal);

        // One member left the college: the next FULL export lacks them.
        var leaving = lines[2500].Split(';')[0];
        var without = Utf8(string.Join("\n", [Header, .. lines.Where(l => !l.StartsWith(leaving + ";", StringComparison.Ordinal))]));
        var full = await ImportAsync("export-2.csv", without, "--full");

        Assert.True(full.Exit == 0, full.Errors);
        Assert.Contains("3999 rows: 0 created, 0 updated, 3999 unchanged", full.Output, StringComparison.Ordinal);
        Assert.Contains("; 1 active member(s) missing from the file deactivated", full.Output, StringComparison.Ordinal);
        await using var db = Factory.CreateDbContext();
        Assert.Equal([leaving], await db.Members.Where(m => m.Status == MemberStatus.Deactivated).Select(m => m.MemberNumber).ToListAsync());
        Assert.Equal(4000, await db.Members.CountAsync());
        var quoted = await db.Members.SingleAsync(m => m.MemberNumber == "600097");
        Assert.Equal(("Jérôme", "D'Aoust; fils 97", "membre97@exemple.qc.ca"), (quoted.FirstName, quoted.LastName, quoted.Email));
        Assert.Equal("Pépin \"Doc\" 89", (await db.Members.SingleAsync(m => m.MemberNumber == "600089")).LastName);
    }

    [Fact]
    public async Task A_file_with_bad_lines_writes_nothing_and_reports_every_bad_line_by_number()
    {
        var csv = string.Join("\n",
            Header,                                                                                         // 1
            "40001;Anne;Valide;anne.valide@exemple.qc.ca;fr;fr;resident;06;;oui",                            // 2
            "40002;Bad;Email;pas-un-courriel;fr;fr;resident;06;;oui",                                       // 3
            "40003;\"Multi",                                                                                // 4
            "ligne\";Valide;multi@exemple.qc.ca;en;en;resident;06;gmf;yes",                                 // 5
            "40004;Bad;Region;bad.region@exemple.qc.ca;fr;fr;resident;Atlantide;;oui",                      // 6
            "40005;Too;Few;fields@exemple.qc.ca",                                                           // 7
            "",                                                                                             // 8
            "40006;Bad;Active;bad.active@exemple.qc.ca;fr;fr;resident;06;;peut-être",                       // 9
            "40007;Bad;Stage;bad.stage@exemple.qc.ca;xx;fr;astronaut;06;;oui");                             // 10

        var (exit, output, errors) = await ImportAsync("bad.csv", Utf8(csv));

        Assert.Equal(MemberCsvImport.ExitBadLines, exit);
        Assert.Equal("", output);
        var reported = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "bad.csv:3: INVALID_EMAIL (email)", "bad.csv:6: INVALID_REGION (region)", "bad.csv:7: INVALID_FIELD_COUNT",
                "bad.csv:9: INVALID_ACTIVE (active)", "bad.csv:10: INVALID_LANGUAGE (preferred_language)", "bad.csv:10: INVALID_CAREER_STAGE (career_stage)",
            ],
            reported.SkipLast(1).Select(l => l[..l.IndexOf(':', l.IndexOf(':', l.IndexOf(':') + 1) + 1)]));
        Assert.Equal("import-members: 5 bad line(s); nothing was written.", reported[^1]);
        await using var db = Factory.CreateDbContext();
        Assert.Equal(DemoPeople.MemberCount, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Comma_separated_utf8_without_bom_with_labels_and_quotes_is_read()
    {
        var csv = "Member Number,First Name,Last Name,Email,Preferred Language,Career Stage,Region,Languages Spoken,Phone\r\n" +
            "40001,Éloïse,\"Bérubé, fille\",  Eloise.Berube@Exemple.qc.ca ,FR,Résident·e en médecine familiale,Côte-Nord,\"fr, en\",418-555-0101\r\n" +
            "40002,Jean-François,L'Heureux,jf.lheureux@exemple.qc.ca,en,experienced,9,,\r\n";

        var (exit, output, errors) = await ImportAsync("virgules.csv", Utf8(csv));

        Assert.True(exit == 0, errors);
        Assert.Contains("virgules.csv: column 'Phone' is not a member column; ignored.", output, StringComparison.Ordinal);
        Assert.Contains("2 rows: 2 created", output, StringComparison.Ordinal);
        await using var db = Factory.CreateDbContext();
        var eloise = await db.Members.SingleAsync(m => m.MemberNumber == "40001");
        Assert.Equal(("Éloïse", "Bérubé, fille", "eloise.berube@exemple.qc.ca"), (eloise.FirstName, eloise.LastName, eloise.Email));
        Assert.Equal(("resident", "09", Language.Fr), (eloise.CareerStage, eloise.Region, eloise.PreferredLanguage));
        Assert.Equal(["fr", "en"], eloise.LanguagesSpoken);
        var jf = await db.Members.SingleAsync(m => m.MemberNumber == "40002");
        Assert.Equal("09", jf.Region);
        Assert.Equal(["en"], jf.LanguagesSpoken);
    }

    [Fact]
    public async Task Files_that_are_not_utf8_or_lack_a_column_are_refused_on_their_line()
    {
        var latin1 = Encoding.Latin1.GetBytes(Header + "\n40001;Hélène;Côté;h.c@exemple.qc.ca;fr;fr;resident;06;;oui\n");
        var noEmail = Utf8("member_number;first_name;last_name;preferred_language;career_stage;region\n40001;A;B;fr;resident;06\n");

        var notUtf8 = await ImportAsync("latin1.csv", latin1);
        var missing = await ImportAsync("missing.csv", noEmail);
        var usage = await ImportAsync("x.csv", Utf8(Header), "--everything");

        Assert.Equal(MemberCsvImport.ExitBadLines, notUtf8.Exit);
        Assert.StartsWith("latin1.csv:2: The file is not valid UTF-8", notUtf8.Errors, StringComparison.Ordinal);
        Assert.Equal(MemberCsvImport.ExitBadLines, missing.Exit);
        Assert.StartsWith("missing.csv:1: Missing column(s): email.", missing.Errors, StringComparison.Ordinal);
        Assert.Equal(MemberCsvImport.ExitUsage, usage.Exit);
        await using var db = Factory.CreateDbContext();
        Assert.Equal(DemoPeople.MemberCount, await db.Members.CountAsync());
    }
}
