using Countdown.Preprocess.Cli;

// First line: a SIGINT or SIGTERM from here on cancels the run instead of killing the process. The handlers stay until
// the process is gone: disposed at the end of Main, a signal while the runtime shuts down killed it with 143 after a
// finished run (the outcome is decided by then, so the handler only keeps the exit code the run chose).
var signals = ProcessSignals.Register();
ProcessSignals.TellTestsReady();
return await CountdownCli.RunAsync(args, cancellationToken: signals.Token);
