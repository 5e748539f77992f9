using System.Globalization;
using System.Runtime.CompilerServices;
using Countdown.Preprocess.Tasks;
using CsvHelper;
using CsvHelper.Configuration;

namespace Countdown.Preprocess.Inspection;

/// <summary>Reads a CSV file with a header row generically, typing each column as pandas would: int64, double, bool or string.</summary>
public sealed class CsvTableFile : TableFile
{
    // pandas.read_csv's default missing-value markers.
    private static readonly HashSet<string> MissingMarkers = new(StringComparer.Ordinal)
    {
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA",
        "NULL", "NaN", "None", "n/a", "nan", "null",
    };

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal) { "True", "False", "true", "false", "TRUE", "FALSE" };

    private readonly char _delimiter;
    private (string[] Header, string[] Types, long Rows)? _scan;

    /// <summary>Creates the reader for <paramref name="path"/>, with fields separated by <paramref name="delimiter"/> (',' or '\t').</summary>
    public CsvTableFile(string path, char delimiter = ',') : base(path) => _delimiter = delimiter;

    /// <inheritdoc/>
    public override TableFormat Format => _delimiter == '\t' ? TableFormat.Tsv : TableFormat.Csv;

    /// <inheritdoc/>
    public override async Task<TableDescription> DescribeAsync(CancellationToken cancellationToken = default)
    {
        var (header, types, rows) = await ScanAsync(cancellationToken);
        var fields = header.Select((name, i) => new SchemaField(name, new PrimitiveFieldType(types[i]), IsNullable: true)).ToArray();
        return new TableDescription(Path, Format, rows, fields);
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<StructValue> ReadRowsAsync(long offset, long count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var (header, types, _) = await ScanAsync(cancellationToken);
        if (count == 0) yield break;
        long index = 0, remaining = count;
        await foreach (var cells in ReadRecordsAsync(header, cancellationToken))
        {
            if (index++ < offset) continue;
            var fields = new KeyValuePair<string, object?>[header.Length];
            for (var i = 0; i < header.Length; i++) fields[i] = new(header[i], Convert(cells[i], types[i]));
            yield return new StructValue(fields);
            if (--remaining == 0) yield break;
        }
    }

    private async Task<(string[] Header, string[] Types, long Rows)> ScanAsync(CancellationToken cancellationToken)
    {
        if (_scan is { } done) return done;
        var header = await ReadHeaderAsync(cancellationToken);
        var types = new string?[header.Length];
        long rows = 0;
        await foreach (var cells in ReadRecordsAsync(header, cancellationToken))
        {
            rows++;
            for (var i = 0; i < header.Length; i++) types[i] = Widen(types[i], cells[i]);
        }
        var scan = (header, types.Select(t => t ?? "null").ToArray(), rows);
        _scan = scan;
        return scan;
    }

    private static string? Widen(string? type, string? cell)
    {
        if (cell is null || MissingMarkers.Contains(cell) || type == "string") return type;
        var cellType = long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? "int64"
            : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "double"
            : Booleans.Contains(cell) ? "bool"
            : "string";
        if (type is null || type == cellType) return cellType;
        return type is "int64" or "double" && cellType is "int64" or "double" ? "double" : "string";
    }

    private static object? Convert(string? cell, string type)
    {
        if (cell is null || MissingMarkers.Contains(cell)) return null;
        return type switch
        {
            "int64" => long.Parse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            "double" => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture),
            "bool" => cell is "True" or "true" or "TRUE",
            _ => cell,
        };
    }

    private async Task<string[]> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        using var csv = Open();
        if (!await csv.ReadAsync())
            throw new InputFileException($"'{Path}' is empty; a CSV file needs a header row.", Path);
        cancellationToken.ThrowIfCancellationRequested();
        return csv.Parser.Record ?? [];
    }

    private async IAsyncEnumerable<string?[]> ReadRecordsAsync(string[] header, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var csv = Open();
        await csv.ReadAsync();
        while (await ReadAsync(csv))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = csv.Parser.Record ?? [];
            if (record.Length > header.Length)
                throw new InputFileException($"Line {csv.Parser.RawRow} of '{Path}' has {record.Length} fields but the header has {header.Length}; quote fields that hold commas.", Path);
            var cells = new string?[header.Length];
            Array.Copy(record, cells, record.Length);
            yield return cells;
        }
    }

    private async Task<bool> ReadAsync(CsvReader csv)
    {
        try
        {
            return await csv.ReadAsync();
        }
        catch (CsvHelperException error)
        {
            throw new InputFileException($"'{Path}' is not valid {(_delimiter == '\t' ? "TSV" : "CSV")} near line {error.Context?.Parser?.RawRow} ({MessageText.Clause(error.Message)}); check its quoting.", Path, error);
        }
    }

    private CsvReader Open()
    {
        try
        {
            var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectDelimiter = false, Delimiter = _delimiter.ToString() };
            return new CsvReader(new StreamReader(Path), config);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"'{Path}' cannot be opened ({error.Message.TrimEnd('.')}); check the path and permissions.", Path, error);
        }
    }
}
