namespace JumoMentoring.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The checkout's root: the first parent folder of the test binaries that holds the solution.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "JumoMentoring.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("JumoMentoring.sln not found above " + AppContext.BaseDirectory);
    }
}
