using System.Runtime.CompilerServices;
using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Generating;

/// <summary>One worker's draw for <see cref="TaskGenerator"/>: numbers and a random operation sequence over them.</summary>
/// <remarks>
/// <para>The draws are those of <see cref="SplitMix64.NextBelow(ulong)"/>, bit for bit, with the generator's state in
/// a local: the small bounds (pool positions, operators) are constants the compiler divides by with a multiplication,
/// the value range a prepared <see cref="UniformBound"/>. A task's pool lives on the stack; nothing is allocated
/// until the task is stored.</para>
/// <para>Options were validated, so no fraction overflows a <see cref="long"/>, nor does a target times a denominator.</para>
/// </remarks>
internal sealed partial class ExpressionDraw(GenerateOptions options)
{
    private readonly UniformBound _counts = new((ulong)(options.Numbers.Max - options.Numbers.Min) + 1);
    private readonly long _valueMin = options.Values.Min;
    private readonly ulong _valueSpan = (ulong)(options.Values.Max - options.Values.Min) + 1; // 0: all 2^64 values
    private readonly UniformBound _values = new(Math.Max((ulong)(options.Values.Max - options.Values.Min) + 1, 1));
    private readonly long _targetMin = options.Targets.Min;
    private readonly long _targetMax = options.Targets.Max;
    private readonly bool _integer = options.Rule == SolveRule.Integer;

    /// <summary>Makes one task from the stream that starts at <paramref name="state"/>, the task's own.</summary>
    public CountdownTask Make(ulong state)
    {
        Span<long> nums = stackalloc long[CountdownSolver.MaxNumbers];
        var count = Make(state, nums, out var target);
        return new CountdownTask(target, nums[..count].ToArray());
    }

    /// <summary>Makes one task into <paramref name="nums"/> (at least <see cref="CountdownSolver.MaxNumbers"/> long); returns its count of numbers.</summary>
    /// <exception cref="UsageException">No try reached the target range in <see cref="TaskGenerator.MaxTriesPerTask"/> expressions.</exception>
    public int Make(ulong state, Span<long> nums, out long target)
        => _valueSpan switch
        {
            0 => Make<AllValues>(state, nums, out target),
            DefaultValueSpan => Make<DefaultValues>(state, nums, out target),
            _ => Make<PreparedValues>(state, nums, out target),
        };

    private int Make<TValues>(ulong state, Span<long> nums, out long target)
        where TValues : struct, IValueDraw
    {
        var count = (int)((ulong)options.Numbers.Min + Below(ref state, _counts));
        Span<long> num = stackalloc long[CountdownSolver.MaxNumbers];
        Span<long> den = stackalloc long[CountdownSolver.MaxNumbers];
        var (values, valueMin) = (_values, _valueMin);
        for (var tries = 0; tries < TaskGenerator.MaxTriesPerTask; tries++)
        {
            for (var i = 0; i < count; i++)
            {
                nums[i] = num[i] = valueMin + (long)TValues.Below(ref state, values);
                den[i] = 1;
            }

            if (_integer ? TryInteger(ref state, count, num, out target) : TryRational(ref state, count, num, den, out target))
                return count;
        }

        throw new UsageException(
            $"No task of {count} number(s) from '{options.Values}' reached a target in '{options.Targets}' in {TaskGenerator.MaxTriesPerTask:N0} random expressions; widen --targets or --values.");
    }

    /// <summary>SplitMix64's next output from the state in <paramref name="state"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Next(ref ulong state)
    {
        state += TaskGenerator.Gamma;
        return SplitMix64.Mix(state);
    }

    /// <summary><see cref="SplitMix64.NextBelow(in UniformBound)"/> on the state in <paramref name="state"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Below(ref ulong state, in UniformBound bound)
    {
        while (true)
        {
            var x = Next(ref state);
            if (x >= bound.Threshold) return bound.Remainder(x);
        }
    }
}
