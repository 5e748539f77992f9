using Parquet.Meta;

namespace Countdown.Preprocess.Inspection;

/// <summary>Rebuilds nested rows from the leaf columns of one row group (Dremel record assembly).</summary>
/// <remarks>
/// Every leaf below a node holds one level entry for each null or empty occurrence of that node, so the first leaf
/// tells whether a node is present (its definition level reaches the node's) and whether a list goes on (the next
/// entry's repetition level equals the list's).
/// <para>
/// Why not Parquet.Net's own untyped reader (issue #10): Parquet.Net 6.1 has
/// <c>ParquetSerializer.DeserializeUntypedAsync(stream, options, rowGroupIndex)</c>, which assembles rows of any schema
/// into dictionaries. It takes a whole row group or the whole file, with no row offset or count, so
/// <c>inspect --rows 3</c> on a file of one 490,000-row group would build 490,000 dictionaries to show 3, where this
/// assembler decodes the leaf columns once and builds only the rows shown. Whether it keeps the distinctions
/// <c>inspect</c> prints as pandas does (a null list versus an empty one, a null struct versus a struct of nulls, maps,
/// pyarrow's and legacy list layouts) has not been checked against this assembler's tests yet; that check, on the
/// fixtures of <c>ParquetTableFileTests</c>, is the step before switching.
/// </para>
/// </remarks>
internal sealed class ParquetRecordAssembler(ParquetSchemaNode root, IReadOnlyList<ParquetLeafColumn> leaves)
{
    /// <summary>Moves every leaf to the 0-based row <paramref name="row"/> of the row group.</summary>
    public void Seek(long row)
    {
        foreach (var leaf in leaves) leaf.Seek(row);
    }

    /// <summary>Reads the row at the cursor.</summary>
    public StructValue ReadRow() => (StructValue)ReadContent(root)!;

    private object? ReadField(ParquetSchemaNode node)
    {
        if (node.Repetition == FieldRepetitionType.REPEATED) return ReadRepeated(node, Occurrence.Content);
        if (node.Repetition == FieldRepetitionType.OPTIONAL && leaves[node.FirstLeaf].CurrentDefinition < node.DefinitionLevel)
        {
            SkipAbsent(node);
            return null;
        }
        return ReadContent(node);
    }

    private object? ReadContent(ParquetSchemaNode node)
    {
        switch (node.Kind)
        {
            case ParquetNodeKind.Primitive:
                return leaves[node.FirstLeaf].Take();
            case ParquetNodeKind.List:
                var repeated = node.Children[0];
                return ReadRepeated(repeated, node.ElementIsRepeatedNode ? Occurrence.Content : Occurrence.OnlyChild);
            case ParquetNodeKind.Map:
                var entries = ReadRepeated(node.Children[0], Occurrence.KeyValue);
                return new MapValue(entries.Cast<KeyValuePair<object?, object?>>().ToArray());
            default:
                var fields = new KeyValuePair<string, object?>[node.Children.Count];
                for (var i = 0; i < fields.Length; i++)
                    fields[i] = new(node.Children[i].Name, ReadField(node.Children[i]));
                return new StructValue(fields);
        }
    }

    private enum Occurrence { Content, OnlyChild, KeyValue }

    private object? ReadOccurrence(ParquetSchemaNode repeated, Occurrence occurrence) => occurrence switch
    {
        Occurrence.Content => ReadContent(repeated),
        Occurrence.OnlyChild => ReadField(repeated.Children[0]),
        _ => new KeyValuePair<object?, object?>(ReadField(repeated.Children[0]), ReadField(repeated.Children[1])),
    };

    /// <summary>Reads every occurrence of a repeated node within its parent: a list (empty when the first entry says so).</summary>
    private object?[] ReadRepeated(ParquetSchemaNode repeated, Occurrence occurrence)
    {
        var first = leaves[repeated.FirstLeaf];
        if (first.CurrentDefinition < repeated.DefinitionLevel)
        {
            SkipAbsent(repeated);
            return [];
        }
        var items = new List<object?>(4);
        do items.Add(ReadOccurrence(repeated, occurrence));
        while (first.HasMore && first.CurrentRepetition == repeated.RepetitionLevel);
        return items.ToArray();
    }

    /// <summary>Moves past a null or empty occurrence of <paramref name="node"/>: one level entry in each leaf below it.</summary>
    private void SkipAbsent(ParquetSchemaNode node)
    {
        for (var i = node.FirstLeaf; i < node.FirstLeaf + node.LeafCount; i++) leaves[i].LevelCursor++;
    }
}
