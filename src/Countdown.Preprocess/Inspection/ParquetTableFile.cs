using System.Runtime.CompilerServices;
using Countdown.Preprocess.Tasks;
using Parquet;
using Parquet.Schema;

namespace Countdown.Preprocess.Inspection;

/// <summary>Reads any Parquet file generically with Parquet.Net: nested structs, lists and maps become plain values.</summary>
public sealed class ParquetTableFile : TableFile
{
    private readonly ParquetReader _reader;
    private readonly ParquetSchemaNode _root;
    private readonly ParquetSchemaNode[] _leafNodes;
    private readonly DataField[] _leafFields;

    private ParquetTableFile(string path, ParquetReader reader, ParquetSchemaNode root, ParquetSchemaNode[] leafNodes, DataField[] leafFields) : base(path)
    {
        _reader = reader;
        _root = root;
        _leafNodes = leafNodes;
        _leafFields = leafFields;
    }

    /// <inheritdoc/>
    public override TableFormat Format => TableFormat.Parquet;

    /// <summary>The total row count from the footer.</summary>
    public long RowCount => _reader.Metadata!.NumRows;

    /// <summary>Opens a Parquet file and reads its footer.</summary>
    /// <exception cref="InputFileException">The file is missing or not a readable Parquet file.</exception>
    public static new async Task<ParquetTableFile> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) throw new InputFileException($"File '{path}' does not exist; check the path.", path);
        ParquetReader? reader = null;
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"'{path}' cannot be opened ({error.Message.TrimEnd('.')}); check the path and permissions.", path, error);
        }
        try
        {
            ParquetFooter.Check(stream);
            reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: false, cancellationToken: cancellationToken);
            var root = ParquetSchemaNode.Parse(reader.Metadata!.Schema);
            var byPath = reader.Schema.GetDataFields().ToDictionary(f => string.Join('\u001f', f.Path.ToList()));
            var leafNodes = Leaves(root).ToArray();
            var leaves = leafNodes.Select(leaf => byPath.TryGetValue(string.Join('\u001f', leaf.Path), out var field)
                ? field
                : throw new InvalidDataException($"Parquet.Net does not read column '{string.Join(".", leaf.Path)}'")).ToArray();
            return new ParquetTableFile(path, reader, root, leafNodes, leaves);
        }
        catch (Exception error) when (ParquetFooter.IsCorruption(error))
        {
            if (reader is not null) await reader.DisposeAsync();
            else await stream.DisposeAsync();
            throw Unreadable(path, error);
        }
    }

    /// <inheritdoc/>
    public override Task<TableDescription> DescribeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(Describe());
        }
        catch (Exception error) when (ParquetFooter.IsCorruption(error))
        {
            throw Unreadable(Path, error);
        }
    }

    private TableDescription Describe()
    {
        var meta = _reader.Metadata!;
        var codecs = meta.RowGroups.SelectMany(g => g.Columns).Select(c => c.MetaData?.Codec.ToString() ?? "UNKNOWN").Distinct().ToArray();
        var details = new ParquetDetails(
            meta.RowGroups.Select(g => g.NumRows).ToArray(),
            codecs,
            meta.CreatedBy,
            (meta.KeyValueMetadata ?? []).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)).ToArray());
        var fields = _root.Children.Select(ParquetTypes.Describe).ToArray();
        return new TableDescription(Path, Format, meta.NumRows, fields, details);
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<StructValue> ReadRowsAsync(long offset, long count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long start = 0, remaining = count;
        for (var g = 0; g < _reader.RowGroupCount && remaining > 0; g++)
        {
            var group = _reader.RowGroups[g];
            var rows = group.RowCount;
            if (start + rows <= offset)
            {
                start += rows;
                continue;
            }
            var assembler = new ParquetRecordAssembler(_root, await ReadLeavesAsync(group, cancellationToken));
            var first = Math.Max(0, offset - start);
            if (first > 0) assembler.Seek(first);
            for (var r = first; r < rows && remaining > 0; r++, remaining--)
            {
                cancellationToken.ThrowIfCancellationRequested();
                StructValue row;
                try
                {
                    row = assembler.ReadRow();
                }
                catch (Exception error) when (ParquetFooter.IsCorruption(error))
                {
                    throw new InputFileException($"Row {start + r} of '{Path}' is inconsistent with its schema ({MessageText.Clause(error.Message)}); the file is corrupt.", Path, error);
                }
                yield return row;
            }
            start += rows;
        }
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<ParquetLeafColumn[]> ReadLeavesAsync(ParquetRowGroupReader group, CancellationToken cancellationToken)
    {
        var leaves = new ParquetLeafColumn[_leafFields.Length];
        for (var i = 0; i < leaves.Length; i++)
        {
            var field = _leafFields[i];
            try
            {
                leaves[i] = await ReadLeafAsync(group, field, _leafNodes[i].DefinitionLevel, cancellationToken);
            }
            catch (Exception error) when (ParquetFooter.IsCorruption(error))
            {
                throw new InputFileException($"Column '{string.Join(".", field.Path.ToList())}' of '{Path}' cannot be read ({MessageText.Clause(error.Message)}); the file is corrupt or uses an unsupported encoding.", Path, error);
            }
        }
        return leaves;
    }

    /// <summary>Reads a leaf as its physical CLR type, picked by a switch rather than by reflection so a Native AOT build has every instantiation compiled.</summary>
    private static Task<ParquetLeafColumn> ReadLeafAsync(ParquetRowGroupReader group, DataField field, int maxDefinitionLevel, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (type == typeof(bool)) return ReadLeafAsync<bool>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(byte)) return ReadLeafAsync<byte>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(sbyte)) return ReadLeafAsync<sbyte>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(short)) return ReadLeafAsync<short>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(ushort)) return ReadLeafAsync<ushort>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(int)) return ReadLeafAsync<int>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(uint)) return ReadLeafAsync<uint>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(long)) return ReadLeafAsync<long>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(ulong)) return ReadLeafAsync<ulong>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(Half)) return ReadLeafAsync<Half>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(float)) return ReadLeafAsync<float>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(double)) return ReadLeafAsync<double>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(decimal)) return ReadLeafAsync<decimal>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(System.Numerics.BigInteger)) return ReadLeafAsync<System.Numerics.BigInteger>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(DateTime)) return ReadLeafAsync<DateTime>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(DateTimeOffset)) return ReadLeafAsync<DateTimeOffset>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(DateOnly)) return ReadLeafAsync<DateOnly>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(TimeOnly)) return ReadLeafAsync<TimeOnly>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(TimeSpan)) return ReadLeafAsync<TimeSpan>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(Guid)) return ReadLeafAsync<Guid>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(global::Parquet.File.Values.Primitives.Interval)) return ReadLeafAsync<global::Parquet.File.Values.Primitives.Interval>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(ReadOnlyMemory<char>)) return ReadLeafAsync<ReadOnlyMemory<char>>(group, field, maxDefinitionLevel, cancellationToken);
        if (type == typeof(ReadOnlyMemory<byte>)) return ReadLeafAsync<ReadOnlyMemory<byte>>(group, field, maxDefinitionLevel, cancellationToken);
        throw new NotSupportedException($"values of type {type.Name} are not supported");
    }

    private static async Task<ParquetLeafColumn> ReadLeafAsync<T>(ParquetRowGroupReader group, DataField field, int maxDefinitionLevel, CancellationToken cancellationToken)
        where T : struct
    {
        var count = checked((int)(group.GetMetadata(field)?.MetaData?.NumValues ?? 0));
        var values = new T[count];
        var definitions = new int[count];
        var repetitions = new int[count];
        if (count > 0) await group.ReadRawAsync<T>(field, values, definitions, repetitions, cancellationToken);
        return new ParquetLeafColumn<T>(values, definitions, repetitions, count, maxDefinitionLevel);
    }

    private static IEnumerable<ParquetSchemaNode> Leaves(ParquetSchemaNode node)
        => node.Kind == ParquetNodeKind.Primitive ? [node] : node.Children.SelectMany(Leaves);

    private static InputFileException Unreadable(string path, Exception error)
        => new($"'{path}' is not a readable Parquet file ({MessageText.Clause(error.Message)}); check that it is Parquet and complete.", path, error);
}
