using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;
using Countdown.Preprocess.Validation;

namespace Countdown.Preprocess.Tests.Validation;

/// <summary>The validator against files from the library's own writer, which <c>prepare</c> uses.</summary>
public sealed class PreparedFileValidatorWriterTests
{
    [Theory]
    [InlineData("base", false, ParquetCodec.Snappy)]
    [InlineData("qwen-instruct", true, ParquetCodec.Zstd)]
    [InlineData("chat", false, ParquetCodec.Gzip)]
    public async Task ValidateAsync_VerlParquetWriterFolder_Passes(string templateName, bool includeSolution, ParquetCodec codec)
    {
        using var folder = new TempDirectory();
        var template = PromptTemplates.Get(templateName);
        var options = new VerlParquetOptions { Compression = codec, IncludeSolution = includeSolution, RowGroupSize = 2 };
        await WriteAsync(folder.File("train.parquet"), ValidationTestFiles.Tasks.Take(3), "train", template, options);
        await WriteAsync(folder.File("test.parquet"), ValidationTestFiles.Tasks.Skip(4), "test", template, options);

        var report = await PreparedFileValidator.ValidateAsync([folder.Path]);

        Assert.True(report.Passed(strict: true),
            string.Join("\n", report.Files.SelectMany(f => f.Violations).SelectMany(v => v.Samples).Select(v => v.Message)));
        Assert.Equal(new KeyValuePair<string, long>(templateName, 3), Assert.Single(report.Files[0].TemplateRows));
    }

    [Fact]
    public async Task ValidateAsync_VerlParquetWriterWithRepeatedTask_WarnsOfOverlap()
    {
        using var folder = new TempDirectory();
        await WriteAsync(folder.File("train.parquet"), ValidationTestFiles.Tasks.Take(3), "train", PromptTemplates.Base, VerlParquetOptions.Default);
        await WriteAsync(folder.File("test.parquet"), ValidationTestFiles.Tasks.Skip(3), "test", PromptTemplates.Base, VerlParquetOptions.Default);

        var report = await PreparedFileValidator.ValidateAsync([folder.Path]);

        Assert.Equal(0, report.ErrorCount);
        Assert.Equal(1, report.WarningCount);
        Assert.Equal(0L, Assert.Single(report.Files[1].Violations).Samples[0].Row);
    }

    private static async Task WriteAsync(string path, IEnumerable<CountdownTask> tasks, string split, TextTemplate template, VerlParquetOptions options)
    {
        var rows = tasks.Select((task, i) => new PreparedRow(task, template.Render(task), split, i, options.IncludeSolution ? $"answer {i}" : null));
        await using var stream = File.Create(path);
        await VerlParquetWriter.WriteAsync(stream, rows, options);
    }
}
