using System.Globalization;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Output;

public sealed partial class AtomicFileSet
{
    /// <summary>
    /// Test hook, read once per process: <c>COUNTDOWN_TEST_COMMIT_DELAY_MS</c> makes every rename of a commit take that
    /// much longer, so tests can send a signal or start a second run while a commit is half-way. Not for users.
    /// </summary>
    private static readonly int s_testDelayMilliseconds =
        int.TryParse(Environment.GetEnvironmentVariable("COUNTDOWN_TEST_COMMIT_DELAY_MS"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : 0;

    /// <summary>Held while any set of this process renames files: a forced exit waits for it (see <see cref="RunBetweenCommits"/>).</summary>
    private static readonly Lock s_commitGate = new();

    /// <summary>Test hook: called with the file's index just before its rename; throwing from it simulates a failed rename.</summary>
    internal Action<int>? BeforeRename { get; set; }

    /// <summary>Test hook: called with each path flushed to the disk, temporary files first, then the folders after the renames.</summary>
    internal Action<string>? Synced { get; set; }

    /// <summary>Runs <paramref name="action"/> while no set of this process is half-way through its renames.</summary>
    /// <remarks>For a process that must end now (say a second Ctrl-C): ending inside the gate never splits a commit.</remarks>
    public static void RunBetweenCommits(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (s_commitGate) action();
    }

    /// <summary>Renames every temporary file over its final name; call once all streams are written and closed.</summary>
    /// <remarks>
    /// Flushes each file to the disk, checks every final name, then takes each folder's lock (waiting while another run
    /// commits there). <paramref name="cancellationToken"/> is honoured only up to that point: once the first file is
    /// renamed the set is completed, so a signal never splits it. If a rename fails, the files already replaced are
    /// restored from their backups before the error is thrown.
    /// </remarks>
    /// <exception cref="OutputException">A final name cannot be replaced or a rename failed; the message says whether anything changed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the first rename; nothing changed.</exception>
    public void Commit(CancellationToken cancellationToken = default)
    {
        if (_committed) throw new InvalidOperationException("The set was already committed.");
        foreach (var entry in _files)
            if (entry.CloseError is { } closeError)
                throw new OutputException($"Writing '{entry.Final}' failed: {Reason(closeError)}; free some space or {Choose(entry.Option)}. {NothingChanged}", entry.Final, closeError);
        foreach (var entry in _files)
        {
            if (entry.Flushing is { } started) started.GetAwaiter().GetResult();
            else FlushToDisk(entry);
        }
        foreach (var entry in _files) CheckFinalName(entry.Final, entry.Option);

        var locks = new List<FolderLock>();
        try
        {
            foreach (var folder in _files.Select(f => Path.GetDirectoryName(f.Final)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                locks.Add(AcquireLock(folder, cancellationToken));
            // Another run may have changed the folder while this one waited.
            foreach (var entry in _files) CheckFinalName(entry.Final, entry.Option);
            cancellationToken.ThrowIfCancellationRequested();

            List<Replaced> replaced;
            lock (s_commitGate)
            {
                replaced = ReplaceAll();
                _committed = true;
            }
            SyncFolders(locks);
            foreach (var done in replaced)
                if (done.Backup is not null) TryDelete(done.Backup);
        }
        finally
        {
            foreach (var held in locks) held.Dispose();
        }
    }

    private FolderLock AcquireLock(string folder, CancellationToken cancellationToken)
    {
        try
        {
            return FolderLock.Acquire(folder, WaitingForLock, cancellationToken);
        }
        catch (IOException error)
        {
            throw new OutputException($"Cannot lock '{folder}' against other runs: {Reason(error)}. {NothingChanged}", folder, error);
        }
    }

    /// <summary>Fails, before anything changes, when <paramref name="finalPath"/> is something a file cannot replace.</summary>
    private static void CheckFinalName(string finalPath, string? option)
    {
        if (IsLink(finalPath))
        {
            var target = new FileInfo(finalPath).LinkTarget!;
            var resolved = Path.GetFullPath(target, Path.GetDirectoryName(finalPath)!);
            var what = Directory.Exists(resolved) ? "a folder" : File.Exists(resolved) ? "a file" : "nothing (the link is broken)";
            throw new OutputException(
                $"'{finalPath}' is a symbolic link to '{target}', which points to {what}; the new file would replace the link, not its target, so remove the link or {Choose(option)}. {NothingChanged}", finalPath);
        }
        if (Directory.Exists(finalPath))
            throw new OutputException($"'{finalPath}' is a folder, so the new file cannot take its name; remove it or {Choose(option)}. {NothingChanged}", finalPath);
    }

    /// <summary>Starts flushing the file for <paramref name="finalPath"/> to the disk on the thread pool, so that <see cref="Commit"/> finds it done.</summary>
    /// <remarks>
    /// For a file complete well before the set (a job's train split while its test split is written): the disk works
    /// while the job does. Call it once the file's stream is closed. A failure surfaces in <see cref="Commit"/>, as if the
    /// flush had run there.
    /// </remarks>
    /// <exception cref="ArgumentException">The set holds no file for <paramref name="finalPath"/>.</exception>
    public void StartFlushToDisk(string finalPath)
    {
        ArgumentNullException.ThrowIfNull(finalPath);
        if (_committed) throw new InvalidOperationException("The set was already committed.");
        var full = Path.GetFullPath(finalPath);
        var entry = _files.Find(f => f.Final == full) ?? throw new ArgumentException($"The set holds no file for '{finalPath}'.", nameof(finalPath));
        entry.Flushing ??= Task.Run(() => FlushToDisk(entry));
    }

    /// <summary>Makes sure a power loss after the rename cannot leave a final name pointing at data that never reached the disk.</summary>
    private void FlushToDisk(Entry entry)
    {
        try
        {
            using var handle = File.OpenHandle(entry.Temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.FlushToDisk(handle);
            Synced?.Invoke(entry.Temporary);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"Cannot flush '{entry.Final}' to the disk: {Reason(error)}. {NothingChanged}", entry.Final, error);
        }
    }

    /// <summary>Renames each file into place, keeping a backup of what it replaces; on failure puts everything back.</summary>
    private List<Replaced> ReplaceAll()
    {
        var replaced = new List<Replaced>();
        for (var index = 0; index < _files.Count; index++)
        {
            var entry = _files[index];
            var step = new Replaced(entry, null, MovedAway: false, Renamed: false);
            try
            {
                BeforeRename?.Invoke(index);
                if (File.Exists(entry.Final))
                {
                    var backup = TemporaryName.For(entry.Final, Interlocked.Increment(ref s_nextNumber) - 1, TemporaryName.BackupSuffix);
                    // A hard link keeps the old file under its final name too, so the name is never missing.
                    var linked = UnixFileSystem.IsAvailable && UnixFileSystem.TryHardLink(entry.Final, backup);
                    if (!linked) File.Move(entry.Final, backup);
                    step = step with { Backup = backup, MovedAway = !linked };
                }
                File.Move(entry.Temporary, entry.Final, overwrite: true);
                replaced.Add(step with { Renamed = true });
                if (s_testDelayMilliseconds > 0) Thread.Sleep(s_testDelayMilliseconds);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                replaced.Add(step);
                throw RolledBack(entry, error, replaced);
            }
        }
        return replaced;
    }

    /// <summary>Undoes <paramref name="replaced"/> in reverse order and builds the message that says what the folder now holds.</summary>
    private OutputException RolledBack(Entry failed, Exception error, List<Replaced> replaced)
    {
        var notRestored = new List<string>();
        for (var index = replaced.Count - 1; index >= 0; index--)
        {
            var step = replaced[index];
            try
            {
                if (step.Renamed && step.Backup is not null) File.Move(step.Backup, step.Entry.Final, overwrite: true);
                else if (step.Renamed) File.Delete(step.Entry.Final);
                else if (step.Backup is not null && step.MovedAway) File.Move(step.Backup, step.Entry.Final);
                else if (step.Backup is not null) File.Delete(step.Backup);
            }
            catch (Exception undo) when (undo is IOException or UnauthorizedAccessException)
            {
                notRestored.Add(step.Backup is null
                    ? $"'{step.Entry.Final}' holds the new file and could not be removed ({Reason(undo)})"
                    : $"'{step.Entry.Final}' could not be restored ({Reason(undo)}); its previous content is in '{step.Backup}'");
            }
        }
        foreach (var entry in _files) TryDelete(entry.Temporary);
        var what = $"Cannot move the new file into place at '{failed.Final}': {Reason(error)}";
        return notRestored.Count == 0
            ? new OutputException($"{what}; the files already there were put back. {NothingChanged}", failed.Final, error)
            : new OutputException($"{what}, and putting the previous files back failed, so the output is mixed: {string.Join("; ", notRestored)}.", failed.Final, error);
    }

    /// <summary>fsync each folder so the renames themselves survive a power loss.</summary>
    private void SyncFolders(List<FolderLock> locks)
    {
        foreach (var held in locks)
        {
            if (held.FolderHandle is null) continue;
            try
            {
                UnixFileSystem.Sync(held.FolderHandle, held.Folder);
                Synced?.Invoke(held.Folder);
            }
            catch (IOException error)
            {
                throw new OutputException($"The new files are in place in '{held.Folder}', but flushing the folder to the disk failed: {Reason(error)}; a power loss now could undo the change.", held.Folder, error);
            }
        }
    }

    private sealed record Replaced(Entry Entry, string? Backup, bool MovedAway, bool Renamed);
}
