using System.Diagnostics;
using System.Globalization;

namespace Countdown.Preprocess.Output;

/// <summary>
/// The hidden names <see cref="AtomicFileSet"/> uses beside a final file: <c>.NAME.PID.N.tmp</c> for new content and
/// <c>.NAME.PID.N.countdown-backup</c> for the previous content during a commit; the process id says whose they are.
/// </summary>
internal static class TemporaryName
{
    public const string TemporarySuffix = ".tmp";
    /// <summary>Distinctive on purpose: a dead process's backups are moved over their final names, so no user's own <c>.bak</c> file may look like one.</summary>
    public const string BackupSuffix = ".countdown-backup";

    public static string For(string finalPath, int number, string suffix)
        => Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Environment.ProcessId}.{number}{suffix}");

    /// <summary>
    /// Cleans up after processes that no longer run (killed, or out of power) in the folder of <paramref name="finalPath"/>:
    /// deletes their temporary files for that name, and, when one died half-way through a commit, moves its backups (of
    /// any name) back over their final names, so the folder holds the whole set that was there before that run.
    /// Returns how many files it deleted or restored.
    /// </summary>
    /// <remarks>
    /// <para>A process id can be reused, so a live process with the same id is the owner only if it started before the
    /// file was last written: the owner writes the file after it starts. A file written before the live process started
    /// belonged to an earlier process with that id, which is gone. Files of live owners are never touched.</para>
    /// <para>Temporary files are judged only for <paramref name="finalPath"/>'s own name, since a user's file could
    /// happen to look like <c>.notes.2024.1.tmp</c>; backups carry a suffix no one else uses.</para>
    /// <para>A backup exists only while its owner's commit runs: it is deleted as soon as the set is in place. So a dead
    /// owner's backup means a commit that never finished, and putting every backup back undoes it. That is done under
    /// the folder's lock, so no live commit is running at the same moment.</para>
    /// </remarks>
    public static int RecoverOrphans(string finalPath)
    {
        var folder = Path.GetDirectoryName(finalPath)!;
        var finalName = Path.GetFileName(finalPath);
        var temporaries = new List<string>();
        var backups = new List<(string Path, string FinalName)>();
        try
        {
            foreach (var path in Directory.EnumerateFiles(folder, ".*"))
            {
                if (Parse(Path.GetFileName(path)) is not { } name || name.Pid == Environment.ProcessId) continue;
                if (name.Suffix == TemporarySuffix && name.FinalName != finalName) continue;
                if (IsOwnerAlive(name.Pid, File.GetLastWriteTimeUtc(path))) continue;
                if (name.Suffix == BackupSuffix) backups.Add((path, name.FinalName));
                else temporaries.Add(path);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return 0; // best effort: the next run tries again
        }
        var done = 0;
        foreach (var path in temporaries)
            if (TryDelete(path)) done++;
        if (backups.Count == 0) return done;
        try
        {
            using var held = FolderLock.Acquire(folder, waiting: null, CancellationToken.None);
            foreach (var (path, backedUpName) in backups)
            {
                if (!File.Exists(path)) continue; // another run restored it while this one waited
                File.Move(path, Path.Combine(folder, backedUpName), overwrite: true);
                done++;
            }
            if (held.FolderHandle is not null) UnixFileSystem.Sync(held.FolderHandle, folder);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Leave the backups for the next run, which tries again; they are hidden and never deleted unrestored.
        }
        return done;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Splits <c>.NAME.PID.N.tmp</c> or <c>.NAME.PID.N.countdown-backup</c> into its parts, or null when the name has another shape.</summary>
    internal static (string FinalName, int Pid, string Suffix)? Parse(string name)
    {
        var suffix = name.EndsWith(TemporarySuffix, StringComparison.Ordinal) ? TemporarySuffix
            : name.EndsWith(BackupSuffix, StringComparison.Ordinal) ? BackupSuffix : null;
        if (suffix is null || name.Length < 2 || name[0] != '.') return null;
        var rest = name.AsSpan(1, name.Length - 1 - suffix.Length);
        var lastDot = rest.LastIndexOf('.');
        if (lastDot <= 0 || !IsDigits(rest[(lastDot + 1)..])) return null;
        var head = rest[..lastDot];
        var pidDot = head.LastIndexOf('.');
        if (pidDot <= 0 || !IsDigits(head[(pidDot + 1)..])) return null;
        return int.TryParse(head[(pidDot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            ? (head[..pidDot].ToString(), pid, suffix) : null;
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => text.Length is > 0 and <= 10 && !text.ContainsAnyExceptInRange('0', '9');

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
