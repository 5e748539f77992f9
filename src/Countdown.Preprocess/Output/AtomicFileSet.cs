using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Output;

/// <summary>
/// A group of output files that appear all together or not at all: each is written under a temporary name in
/// its own folder and renamed over its final name only after every file of the set is complete.
/// </summary>
/// <remarks>
/// <para>Disposing a set that was not committed deletes its temporary files and the folders it created, so a failure
/// or Ctrl-C leaves the files already there exactly as they were. Temporary names are <c>.NAME.PID.N.tmp</c>; a new
/// set removes the ones a dead process left behind, and undoes a commit that a dead process left half-way.</para>
/// <para><see cref="Commit"/> flushes every file to the disk, checks every final name, locks the folders against other
/// runs, and keeps the previous files under backup names until the whole set is in place, restoring them if a rename
/// fails. The guarantees and their limits are listed in <c>docs/guarantees.md</c>.</para>
/// </remarks>
public sealed partial class AtomicFileSet : IAsyncDisposable
{
    private static int s_nextNumber;
    private readonly List<Entry> _files = [];
    private readonly List<string> _createdFolders = [];
    private bool _committed;

    /// <summary>Called with a folder's path when another run is committing into it and this set waits for it to finish.</summary>
    public Action<string>? WaitingForLock { get; init; }

    /// <summary>Creates the temporary file for <paramref name="finalPath"/> and returns it open for writing.</summary>
    /// <exception cref="OutputException">The folder cannot be created, the final name is a folder, or the file cannot be opened.</exception>
    public FileStream Create(string finalPath) => Create(finalPath, option: null);

    /// <summary>Creates the temporary file for <paramref name="finalPath"/>; errors suggest choosing another <paramref name="option"/>.</summary>
    /// <param name="finalPath">Where the file appears on commit.</param>
    /// <param name="option">The command-line option that named the path (such as <c>--local-dir</c>), for the hint in error messages.</param>
    /// <exception cref="OutputException">The folder cannot be created, the final name is a folder, or the file cannot be opened.</exception>
    public FileStream Create(string finalPath, string? option)
    {
        ArgumentNullException.ThrowIfNull(finalPath);
        if (_committed) throw new InvalidOperationException("The set was already committed; start a new one.");
        if (finalPath.Length == 0) throw new OutputException($"The output path is empty; {Choose(option)}.", finalPath);
        var full = Path.GetFullPath(finalPath);
        var folder = Path.GetDirectoryName(full)!;
        CreateFolder(folder, full, option);
        CheckFinalName(full, option);
        TemporaryName.RecoverOrphans(full);
        var temporary = TemporaryName.For(full, Interlocked.Increment(ref s_nextNumber) - 1, TemporaryName.TemporarySuffix);
        try
        {
            var entry = new Entry(full, temporary, option);
            var stream = new TemporaryFileStream(temporary, error => entry.CloseError ??= error);
            _files.Add(entry);
            return stream;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"Cannot write to '{folder}': {Reason(error)}; {Hint(option)}. {NothingChanged}", full, error);
        }
    }

    /// <summary>The final paths of the files in the set, in the order they were created.</summary>
    public IReadOnlyList<string> FinalPaths => _files.Select(f => f.Final).ToArray();

    /// <summary>Deletes the temporary files and the folders this set created, unless the set was committed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            // An early flush still running would reopen a file being deleted: let it end first (its error no longer matters).
            foreach (var entry in _files)
                if (entry.Flushing is { } flushing) await flushing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var entry in _files) TryDelete(entry.Temporary);
            // Deepest first; a folder that holds anything else (another run's files) stays.
            foreach (var folder in _createdFolders)
            {
                try { Directory.Delete(folder, recursive: false); }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException) { }
            }
            _files.Clear();
            _createdFolders.Clear();
        }
    }

    /// <summary>Creates <paramref name="folder"/> and its missing parents, remembering them so a failed set removes them again.</summary>
    private void CreateFolder(string folder, string finalPath, string? option)
    {
        var missing = new List<string>();
        for (var current = folder; current is not null && !Directory.Exists(current) && !IsLink(current); current = Path.GetDirectoryName(current))
            missing.Add(current);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(BlockedFolder(folder, error, option), finalPath, error);
        }
        foreach (var created in missing)
            if (!_createdFolders.Contains(created)) _createdFolders.Add(created);
        _createdFolders.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    /// <summary>Says truthfully why a folder cannot be created: a file or a dangling link in the way, or the system's reason.</summary>
    private static string BlockedFolder(string folder, Exception error, string? option)
    {
        for (var current = folder; current is not null; current = Path.GetDirectoryName(current))
        {
            if (IsLink(current) && !Directory.Exists(current))
            {
                var target = new FileInfo(current).LinkTarget!;
                var resolved = Path.GetFullPath(target, Path.GetDirectoryName(current)!);
                return File.Exists(resolved)
                    ? $"Cannot create the folder '{folder}': '{current}' is a symbolic link to the file '{target}', not to a folder; {Choose(option)}. {NothingChanged}"
                    : $"Cannot create the folder '{folder}': '{current}' is a symbolic link to '{target}', which does not exist; create '{target}' or {Choose(option)}. {NothingChanged}";
            }
            if (File.Exists(current))
                return $"Cannot create the folder '{folder}': '{current}' is a file, not a folder; {Choose(option)}. {NothingChanged}";
        }
        return $"Cannot create the folder '{folder}': {Reason(error)}; {Hint(option)}. {NothingChanged}";
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException) { /* best effort: a later run removes it */ }
    }

    private const string NothingChanged = "No output was changed.";

    private static string Hint(string? option) => $"{Choose(option)} or fix its permissions";

    private static string Choose(string? option) => option is null ? "choose another path" : $"choose another {option}";

    private static string Reason(Exception error) => error.Message.TrimEnd().TrimEnd('.');

    private sealed record Entry(string Final, string Temporary, string? Option)
    {
        /// <summary>Why closing the stream failed (its last bytes may be missing), or null.</summary>
        public Exception? CloseError { get; set; }

        /// <summary>The flush to the disk started early (<see cref="StartFlushToDisk"/>), or null.</summary>
        public Task? Flushing { get; set; }
    }
}
