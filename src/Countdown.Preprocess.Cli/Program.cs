using Countdown.Preprocess.Cli;

return await CountdownCli.RunAsync(args);
