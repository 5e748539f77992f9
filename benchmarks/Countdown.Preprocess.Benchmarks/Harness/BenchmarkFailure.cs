namespace Countdown.Preprocess.Benchmarks.Harness;

/// <summary>A run failed or wrote the wrong output; the harness prints the message and exits non-zero.</summary>
internal sealed class BenchmarkFailure(string message) : Exception(message);
