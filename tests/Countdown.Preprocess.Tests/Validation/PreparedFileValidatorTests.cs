using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;
using Countdown.Preprocess.Validation;

namespace Countdown.Preprocess.Tests.Validation;

public sealed class PreparedFileValidatorTests
{
    [Fact]
    public async Task ValidateAsync_ValidFolder_PassesAndCountsTemplates()
    {
        using var folder = new ValidationTempFolder();
        ValidationTestFiles.Write(folder.File("train.parquet"), ValidationTestFiles.Rows(ValidationTestFiles.Tasks.Take(3), "train", PromptTemplates.Chat));
        ValidationTestFiles.Write(folder.File("test.parquet"), ValidationTestFiles.Rows(ValidationTestFiles.Tasks.Skip(4), "test", PromptTemplates.Chat));

        var report = await PreparedFileValidator.ValidateAsync([folder.Path]);

        Assert.True(report.Passed(strict: true), string.Join("\n", report.Files.SelectMany(f => f.Violations).SelectMany(v => v.Samples).Select(v => v.Message)));
        Assert.Equal(["train", "test"], report.Files.Select(f => f.Split));
        Assert.Equal([3L, 1L], report.Files.Select(f => f.RowCount));
        Assert.Equal(new KeyValuePair<string, long>("chat", 3), Assert.Single(report.Files[0].TemplateRows));
    }
}
