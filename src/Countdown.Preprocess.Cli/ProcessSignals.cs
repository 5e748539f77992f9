using System.Runtime.InteropServices;
using Countdown.Preprocess.Output;

namespace Countdown.Preprocess.Cli;

/// <summary>
/// Turns SIGINT (Ctrl-C) and SIGTERM into a cancelled token from the first line of <c>Main</c>, so a signal at any
/// moment ends the run through the normal path: temporary files removed, exit code 130, one line on stderr.
/// </summary>
/// <remarks>
/// Registered before argument parsing, unlike System.CommandLine's own handler, which only exists once a command runs;
/// a signal before that killed the process outright and left temporary files behind. A signal during a commit does not
/// split it: the commit ignores the token once its first rename is done. A run that has not ended
/// <see cref="GracePeriod"/> after the first signal is ended with 130, between commits, never inside one.
/// </remarks>
internal sealed class ProcessSignals : IDisposable
{
    /// <summary>How long a cancelled run may take to clean up before the process ends anyway.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private Timer? _deadline;
    private int _signalled;

    private ProcessSignals()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Starts handling both signals until the process ends, or until disposed, which restores the default handling.</summary>
    public static ProcessSignals Register() => new();

    /// <summary>
    /// Test hook: when <c>COUNTDOWN_TEST_SIGNALS_READY</c> names a file, creates it once the handlers are in place, so a
    /// test can time its signals from that moment rather than from process start (the runtime's own start-up, before
    /// <c>Main</c>, is out of our reach). Not for users.
    /// </summary>
    public static void TellTestsReady()
    {
        if (Environment.GetEnvironmentVariable("COUNTDOWN_TEST_SIGNALS_READY") is { Length: > 0 } marker)
            File.WriteAllBytes(marker, []);
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the process alive: the run ends itself once it has cleaned up.
        context.Cancel = true;
        if (Interlocked.Exchange(ref _signalled, 1) == 1) return;
        // Cancel off the signal thread: callbacks may run long, and this thread must stay free for further signals.
        ThreadPool.QueueUserWorkItem(_ => _cancel.Cancel());
        _deadline = new Timer(_ => AtomicFileSet.RunBetweenCommits(() =>
        {
            Console.Error.WriteLine("error: Cancelled, and the run did not stop within the grace period; ending it now. A commit in progress was completed or not started.");
            Environment.Exit(ExitCodes.Cancelled);
        }), null, GracePeriod, Timeout.InfiniteTimeSpan);
    }

    /// <remarks>The token source is not disposed: a signal at the very end may still be cancelling it, and it lives as long as the process anyway.</remarks>
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _deadline?.Dispose();
    }
}
