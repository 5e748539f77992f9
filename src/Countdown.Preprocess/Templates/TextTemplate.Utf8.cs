using System.Buffers.Binary;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Templates;

public sealed partial class TextTemplate
{
    /// <summary>The first UTF-16 unit from which UTF-8 byte order and UTF-16 unit order can disagree (surrogates, then U+E000 and above).</summary>
    private const char FirstUnorderedChar = '\uD800';

    /// <summary>Gets whether every text of the template is below U+D800, so its rendered prompts order the same as UTF-8 bytes and as UTF-16 units.</summary>
    /// <remarks>
    /// The numbers and target are ASCII. Below U+D800 a UTF-16 unit is its code point, and UTF-8 keeps code point
    /// order, so comparing rendered bytes finds the min and max that comparing strings ordinally does (Parquet.Net's
    /// statistics); a template with higher characters is rendered as text instead.
    /// </remarks>
    internal bool RendersOrderedUtf8 { get; }

    /// <summary>Gets the most bytes <see cref="RenderLengthPrefixedUtf8"/> writes for a task of <paramref name="numbers"/> numbers.</summary>
    internal int MaxLengthPrefixedUtf8(int numbers)
    {
        int list = PythonFormat.MaxListLength(numbers), target = PythonFormat.MaxIntegerTextLength, most = 0;
        foreach (var message in _messages)
            most += sizeof(int) + message.Utf8LiteralLength + message.NumbersHoles * list + message.TargetHoles * target;
        return most;
    }

    /// <summary>Writes the contents of <paramref name="task"/>'s messages as UTF-8, each after its length as a 4-byte little-endian integer, and returns the bytes written.</summary>
    /// <remarks>
    /// The same text as <see cref="Render"/>, already in the layout of a Parquet PLAIN byte-array page: the writer
    /// renders prompts this way with no string, no UTF-16 copy and no transcoding. <paramref name="destination"/> must
    /// hold <see cref="MaxLengthPrefixedUtf8"/> bytes.
    /// </remarks>
    internal int RenderLengthPrefixedUtf8(CountdownTask task, Span<byte> destination)
    {
        ReadOnlySpan<long> nums = task.Nums;
        var most = PythonFormat.MaxListLength(nums.Length) + PythonFormat.MaxIntegerTextLength;
        Span<byte> values = most <= StackValuesLength ? stackalloc byte[StackValuesLength] : new byte[most];
        var numbersLength = PythonFormat.FormatListUtf8(nums, values);
        var targetLength = PythonFormat.FormatIntegerUtf8(task.Target, values[numbersLength..]);
        ReadOnlySpan<byte> numbers = values[..numbersLength], target = values.Slice(numbersLength, targetLength);

        var at = 0;
        foreach (var message in _messages)
        {
            var start = at;
            at += sizeof(int);
            var (parts, holes) = (message.Utf8Parts, message.Holes);
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i].CopyTo(destination[at..]);
                at += parts[i].Length;
                if (i < holes.Length)
                {
                    var value = holes[i] == Placeholder.Numbers ? numbers : target;
                    value.CopyTo(destination[at..]);
                    at += value.Length;
                }
            }
            BinaryPrimitives.WriteInt32LittleEndian(destination[start..], at - start - sizeof(int));
        }
        return at;
    }
}
