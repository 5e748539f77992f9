using Countdown.Preprocess.Cli;

// First line: a SIGINT or SIGTERM from here on cancels the run instead of killing the process.
using var signals = ProcessSignals.Register();
ProcessSignals.TellTestsReady();
return await CountdownCli.RunAsync(args, cancellationToken: signals.Token);
