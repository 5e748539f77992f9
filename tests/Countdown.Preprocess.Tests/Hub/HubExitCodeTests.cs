using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Cli.Commands;
using Countdown.Preprocess.Hub;

namespace Countdown.Preprocess.Tests.Hub;

public sealed class HubExitCodeTests
{
    [Theory]
    [InlineData(HubErrorKind.Network)]
    [InlineData(HubErrorKind.Unauthorized)]
    [InlineData(HubErrorKind.ChecksumMismatch)]
    public void ExitCodeFor_HubException_IsHubFailed(HubErrorKind kind)
        => Assert.Equal(ExitCodes.HubFailed, CountdownCommand.ExitCodeFor(new HubException(kind, "The Hub failed.")));
}
