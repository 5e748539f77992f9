namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>One side of a comparison: a name and the child command that writes its output into a given folder.</summary>
/// <param name="Name">The name in the table.</param>
/// <param name="CommandFor">The command line for a run writing into the given (fresh) folder.</param>
/// <param name="CreateOutDir">Whether the harness creates the folder before the run, rather than the child.</param>
internal sealed record Contender(string Name, Func<string, ChildCommand> CommandFor, bool CreateOutDir = false);
