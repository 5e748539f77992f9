namespace Countdown.Preprocess.Tests.Support;

/// <summary>A theory that runs only where Debian's <c>chromium</c> is installed (CI installs it first, see <c>.ci/run</c>); elsewhere it is skipped, saying why.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    /// <summary>Where Debian's <c>chromium</c> package puts the browser; the tests never download one.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumTheoryAttribute()
    {
        if (!File.Exists(ChromiumPath))
            Skip = $"No browser at {ChromiumPath}: install Debian's chromium package (apt-get install -y chromium) to run the report's browser test.";
    }
}
