using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Sharding;
using Countdown.Preprocess.Tasks;
using System.Threading.Channels;
using Parquet;

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
    /// <summary>Validates the files; a folder stands for its train and test split, each <c>split.parquet</c> or a complete set of shards.</summary>
    /// <remarks>The shards of a split are checked as one file: rows and <c>extra_info.index</c> run on from shard to shard.</remarks>
    /// <exception cref="InputFileException">A path does not exist, or a folder lacks one of its two splits or mixes shard sets.</exception>
    public static async Task<ValidationReport> ValidateAsync(IEnumerable<string> paths, ValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ValidationOptions();
        var units = ExpandSplits(paths);
        var splits = units.Select(u => PreparedFileContract.SplitFromFileName(u[0])).ToArray();
        if (splits.All(s => s is "train" or "test") && splits.Contains("train") && splits.Contains("test"))
            return await ValidateTestsFirstAsync(units, splits, options, cancellationToken);

        var checks = new List<PreparedFileCheck>();
        foreach (var files in units)
            checks.Add(await CheckFilesAsync(files, options, keys: null, cancellationToken));
        var tests = checks.Where(c => c.Split == "test").ToArray();
        if (tests.Length > 0 && checks.Any(c => c.Split == "train"))
        {
            var wanted = TestKeys(tests);
            var found = new Dictionary<(UInt128?, string?), (PreparedFileCheck File, long Row)>();
            foreach (var train in checks.Where(c => c.Split == "train"))
            {
                for (var row = 0; row < train.TaskKeys.Count && found.Count < wanted.Count; row++)
                {
                    var key = train.TaskKeys[row];
                    if (wanted.Contains(key)) found.TryAdd(key, (train, row));
                }
            }
            ReportOverlaps(tests, found);
        }
        return new ValidationReport(checks.Select(c => c.ToReport()).ToArray());
    }

    /// <summary>
    /// When every file says its split by its name (a folder, <c>train.parquet</c>, shards): checks the test files first,
    /// then matches each train row against their tasks as it is read, keeping no train key; reports stay in the given order.
    /// </summary>
    /// <remarks>The same findings as keeping every key (the first train row with a test row's task is the one reported),
    /// in memory that does not grow with the train split: 16 bytes a train row was 320 MB at 20M rows.</remarks>
    private static async Task<ValidationReport> ValidateTestsFirstAsync(
        List<IReadOnlyList<string>> units, string?[] splits, ValidationOptions options, CancellationToken cancellationToken)
    {
        var checks = new PreparedFileCheck[units.Count];
        for (var i = 0; i < units.Count; i++)
            if (splits[i] == "test") checks[i] = await CheckFilesAsync(units[i], options, keys: null, cancellationToken);
        var tests = checks.Where(c => c is not null).ToArray();
        var wanted = TestKeys(tests);
        // The check a train row belongs to exists only once its file is read: matches note the unit's position.
        var firstRows = new Dictionary<(UInt128?, string?), (int Unit, long Row)>();
        for (var i = 0; i < units.Count; i++)
        {
            if (splits[i] != "train") continue;
            var unit = i;
            var keys = new TaskKeyList((key, row) =>
            {
                if (wanted.Contains(key)) firstRows.TryAdd(key, (unit, row));
            });
            checks[i] = await CheckFilesAsync(units[i], options, keys, cancellationToken);
        }
        ReportOverlaps(tests, firstRows.ToDictionary(f => f.Key, f => (checks[f.Value.Unit], f.Value.Row)));
        return new ValidationReport(checks.Select(c => c.ToReport()).ToArray());
    }

    /// <summary>Turns folders into their train and test files (one file or the shards of each split), keeping files as given.</summary>
    /// <exception cref="InputFileException">A path does not exist, or a folder lacks one of its two splits or mixes shard sets.</exception>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths) => ExpandSplits(paths).SelectMany(f => f).ToArray();

    /// <summary>The files to check, grouped into what is checked as one: a split's shards together, any other file alone.</summary>
    private static List<IReadOnlyList<string>> ExpandSplits(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var units = new List<IReadOnlyList<string>>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var split in new[] { "train", "test" })
                {
                    var files = ShardNames.SplitFiles(path, split);
                    if (files.Count == 0)
                        throw new InputFileException($"Folder '{path}' has no {split}.parquet; give a folder that prepare wrote, or name the files to check.", path);
                    units.Add(files);
                }
            }
            else if (File.Exists(path))
            {
                units.Add([path]);
            }
            else
            {
                throw new InputFileException($"'{path}' does not exist; give prepared Parquet files or the folder holding them.", path);
            }
        }
        return units;
    }

    /// <summary>Checks one file, or a split's shards as one; <paramref name="keys"/> receives the rows' task keys (null: a list that keeps them).</summary>
    private static async Task<PreparedFileCheck> CheckFilesAsync(IReadOnlyList<string> files, ValidationOptions options, TaskKeyList? keys, CancellationToken cancellationToken)
    {
        var path = files[0];
        if (files.Count > 1)
        {
            // Shards: one check named after the set, fed every shard in order.
            ShardNames.TryParse(Path.GetFileName(files[0]), out var split, out _, out var count);
            path = Path.Combine(Path.GetDirectoryName(files[0]) ?? "", $"{split}-*-of-{count:D5}.parquet");
        }
        var check = new PreparedFileCheck(path, options, keys);
        foreach (var file in files) await CheckFileAsync(file, check, cancellationToken);
        return check;
    }

    private static async Task CheckFileAsync(string path, PreparedFileCheck check, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = await ParquetTableFile.OpenAsync(path, cancellationToken);
            check.CheckSchema(await file.DescribeAsync(cancellationToken));
            if (check.Log.Has(ViolationKind.Schema))
            {
                await foreach (var row in file.ReadRowsAsync(0, long.MaxValue, cancellationToken))
                    check.CheckRow(row);
            }
            else
            {
                await CheckByColumnsAsync(path, file, check, cancellationToken);
            }
        }
        catch (InputFileException error)
        {
            check.Log.Add(ViolationKind.File, null, null, error.Message);
        }
    }

    /// <summary>
    /// The fast path for a file with the contract's schema: row groups are decoded as flat columns on all cores and
    /// their rows checked in file order without row objects; a row group with a null or an empty list (or one the
    /// flat reader cannot decode) goes through the generic reader, which reports it.
    /// </summary>
    private static async Task CheckByColumnsAsync(string path, ParquetTableFile file, PreparedFileCheck check, CancellationToken cancellationToken)
    {
        var rowGroups = (await file.DescribeAsync(cancellationToken)).Parquet?.RowGroupRowCounts.Count ?? 0;
        long start = 0;
        try
        {
            await foreach (var (rows, columns) in PreparedColumnsPipeline.ReadAsync(path, rowGroups, cancellationToken))
            {
                if (columns is not null)
                {
                    check.CheckRowGroup(columns);
                }
                else
                {
                    await foreach (var row in file.ReadRowsAsync(start, rows, cancellationToken))
                        check.CheckRow(row);
                }
                start += rows;
            }
        }
        catch (Exception error) when (error is IOException or InvalidDataException or ParquetException or NotSupportedException or ChannelClosedException)
        {
            var cause = error is ChannelClosedException { InnerException: { } inner } ? inner : error;
            throw new InputFileException($"'{path}' is not a readable Parquet file ({cause.Message.TrimEnd('.')}); check that it is Parquet and complete.", path, error);
        }
    }

    /// <summary>The test rows' task keys: the small split, indexed so that train rows can be matched against it.</summary>
    private static HashSet<(UInt128?, string?)> TestKeys(IEnumerable<PreparedFileCheck> tests)
    {
        var wanted = new HashSet<(UInt128?, string?)>();
        foreach (var test in tests)
        {
            for (var row = 0; row < test.TaskKeys.Count; row++)
            {
                var key = test.TaskKeys[row];
                if (key is not (null, null)) wanted.Add(key);
            }
        }
        return wanted;
    }

    /// <summary>Warns on each test row whose task a train row has: the first such train row, as <paramref name="found"/> holds it.</summary>
    private static void ReportOverlaps(IEnumerable<PreparedFileCheck> tests, Dictionary<(UInt128?, string?), (PreparedFileCheck File, long Row)> found)
    {
        foreach (var test in tests)
        {
            for (var row = 0; row < test.TaskKeys.Count; row++)
            {
                var key = test.TaskKeys[row];
                if (key is (null, null) || !found.TryGetValue(key, out var match)) continue;
                var testRow = (long)row;
                test.Log.Add(ViolationKind.Overlap, testRow, null, () =>
                {
                    var (target, numbers) = TaskKeyList.Describe(key);
                    return $"Test row {testRow} has the task of row {match.Row} of '{match.File.Path}' (target {target}, numbers {numbers} in some order); test scores on repeated tasks overstate generalisation.";
                });
            }
        }
    }
}
