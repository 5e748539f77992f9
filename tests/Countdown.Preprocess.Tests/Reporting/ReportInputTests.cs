using Countdown.Preprocess.Reporting;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Reporting;

public sealed class ReportInputTests
{
    [Fact]
    public async Task Resolve_FolderOfShards_ListsEachSplitsShardsInNameOrder()
    {
        using var folder = new TempDirectory();
        foreach (var name in new[] { "train-00001-of-00002.parquet", "train-00000-of-00002.parquet", "test.parquet", "notes.parquet" })
            File.WriteAllText(folder.File(name), "");

        var input = await ReportInput.ResolveAsync(folder.Path);

        Assert.Equal(ReportInputKind.Prepared, input.Kind);
        Assert.Equal(["train-00000-of-00002.parquet", "train-00001-of-00002.parquet"], input.Train.Select(p => Path.GetFileName(p)));
        Assert.Equal(["test.parquet"], input.Test.Select(p => Path.GetFileName(p)));
    }

    [Fact]
    public async Task Resolve_FolderWithoutPreparedFiles_ThrowsNamingTheFolder()
    {
        using var folder = new TempDirectory();

        var error = await Assert.ThrowsAsync<InputFileException>(() => ReportInput.ResolveAsync(folder.Path));

        Assert.Contains(folder.Path, error.Message);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("/no/such/file.parquet")]
    public async Task Resolve_StandardInputOrMissingPath_Throws(string path)
        => await Assert.ThrowsAsync<InputFileException>(() => ReportInput.ResolveAsync(path));

    [Fact]
    public async Task Resolve_RawTaskFile_IsRawTasks()
    {
        using var folder = new TempDirectory();
        var path = folder.WriteJsonl([(3, [1, 2])]);

        Assert.Equal(ReportInputKind.RawTasks, (await ReportInput.ResolveAsync(path)).Kind);
    }

    [Theory]
    [InlineData("answers.jsonl", "{\"target\": 8, \"nums\": [2, 3], \"response\": \"<answer>2**3</answer>\"}\n")]
    [InlineData("answers.jsonl", "{\"reward_model\": {\"ground_truth\": {\"target\": 8, \"numbers\": [2, 3]}}, \"solution_str\": \"x\"}\n")]
    [InlineData("answers.csv", "target,nums,response\n8,\"[2, 3]\",<answer>2**3</answer>\n")]
    public async Task Resolve_FileWithResponses_IsAnswers(string name, string text)
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.File(name), text);

        Assert.Equal(ReportInputKind.Answers, (await ReportInput.ResolveAsync(folder.File(name))).Kind);
    }
}
