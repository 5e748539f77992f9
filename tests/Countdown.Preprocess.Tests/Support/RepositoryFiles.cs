namespace Countdown.Preprocess.Tests.Support;

/// <summary>Finds files of this repository (samples, README) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Countdown.Preprocess.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (with Countdown.Preprocess.sln) is not above the test folder.");
    }
}
