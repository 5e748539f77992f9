using System.Diagnostics;
using System.Globalization;

namespace Countdown.Preprocess.Output;

/// <summary>
/// The hidden names <see cref="AtomicFileSet"/> uses beside a final file: <c>.NAME.PID.N.tmp</c> for new content and
/// <c>.NAME.PID.N.bak</c> for the previous content during a commit; the process id says whose they are.
/// </summary>
internal static class TemporaryName
{
    public const string TemporarySuffix = ".tmp";
    public const string BackupSuffix = ".bak";

    public static string For(string finalPath, int number, string suffix)
        => Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Environment.ProcessId}.{number}{suffix}");

    /// <summary>
    /// Deletes the temporary and backup files of <paramref name="finalPath"/> that a process which no longer runs left
    /// behind (killed, or out of power); returns how many it deleted.
    /// </summary>
    /// <remarks>
    /// A process id can be reused, so a live process with the same id is the owner only if it started before the file
    /// was last written: the owner writes the file after it starts. A file written before the live process started
    /// belonged to an earlier process with that id, which is gone. Files of live owners are never touched.
    /// </remarks>
    public static int RemoveOrphans(string finalPath)
    {
        var folder = Path.GetDirectoryName(finalPath)!;
        var prefix = "." + Path.GetFileName(finalPath) + ".";
        var removed = 0;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, prefix + "*").ToArray();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
        foreach (var path in candidates)
        {
            if (OwnerOf(Path.GetFileName(path), prefix) is not { } pid || pid == Environment.ProcessId) continue;
            try
            {
                if (IsOwnerAlive(pid, File.GetLastWriteTimeUtc(path))) continue;
                File.Delete(path);
                removed++;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // Best effort: a file we cannot delete now is tried again by the next run.
            }
        }
        return removed;
    }

    /// <summary>The process id in <c>PREFIX PID.N.tmp</c> or <c>.bak</c>, or null when the name has another shape.</summary>
    internal static int? OwnerOf(string name, string prefix)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var suffix = name.EndsWith(TemporarySuffix, StringComparison.Ordinal) ? TemporarySuffix
            : name.EndsWith(BackupSuffix, StringComparison.Ordinal) ? BackupSuffix : null;
        if (suffix is null) return null;
        var middle = name.AsSpan(prefix.Length, name.Length - prefix.Length - suffix.Length);
        var dot = middle.IndexOf('.');
        if (dot <= 0) return null;
        return int.TryParse(middle[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            && int.TryParse(middle[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? pid : null;
    }

    private static bool IsOwnerAlive(int pid, DateTime lastWriteUtc)
    {
        if (UnixFileSystem.IsAvailable && !UnixFileSystem.IsAlive(pid)) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            // A process that started after the file was last written cannot have written it: the id was reused.
            return process.StartTime.ToUniversalTime() <= lastWriteUtc.AddSeconds(1);
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true; // cannot tell: keep the file
        }
    }
}
