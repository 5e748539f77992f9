using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Generating;

/// <summary>
/// Makes synthetic raw tasks that are solvable by construction: numbers are drawn, a random operation sequence is
/// applied to them, and its value becomes the target when it lands in the target range.
/// </summary>
/// <remarks>
/// <para>Task <c>i</c> draws from its own <see cref="SplitMix64"/>, started at the state
/// <c>Mix(seed + (i + 1) · 0x9E3779B97F4A7C15)</c> (the (i+1)-th output of <c>SplitMix64(seed)</c>), so tasks are the
/// same whatever the thread count. It draws the count of numbers uniformly from <see cref="GenerateOptions.Numbers"/>
/// once, then tries until one lands: draw each number uniformly from <see cref="GenerateOptions.Values"/>, then
/// combine until one value is left. Under <see cref="SolveRule.Reward"/> each step picks an ordered pair of pool
/// positions and one of <c>+ - * /</c> uniformly (exact fractions; dividing by zero fails the try) and the final
/// value must be an integer. Under <see cref="SolveRule.Integer"/> each step picks an unordered pair and an
/// operator and combines larger with smaller (a division that is not exact fails the try).</para>
/// <para>Targets therefore follow the distribution of random expression values within the range (sums and small
/// differences are common), not a uniform one.</para>
/// </remarks>
public static partial class TaskGenerator
{
    /// <summary>How many random expressions one task may try before the options are declared hopeless.</summary>
    public const int MaxTriesPerTask = 1_000_000;

    /// <summary>SplitMix64's increment.</summary>
    internal const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const int ChunkSize = 4096;

    /// <summary>Makes <see cref="GenerateOptions.Count"/> tasks, in parallel, the same for the same options.</summary>
    /// <exception cref="UsageException">An option is out of range, or no task can reach the target range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static CountdownTask[] Generate(GenerateOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        return MakeRange(options, 0, options.Count, cancellationToken);
    }

    /// <summary>The state of the generator task <paramref name="index"/> draws from.</summary>
    internal static ulong StateFor(ulong seed, long index) => SplitMix64.Mix(seed + (ulong)(index + 1) * Gamma);
}
