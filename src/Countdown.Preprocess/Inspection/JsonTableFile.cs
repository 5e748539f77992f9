using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Inspection;

/// <summary>Reads JSON Lines (one object per line) or a JSON array of objects generically, inferring column types.</summary>
public sealed class JsonTableFile : TableFile
{
    /// <summary>The most keys one object of a record may have; a record is shown as a row, and a row of more columns is no table.</summary>
    public const int MaxMembersPerRecord = 10_000;

    /// <summary>The longest line of JSON Lines read, in characters (64 Mi).</summary>
    public const int MaxLineLength = 64 << 20;

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private (TypeInference Types, long Rows)? _scan;

    /// <summary>Creates the reader; <paramref name="format"/> is <see cref="TableFormat.JsonLines"/> or <see cref="TableFormat.Json"/>.</summary>
    public JsonTableFile(string path, TableFormat format) : base(path)
    {
        if (format is not (TableFormat.JsonLines or TableFormat.Json)) throw new ArgumentOutOfRangeException(nameof(format));
        Format = format;
    }

    /// <inheritdoc/>
    public override TableFormat Format { get; }

    /// <inheritdoc/>
    public override async Task<TableDescription> DescribeAsync(CancellationToken cancellationToken = default)
    {
        var (types, rows) = await ScanAsync(cancellationToken);
        return new TableDescription(Path, Format, rows, types.Fields);
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<StructValue> ReadRowsAsync(long offset, long count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var (types, _) = await ScanAsync(cancellationToken);
        if (count == 0) yield break;
        long index = 0, remaining = count;
        await foreach (var row in ReadAllAsync(cancellationToken))
        {
            if (index++ < offset) continue;
            yield return (StructValue)types.Coerce(row)!;
            if (--remaining == 0) yield break;
        }
    }

    private async Task<(TypeInference Types, long Rows)> ScanAsync(CancellationToken cancellationToken)
    {
        if (_scan is { } done) return done;
        var types = new TypeInference();
        long rows = 0;
        await foreach (var row in ReadAllAsync(cancellationToken))
        {
            types.Observe(row);
            rows++;
        }
        _scan = (types, rows);
        return (types, rows);
    }

    private IAsyncEnumerable<StructValue> ReadAllAsync(CancellationToken cancellationToken)
        => Format == TableFormat.JsonLines ? ReadLinesAsync(cancellationToken) : ReadArrayAsync(cancellationToken);

    private async IAsyncEnumerable<StructValue> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = OpenText();
        var lineNumber = 0;
        while (await ReadLineAsync(reader, lineNumber + 1, cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (line.Length > MaxLineLength)
                throw new InputFileException($"Line {lineNumber} of '{Path}' is longer than {MaxLineLength >> 20} Mi characters; inspect reads records up to that size.", Path);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line, DocumentOptions);
            }
            catch (JsonException error) when (Readers.JsonInputText.IsTooDeep(error))
            {
                throw new InputFileException($"Line {lineNumber} of '{Path}' {Readers.JsonInputText.TooDeepClause}; flatten that record.", Path, error);
            }
            catch (JsonException error)
            {
                var hint = System.IO.Path.GetExtension(Path).Equals(".json", StringComparison.OrdinalIgnoreCase)
                    ? "a .json file must hold an array of objects or one object per line"
                    : "each line must be one JSON object";
                throw new InputFileException($"Line {lineNumber} of '{Path}' is not valid JSON ({Clause(error)}); {hint}.", Path, error);
            }
            using (document)
                yield return Row(document.RootElement, $"Line {lineNumber}");
        }
    }

    private async IAsyncEnumerable<StructValue> ReadArrayAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = OpenStream();
        var elements = JsonSerializer.DeserializeAsyncEnumerable(stream,
            new JsonValueContext(new JsonSerializerOptions { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip }).JsonElement, cancellationToken);
        var enumerator = elements.GetAsyncEnumerator(cancellationToken);
        var index = 0;
        try
        {
            while (true)
            {
                JsonElement element;
                try
                {
                    if (!await enumerator.MoveNextAsync()) break;
                    element = enumerator.Current;
                }
                catch (JsonException error) when (Readers.JsonInputText.IsTooDeep(error))
                {
                    throw new InputFileException($"Element {index} of '{Path}' {Readers.JsonInputText.TooDeepClause}; flatten that record.", Path, error);
                }
                catch (JsonException error)
                {
                    throw new InputFileException($"'{Path}' is not a valid JSON array ({Clause(error)}); write an array of objects, or one object per line in a .jsonl file.", Path, error);
                }
                yield return Row(element, $"Element {index++}");
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }

    private StructValue Row(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new InputFileException($"{where} of '{Path}' is {JsonValues.Describe(element.ValueKind)}, not an object; every record must be a JSON object.", Path);
        if (HasTooManyMembers(element))
            throw new InputFileException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{where} of '{Path}' has an object with more than {MaxMembersPerRecord:N0} keys; inspect shows records of at most that many columns."), Path);
        try
        {
            return (StructValue)JsonValues.ToValue(element)!;
        }
        catch (InvalidOperationException error) when (error.InnerException is DecoderFallbackException)
        {
            throw NotUtf8($"{where} of '{Path}'", error);
        }
    }

    // Objects nest at most 64 deep, so the walk is bounded by the record's size; it stops at the first object over the limit.
    private static bool HasTooManyMembers(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var member in element.EnumerateObject())
                    if (++count > MaxMembersPerRecord || HasTooManyMembers(member.Value)) return true;
                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    if (HasTooManyMembers(item)) return true;
                return false;
            default:
                return false;
        }
    }

    // A reader message without its position details, control characters escaped.
    private static string Clause(JsonException error)
    {
        var text = error.Message;
        var position = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return MessageText.Clause(position >= 0 ? text[..position] : text);
    }

    private async Task<string?> ReadLineAsync(StreamReader reader, int lineNumber, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (DecoderFallbackException error)
        {
            throw NotUtf8($"Line {lineNumber} of '{Path}'", error);
        }
    }

    private InputFileException NotUtf8(string where, Exception error)
        => new($"{where} is not valid UTF-8 text; save the file as UTF-8.", Path, error);

    // Strict UTF-8, as pandas reads JSON: invalid bytes are an error, not silently replaced.
    private StreamReader OpenText() => new(OpenStream(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));

    private FileStream OpenStream()
    {
        try
        {
            return new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"'{Path}' cannot be opened ({error.Message.TrimEnd('.')}); check the path and permissions.", Path, error);
        }
    }
}
