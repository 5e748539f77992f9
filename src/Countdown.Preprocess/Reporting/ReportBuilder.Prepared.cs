using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Validation;

namespace Countdown.Preprocess.Reporting;

public static partial class ReportBuilder
{
    private static async Task<DatasetReport> BuildPreparedAsync(string title, ReportInput input, ReportOptions options, CancellationToken cancellationToken)
    {
        var files = new List<InputFileInfo>();
        var profiles = new List<SplitProfile>();
        var samples = new List<SampleRow>();
        SplitProfileBuilder? train = null;
        OverlapSummary? overlap = null;
        PromptLengthCounter? lengths = null;
        foreach (var (split, paths) in new[] { ("train", input.Train), ("test", input.Test) })
        {
            if (paths.Count == 0) continue;
            var builder = new SplitProfileBuilder(split, options.Solve, options.Examples);
            if (split == "test" && train is not null) builder.CheckOverlapWith(train.FirstRows);
            var firstRows = await ReadSampleRowsAsync(paths[0], split, Math.Max(1, options.SampleRows), cancellationToken);
            samples.AddRange(firstRows.Take(options.SampleRows));
            if (options.CountPromptTokens is { } count && lengths is null && MatchingTemplate(firstRows) is { } template)
                lengths = new PromptLengthCounter(template, count);
            foreach (var path in paths)
            {
                files.Add(await DescribeFileAsync(path, split, cancellationToken));
                var pending = Task.CompletedTask;
                await foreach (var batch in TaskReader.ReadBatchesAsync(path, TaskInputFormat.Parquet, cancellationToken))
                {
                    // The reader decodes the next batch while this one is counted and solved.
                    await pending;
                    var counter = lengths;
                    pending = Task.Run(() =>
                    {
                        builder.AddBatch(batch, cancellationToken);
                        counter?.Add(batch);
                    }, cancellationToken);
                }

                await pending;
            }

            profiles.Add(builder.Build());
            if (split == "train") train = builder;
            else overlap = builder.Overlap;
        }

        var validation = await PreparedFileValidator.ValidateAsync(input.Train.Concat(input.Test), cancellationToken: cancellationToken);
        var templates = validation.Files.SelectMany(f => f.TemplateRows).GroupBy(t => t.Key)
            .Select(g => KeyValuePair.Create(g.Key, g.Sum(t => t.Value))).OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).ToArray();
        await using var first = await ParquetTableFile.OpenAsync(files[0].Path, cancellationToken);
        var schema = (await first.DescribeAsync(cancellationToken)).Fields;
        return new DatasetReport(title, ReportInputKind.Prepared, options.ToolVersion, files, profiles)
        {
            Schema = schema,
            Templates = templates,
            Overlap = overlap,
            Validation = validation,
            SampleRows = samples,
            TokenLengths = lengths?.Lengths,
        };
    }

    /// <summary>The built-in template that renders the first row's prompt exactly, or null (a custom template: no token count).</summary>
    private static TextTemplate? MatchingTemplate(IReadOnlyList<SampleRow> rows)
    {
        if (rows.Count == 0) return null;
        var row = rows[0];
        var task = new Tasks.CountdownTask(row.Target, row.Numbers.ToArray());
        return PromptTemplates.All.FirstOrDefault(t => t.Render(task).SequenceEqual(row.Prompt));
    }

    private static async Task<List<SampleRow>> ReadSampleRowsAsync(string path, string split, int count, CancellationToken cancellationToken)
    {
        var rows = new List<SampleRow>();
        if (count <= 0) return rows;
        await using var file = await ParquetTableFile.OpenAsync(path, cancellationToken);
        var index = 0L;
        await foreach (var row in file.ReadRowsAsync(0, count, cancellationToken))
        {
            var prompt = (row.Get("prompt") as object?[] ?? []).OfType<StructValue>()
                .Select(m => new ChatMessage(m.Get("role") as string ?? "", m.Get("content") as string ?? "")).ToArray();
            var truth = (row.Get("reward_model") as StructValue)?.Get("ground_truth") as StructValue;
            var target = truth?.Get("target") is long t ? t : 0;
            var numbers = (truth?.Get("numbers") as object?[] ?? []).OfType<long>().ToArray();
            rows.Add(new SampleRow(split, index++, prompt, target, numbers));
        }

        return rows;
    }
}
