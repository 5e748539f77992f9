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
        return value switch
        {
            ReadOnlyMemory<char> chars => new string(chars.Span),
            ReadOnlyMemory<byte> bytes => bytes.ToArray(),
            Half half => (double)half,
            _ => value,
        };
    }
}
