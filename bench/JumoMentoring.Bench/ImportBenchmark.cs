using System.Diagnostics;
using System.Globalization;
using System.Text;
using JumoMentoring.Api.Setup;
using JumoMentoring.Api.Sync;
using JumoMentoring.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JumoMentoring.Bench;

/// <summary>
/// The member-system CSV import (scripts/import-members) on a fresh database: a first FULL import
/// of N generated members, the same file again (all unchanged), then a FULL file without one
/// member (who is deactivated). Prints the wall time and the import's own summary of each.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = Option(args, "--rows", 4000);
        var database = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault() ?? "jumo_bench_import";
        if (rows < 2)
        {
            Console.Error.WriteLine("usage: scripts/bench import [--rows 4000] [--db jumo_bench_import]");
            return 2;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(
            Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? DomainServiceCollectionExtensions.DefaultConnectionString)
        { Database = database }.ConnectionString;
        await RecreateDatabaseAsync(connectionString);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString }).Build();
        await using var services = new ServiceCollection().AddDomain(configuration).BuildServiceProvider();
        await DatabaseSetup.RunAsync(services, seedDemoData: false);

        var folder = Directory.CreateTempSubdirectory("jumo-bench-import-");
        try
        {
            var lines = Generate(rows);
            var all = Path.Combine(folder.FullName, "export.csv");
            var lessOne = Path.Combine(folder.FullName, "export-less-one.csv");
            await File.WriteAllLinesAsync(all, [Header, .. lines], new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await File.WriteAllLinesAsync(lessOne, [Header, .. lines.Where((_, i) => i != rows / 2)], new UTF8Encoding(true));
            Console.WriteLine($"import: database {database}, {rows} generated members, FULL imports");
            await TimeAsync(services, "first import (all new)", all);
            await TimeAsync(services, "same file again", all);
            await TimeAsync(services, "one member left out", lessOne);
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private const string Header = "member_number;first_name;last_name;email;preferred_language;languages_spoken;career_stage;region;practice_settings;active";

    private static async Task TimeAsync(IServiceProvider services, string label, string path)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var clock = Stopwatch.StartNew();
        var exit = await MemberCsvImport.RunAsync(services, [path, "--full"], output, errors);
        clock.Stop();
        var summary = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        Console.WriteLine($"  {label,-26} {clock.Elapsed.TotalSeconds,6:0.00} s   exit {exit}   {summary}");
        if (exit != 0)
        {
            Console.Error.Write(errors.ToString());
        }
    }

    private static List<string> Generate(int rows)
    {
        string[] firsts = ["Émilie", "Jérôme", "François", "Anaïs", "Noël", "Zoë", "Chloé", "Benoît"];
        string[] lasts = ["Côté", "Lévesque", "Bélanger", "Gagné", "Ouellet", "Pelletier"];
        string[] stages = ["medical-student", "resident", "early-career", "experienced", "retired"];
        var lines = new List<string>(rows);
        for (var i = 0; i < rows; i++)
        {
            var number = (700000 + i).ToString(CultureInfo.InvariantCulture);
            var language = i % 3 == 0 ? "en" : "fr";
            lines.Add(string.Join(';',
                number, firsts[i % firsts.Length], $"{lasts[i % lasts.Length]}-{i}", $"membre{number}@exemple.qc.ca", language,
                language == "en" ? "en|fr" : "fr", stages[i % stages.Length], (1 + (i % 17)).ToString("00", CultureInfo.InvariantCulture),
                i % 2 == 0 ? "gmf|hospital" : "gmf", "oui"));
        }

        return lines;
    }

    private static async Task RecreateDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!.Replace("\"", "\"\"", StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
