using System.Diagnostics;
using System.Security.Cryptography;
using Countdown.Preprocess.Output;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Preparing;

/// <summary>The main job: read raw tasks, split them as TinyZero does, and write veRL's train and test Parquet.</summary>
public static class PrepareJob
{
    /// <summary>The train split's file name inside the output folder.</summary>
    public const string TrainFileName = "train.parquet";

    /// <summary>The test split's file name inside the output folder.</summary>
    public const string TestFileName = "test.parquet";

    /// <summary>Runs the job; outputs appear together only when both are complete.</summary>
    /// <exception cref="CountdownException">Bad options, unreadable input, a bad record, too few records, or an output failure.</exception>
    public static async Task<PrepareResult> RunAsync(PrepareOptions options, CancellationToken cancellationToken = default)
        => await RunAsync(options, progress: null, cancellationToken);

    /// <summary>Runs the job, reporting progress every few thousand records.</summary>
    /// <exception cref="CountdownException">Bad options, unreadable input, a bad record, too few records, or an output failure.</exception>
    public static async Task<PrepareResult> RunAsync(PrepareOptions options, IProgress<PrepareProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();

        var tasks = new List<CountdownTask>();
        var inputs = await ReadAllAsync(options, tasks, progress, cancellationToken);
        var inputRecords = tasks.Count;
        long duplicatesRemoved = 0, unsolvableRemoved = 0;

        var needed = options.TrainSize + options.TestSize + 1;
        if (tasks.Count < needed)
            throw new NotEnoughTasksException(DisplayName(options), tasks.Count, needed);

        progress?.Report(new PrepareProgress("read", tasks.Count, tasks.Count));
        var train = Slice(tasks, 0, (int)options.TrainSize, "train", options, progress);
        var test = Slice(tasks, (int)options.TrainSize, (int)options.TestSize, "test", options, progress);

        await using var outputs = new AtomicFileSet();
        var trainFile = await WriteSplitAsync(outputs, Path.Combine(options.OutputDirectory, TrainFileName), train, options, cancellationToken);
        var testFile = await WriteSplitAsync(outputs, Path.Combine(options.OutputDirectory, TestFileName), test, options, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        outputs.Commit();

        return new PrepareResult(inputs, inputRecords, duplicatesRemoved, unsolvableRemoved, tasks.Count, trainFile, testFile, clock.Elapsed, []);
    }

    private static string DisplayName(PrepareOptions options)
        => options.InputDisplayName ?? string.Join(", ", options.InputPaths);

    private const int ProgressEvery = 16_384;

    private static async Task<List<PreparedInput>> ReadAllAsync(PrepareOptions options, List<CountdownTask> tasks, IProgress<PrepareProgress>? progress, CancellationToken cancellationToken)
    {
        var inputs = new List<PreparedInput>();
        foreach (var path in options.InputPaths)
        {
            var format = TaskReader.ResolveFormat(path, options.InputFormat);
            var before = tasks.Count;
            await foreach (var task in TaskReader.ReadAsync(path, format, cancellationToken))
            {
                tasks.Add(task);
                if (tasks.Count % ProgressEvery == 0) progress?.Report(new PrepareProgress("read", tasks.Count, null));
            }
            var sha = options.ComputeHashes && path != "-" ? await HashFileAsync(path, cancellationToken) : null;
            inputs.Add(new PreparedInput(path, format, tasks.Count - before, sha));
        }
        return inputs;
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static IEnumerable<PreparedRow> Slice(List<CountdownTask> tasks, int start, int count, string split, PrepareOptions options, IProgress<PrepareProgress>? progress)
    {
        for (var index = 0; index < count; index++)
        {
            var task = tasks[start + index];
            yield return new PreparedRow(task, options.Template.Render(task), split, index);
            if ((index + 1) % ProgressEvery == 0) progress?.Report(new PrepareProgress(split, index + 1, count));
        }
        progress?.Report(new PrepareProgress(split, count, count));
    }

    private static async Task<PreparedOutput> WriteSplitAsync(
        AtomicFileSet outputs, string finalPath, IEnumerable<PreparedRow> rows, PrepareOptions options, CancellationToken cancellationToken)
    {
        await using var stream = outputs.Create(finalPath);
        long written;
        try
        {
            written = await VerlParquetWriter.WriteAsync(stream, rows, options.Parquet, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        catch (IOException error)
        {
            throw new OutputException($"Writing '{finalPath}' failed: {error.Message}", finalPath, error);
        }
        string? sha = null;
        if (options.ComputeHashes)
        {
            stream.Position = 0;
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
        return new PreparedOutput(Path.GetFullPath(finalPath), written, stream.Length, sha);
    }
}
