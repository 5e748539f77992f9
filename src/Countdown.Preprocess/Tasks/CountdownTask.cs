namespace Countdown.Preprocess.Tasks;

/// <summary>One raw Countdown task: reach <see cref="Target"/> using each of <see cref="Nums"/> exactly once.</summary>
/// <param name="Target">The number to reach.</param>
/// <param name="Nums">The numbers to use, in input order. Treat as read-only: rows share this array.</param>
public sealed record CountdownTask(long Target, long[] Nums);
