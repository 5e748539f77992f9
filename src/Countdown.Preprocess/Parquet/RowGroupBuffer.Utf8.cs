using System.Buffers.Binary;
using Countdown.Preprocess.Parquet.Encoding;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Parquet;

/// <summary>Prompt contents rendered straight to UTF-8, already laid out as the prompt column's PLAIN values.</summary>
/// <remarks>
/// Rendering to UTF-16 and transcoding each page to UTF-8 was a fifth of the writer's CPU. A group's contents are in
/// one form or the other: UTF-8 while every row comes from a template that <see cref="TextTemplate.RendersOrderedUtf8"/>;
/// the first row that comes otherwise (a <see cref="Rows.PreparedRow"/>, another template) moves them to text first, and so
/// does a flush through Parquet.Net. The min and max are tracked as rows arrive, comparing bytes while in cache.
/// </remarks>
internal sealed partial class RowGroupBuffer
{
    private ByteBuffer? _contentUtf8;
    private int _utf8Count;
    private int _utf8Min = -1;
    private int _utf8Max = -1;

    /// <summary>Gets whether prompts of templates that allow it are rendered straight to UTF-8 (default); false renders every prompt as text, the reference path the differential tests compare with.</summary>
    internal bool RendersUtf8 { get; init; } = true;

    /// <summary>Gets whether the group's prompt contents are held as UTF-8 (then the text column holds none).</summary>
    internal bool HasUtf8Contents => _utf8Count > 0;

    private void AddPromptUtf8(CountdownTask task, TextTemplate template)
    {
        var bytes = _contentUtf8 ??= new ByteBuffer(1 << 20);
        int start = bytes.Length;
        bytes.Advance(template.RenderLengthPrefixedUtf8(task, bytes.Reserve(template.MaxLengthPrefixedUtf8(task.Nums.Length))));
        var all = bytes.Written;
        int messages = template.MessageCount;
        for (int i = 0, at = start; i < messages; i++)
        {
            var value = ValueAt(all, at);
            if (_utf8Min < 0 || value.SequenceCompareTo(ValueAt(all, _utf8Min)) < 0) _utf8Min = at;
            if (_utf8Max < 0 || value.SequenceCompareTo(ValueAt(all, _utf8Max)) > 0) _utf8Max = at;
            at += sizeof(int) + value.Length;
            AddRenderedMessageLevels(template, i);
        }

        _utf8Count += messages;
    }

    /// <summary>Stages the prompt column from the UTF-8 contents.</summary>
    private bool EncodeUtf8Contents(RowGroupEncoder encoder)
    {
        var all = _contentUtf8!.Written;
        return encoder.Utf8TextColumn(_schema.PromptContent, all, _utf8Count, ValueAt(all, _utf8Min), ValueAt(all, _utf8Max),
            _contentDefinitions.Memory.Span, _promptRepetitions.Memory.Span);
    }

    /// <summary>Moves UTF-8 contents, if any, into the text column, in order: the group goes on as text.</summary>
    private void MoveUtf8ContentsToText()
    {
        if (_utf8Count == 0) return;
        var all = _contentUtf8!.Written;
        for (int at = 0; at < all.Length;)
        {
            var value = ValueAt(all, at);
            var text = _contentText.Allocate(System.Text.Encoding.UTF8.GetCharCount(value));
            System.Text.Encoding.UTF8.GetChars(value, text.Span);
            _contents.Add(text);
            at += sizeof(int) + value.Length;
        }

        ClearUtf8();
    }

    private void ClearUtf8()
    {
        _contentUtf8?.Clear();
        _utf8Count = 0;
        _utf8Min = _utf8Max = -1;
    }

    private static ReadOnlySpan<byte> ValueAt(ReadOnlySpan<byte> values, int at)
        => values.Slice(at + sizeof(int), BinaryPrimitives.ReadInt32LittleEndian(values[at..]));
}
