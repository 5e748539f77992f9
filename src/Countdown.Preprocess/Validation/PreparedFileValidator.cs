using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Validation;

/// <summary>Checks prepared <c>train.parquet</c>/<c>test.parquet</c> files against the contract <c>prepare</c> writes.</summary>
/// <remarks>
/// Checks the exact schema and <c>huggingface</c> metadata; that no value is null; the constant columns; the split and
/// the 0..n-1 index; that <c>nums</c> and <c>target</c> equal the ground truth; and that every prompt is a known
/// template rendered from the row's ground truth. Reports test rows whose task (target and multiset of numbers) is
/// also in a train file as warnings: TinyZero's split of the Hugging Face set has such repeats.
/// </remarks>
public static class PreparedFileValidator
{
    /// <summary>Validates the files; a folder stands for its <c>train.parquet</c> and <c>test.parquet</c>.</summary>
    /// <exception cref="InputFileException">A path does not exist, or a folder lacks one of its two files.</exception>
    public static async Task<ValidationReport> ValidateAsync(IEnumerable<string> paths, ValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ValidationOptions();
        var checks = new List<PreparedFileCheck>();
        foreach (var path in ExpandPaths(paths))
            checks.Add(await CheckFileAsync(path, options, cancellationToken));
        FindOverlaps(checks);
        return new ValidationReport(checks.Select(c => c.ToReport()).ToArray());
    }

    /// <summary>Turns folders into their <c>train.parquet</c> and <c>test.parquet</c>, keeping files as given.</summary>
    /// <exception cref="InputFileException">A path does not exist, or a folder lacks one of its two files.</exception>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var name in new[] { "train.parquet", "test.parquet" })
                {
                    var file = Path.Combine(path, name);
                    if (!File.Exists(file))
                        throw new InputFileException($"Folder '{path}' has no {name}; give a folder that prepare wrote, or name the files to check.", path);
                    files.Add(file);
                }
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new InputFileException($"'{path}' does not exist; give prepared Parquet files or the folder holding them.", path);
            }
        }
        return files;
    }

    private static async Task<PreparedFileCheck> CheckFileAsync(string path, ValidationOptions options, CancellationToken cancellationToken)
    {
        var check = new PreparedFileCheck(path, options);
        try
        {
            await using var file = await ParquetTableFile.OpenAsync(path, cancellationToken);
            check.CheckSchema(await file.DescribeAsync(cancellationToken));
            await foreach (var row in file.ReadRowsAsync(0, long.MaxValue, cancellationToken))
                check.CheckRow(row);
        }
        catch (InputFileException error)
        {
            check.Log.Add(ViolationKind.File, null, null, error.Message);
        }
        return check;
    }

    private static void FindOverlaps(List<PreparedFileCheck> checks)
    {
        var trains = checks.Where(c => c.Split == "train").ToArray();
        if (trains.Length == 0) return;
        var seen = new Dictionary<string, (PreparedFileCheck File, long Row)>(StringComparer.Ordinal);
        foreach (var train in trains)
        {
            for (var row = 0; row < train.TaskKeys.Count; row++)
            {
                if (train.TaskKeys[row] is { } key) seen.TryAdd(key, (train, row));
            }
        }
        foreach (var test in checks.Where(c => c.Split == "test"))
        {
            for (var row = 0L; row < test.TaskKeys.Count; row++)
            {
                if (test.TaskKeys[(int)row] is not { } key || !seen.TryGetValue(key, out var match)) continue;
                var testRow = row;
                test.Log.Add(ViolationKind.Overlap, testRow, null, () =>
                    $"Test row {testRow} has the task of row {match.Row} of '{match.File.Path}' (target {Target(key)}, numbers {Numbers(key)} in some order); test scores on repeated tasks overstate generalisation.");
            }
        }
    }

    private static string Target(string key) => key[..key.IndexOf(':')];

    private static string Numbers(string key) => "[" + key[(key.IndexOf(':') + 1)..].Replace(",", ", ") + "]";
}
