using JumoMentoring.Tests.Infrastructure;

namespace JumoMentoring.Tests.Schema;

/// <summary>
/// schema/schema.graphql is the published contract: it must equal the served SDL. After a
/// deliberate change, run with UPDATE_SCHEMA=1 to rewrite the file, and review the diff.
/// </summary>
public sealed class SchemaContractTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Published_schema_equals_the_served_schema()
    {
        var served = await Graph.Http.GetStringAsync("/graphql?sdl");
        var path = Path.Combine(RepositoryRoot.Path, "schema", "schema.graphql");

        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        var published = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        if (published != served)
        {
            var mismatch = Path.Combine(RepositoryRoot.Path, "schema", "__mismatch__", "schema.graphql");
            Directory.CreateDirectory(Path.GetDirectoryName(mismatch)!);
            await File.WriteAllTextAsync(mismatch, served);
            Assert.Fail($"The served schema differs from schema/schema.graphql (served copy: {mismatch}). " +
                "If the change is deliberate, run UPDATE_SCHEMA=1 scripts/test and say so in the commit message. First difference:\n" +
                FirstDifference(published, served));
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}\n- {left}\n+ {right}";
            }
        }

        return "(none)";
    }
}
