using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Output;

/// <summary>
/// A group of output files that appear all together or not at all: each is written under a temporary name in
/// its own folder and renamed over its final name only after every file of the set is complete.
/// </summary>
/// <remarks>
/// Disposing a set that was not committed deletes its temporary files, so a failure or Ctrl-C leaves the files
/// already in the folder exactly as they were. The temporary names start with a dot and end in <c>.tmp</c>.
/// </remarks>
public sealed class AtomicFileSet : IAsyncDisposable
{
    private readonly List<(string Final, string Temporary)> _files = [];
    private bool _committed;

    /// <summary>Creates the temporary file for <paramref name="finalPath"/> and returns it open for writing.</summary>
    /// <exception cref="OutputException">The folder cannot be created or the file cannot be opened.</exception>
    public FileStream Create(string finalPath)
    {
        var full = Path.GetFullPath(finalPath);
        var folder = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{_files.Count}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
            _files.Add((full, temporary));
            return stream;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"Cannot write to '{folder}': {error.Message} Choose another --local-dir or fix its permissions.", full, error);
        }
    }

    /// <summary>The final paths of the files in the set, in the order they were created.</summary>
    public IReadOnlyList<string> FinalPaths => _files.Select(f => f.Final).ToArray();

    /// <summary>Renames every temporary file over its final name; call once all streams are flushed and closed.</summary>
    /// <exception cref="OutputException">A rename failed; the files not yet renamed are removed.</exception>
    public void Commit()
    {
        foreach (var (final, temporary) in _files)
        {
            try
            {
                File.Move(temporary, final, overwrite: true);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new OutputException($"Cannot move the finished output into place at '{final}': {error.Message}", final, error);
            }
        }
        _committed = true;
    }

    /// <summary>Deletes the temporary files unless the set was committed.</summary>
    public ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            foreach (var (_, temporary) in _files)
            {
                try { File.Delete(temporary); }
                catch (IOException) { /* best effort: the name marks it as temporary */ }
                catch (UnauthorizedAccessException) { }
            }
        }
        return ValueTask.CompletedTask;
    }
}
