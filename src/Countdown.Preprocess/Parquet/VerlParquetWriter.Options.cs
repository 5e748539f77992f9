using System.IO.Compression;
using Countdown.Preprocess.Tasks;
using Parquet;

namespace Countdown.Preprocess.Parquet;

public static partial class VerlParquetWriter
{
    /// <summary>The file's key-value metadata as <c>datasets</c> writes it: <c>huggingface</c>, then <c>ARROW:schema</c> (which embeds it).</summary>
    internal static Dictionary<string, string> Metadata(bool includeSolution)
    {
        KeyValuePair<string, string>[] schemaMetadata = [new(HuggingFaceFeatures.Key, HuggingFaceFeatures.Json(includeSolution))];
        var metadata = new Dictionary<string, string>(schemaMetadata);
        metadata.Add(ArrowSchemaMessage.Key, ArrowSchemaMessage.Base64(includeSolution, schemaMetadata));
        return metadata;
    }

    /// <summary>Maps the codec to Parquet.Net options, with an explicit level and dictionary pages for the repetitive string columns.</summary>
    internal static ParquetOptions ToParquetOptions(VerlParquetSchema schema, ParquetCodec codec)
    {
        var options = new ParquetOptions
        {
            CompressionMethod = codec switch
            {
                ParquetCodec.Snappy => CompressionMethod.Snappy,
                ParquetCodec.Zstd => CompressionMethod.Zstd,
                ParquetCodec.Gzip => CompressionMethod.Gzip,
                ParquetCodec.None => CompressionMethod.None,
                _ => throw new UsageException($"Compression '{codec}' is not supported; use snappy, zstd, gzip or none."),
            },
            // Always explicit: 6.1.0 defaults to SmallestSize, which makes Zstd about 60 times slower. Zstd's fastest
            // level (1) beat level 3 in both size and time on our rows; Gzip's Optimal is zlib level 6, pyarrow's
            // default, and nearly halves the size of level 1 (which is barely smaller than Snappy).
            CompressionLevel = codec == ParquetCodec.Gzip ? CompressionLevel.Optimal : CompressionLevel.Fastest,
        };
        foreach (var field in schema.DictionaryEncoded)
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        }

        return options;
    }
}
