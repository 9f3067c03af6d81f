using JumoMentoring.Bench;

// Benchmarks print numbers; they assert nothing. Run them with scripts/bench NAME.
var name = args.FirstOrDefault() ?? "";
var rest = args.Skip(1).ToArray();
switch (name)
{
    case "chat":
        return await ChatBenchmark.RunAsync(rest);
    case "graphql":
        return await GraphQLBenchmark.RunAsync(rest);
    case "import":
        return await ImportBenchmark.RunAsync(rest);
    case "matching":
        return MatchingBenchmark.Run(rest);
    case "search":
        return await SearchBenchmark.RunAsync(rest);
    default:
        Console.Error.WriteLine("usage: scripts/bench <benchmark> [options]");
        Console.Error.WriteLine("benchmarks: " + string.Join(", ", Benchmarks.Names));
        return 2;
}
