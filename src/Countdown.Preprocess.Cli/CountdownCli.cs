using System.CommandLine;

namespace Countdown.Preprocess.Cli;

/// <summary>Builds the root command from the command classes and runs it.</summary>
internal static class CountdownCli
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Prepare Countdown numbers-game tasks for reinforcement learning with veRL, exactly as TinyZero does, and check them.");
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var root = CreateRootCommand();
        var config = new InvocationConfiguration();
        if (output is not null) config.Output = output;
        if (error is not null) config.Error = error;
        return await root.Parse(args).InvokeAsync(config);
    }
}
