using System.Text.Json;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;
using ParquetSharp;

namespace Countdown.Preprocess.Tests.Parquet;

public sealed class VerlParquetWriterTests : IDisposable
{
    private const string HuggingFaceJson =
        """{"info": {"features": {"target": {"dtype": "int64", "_type": "Value"}, "nums": {"feature": {"dtype": "int64", "_type": "Value"}, "_type": "Sequence"}, "data_source": {"dtype": "string", "_type": "Value"}, "prompt": [{"content": {"dtype": "string", "_type": "Value"}, "role": {"dtype": "string", "_type": "Value"}}], "ability": {"dtype": "string", "_type": "Value"}, "reward_model": {"ground_truth": {"numbers": {"feature": {"dtype": "int64", "_type": "Value"}, "_type": "Sequence"}, "target": {"dtype": "int64", "_type": "Value"}}, "style": {"dtype": "string", "_type": "Value"}}, "extra_info": {"index": {"dtype": "int64", "_type": "Value"}, "split": {"dtype": "string", "_type": "Value"}}}}}""";

    private readonly ParquetWriterTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task WriteAsync_BaseRows_ParquetSchemaMatchesDatasetsLayout()
    {
        const string expected = """
            message schema {
              optional int64 target (Int(bitWidth=64, isSigned=true));
              optional group nums (List) {
                repeated group list {
                  optional int64 element (Int(bitWidth=64, isSigned=true));
                }
              }
              optional binary data_source (String);
              optional group prompt (List) {
                repeated group list {
                  optional group element {
                    optional binary content (String);
                    optional binary role (String);
                  }
                }
              }
              optional binary ability (String);
              optional group reward_model {
                optional group ground_truth {
                  optional group numbers (List) {
                    repeated group list {
                      optional int64 element (Int(bitWidth=64, isSigned=true));
                    }
                  }
                  optional int64 target (Int(bitWidth=64, isSigned=true));
                }
                optional binary style (String);
              }
              optional group extra_info {
                optional int64 index (Int(bitWidth=64, isSigned=true));
                optional binary split (String);
              }
            }
            """;
        var (path, _) = await _files.WriteAsync([ParquetWriterTestFiles.Row(28, [95, 11, 56], PromptTemplates.Base)]);

        var actual = ParquetWriterTestFiles.ParquetSchemaText(path);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task WriteAsync_BaseRows_ArrowSchemaAndMetadataMatchDatasets()
    {
        const string expected = """
            target: int64
            nums: list<element: int64>
            data_source: string
            prompt: list<element: struct<content: string, role: string>>
            ability: string
            reward_model: struct<ground_truth: struct<numbers: list<element: int64>, target: int64>, style: string>
            extra_info: struct<index: int64, split: string>
            """;
        var (path, _) = await _files.WriteAsync([ParquetWriterTestFiles.Row(28, [95, 11, 56], PromptTemplates.Base)]);

        using var reader = new ParquetSharp.Arrow.FileReader(path);

        Assert.Equal(expected, ParquetWriterTestFiles.ArrowSchemaText(reader.Schema));
        Assert.Equal(HuggingFaceJson, reader.Schema.Metadata["huggingface"]);
    }

    [Theory]
    [InlineData(false, "extra_info: struct<index: int64, split: string>")]
    [InlineData(true, "extra_info: struct<index: int64, solution: string, split: string>")]
    public async Task WriteAsync_ArrowSchemaMetadata_DecodesToTheSchemaDatasetsWritesFrom(bool includeSolution, string extraInfo)
    {
        var expected = $"""
            target: int64
            nums: list<item: int64>
            data_source: string
            prompt: list<item: struct<content: string, role: string>>
            ability: string
            reward_model: struct<ground_truth: struct<numbers: list<item: int64>, target: int64>, style: string>
            {extraInfo}
            """;
        var (path, _) = await _files.WriteAsync([ParquetWriterTestFiles.Row(28, [95, 11, 56], PromptTemplates.Base)], new VerlParquetOptions { IncludeSolution = includeSolution });
        using var parquet = new ParquetFileReader(path);
        var metadata = parquet.FileMetaData.KeyValueMetadata;

        // Decoded by Apache.Arrow (C#); Arrow C++ also verifies it whenever its FileReader opens one of our files.
        var message = Convert.FromBase64String(metadata["ARROW:schema"]);
        using var arrow = new Apache.Arrow.Ipc.ArrowStreamReader(new MemoryStream(message));

        Assert.Equal(["huggingface", "ARROW:schema"], metadata.Keys);
        Assert.Equal(expected, ParquetWriterTestFiles.ArrowSchemaText(arrow.Schema));
        Assert.Equal(metadata["huggingface"], Assert.Single(arrow.Schema.Metadata, kv => kv.Key == "huggingface").Value);
        Assert.Single(arrow.Schema.Metadata);
    }

    [Fact]
    public async Task WriteAsync_HuggingFaceMetadata_IsValidJsonWithOneFeaturePerColumnInOrder()
    {
        var (path, _) = await _files.WriteAsync([ParquetWriterTestFiles.Row(28, [95, 11, 56], PromptTemplates.Base)]);
        using var reader = new ParquetFileReader(path);

        var metadata = reader.FileMetaData.KeyValueMetadata["huggingface"];
        var features = JsonDocument.Parse(metadata).RootElement.GetProperty("info").GetProperty("features");

        Assert.Equal(
            ["target", "nums", "data_source", "prompt", "ability", "reward_model", "extra_info"],
            features.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task WriteAsync_OneAndTwoMessagePrompts_ReadBackAsTinyZeroRows()
    {
        PreparedRow[] rows =
        [
            ParquetWriterTestFiles.Row(28, [95, 11, 56], PromptTemplates.Base, "train", 0),
            ParquetWriterTestFiles.Row(7, [1, 2, 3, 4], PromptTemplates.Chat, "train", 1),
            ParquetWriterTestFiles.Row(-5, [long.MaxValue, long.MinValue], PromptTemplates.QwenInstruct, "train", 2),
            ParquetWriterTestFiles.Row(100, [25, 4], PromptTemplates.Chat, "test", 0),
            ParquetWriterTestFiles.Row(3, [1, 1, 1], PromptTemplates.Base, "test", 1),
        ];

        // Row groups of 2 make the writer swap and reuse its buffers.
        var (path, written) = await _files.WriteAsync(rows, new VerlParquetOptions { RowGroupSize = 2 });
        var actual = await ParquetWriterTestFiles.ReadRowsAsJsonAsync(path);

        Assert.Equal(5, written);
        Assert.Equal(rows.Select(Expected), actual);
    }

    [Fact]
    public async Task WriteAsync_IncludeSolution_AddsSolutionBetweenIndexAndSplit()
    {
        PreparedRow[] rows =
        [
            ParquetWriterTestFiles.Row(28, [95, 11, 56], PromptTemplates.Base, "train", 0, solution: "95 - 11 - 56"),
            ParquetWriterTestFiles.Row(7, [1, 2, 3, 4], PromptTemplates.Base, "train", 1, solution: null),
        ];

        var (path, _) = await _files.WriteAsync(rows, new VerlParquetOptions { IncludeSolution = true });
        using var reader = new ParquetSharp.Arrow.FileReader(path);
        var actual = await ParquetWriterTestFiles.ReadRowsAsJsonAsync(path);

        Assert.EndsWith("extra_info: struct<index: int64, solution: string, split: string>", ParquetWriterTestFiles.ArrowSchemaText(reader.Schema));
        Assert.Contains("""{"index": {"dtype": "int64", "_type": "Value"}, "solution": {"dtype": "string", "_type": "Value"}, "split": {"dtype": "string", "_type": "Value"}}}}}""", reader.Schema.Metadata["huggingface"]);
        Assert.EndsWith("""
            "extra_info":{"index":0,"solution":"95 - 11 - 56","split":"train"}}
            """, actual[0]);
        Assert.EndsWith("""
            "extra_info":{"index":1,"solution":null,"split":"train"}}
            """, actual[1]);
    }

    [Fact]
    public async Task WriteAsync_EmptyListsAndNullSplit_ReadBackAsEmptyListsAndNull()
    {
        var row = new PreparedRow(new CountdownTask(5, []), [], null!, 3);

        var (path, _) = await _files.WriteAsync([row]);
        var actual = Assert.Single(await ParquetWriterTestFiles.ReadRowsAsJsonAsync(path));

        Assert.Equal(
            """{"target":5,"nums":[],"data_source":"countdown","prompt":[],"ability":"math","reward_model":{"ground_truth":{"numbers":[],"target":5},"style":"rule"},"extra_info":{"index":3,"split":null}}""",
            actual);
    }

    [Theory]
    [InlineData(ParquetCodec.Snappy, Compression.Snappy)]
    [InlineData(ParquetCodec.Zstd, Compression.Zstd)]
    [InlineData(ParquetCodec.Gzip, Compression.Gzip)]
    [InlineData(ParquetCodec.None, Compression.Uncompressed)]
    public async Task WriteAsync_Codec_EveryColumnChunkUsesIt(ParquetCodec codec, Compression expected)
    {
        var rows = Enumerable.Range(0, 50).Select(i => ParquetWriterTestFiles.Row(i, [i, 2, 3], PromptTemplates.Chat, index: i));

        var (path, _) = await _files.WriteAsync(rows, new VerlParquetOptions { Compression = codec });
        using var reader = new ParquetFileReader(path);
        using var group = reader.RowGroup(0);
        var codecs = Enumerable.Range(0, group.MetaData.NumColumns).Select(c => group.MetaData.GetColumnChunkMetaData(c).Compression);

        Assert.All(codecs, actual => Assert.Equal(expected, actual));
        Assert.Equal(50, (await ParquetWriterTestFiles.ReadRowsAsJsonAsync(path)).Count);
    }

    [Fact]
    public async Task WriteAsync_RowGroupSize_SplitsRowsIntoGroupsOfThatSize()
    {
        var rows = Enumerable.Range(0, 25).Select(i => ParquetWriterTestFiles.Row(i, [i, 2], PromptTemplates.Base, index: i));

        var (path, written) = await _files.WriteAsync(rows, new VerlParquetOptions { RowGroupSize = 10 });
        using var reader = new ParquetFileReader(path);
        var sizes = Enumerable.Range(0, reader.FileMetaData.NumRowGroups).Select(g => { using var group = reader.RowGroup(g); return group.MetaData.NumRows; });

        Assert.Equal(25, written);
        Assert.Equal([10L, 10L, 5L], sizes);
        Assert.Equal(25, reader.FileMetaData.NumRows);
    }

    [Fact]
    public async Task WriteAsync_HugeRowGroupSize_WritesOneGroupWithoutAllocatingForIt()
    {
        var rows = Enumerable.Range(0, 20_000).Select(i => ParquetWriterTestFiles.Row(i, [i], PromptTemplates.Chat, index: i));

        var (path, written) = await _files.WriteAsync(rows, new VerlParquetOptions { RowGroupSize = int.MaxValue });
        using var reader = new ParquetFileReader(path);

        Assert.Equal(20_000, written);
        Assert.Equal(1, reader.FileMetaData.NumRowGroups);
        Assert.Equal(20_000, reader.FileMetaData.NumRows);
    }

    [Theory]
    [InlineData(ParquetCodec.Snappy)]
    [InlineData(ParquetCodec.Zstd)]
    [InlineData(ParquetCodec.Gzip)]
    [InlineData(ParquetCodec.None)]
    public async Task WriteAsync_SameRowsTwice_WritesIdenticalBytes(ParquetCodec codec)
    {
        var rows = Enumerable.Range(0, 300).Select(i => ParquetWriterTestFiles.Row(i, [i, 7, 9], i % 2 == 0 ? PromptTemplates.Base : PromptTemplates.Chat, index: i)).ToArray();
        var options = new VerlParquetOptions { Compression = codec, RowGroupSize = 64, IncludeSolution = true };

        var (first, _) = await _files.WriteAsync(rows, options);
        var (second, _) = await _files.WriteAsync(rows, options);

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
    }

    [Fact]
    public async Task WriteAsync_NoRows_WritesEmptyFileWithSchema()
    {
        var (path, written) = await _files.WriteAsync([]);
        using var reader = new ParquetSharp.Arrow.FileReader(path);

        Assert.Equal(0, written);
        Assert.Equal(0, reader.ParquetReader.FileMetaData.NumRows);
        Assert.Equal(7, reader.Schema.FieldsList.Count);
        Assert.Equal(HuggingFaceJson, reader.Schema.Metadata["huggingface"]);
        Assert.Empty(await ParquetWriterTestFiles.ReadRowsAsJsonAsync(path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task WriteAsync_RowGroupSizeBelowOne_ThrowsUsageException(int size)
    {
        var error = await Assert.ThrowsAsync<UsageException>(
            () => VerlParquetWriter.WriteAsync(Stream.Null, [], new VerlParquetOptions { RowGroupSize = size }));

        Assert.Equal($"Row group size '{size}' is not allowed; use at least 1 row per group.", error.Message);
    }

    [Fact]
    public async Task WriteAsync_RowsThrowMidway_PropagatesTheErrorAndWritesNoFooter()
    {
        static IEnumerable<PreparedRow> Failing()
        {
            // Enough groups that some are spliced into the stream before the error, whatever the number of cores.
            for (int i = 0; i < 20; i++)
            {
                yield return ParquetWriterTestFiles.Row(i, [1, 2], PromptTemplates.Base, index: i);
            }

            throw new TaskDataException("Field 'target' is missing on line 21 of 'tasks.jsonl'.", "tasks.jsonl", lineNumber: 21, field: "target");
        }

        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<TaskDataException>(
            () => VerlParquetWriter.WriteAsync(stream, Failing(), new VerlParquetOptions { RowGroupSize = 2 }));
        Assert.NotEqual("PAR1"u8.ToArray(), stream.ToArray()[^4..]);
    }

    [Fact]
    public async Task WriteAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var rows = Enumerable.Range(0, 10).Select(i => ParquetWriterTestFiles.Row(i, [1], PromptTemplates.Base, index: i));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => VerlParquetWriter.WriteAsync(new MemoryStream(), rows, new VerlParquetOptions { RowGroupSize = 3 }, cancellation.Token));
    }

    public static TheoryData<string> TemplateNames => new() { "base", "qwen-instruct", "chat", "custom" };

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public async Task WriteAsync_TasksAddedWithoutRowObjects_SameBytesAsPreparedRows(string name)
    {
        var template = name == "custom"
            ? TemplateFile.Parse("""[{"role": "system", "content": "fixed"}, {"role": "user", "content": "{target} from {numbers}, {target}!"}]""", "custom.json")
            : PromptTemplates.Get(name);
        var random = new Random(3);
        var tasks = Enumerable.Range(0, 2_500)
            .Select(i => new CountdownTask(random.NextInt64(long.MinValue, long.MaxValue), Enumerable.Range(0, random.Next(0, 30)).Select(_ => random.NextInt64(-1000, long.MaxValue)).ToArray()))
            .ToList();
        var options = new VerlParquetOptions { RowGroupSize = 700 };
        using var fromRows = new MemoryStream();
        await VerlParquetWriter.WriteAsync(fromRows, tasks.Select((t, i) => new PreparedRow(t, template.Render(t), "train", i)), options);

        using var fromTasks = new MemoryStream();
        await VerlParquetWriter.WriteAsync(fromTasks, options, async (groups, token) =>
        {
            await groups.AddAsync(tasks, 0, 1_000, template, "train", 0, token);
            await groups.AddAsync(tasks, 1_000, 1_500, template, "train", 1_000, token);
        }, slots: null, CancellationToken.None);

        Assert.Equal(fromRows.ToArray(), fromTasks.ToArray());
    }

    private static string Expected(PreparedRow row) => JsonSerializer.Serialize(new
    {
        target = row.Task.Target,
        nums = row.Task.Nums,
        data_source = "countdown",
        prompt = row.Prompt.Select(m => new { content = m.Content, role = m.Role }),
        ability = "math",
        reward_model = new { ground_truth = new { numbers = row.Task.Nums, target = row.Task.Target }, style = "rule" },
        extra_info = new { index = row.Index, split = row.Split },
    });
}
