using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Inspection;

/// <summary>A Parquet, JSON Lines, JSON or CSV file read generically: its description and its rows as plain values.</summary>
public abstract class TableFile : IAsyncDisposable
{
    /// <summary>Creates the reader for <paramref name="path"/>.</summary>
    protected TableFile(string path) => Path = path;

    /// <summary>The file path as given.</summary>
    public string Path { get; }

    /// <summary>The file format.</summary>
    public abstract TableFormat Format { get; }

    /// <summary>Opens a file, choosing the format by extension (<c>.parquet</c>, <c>.jsonl</c>/<c>.ndjson</c>, <c>.json</c>, <c>.csv</c>, <c>.tsv</c>) or else by its first bytes.</summary>
    /// <exception cref="InputFileException">The file is missing, unreadable or not of its format.</exception>
    public static Task<TableFile> OpenAsync(string path, CancellationToken cancellationToken = default)
        => OpenAsync(path, null, cancellationToken);

    /// <summary>Opens a file in <paramref name="format"/>, or chooses the format as <see cref="OpenAsync(string, CancellationToken)"/> does when it is null.</summary>
    /// <exception cref="InputFileException">The file is missing, unreadable or not of its format.</exception>
    public static async Task<TableFile> OpenAsync(string path, TableFormat? format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
            throw new InputFileException($"'{path}' is a folder; give one Parquet, JSONL, JSON or CSV file.", path);
        if (!File.Exists(path))
            throw new InputFileException($"File '{path}' does not exist; check the path.", path);
        var (detected, head) = await DetectFormatAsync(path, cancellationToken);
        format ??= detected;
        if (format is TableFormat.Json or TableFormat.JsonLines && Readers.JsonInputText.NonUtf8Encoding(head) is { } encoding)
            throw new InputFileException($"'{path}' {Readers.JsonInputText.NotUtf8Sentence(encoding)}.", path);
        return format switch
        {
            TableFormat.Parquet => await ParquetTableFile.OpenAsync(path, cancellationToken),
            TableFormat.JsonLines => new JsonTableFile(path, TableFormat.JsonLines),
            TableFormat.Json => new JsonTableFile(path, TableFormat.Json),
            TableFormat.Tsv => new CsvTableFile(path, '\t'),
            _ => new CsvTableFile(path),
        };
    }

    /// <summary>Describes the file: format, row count and schema (for JSON and CSV this reads the whole file).</summary>
    /// <exception cref="InputFileException">The file cannot be read as its format.</exception>
    public abstract Task<TableDescription> DescribeAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads <paramref name="count"/> rows from the 0-based row <paramref name="offset"/> (fewer at the end of the file).</summary>
    /// <exception cref="InputFileException">The file cannot be read as its format.</exception>
    public abstract IAsyncEnumerable<StructValue> ReadRowsAsync(long offset, long count, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static async Task<(TableFormat Format, byte[] Head)> DetectFormatAsync(string path, CancellationToken cancellationToken)
    {
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        var head = new byte[64];
        int read;
        try
        {
            await using var stream = File.OpenRead(path);
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"'{path}' cannot be opened ({MessageText.Clause(error.Message)}); check the path and permissions.", path, error);
        }
        head = head[..read];
        switch (extension)
        {
            case ".parquet" or ".pq": return (TableFormat.Parquet, head);
            case ".jsonl" or ".ndjson": return (TableFormat.JsonLines, head);
            case ".csv": return (TableFormat.Csv, head);
            case ".tsv" or ".tab": return (TableFormat.Tsv, head);
        }

        if (read >= 4 && head.AsSpan(0, 4).SequenceEqual("PAR1"u8)) return (TableFormat.Parquet, head);
        if (extension == ".json" && Readers.JsonInputText.NonUtf8Encoding(head) is not null) return (TableFormat.Json, head);
        var first = head.AsSpan().TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8);
        if (first.Length > 0 && first[0] == (byte)'[') return (TableFormat.Json, head);
        // Hugging Face's to_json writes JSON Lines under a .json name, so an object first means lines.
        if (first.Length > 0 && first[0] == (byte)'{') return (TableFormat.JsonLines, head);
        return (extension == ".json" ? TableFormat.Json : TableFormat.Csv, head);
    }
}
