using Countdown.Preprocess.Hub;

namespace Countdown.Preprocess.Tests.Hub;

public sealed class HubOptionsTests
{
    [Fact]
    public void FromEnvironment_AllSet_ReadsEachVariable()
    {
        var variables = new Dictionary<string, string>
        {
            ["HF_ENDPOINT"] = "https://hub.example.org/",
            ["HF_TOKEN"] = " hf_abc ",
            ["COUNTDOWN_CACHE"] = "/tmp/cd-cache",
            ["HF_HUB_OFFLINE"] = "1",
        };

        var options = HubOptions.FromEnvironment(false, name => variables.GetValueOrDefault(name));

        Assert.Equal("https://hub.example.org", options.Endpoint);
        Assert.Equal("hf_abc", options.Token);
        Assert.Equal("/tmp/cd-cache", options.CacheDirectory);
        Assert.True(options.Offline);
    }

    [Fact]
    public void FromEnvironment_NothingSet_UsesDefaults()
    {
        var options = HubOptions.FromEnvironment(false, _ => null);

        Assert.Equal("https://huggingface.co", options.Endpoint);
        Assert.Null(options.Token);
        Assert.False(options.Offline);
        Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "countdown-preprocess"), options.CacheDirectory);
    }

    [Fact]
    public void FromEnvironment_XdgCacheHome_HoldsOurFolder()
        => Assert.Equal(Path.Combine("/xdg", "countdown-preprocess"),
            HubOptions.FromEnvironment(false, name => name == "XDG_CACHE_HOME" ? "/xdg" : null).CacheDirectory);

    [Theory]
    [InlineData("1", false, true)]
    [InlineData("true", false, true)]
    [InlineData("YES", false, true)]
    [InlineData("on", false, true)]
    [InlineData("0", false, false)]
    [InlineData("", false, false)]
    [InlineData("0", true, true)]
    public void FromEnvironment_OfflineVariableOrFlag_SetsOffline(string value, bool flag, bool expected)
        => Assert.Equal(expected, HubOptions.FromEnvironment(flag, name => name == "HF_HUB_OFFLINE" ? value : null).Offline);

    [Fact]
    public void FromEnvironment_EmptyToken_MeansNoToken()
        => Assert.Null(HubOptions.FromEnvironment(false, name => name == "HF_TOKEN" ? "  " : null).Token);
}
