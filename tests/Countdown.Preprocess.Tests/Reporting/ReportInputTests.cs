using Countdown.Preprocess.Reporting;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Reporting;

public sealed class ReportInputTests
{
    [Fact]
    public void Resolve_FolderOfShards_ListsEachSplitsShardsInNameOrder()
    {
        using var folder = new TempDirectory();
        foreach (var name in new[] { "train-00001-of-00002.parquet", "train-00000-of-00002.parquet", "test.parquet", "notes.parquet" })
            File.WriteAllText(folder.File(name), "");

        var input = ReportInput.Resolve(folder.Path);

        Assert.Equal(ReportInputKind.Prepared, input.Kind);
        Assert.Equal(["train-00000-of-00002.parquet", "train-00001-of-00002.parquet"], input.Train.Select(p => Path.GetFileName(p)));
        Assert.Equal(["test.parquet"], input.Test.Select(p => Path.GetFileName(p)));
    }

    [Fact]
    public void Resolve_FolderWithoutPreparedFiles_ThrowsNamingTheFolder()
    {
        using var folder = new TempDirectory();

        var error = Assert.Throws<InputFileException>(() => ReportInput.Resolve(folder.Path));

        Assert.Contains(folder.Path, error.Message);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("/no/such/file.parquet")]
    public void Resolve_StandardInputOrMissingPath_Throws(string path)
        => Assert.Throws<InputFileException>(() => ReportInput.Resolve(path));

    [Fact]
    public void Resolve_RawTaskFile_IsRawTasks()
    {
        using var folder = new TempDirectory();
        var path = folder.WriteJsonl([(3, [1, 2])]);

        Assert.Equal(ReportInputKind.RawTasks, ReportInput.Resolve(path).Kind);
    }
}
