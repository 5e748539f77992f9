using System.Runtime.CompilerServices;

namespace Countdown.Preprocess.Inspection;

/// <summary>A leaf column whose defined values are of the physical CLR type <typeparamref name="T"/>.</summary>
internal sealed class ParquetLeafColumn<T>(T[] values, int[] definitionLevels, int[] repetitionLevels, int levelCount, int maxDefinitionLevel)
    : ParquetLeafColumn(definitionLevels, repetitionLevels, levelCount, maxDefinitionLevel)
    where T : struct
{
    protected override object? TakeValue(int index)
    {
        var value = values[index];
        // Free large strings as rows are consumed; a row group of prompts is hundreds of megabytes otherwise.
        values[index] = default;
        // typeof(T) tests fold away per instantiation, so strings are not boxed on the way.
        if (typeof(T) == typeof(ReadOnlyMemory<char>)) return new string(Unsafe.As<T, ReadOnlyMemory<char>>(ref value).Span);
        if (typeof(T) == typeof(ReadOnlyMemory<byte>)) return Unsafe.As<T, ReadOnlyMemory<byte>>(ref value).ToArray();
        if (typeof(T) == typeof(Half)) return (double)Unsafe.As<T, Half>(ref value);
        return value;
    }
}
