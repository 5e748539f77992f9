using System.CommandLine;
using Countdown.Preprocess.Benchmarks.Commands;

// Each measured run is a child process (ours: the CLI; DuckDB: this harness in `duckdb-child` mode),
// so both sides pay a .NET process start. See README "Benchmark". One line per benchmark; a new one
// is a BenchmarkCommand in Commands/; solver and score also time library calls in-process (InProcessRounds).
var root = new RootCommand("Benchmarks for countdown-preprocess: wall time and peak memory of whole CLI runs, side by side with DuckDB.");
root.Subcommands.Add(new PrepareVsDuckDbCommand());
root.Subcommands.Add(new CodecsCommand());
root.Subcommands.Add(new TimeCliCommand());
root.Subcommands.Add(new SolverCommand());
root.Subcommands.Add(new ScoreCommand());
root.Subcommands.Add(new ScaleCommand());
root.Subcommands.Add(new CommandsCommand());
root.Subcommands.Add(new RowGroupEncodeCommand());
root.Subcommands.Add(new DuckDbChildCommand());
return await root.Parse(args).InvokeAsync();
