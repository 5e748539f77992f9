using System.IO.Compression;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Packaging;

/// <summary><c>dotnet pack</c> makes packages that carry a readme, so NuGet shows what the package is and pack does not warn.</summary>
public sealed class PackageTests
{
    [Theory]
    [InlineData("src/Countdown.Preprocess.Cli", "countdown-preprocess.0.1.0.nupkg")]
    [InlineData("src/Countdown.Preprocess", "Countdown.Preprocess.0.1.0.nupkg")]
    public async Task Pack_Project_ShipsItsReadmeWithoutAWarning(string project, string package)
    {
        using var dir = new TempDirectory();
        // The projects are built with the tests, in the same configuration as this assembly (bin/<configuration>/net10.0).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

        var run = await ShellRun.RunAsync(RepositoryFiles.Root, $"dotnet pack {project} -c {configuration} --no-build -o '{dir.Path}'");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("missing a readme", run.Output);
        using var zip = ZipFile.OpenRead(Path.Combine(dir.Path, package));
        var readme = zip.GetEntry("PACKAGE.md");
        Assert.NotNull(readme);
        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        Assert.Contains("<readme>PACKAGE.md</readme>", await nuspec.ReadToEndAsync());
    }

    [Fact]
    public async Task Pack_Tool_PointsToANativePackagePerRuntime()
    {
        using var dir = new TempDirectory();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

        var run = await ShellRun.RunAsync(RepositoryFiles.Root, $"dotnet pack src/Countdown.Preprocess.Cli -c {configuration} --no-build -o '{dir.Path}'");

        // The README's install packs the tool for the runtime (Native AOT); the top package must name that package.
        Assert.True(run.ExitCode == 0, run.Output);
        using var zip = ZipFile.OpenRead(Path.Combine(dir.Path, "countdown-preprocess.0.1.0.nupkg"));
        using var settings = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal)).Open());
        string xml = await settings.ReadToEndAsync();
        foreach (var runtime in new[] { "linux-x64", "linux-arm64", "osx-arm64", "win-x64", "any" })
        {
            Assert.Contains($"RuntimeIdentifier=\"{runtime}\" Id=\"countdown-preprocess.{runtime}\"", xml);
        }
    }
}
