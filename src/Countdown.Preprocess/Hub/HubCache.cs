using System.Text;
using Countdown.Preprocess.Output;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Hub;

/// <summary>
/// One dataset's folder in our cache, laid out like huggingface_hub's: <c>hub/datasets--OWNER--NAME/</c> with
/// <c>refs/{revision}</c> (the commit a branch or tag last resolved to), <c>trees/{commit}.json</c> (the commit's file list)
/// and <c>snapshots/{commit}/{path}</c> (verified files). Every file is written with <see cref="AtomicFileSet"/>, like the outputs.
/// </summary>
internal sealed class HubCache
{
    public HubCache(string root, HubDatasetReference dataset)
    {
        Root = root;
        Folder = Path.Combine(root, "hub", "datasets--" + dataset.Repository.Replace("/", "--", StringComparison.Ordinal));
    }

    /// <summary>The cache root as configured.</summary>
    public string Root { get; }

    /// <summary>This dataset's folder.</summary>
    public string Folder { get; }

    /// <summary>Where the verified copy of <paramref name="path"/> at <paramref name="commit"/> lives.</summary>
    public string FilePath(string commit, string path) => Path.Combine([Folder, "snapshots", commit, .. path.Split('/')]);

    /// <summary>The commit <paramref name="revision"/> last resolved to, or null when unknown.</summary>
    public async Task<string?> ReadRefAsync(string revision, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(RefPath(revision), cancellationToken);
        return text?.Trim() is { } commit && HubDatasetReference.IsCommitId(commit) ? commit : null;
    }

    /// <summary>Records that <paramref name="revision"/> resolved to <paramref name="commit"/>.</summary>
    public async Task WriteRefAsync(string revision, string commit, CancellationToken cancellationToken)
    {
        var path = RefPath(revision);
        if (await ReadTextAsync(path, cancellationToken) == commit) return;
        await WriteAtomicallyAsync(path, Encoding.ASCII.GetBytes(commit), cancellationToken);
    }

    /// <summary>The file list of <paramref name="commit"/> as last fetched, or null when not cached.</summary>
    public async Task<HubRevision?> ReadTreeAsync(string commit, CancellationToken cancellationToken)
    {
        var path = TreePath(commit);
        if (!File.Exists(path)) return null;
        try
        {
            var tree = HubRevision.Parse(await File.ReadAllBytesAsync(path, cancellationToken));
            return tree.Commit == commit ? tree : null;
        }
        catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps the file list of a commit, once; a commit's files never change.</summary>
    public async Task WriteTreeAsync(HubRevision revision, CancellationToken cancellationToken)
    {
        var path = TreePath(revision.Commit);
        if (await ReadTreeAsync(revision.Commit, cancellationToken) is not null) return;
        await WriteAtomicallyAsync(path, revision.ToJson(), cancellationToken);
    }

    /// <summary>Writes <paramref name="content"/> with the tool's one commit protocol (<see cref="AtomicFileSet"/>).</summary>
    private async Task WriteAtomicallyAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            await using var set = new AtomicFileSet();
            await using (var stream = set.Create(path))
                await stream.WriteAsync(content, cancellationToken);
            set.Commit(cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or OutputException)
        {
            throw CacheFailed(error);
        }
    }

    /// <summary>The cache error for a failed write; an <see cref="OutputException"/> already says what went wrong.</summary>
    public HubException CacheFailed(Exception error) => HubErrors.CacheFailed(Root, error is OutputException { InnerException: { } inner } ? inner : error);

    private static async Task<string?> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return File.Exists(path) ? await File.ReadAllTextAsync(path, Encoding.ASCII, cancellationToken) : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Revisions were checked by HubDatasetReference.Parse: no empty, '.'-led or '..' segments, so they stay inside refs/.
    private string RefPath(string revision) => Path.Combine([Folder, "refs", .. revision.Split('/')]);

    private string TreePath(string commit) => Path.Combine(Folder, "trees", commit + ".json");
}
