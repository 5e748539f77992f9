using Parquet.Schema;
using PageEncoding = Parquet.Meta.Encoding;

namespace Countdown.Preprocess.Parquet.Encoding;

internal sealed partial class RowGroupEncoder
{
    private readonly TextDictionary _dictionary = new();
    private readonly ByteBuffer _min = new(256);
    private readonly ByteBuffer _max = new(256);

    /// <summary>Stages a string column chunk: a dictionary page and an index page for hinted columns whose values repeat enough, one PLAIN page otherwise.</summary>
    /// <returns>False, staging nothing, when a page would be bigger than <see cref="MaxPageBytes"/>.</returns>
    internal bool TextColumn(DataField field, ReadOnlySpan<ReadOnlyMemory<char>> values, ReadOnlySpan<int> definitions, ReadOnlySpan<int> repetitions)
    {
        if (PlainTextBound(values) + LevelsBound(definitions.Length, repetitions.Length) > MaxPageBytes)
        {
            return false;
        }

        int start = _group.Length;
        var sizes = default(ChunkSizes);
        bool dictionary = _dictionaryEncoded.Contains(field) && _dictionary.TryBuild(values);
        if (dictionary)
        {
            // Parquet.Net takes the statistics from the dictionary page's values, and puts them on the data page too.
            var entries = _dictionary.Entries;
            _page.Clear();
            var (min, max) = PlainText.Write(_page, entries);
            var statistics = TextStatistics(entries, min, max, definitions.Length - values.Length);
            StagePage(ref sizes, dictionaryPage: true, entries.Length, PageEncoding.PLAIN_DICTIONARY, statistics);

            _page.Clear();
            WriteLevels(field, definitions, repetitions);
            int bitWidth = RleRunEncoder.BitWidth(entries.Length);
            _page.WriteByte((byte)bitWidth);
            RleRunEncoder.Encode(_page, _dictionary.Indexes, (bitWidth + 7) / 8);
            StagePage(ref sizes, dictionaryPage: false, definitions.Length, PageEncoding.PLAIN_DICTIONARY, statistics);
            AddChunk(field, global::Parquet.Meta.Type.BYTE_ARRAY, start, definitions.Length, dictionary: true, statistics, sizes);
        }
        else
        {
            _page.Clear();
            WriteLevels(field, definitions, repetitions);
            var (min, max) = PlainText.Write(_page, values);
            var statistics = TextStatistics(values, min, max, definitions.Length - values.Length);
            StagePage(ref sizes, dictionaryPage: false, definitions.Length, PageEncoding.PLAIN, statistics);
            AddChunk(field, global::Parquet.Meta.Type.BYTE_ARRAY, start, definitions.Length, dictionary: false, statistics, sizes);
        }

        return true;
    }

    /// <summary>Stages a string column chunk whose values are already UTF-8 in PLAIN layout (4-byte length, bytes), with their min and max found: one PLAIN page, as <see cref="TextColumn"/> writes for the same strings.</summary>
    /// <returns>False, staging nothing, when the page would be bigger than <see cref="MaxPageBytes"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is one Parquet.Net dictionary-encodes, which needs the values as text.</exception>
    internal bool Utf8TextColumn(DataField field, ReadOnlySpan<byte> plainValues, int count, ReadOnlySpan<byte> min, ReadOnlySpan<byte> max,
        ReadOnlySpan<int> definitions, ReadOnlySpan<int> repetitions)
    {
        if (_dictionaryEncoded.Contains(field))
        {
            throw new ArgumentException($"Column '{field.Path}' is dictionary-encoded; pass its values as text.", nameof(field));
        }

        if (plainValues.Length + LevelsBound(definitions.Length, repetitions.Length) > MaxPageBytes)
        {
            return false;
        }

        int start = _group.Length;
        var sizes = default(ChunkSizes);
        _page.Clear();
        WriteLevels(field, definitions, repetitions);
        var statistics = count == 0
            ? new ChunkStatistics(definitions.Length, false, default, default)
            : new ChunkStatistics(definitions.Length - count, true, min, max);
        // The values follow the levels without being copied behind them (see PageCompressor.Compress).
        StagePage(ref sizes, dictionaryPage: false, definitions.Length, PageEncoding.PLAIN, statistics, tail: plainValues);
        AddChunk(field, global::Parquet.Meta.Type.BYTE_ARRAY, start, definitions.Length, dictionary: false, statistics, sizes);
        return true;
    }

    private static long PlainTextBound(ReadOnlySpan<ReadOnlyMemory<char>> values)
    {
        long chars = 0;
        foreach (var value in values)
        {
            chars += value.Length;
        }

        return PlainText.MaxLength(values.Length, chars);
    }

    /// <summary>The statistics of a string chunk: the char-ordinal min and max (found by <see cref="PlainText.Write"/>) as UTF-8; none without values.</summary>
    private ChunkStatistics TextStatistics(ReadOnlySpan<ReadOnlyMemory<char>> values, int min, int max, long nullCount)
    {
        if (values.IsEmpty)
        {
            return new ChunkStatistics(nullCount, false, default, default);
        }

        _min.Clear();
        _max.Clear();
        PlainText.WriteUtf8(_min, values[min].Span);
        PlainText.WriteUtf8(_max, values[max].Span);
        return new ChunkStatistics(nullCount, true, _min.Written, _max.Written);
    }
}
