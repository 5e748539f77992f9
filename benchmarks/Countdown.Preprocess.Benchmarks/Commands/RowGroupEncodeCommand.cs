using System.Buffers;
using System.Buffers.Binary;
using System.CommandLine;
using Countdown.Preprocess.Benchmarks.Harness;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Parquet.Encoding;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Parquet;

namespace Countdown.Preprocess.Benchmarks.Commands;

/// <summary>Times encoding filled row groups in-process: Parquet.Net's FlushAsync against RowGroupEncoder, which must give the same bytes.</summary>
internal sealed class RowGroupEncodeCommand : BenchmarkCommand
{
    private readonly Option<FileInfo> _input = HarnessOptions.Input();
    private readonly Option<int> _runs = HarnessOptions.Runs(7);
    private readonly Option<string?> _results = HarnessOptions.Results();
    private readonly Option<int> _groups = new("--groups") { Description = "Row groups per call.", DefaultValueFactory = _ => 33 };
    private readonly Option<int> _rows = new("--rows") { Description = "Rows per row group.", DefaultValueFactory = _ => 10_000 };
    private readonly Option<ParquetCodec> _codec = new("--codec") { Description = "Page compression.", DefaultValueFactory = _ => ParquetCodec.Snappy };

    public RowGroupEncodeCommand() : base("row-group-encode", "Time encoding filled row groups of the base template: Parquet.Net's FlushAsync against RowGroupEncoder (same bytes); medians, CPU.")
    {
        foreach (var option in new Option[] { _input, _runs, _results, _groups, _rows, _codec }) Options.Add(option);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var input = parseResult.GetRequiredValue(_input).FullName;
        int groups = parseResult.GetValue(_groups), rows = parseResult.GetValue(_rows);
        var codec = parseResult.GetValue(_codec);
        var tasks = new List<CountdownTask>(groups * rows);
        await foreach (var task in TaskReader.ReadAsync(input, TaskInputFormat.Auto, cancellationToken))
        {
            if (tasks.Count == groups * rows) break;
            tasks.Add(task);
        }
        if (tasks.Count < groups * rows) throw new BenchmarkFailure($"'{input}' has {tasks.Count:N0} tasks; {groups} groups of {rows:N0} rows need {groups * rows:N0}.");

        var options = new VerlParquetOptions { Compression = codec, RowGroupSize = rows };
        var schema = VerlParquetSchema.Create(options);
        var buffers = Enumerable.Range(0, groups).Select(_ => new RowGroupBuffer(schema, rows)).ToArray();
        void Fill()
        {
            for (var g = 0; g < groups; g++)
                for (var r = 0; r < rows; r++) buffers[g].Add(tasks[(g * rows) + r], PromptTemplates.Base, "train", (g * rows) + r);
        }
        Fill();
        await Console.Error.WriteLineAsync($"# {groups} groups of {rows:N0} base-template rows from {input}, {codec} (filling is not timed)");

        var parquetNetOutput = new MemoryStream();
        var encoderOutput = new ArrayBufferWriter<byte>();
        var uncompressedOutput = new ArrayBufferWriter<byte>();
        // One encoder per contender for all calls, as a writer keeps one per worker for a whole file: its buffers grow in the warm-up only.
        using var encoder = new RowGroupEncoder(schema, codec);
        using var uncompressedEncoder = new RowGroupEncoder(schema, ParquetCodec.None);
        var contenders = new List<(string Name, Func<Task<ReadOnlyMemory<byte>>> Call)>
        {
            ("Parquet.Net FlushAsync", async () =>
            {
                parquetNetOutput.SetLength(0);
                await using (var writer = await ParquetWriter.CreateAsync(schema.Schema, parquetNetOutput, VerlParquetWriter.ToParquetOptions(schema, codec), cancellationToken: cancellationToken))
                    foreach (var buffer in buffers) await buffer.FlushAsync(writer, cancellationToken);
                var file = parquetNetOutput.GetBuffer().AsMemory(0, (int)parquetNetOutput.Length);
                return file[4..(file.Length - 8 - BinaryPrimitives.ReadInt32LittleEndian(file.Span[^8..]))];
            }),
            ("RowGroupEncoder.EncodeTo", () => Encode(encoder, encoderOutput)),
        };
        // The same encoder without compression shows how much of its time the codec takes (its bytes differ, so they are not compared).
        const string Uncompressed = "RowGroupEncoder.EncodeTo, no compression (scale only)";
        if (codec != ParquetCodec.None) contenders.Add((Uncompressed, () => Encode(uncompressedEncoder, uncompressedOutput)));

        Task<ReadOnlyMemory<byte>> Encode(RowGroupEncoder encoder, ArrayBufferWriter<byte> output)
        {
            output.ResetWrittenCount();
            foreach (var buffer in buffers)
                if (buffer.EncodeTo(encoder, output) is null) throw new BenchmarkFailure("RowGroupEncoder refused a group of the default job.");
            return Task.FromResult(output.WrittenMemory);
        }

        byte[]? reference = null;
        var series = await InProcessRounds.RunAsync(contenders, parseResult.GetValue(_runs), Console.Error, (name, bytes) =>
        {
            reference ??= bytes.ToArray();
            if (name != Uncompressed && !bytes.Span.SequenceEqual(reference)) throw new BenchmarkFailure($"{name} wrote different column chunk bytes ({bytes.Length:N0} against {reference.Length:N0}).");
            Fill();
        });

        var report = new Report($"row-group-encode: Parquet.Net FlushAsync vs RowGroupEncoder ({codec})", CommandLine(parseResult));
        report.Line($"Job: encode {groups} row groups of {rows:N0} rows (first {groups * rows:N0} tasks of `{Path.GetFileName(input)}`, base template) "
                    + "into column chunks in memory (the output buffers and each encoder are reused from call to call, as a writer reuses them from group to group, so no call grows them after the warm-up), in-process: the row group buffers are filled before each call (not timed); one warm-up call per "
                    + "contender, a full GC before each call. CPU is this process's CPU time during the call; rows/s = rows / median wall time.");
        report.Line("");
        report.Table(series, (long)groups * rows, "rows/s");
        var (ours, theirs) = (series[1].CpuSeconds!.Value.Median, series[0].CpuSeconds!.Value.Median);
        report.Line($"- CPU ratio RowGroupEncoder / Parquet.Net: ×{ours / theirs:F2} (wall ×{series[1].Wall!.Value.Median / series[0].Wall!.Value.Median:F2}).");
        report.Line($"- Every call of both contenders gave the same {reference!.Length:N0} bytes of column chunks (checked after timing).");
        report.Line($"- The machine is shared with other jobs; compare the two rows of one run, not runs of different days.");
        await report.EmitAsync(Console.Out, parseResult.GetValue(_results));
        return 0;
    }
}
