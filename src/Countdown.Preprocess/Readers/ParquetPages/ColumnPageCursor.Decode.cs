using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Countdown.Preprocess.Readers.ParquetPages;

internal sealed partial class ColumnPageCursor
{
    /// <summary>Decodes the next piece of the loaded page; false when the page is used up.</summary>
    private bool DecodePiece()
    {
        if (_pageLevelsLeft == 0)
            return false;
        int count = Math.Min(_pageLevelsLeft, PieceLevels);
        if (_maxRepetition > 0)
        {
            Span<int> repetition = Repetition.AsSpan(0, count);
            _repetitionDecoder.Read(repetition);
            if (Exceeds(repetition, _maxRepetition))
                throw new ParquetPageException($"a repetition level exceeds the column's maximum of {_maxRepetition}");
        }
        int values = count;
        Span<int> definition = Definition.AsSpan(0, count);
        if (_maxDefinition > 0)
        {
            _definitionDecoder.Read(definition);
            if (Exceeds(definition, _maxDefinition))
                throw new ParquetPageException($"a definition level exceeds the column's maximum of {_maxDefinition}");
            values = definition.Count(_maxDefinition);
        }
        else
        {
            definition.Clear();
        }
        DecodeValues(Values.AsSpan(0, values));
        _pageLevelsLeft -= count;
        Count = count;
        ValueCount = values;
        Position = ValuePosition = 0;
        return true;
    }

    private static bool Exceeds(ReadOnlySpan<int> levels, int max)
    {
        uint bound = (uint)max;
        bool exceeds = false;
        foreach (int level in levels)
            exceeds |= (uint)level > bound;
        return exceeds;
    }

    private void DecodeValues(Span<long> destination)
    {
        if (_dictionaryEncoded)
        {
            Span<int> indices = _indices.AsSpan(0, destination.Length);
            _indexDecoder.Read(indices);
            ReadOnlySpan<long> dictionary = _dictionary.AsSpan(0, _dictionaryCount);
            for (int i = 0; i < indices.Length; i++)
            {
                int index = indices[i];
                if ((uint)index >= (uint)dictionary.Length)
                    throw new ParquetPageException($"a dictionary index of {index} points past its {dictionary.Length}-entry dictionary");
                destination[i] = dictionary[index];
            }
            return;
        }
        int bytes = destination.Length * (_int32 ? 4 : 8);
        if (bytes > _valuesEnd - _plainPosition)
            throw new ParquetPageException("a data page's values end before its value count");
        ReadPlain(_valuesPage.AsSpan(_plainPosition, bytes), destination);
        _plainPosition += bytes;
    }

    /// <summary>Reads little-endian PLAIN INT32 or INT64 values.</summary>
    private void ReadPlain(ReadOnlySpan<byte> source, Span<long> destination)
    {
        if (_int32)
        {
            ReadOnlySpan<int> narrow = MemoryMarshal.Cast<byte, int>(source);
            for (int i = 0; i < destination.Length; i++)
                destination[i] = BitConverter.IsLittleEndian ? narrow[i] : BinaryPrimitives.ReverseEndianness(narrow[i]);
        }
        else
        {
            MemoryMarshal.Cast<byte, long>(source).CopyTo(destination);
            if (!BitConverter.IsLittleEndian)
                BinaryPrimitives.ReverseEndianness(destination, destination);
        }
    }
}
