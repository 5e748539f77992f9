using System.Runtime.CompilerServices;
using Countdown.Preprocess.Quality;

namespace Countdown.Preprocess.Generating;

internal sealed partial class ExpressionDraw
{
    /// <summary>The span of the default --values 1-99: drawn with a constant divisor, which the compiler turns into one multiplication.</summary>
    private const ulong DefaultValueSpan = 99;

    private const ulong DefaultValueThreshold = unchecked(0UL - DefaultValueSpan) % DefaultValueSpan;

    /// <summary>How a number is drawn from the value range, offset from its minimum; one compiled copy of the draw loop each.</summary>
    private interface IValueDraw
    {
        static abstract ulong Below(ref ulong state, in UniformBound bound);
    }

    /// <summary>Any span: the prepared bound's multiply-and-shift remainder.</summary>
    private readonly struct PreparedValues : IValueDraw
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Below(ref ulong state, in UniformBound bound) => ExpressionDraw.Below(ref state, bound);
    }

    /// <summary>The span 99 (--values 1-99, the default): the same draw with the bound a constant.</summary>
    private readonly struct DefaultValues : IValueDraw
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Below(ref ulong state, in UniformBound bound)
        {
            ulong x;
            do x = Next(ref state); while (x < DefaultValueThreshold);
            return x % DefaultValueSpan;
        }
    }

    /// <summary>All 2^64 values (what <see cref="SplitMix64.NextInRange"/> draws for the full range): the raw output.</summary>
    private readonly struct AllValues : IValueDraw
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Below(ref ulong state, in UniformBound bound) => Next(ref state);
    }
}
