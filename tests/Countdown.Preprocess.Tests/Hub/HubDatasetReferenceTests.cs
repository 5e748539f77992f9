using Countdown.Preprocess.Hub;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tests.Hub;

public sealed class HubDatasetReferenceTests
{
    [Theory]
    [InlineData("hf://datasets/Jiayi-Pan/Countdown-Tasks-3to4", "Jiayi-Pan/Countdown-Tasks-3to4", "main")]
    [InlineData("hf://datasets/Jiayi-Pan/Countdown-Tasks-3to4@v1.0", "Jiayi-Pan/Countdown-Tasks-3to4", "v1.0")]
    [InlineData("HF://datasets/org_1/name.x@0123456789abcdef0123456789abcdef01234567", "org_1/name.x", "0123456789abcdef0123456789abcdef01234567")]
    [InlineData("hf://datasets/a/b@refs/pr/3", "a/b", "refs/pr/3")]
    [InlineData("hf://datasets/a/b@refs%2Fconvert%2Fparquet", "a/b", "refs/convert/parquet")]
    public void Parse_ValidAddress_ReadsRepositoryAndRevision(string uri, string repository, string revision)
        => Assert.Equal(new HubDatasetReference(repository, revision), HubDatasetReference.Parse(uri));

    [Theory]
    [InlineData("hf://Jiayi-Pan/Countdown-Tasks-3to4")]
    [InlineData("hf://models/a/b")]
    [InlineData("hf://datasets/just-a-name")]
    [InlineData("hf://datasets/a/b/data/train.parquet")]
    [InlineData("hf://datasets/a/../b")]
    [InlineData("hf://datasets/a--x/b")]
    [InlineData("hf://datasets/a/b@")]
    [InlineData("hf://datasets/a/b@../../etc")]
    [InlineData("hf://datasets/a/b@refs//pr")]
    [InlineData("hf://datasets/a/b@main branch")]
    [InlineData("datasets/a/b")]
    public void Parse_MalformedAddress_ThrowsUsage(string uri)
        => Assert.Throws<UsageException>(() => HubDatasetReference.Parse(uri));

    [Fact]
    public void Parse_NotDatasetsPrefix_MessageShowsBothForms()
    {
        var error = Assert.Throws<UsageException>(() => HubDatasetReference.Parse("hf://a/b"));

        Assert.Equal("Input 'hf://a/b' is not a Hub dataset address; write it as 'hf://datasets/OWNER/NAME' or 'hf://datasets/OWNER/NAME@REVISION'.", error.Message);
    }

    [Theory]
    [InlineData("hf://datasets/a/b", true)]
    [InlineData("HF://datasets/a/b", true)]
    [InlineData("hf://a", true)]
    [InlineData("data/tasks.parquet", false)]
    [InlineData("https://huggingface.co/datasets/a/b", false)]
    public void IsHubUri_Input_RecognisesScheme(string input, bool expected)
        => Assert.Equal(expected, HubDatasetReference.IsHubUri(input));

    [Fact]
    public void Default_IsTinyZeroDatasetOnMain_AndRoundTrips()
    {
        Assert.Equal("hf://datasets/Jiayi-Pan/Countdown-Tasks-3to4@main", HubDatasetReference.Default.ToString());
        Assert.Equal(HubDatasetReference.Default, HubDatasetReference.Parse(HubDatasetReference.Default.ToString()));
    }
}
