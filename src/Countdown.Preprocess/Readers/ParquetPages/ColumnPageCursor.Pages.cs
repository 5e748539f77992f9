using System.Buffers.Binary;
using Parquet.Meta;

namespace Countdown.Preprocess.Readers.ParquetPages;

internal sealed partial class ColumnPageCursor
{
    /// <summary>Reads page headers until the next data page with levels, loading any dictionary on the way; false at the chunk's end.</summary>
    private async ValueTask<bool> LoadPageAsync(CancellationToken cancellationToken)
    {
        while (_next < _end)
        {
            cancellationToken.ThrowIfCancellationRequested();
            PageHeader header = await ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            long body = _next + header.HeaderLength;
            if (header.CompressedSize > _end - body)
                throw new ParquetPageException($"a page of {header.CompressedSize} bytes at offset {body} runs past the end of its chunk at offset {_end}");
            if (header.UncompressedSize > MaxPageBytes)
                throw new ParquetPageException($"a page declares {header.UncompressedSize} bytes, more than the {MaxPageBytes >> 20} MB this reader accepts");
            _next = body + header.CompressedSize;
            switch (header.Type)
            {
                case PageHeader.DictionaryPage:
                    await ReadAtAsync(body, header.CompressedSize, cancellationToken).ConfigureAwait(false);
                    LoadDictionary(header);
                    break;
                case PageHeader.DataPage or PageHeader.DataPageV2:
                    if (header.NumValues > _levelsLeft)
                        throw new ParquetPageException($"its pages hold more than the {_levelsLeft + _pageLevelsLeft} values its chunk declares");
                    await ReadAtAsync(body, header.CompressedSize, cancellationToken).ConfigureAwait(false);
                    if (header.Type == PageHeader.DataPage)
                        SetUpDataPage(header);
                    else
                        SetUpDataPageV2(header);
                    _levelsLeft -= header.NumValues;
                    _pageLevelsLeft = header.NumValues;
                    if (_pageLevelsLeft > 0)
                        return true;
                    break;
                default:
                    break; // index pages and kinds this reader does not know hold no column values
            }
        }
        if (_levelsLeft != 0)
            throw new ParquetPageException($"its chunk ends {_levelsLeft} values short of the count it declares");
        return false;
    }

    private async ValueTask<PageHeader> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        int probe = (int)Math.Min(_end - _next, HeaderProbe);
        while (true)
        {
            Grow(ref _header, probe);
            await ReadIntoAsync(_header, _next, probe, cancellationToken).ConfigureAwait(false);
            try
            {
                return PageHeader.Parse(_header.AsSpan(0, probe));
            }
            catch (EndOfStreamException)
            {
                if (probe >= _end - _next)
                    throw new ParquetPageException($"its chunk ends inside the page header at offset {_next}");
                if (probe >= MaxHeaderBytes)
                    throw new ParquetPageException($"the page header at offset {_next} is longer than {MaxHeaderBytes >> 20} MB");
            }
            probe = (int)Math.Min(Math.Min(_end - _next, probe * 16L), MaxHeaderBytes);
        }
    }

    /// <summary>Reads a page body into <see cref="_raw"/>.</summary>
    private ValueTask ReadAtAsync(long position, int count, CancellationToken cancellationToken)
    {
        Grow(ref _raw, count);
        return ReadIntoAsync(_raw, position, count, cancellationToken);
    }

    private async ValueTask ReadIntoAsync(byte[] buffer, long position, int count, CancellationToken cancellationToken)
    {
        _file.Position = position;
        try
        {
            await _file.ReadExactlyAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new ParquetPageException($"the file ends inside the column chunk, before offset {position + count}", ex);
        }
    }

    /// <summary>Decompresses the whole page read into <see cref="_raw"/>; returns the buffer that holds it.</summary>
    private byte[] Decompress(in PageHeader header)
    {
        if (_codec == CompressionCodec.UNCOMPRESSED)
        {
            if (header.CompressedSize != header.UncompressedSize)
                throw new ParquetPageException($"an uncompressed page holds {header.CompressedSize} bytes where its header declares {header.UncompressedSize}");
            return _raw;
        }
        Grow(ref _page, header.UncompressedSize);
        _decompressor.Decompress(_codec, _raw, 0, header.CompressedSize, _page.AsSpan(0, header.UncompressedSize));
        return _page;
    }

    private void LoadDictionary(in PageHeader header)
    {
        if (header.Encoding is not (PageHeader.Plain or PageHeader.PlainDictionary))
            throw new ParquetPageException($"its dictionary page uses encoding {header.Encoding}, not PLAIN");
        byte[] page = Decompress(header);
        int width = _int32 ? 4 : 8;
        if (header.NumValues > header.UncompressedSize / width)
            throw new ParquetPageException($"its dictionary page declares {header.NumValues} entries in {header.UncompressedSize} bytes");
        Grow(ref _dictionary, header.NumValues);
        ReadPlain(page.AsSpan(0, header.NumValues * width), _dictionary.AsSpan(0, header.NumValues));
        _dictionaryCount = header.NumValues;
    }

    private void SetUpDataPage(in PageHeader header)
    {
        byte[] page = Decompress(header);
        int end = header.UncompressedSize, position = 0;
        if (_maxRepetition > 0)
            position = SetUpLengthPrefixedLevels(_repetitionDecoder, header.RepetitionLevelEncoding, page, position, end, _repetitionWidth);
        if (_maxDefinition > 0)
            position = SetUpLengthPrefixedLevels(_definitionDecoder, header.DefinitionLevelEncoding, page, position, end, _definitionWidth);
        SetUpValues(header.Encoding, page, position, end);
    }

    private static int SetUpLengthPrefixedLevels(RleBitPackedDecoder decoder, int encoding, byte[] page, int position, int end, int width)
    {
        if (encoding != PageHeader.Rle)
            throw new ParquetPageException($"a data page encodes its levels with encoding {encoding}, not RLE");
        if (end - position < 4)
            throw new ParquetPageException("a data page ends before the length of its levels");
        int length = BinaryPrimitives.ReadInt32LittleEndian(page.AsSpan(position));
        position += 4;
        if (length < 0 || length > end - position)
            throw new ParquetPageException($"a data page declares {length} bytes of levels, more than it holds");
        decoder.Reset(page, position, position + length, width);
        return position + length;
    }

    private void SetUpDataPageV2(in PageHeader header)
    {
        int levels = header.RepetitionLevelsLength + header.DefinitionLevelsLength;
        if (levels > header.CompressedSize || levels > header.UncompressedSize)
            throw new ParquetPageException($"a data page v2 declares {levels} bytes of levels, more than the page holds");
        // Levels are never compressed; the values after them are, unless the header says otherwise.
        Grow(ref _page, header.UncompressedSize);
        _raw.AsSpan(0, levels).CopyTo(_page);
        var values = _page.AsSpan(levels, header.UncompressedSize - levels);
        if (header.IsCompressed && _codec != CompressionCodec.UNCOMPRESSED)
        {
            _decompressor.Decompress(_codec, _raw, levels, header.CompressedSize - levels, values);
        }
        else
        {
            if (header.CompressedSize != header.UncompressedSize)
                throw new ParquetPageException($"an uncompressed page holds {header.CompressedSize} bytes where its header declares {header.UncompressedSize}");
            _raw.AsSpan(levels, values.Length).CopyTo(values);
        }
        if (_maxRepetition > 0)
            _repetitionDecoder.Reset(_page, 0, header.RepetitionLevelsLength, _repetitionWidth);
        if (_maxDefinition > 0)
            _definitionDecoder.Reset(_page, header.RepetitionLevelsLength, levels, _definitionWidth);
        SetUpValues(header.Encoding, _page, levels, header.UncompressedSize);
    }

    private void SetUpValues(int encoding, byte[] page, int start, int end)
    {
        _valuesPage = page;
        switch (encoding)
        {
            case PageHeader.Plain:
                _dictionaryEncoded = false;
                _plainPosition = start;
                _valuesEnd = end;
                break;
            case PageHeader.PlainDictionary or PageHeader.RleDictionary:
                if (_dictionaryCount < 0)
                    throw new ParquetPageException("a dictionary-encoded data page comes without a dictionary page");
                _dictionaryEncoded = true;
                // The index bit width comes first; a page of nulls only may leave it out.
                if (start < end)
                    _indexDecoder.Reset(page, start + 1, end, page[start]);
                else
                    _indexDecoder.Reset(page, start, end, 0);
                break;
            default:
                throw new ParquetPageException($"a data page uses value encoding {encoding}, which this reader does not decode");
        }
    }

    private static void Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
            buffer = new T[Math.Max(length, Math.Min(2 * buffer.Length, MaxPageBytes))];
    }
}
