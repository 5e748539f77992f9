namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>Finds the repository the harness was built from, to locate the CLI build and <c>benchmarks/results/</c>.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding <c>Countdown.Preprocess.sln</c>, or the current directory when none is found.</summary>
    public static string Root { get; } = Find(AppContext.BaseDirectory) ?? Find(Environment.CurrentDirectory) ?? Environment.CurrentDirectory;

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Countdown.Preprocess.sln"))) return dir.FullName;
        return null;
    }
}
