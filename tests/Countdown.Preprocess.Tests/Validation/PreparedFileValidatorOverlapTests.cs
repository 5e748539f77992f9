using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;
using Countdown.Preprocess.Validation;

namespace Countdown.Preprocess.Tests.Validation;

/// <summary>
/// Files named by their split are matched test-first, without keeping train keys; files whose split only their rows
/// tell keep every key. Both must find the same overlaps, the first train row for each.
/// </summary>
public sealed class PreparedFileValidatorOverlapTests
{
    private static readonly CountdownTask Repeated = new(28, [95, 11, 56]);
    private static readonly CountdownTask Unpacked = new(70_000, [100_000, 30_000, 2]); // beyond 16 bits: a text key
    private static readonly CountdownTask[] Train =
    [
        new(10, [1, 2, 3]), new(11, [4, 5, 6]), new(28, [56, 95, 11]), new(12, [7, 8, 9]), Unpacked, Repeated, new(13, [9, 9, 9]),
    ];
    private static readonly CountdownTask[] Test = [new(40, [1, 1, 1]), Repeated, Unpacked, new(41, [2, 2, 2]), Repeated];

    [Fact]
    public async Task ValidateAsync_NamedAndUnnamedFiles_SameOverlapsWithTheFirstTrainRow()
    {
        using var folder = new TempDirectory();
        ValidationTestFiles.Write(folder.File("train.parquet"), ValidationTestFiles.Rows(Train, "train", PromptTemplates.Base));
        ValidationTestFiles.Write(folder.File("test.parquet"), ValidationTestFiles.Rows(Test, "test", PromptTemplates.Base));
        File.Copy(folder.File("train.parquet"), folder.File("a.parquet"));
        File.Copy(folder.File("test.parquet"), folder.File("b.parquet"));

        var named = await PreparedFileValidator.ValidateAsync([folder.Path]);
        var unnamed = await PreparedFileValidator.ValidateAsync([folder.File("a.parquet"), folder.File("b.parquet")]);

        string[] expected =
        [
            "Test row 1 has the task of row 2 of 'TRAIN' (target 28, numbers [11, 56, 95] in some order); test scores on repeated tasks overstate generalisation.",
            "Test row 2 has the task of row 4 of 'TRAIN' (target 70000, numbers [2, 30000, 100000] in some order); test scores on repeated tasks overstate generalisation.",
            "Test row 4 has the task of row 2 of 'TRAIN' (target 28, numbers [11, 56, 95] in some order); test scores on repeated tasks overstate generalisation.",
        ];
        Assert.Equal(expected, Messages(named, folder.File("train.parquet")));
        Assert.Equal(expected, Messages(unnamed, folder.File("a.parquet")));
        Assert.Equal(["train", "test"], named.Files.Select(f => f.Split));
        Assert.Equal(0, named.ErrorCount);
    }

    [Fact]
    public async Task ValidateAsync_TestFolderGivenBeforeTrainFile_ReportsInTheOrderGiven()
    {
        using var folder = new TempDirectory();
        ValidationTestFiles.Write(folder.File("train.parquet"), ValidationTestFiles.Rows(Train, "train", PromptTemplates.Base));
        ValidationTestFiles.Write(folder.File("test.parquet"), ValidationTestFiles.Rows(Test, "test", PromptTemplates.Base));

        var report = await PreparedFileValidator.ValidateAsync([folder.File("test.parquet"), folder.File("train.parquet")]);

        Assert.Equal(["test", "train"], report.Files.Select(f => f.Split));
        Assert.Equal(3, report.WarningCount);
        Assert.Empty(report.Files[1].Violations);
    }

    private static string[] Messages(ValidationReport report, string trainPath)
        => report.Files.SelectMany(f => f.Violations).SelectMany(v => v.Samples).Select(s => s.Message.Replace(trainPath, "TRAIN")).ToArray();
}
