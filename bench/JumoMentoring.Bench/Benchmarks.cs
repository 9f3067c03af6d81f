namespace JumoMentoring.Bench;

public static class Benchmarks
{
    /// <summary>The benchmark names Program.cs dispatches on.</summary>
    public static readonly string[] Names = ["chat", "graphql", "import", "matching", "search"];
}
