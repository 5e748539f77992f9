using Countdown.Preprocess.Hub;

namespace Countdown.Preprocess.Tests.Hub;

public sealed class HubSplitsTests
{
    private static readonly string[] Files =
    [
        ".gitattributes",
        "README.md",
        "data/train-00001-of-00002.parquet",
        "data/train-00000-of-00002.parquet",
        "data/training-00000-of-00001.parquet",
        "data/test.parquet",
        "data/test-00000-of-00001.csv",
        "data/validation/part-0.parquet",
        "data/..\\evil-0.parquet",
        "other/train-00000-of-00001.parquet",
    ];

    [Theory]
    [InlineData("train", new[] { "data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet" })]
    [InlineData("test", new[] { "data/test.parquet" })]
    [InlineData("training", new[] { "data/training-00000-of-00001.parquet" })]
    [InlineData("validation", new string[0])]
    public void FilesOf_Split_ParquetDirectlyUnderDataInNameOrder(string split, string[] expected)
        => Assert.Equal(expected, HubSplits.FilesOf(Files, split));

    [Fact]
    public void SplitsIn_Files_ListsSplitNamesSorted()
        => Assert.Equal(["test", "train", "training"], HubSplits.SplitsIn(Files));

    [Theory]
    [InlineData("train", true)]
    [InlineData("train.clean", true)]
    [InlineData("test_2", true)]
    [InlineData("", false)]
    [InlineData("../x", false)]
    [InlineData("train-1", false)]
    public void IsValidName_Split_FollowsDatasetsRule(string split, bool expected)
        => Assert.Equal(expected, HubSplits.IsValidName(split));
}
