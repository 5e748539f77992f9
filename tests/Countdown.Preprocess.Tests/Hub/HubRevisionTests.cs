using System.Text;
using Countdown.Preprocess.Hub;

namespace Countdown.Preprocess.Tests.Hub;

public sealed class HubRevisionTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void Parse_HubAnswer_ReadsShaAndFileNames()
    {
        var json = $$"""{"_id":"x","id":"a/b","sha":"{{Commit}}","private":false,"siblings":[{"rfilename":"README.md"},{"rfilename":"data/train-00000-of-00001.parquet"}]}""";

        var revision = HubRevision.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(Commit, revision.Commit);
        Assert.Equal(["README.md", "data/train-00000-of-00001.parquet"], revision.Files);
    }

    [Fact]
    public void ToJson_Revision_ParsesBackEqual()
    {
        var revision = new HubRevision(Commit, ["a", "data/b.parquet"]);

        var back = HubRevision.Parse(revision.ToJson());

        Assert.Equal(revision.Commit, back.Commit);
        Assert.Equal(revision.Files, back.Files);
    }

    [Theory]
    [InlineData("<html>rate limited</html>", "not JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"siblings":[]}""", "no 40-hex 'sha'")]
    [InlineData("""{"sha":"main","siblings":[]}""", "no 40-hex 'sha'")]
    [InlineData("""{"sha":"0123456789abcdef0123456789abcdef01234567"}""", "no 'siblings' list")]
    [InlineData("""{"sha":"0123456789abcdef0123456789abcdef01234567","siblings":[{"size":3}]}""", "a sibling without 'rfilename'")]
    public void Parse_UnexpectedShape_ThrowsFormatSayingWhat(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => HubRevision.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith(reason, error.Message);
    }
}
