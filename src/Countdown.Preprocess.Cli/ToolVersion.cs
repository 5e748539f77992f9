using System.Reflection;

namespace Countdown.Preprocess.Cli;

/// <summary>The tool's version as <c>--version</c> prints it (the informational version, without a commit suffix).</summary>
internal static class ToolVersion
{
    public static string Current { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
