using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Parquet.Splicing;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Parquet.Splicing;

/// <summary>Differential tests: files spliced from row groups encoded in parallel equal, byte for byte, what one sequential Parquet.Net writer makes.</summary>
public sealed class ParquetSplicerTests : IDisposable
{
    private static readonly TextTemplate Multilingual = new("multilingual", isChatStyle: true,
    [
        new ChatMessage("system", "Vous êtes un assistant utile. 你是一个有用的助手 🙂"),
        new ChatMessage("user", "Utilise {numbers} pour obtenir {target} — «réponse» dans <answer> </answer>. Ünïcödé ✓"),
        new ChatMessage("assistant", "Je réfléchis…\n<think>"),
    ]);

    private readonly ParquetWriterTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<ParquetCodec, int, int, bool, string> Cases()
    {
        var cases = new TheoryData<ParquetCodec, int, int, bool, string>();
        foreach (var codec in Enum.GetValues<ParquetCodec>())
        {
            cases.Add(codec, 10_000, 1_024, false, "base");
            cases.Add(codec, 7, 23, true, "multilingual");
        }

        foreach (int rows in new[] { 0, 1, 7, 21, 22 })
        {
            cases.Add(ParquetCodec.Snappy, 7, rows, false, "qwen-instruct");
            cases.Add(ParquetCodec.Snappy, 1, rows, true, "chat");
        }

        cases.Add(ParquetCodec.Snappy, 10_000, 0, false, "base");
        cases.Add(ParquetCodec.Snappy, 10_000, 1, true, "multilingual");
        cases.Add(ParquetCodec.Snappy, 10_000, 20_000, false, "base");
        cases.Add(ParquetCodec.Zstd, 10_000, 20_001, true, "chat");
        cases.Add(ParquetCodec.Snappy, 1, 40, false, "multilingual");
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WriteAsync_PreparedRows_SameBytesAsSequentialWriter(ParquetCodec codec, int rowGroupSize, int count, bool withSolution, string template)
    {
        var options = new VerlParquetOptions { Compression = codec, RowGroupSize = rowGroupSize, IncludeSolution = withSolution };
        var rows = SequentialParquetFiles.Rows(SequentialParquetFiles.Tasks(count), Template(template), withSolution);
        using var expected = new MemoryStream();
        await SequentialParquetFiles.WriteAsync(expected, options, rows.Length, (buffer, i) => buffer.Add(rows[i]));
        using var actual = new MemoryStream();

        long written = await VerlParquetWriter.WriteAsync(actual, rows, options);

        Assert.Equal(count, written);
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }

    [Theory]
    [InlineData(ParquetCodec.Snappy, 10_000, 30_000, "base")]
    [InlineData(ParquetCodec.Gzip, 7, 50, "multilingual")]
    [InlineData(ParquetCodec.None, 3, 0, "chat")]
    public async Task WriteAsync_TasksRenderedInPlace_SameBytesAsSequentialWriter(ParquetCodec codec, int rowGroupSize, int count, string template)
    {
        var options = new VerlParquetOptions { Compression = codec, RowGroupSize = rowGroupSize };
        var tasks = SequentialParquetFiles.Tasks(count, seed: count);
        var prompt = Template(template);
        using var expected = new MemoryStream();
        await SequentialParquetFiles.WriteAsync(expected, options, tasks.Length, (buffer, i) => buffer.Add(tasks[i], prompt, "train", 100 + i));
        using var actual = new MemoryStream();

        long written = await VerlParquetWriter.WriteAsync(actual, options, (groups, token) => groups.AddAsync(tasks, 0, count, prompt, "train", 100, token), slots: null, CancellationToken.None);

        Assert.Equal(count, written);
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }

    [Fact]
    public async Task WriteAsync_StreamAlreadyHoldsBytes_OffsetsCountThemAsParquetNetDoes()
    {
        var options = new VerlParquetOptions { RowGroupSize = 5 };
        var rows = SequentialParquetFiles.Rows(SequentialParquetFiles.Tasks(17), PromptTemplates.Base, withSolution: false);
        using var expected = new MemoryStream();
        expected.Write("prefix"u8);
        await SequentialParquetFiles.WriteAsync(expected, options, rows.Length, (buffer, i) => buffer.Add(rows[i]));
        using var actual = new MemoryStream();
        actual.Write("prefix"u8);

        await VerlParquetWriter.WriteAsync(actual, rows, options);

        Assert.Equal(expected.ToArray(), actual.ToArray());
    }

    [Fact]
    public async Task WriteAsync_NonSeekableStream_SameBytesAsSequentialWriter()
    {
        var options = new VerlParquetOptions { RowGroupSize = 4 };
        var rows = SequentialParquetFiles.Rows(SequentialParquetFiles.Tasks(13), PromptTemplates.Chat, withSolution: true);
        options = options with { IncludeSolution = true };
        var expected = new WriteOnlyStream();
        await SequentialParquetFiles.WriteAsync(expected, options, rows.Length, (buffer, i) => buffer.Add(rows[i]));
        var actual = new WriteOnlyStream();

        await VerlParquetWriter.WriteAsync(actual, rows, options);

        Assert.Equal(expected.Bytes.ToArray(), actual.Bytes.ToArray());
    }

    [Theory]
    [InlineData(ParquetCodec.Snappy, 7, 23, true)]
    [InlineData(ParquetCodec.Zstd, 1, 9, false)]
    [InlineData(ParquetCodec.Gzip, 10_000, 0, true)]
    public async Task WriteAsync_SplicedFile_ArrowReadsEveryRowInOrder(ParquetCodec codec, int rowGroupSize, int count, bool withSolution)
    {
        var options = new VerlParquetOptions { Compression = codec, RowGroupSize = rowGroupSize, IncludeSolution = withSolution };
        var rows = SequentialParquetFiles.Rows(SequentialParquetFiles.Tasks(count), Multilingual, withSolution);

        var (path, _) = await _files.WriteAsync(rows, options);

        using var reader = new ParquetSharp.ParquetFileReader(path);
        Assert.Equal(count, reader.FileMetaData.NumRows);
        Assert.Equal((count + rowGroupSize - 1) / rowGroupSize, reader.FileMetaData.NumRowGroups);
        var json = await ParquetWriterTestFiles.ReadRowsAsJsonAsync(path);
        Assert.Equal(count, json.Count);
        for (int i = 0; i < count; i++)
        {
            Assert.Contains($"\"index\":{i},", json[i]);
            Assert.Contains(System.Text.Json.JsonSerializer.Serialize(Multilingual.Render(rows[i].Task)[0].Content), json[i]);
        }
    }

    [Fact]
    public async Task WriteAsync_SeveralFullGroups_EncodesThemAllBeforeSplicingTheFirst()
    {
        const int size = 50;
        var options = new VerlParquetOptions { RowGroupSize = size };
        var rows = SequentialParquetFiles.Rows(SequentialParquetFiles.Tasks((RowGroupPipeline.MaxEncoding + 2) * size), PromptTemplates.Base, withSolution: false);
        using var actual = new MemoryStream();
        long? lengthWhenLastSlotFills = null;

        IEnumerable<PreparedRow> Watched()
        {
            for (int i = 0; i < rows.Length; i++)
            {
                // The first row of the group after MaxEncoding full ones: a sequential writer has written group 1 by now.
                if (i == RowGroupPipeline.MaxEncoding * size) lengthWhenLastSlotFills = actual.Length;
                yield return rows[i];
            }
        }

        await VerlParquetWriter.WriteAsync(actual, Watched(), options);

        Assert.Equal(4, lengthWhenLastSlotFills);
        using var expected = new MemoryStream();
        await SequentialParquetFiles.WriteAsync(expected, options, rows.Length, (buffer, i) => buffer.Add(rows[i]));
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }

    [Fact]
    public async Task WriteAsync_FourWritesAtOnce_EachSameBytesAsSequentialWriter()
    {
        var options = new VerlParquetOptions { RowGroupSize = 9, IncludeSolution = true };
        var rows = SequentialParquetFiles.Rows(SequentialParquetFiles.Tasks(100), Multilingual, withSolution: true);
        using var expected = new MemoryStream();
        await SequentialParquetFiles.WriteAsync(expected, options, rows.Length, (buffer, i) => buffer.Add(rows[i]));

        var files = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var stream = new MemoryStream();
            await VerlParquetWriter.WriteAsync(stream, rows, options);
            return stream.ToArray();
        })));

        Assert.All(files, file => Assert.Equal(expected.ToArray(), file));
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileGroupsEncode_ThrowsAndWritesNoFooter()
    {
        using var cancel = new CancellationTokenSource();
        var rows = SequentialParquetFiles.Rows(SequentialParquetFiles.Tasks(200), PromptTemplates.Chat, withSolution: false);
        using var stream = new MemoryStream();

        IEnumerable<PreparedRow> CancelAfter150()
        {
            for (int i = 0; i < rows.Length; i++)
            {
                if (i == 150) cancel.Cancel();
                yield return rows[i];
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => VerlParquetWriter.WriteAsync(stream, CancelAfter150(), new VerlParquetOptions { RowGroupSize = 10 }, cancel.Token));
        Assert.NotEqual("PAR1"u8.ToArray(), stream.ToArray()[^4..]);
    }

    [Fact]
    public void ReadFooter_TruncatedFile_ThrowsInvalidData()
    {
        byte[] file = [.. "PAR1"u8, 0x15, 0x02, 0x00, 0x05, 0x00, 0x00, 0x00, .. "PAR1"u8];

        Assert.Throws<InvalidDataException>(() => ParquetSplicer.ReadFooter(file.AsSpan(0, 10)));
        Assert.Throws<InvalidDataException>(() => ParquetSplicer.ReadFooter(file));
    }

    private static PromptTemplate Template(string name) => name == Multilingual.Name ? Multilingual : PromptTemplates.Get(name);

    /// <summary>A stream that only writes forwards, like a pipe, keeping what it was given.</summary>
    private sealed class WriteOnlyStream : Stream
    {
        public MemoryStream Bytes { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Bytes.Write(buffer, offset, count);
    }
}
