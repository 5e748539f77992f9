using System.Diagnostics;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>Process ids for tests of what dead processes leave behind.</summary>
internal static class DeadProcess
{
    /// <summary>The id of a process that has ended (and, almost surely, not been reused in the moment since).</summary>
    public static int Id()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
