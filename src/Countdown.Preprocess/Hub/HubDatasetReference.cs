using System.Text.RegularExpressions;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Hub;

/// <summary>A dataset repository on the Hugging Face Hub and the revision (branch, tag or commit) to read.</summary>
/// <param name="Repository">The repository id, <c>OWNER/NAME</c>.</param>
/// <param name="Revision">The branch, tag or 40-hex commit; <c>main</c> by default.</param>
public sealed partial record HubDatasetReference(string Repository, string Revision)
{
    private const string Prefix = "hf://datasets/";
    private const string Example = "'hf://datasets/OWNER/NAME' or 'hf://datasets/OWNER/NAME@REVISION'";

    /// <summary>The revision read when an address names none.</summary>
    public const string DefaultRevision = "main";

    /// <summary>The dataset TinyZero reads: <c>hf://datasets/Jiayi-Pan/Countdown-Tasks-3to4@main</c>.</summary>
    public static HubDatasetReference Default { get; } = new("Jiayi-Pan/Countdown-Tasks-3to4", DefaultRevision);

    /// <summary>Whether <paramref name="input"/> is a Hub address (starts with <c>hf://</c>) rather than a local path.</summary>
    public static bool IsHubUri(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.StartsWith("hf://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses <c>hf://datasets/OWNER/NAME[@REVISION]</c>; a <c>/</c> in the revision may be written as <c>%2F</c>.</summary>
    /// <exception cref="UsageException">The address is not of that form.</exception>
    public static HubDatasetReference Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"Input '{uri}' is not a Hub dataset address; write it as {Example}.");
        var rest = uri[Prefix.Length..];
        var at = rest.IndexOf('@');
        var repository = at < 0 ? rest : rest[..at];
        var revision = at < 0 ? DefaultRevision : Uri.UnescapeDataString(rest[(at + 1)..]);
        if (!IsRepositoryId(repository))
            throw new UsageException($"Input '{uri}' does not name a dataset as 'OWNER/NAME' (letters, digits, '-', '_', '.'); write it as {Example}.");
        if (!IsRevision(revision))
            throw new UsageException($"Input '{MessageText.Quote(uri)}' has an invalid revision '{MessageText.Quote(revision)}'; put a branch, tag or commit after '@' (letters, digits, '_', '-', '.', '+', at most {MaxRevisionSegment} characters between '/'), as in 'hf://datasets/{repository}@main'.");
        return new HubDatasetReference(repository, revision);
    }

    /// <summary>The address in the form <see cref="Parse"/> reads.</summary>
    public override string ToString() => $"{Prefix}{Repository}@{Revision}";

    /// <summary>Whether <see cref="Revision"/> is a full commit id rather than a branch or tag.</summary>
    internal bool IsCommit => CommitId().IsMatch(Revision);

    internal static bool IsCommitId(string value) => CommitId().IsMatch(value);

    // The Hub's own rule (huggingface_hub validate_repo_id): word characters, '-' and '.', no '--' or '..', at most 96.
    private static bool IsRepositoryId(string value)
        => value.Length <= 96 && RepositoryId().IsMatch(value) && !value.Contains("--", StringComparison.Ordinal) && !value.Contains("..", StringComparison.Ordinal);

    // Git ref names, kept to characters safe as cache folder names: no empty, '.'-led or '..' segments.
    // Each segment becomes a file name in the cache, with room for a temporary suffix within the usual 255-byte limit.
    private static bool IsRevision(string value)
        => value.Length is > 0 and <= 255 && value.Split('/').All(segment => segment.Length <= MaxRevisionSegment && RevisionSegment().IsMatch(segment));

    /// <summary>The longest part of a revision between two '/', so that the cache can name a file after it.</summary>
    internal const int MaxRevisionSegment = 128;

    [GeneratedRegex("^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?/[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$")]
    private static partial Regex RepositoryId();

    [GeneratedRegex("^[A-Za-z0-9_+-][A-Za-z0-9_.+-]*$")]
    private static partial Regex RevisionSegment();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitId();
}
