using System.Runtime.InteropServices;

namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>Builds child command lines so both sides start the same way: <c>dotnet some.dll ...</c> (or an apphost).</summary>
internal static class Launcher
{
    /// <summary>The <c>dotnet</c> host that runs framework-dependent assemblies.</summary>
    public static string DotnetHost { get; } = FindDotnetHost();

    /// <summary>
    /// The CLI as released: the Native AOT executable that <c>dotnet publish -r linux-x64 -o artifacts/cli</c> writes (see
    /// README "Release build"), else an older framework-dependent publish there, else the plain <c>dotnet build -c Release</c>
    /// output, which pays start-up compilation.
    /// </summary>
    public static string DefaultCliPath
    {
        get
        {
            var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "cli");
            var native = Path.Combine(folder, OperatingSystem.IsWindows() ? "countdown-preprocess.exe" : "countdown-preprocess");
            var published = Path.Combine(folder, "countdown-preprocess.dll");
            if (File.Exists(native) && !File.Exists(published)) return native;
            return File.Exists(published)
                ? published
                : Path.Combine(RepositoryPaths.Root, "src", "Countdown.Preprocess.Cli", "bin", "Release", "net10.0", "countdown-preprocess.dll");
        }
    }

    /// <summary>Runs the CLI at <paramref name="cliPath"/> (a <c>.dll</c> through <c>dotnet</c>, else an executable) with <paramref name="arguments"/>.</summary>
    public static ChildCommand Cli(string cliPath, IEnumerable<string> arguments)
        => Assembly(cliPath, arguments);

    /// <summary>Runs this harness again, in a child mode such as <c>duckdb-child</c>.</summary>
    public static ChildCommand Self(IEnumerable<string> arguments)
        => Assembly(typeof(Launcher).Assembly.Location, arguments);

    /// <summary>The command with its standard output sent to <c>/dev/null</c> by a shell that then becomes it (<c>exec</c>), so the
    /// harness neither reads millions of lines nor measures the shell.</summary>
    public static ChildCommand ToDevNull(ChildCommand command)
        => new("/bin/sh", ["-c", "exec \"$0\" \"$@\" > /dev/null", command.FileName, .. command.Arguments]);

    private static ChildCommand Assembly(string path, IEnumerable<string> arguments)
    {
        var full = Path.GetFullPath(path);
        return full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ChildCommand(DotnetHost, [full, .. arguments])
            : new ChildCommand(full, [.. arguments]);
    }

    private static string FindDotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Path.GetFileName(Environment.ProcessPath) == name) return Environment.ProcessPath!;
        // The shared runtime lives at <root>/shared/Microsoft.NETCore.App/<version>/; the host sits in <root>.
        var runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var beside = Path.Combine(root, name);
        return File.Exists(beside) ? beside : name;
    }
}
