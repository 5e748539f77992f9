using System.Text.Json;

namespace Countdown.Preprocess.Hub;

/// <summary>What the Hub's revision endpoint says about a revision: its commit and the paths of its files.</summary>
internal sealed record HubRevision(string Commit, IReadOnlyList<string> Files)
{
    /// <summary>Reads the JSON of <c>GET /api/datasets/{repo}/revision/{revision}</c> (<c>sha</c>, <c>siblings[].rfilename</c>).</summary>
    /// <exception cref="FormatException">The JSON is not of that shape.</exception>
    public static HubRevision Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("not a JSON object");
            if (!root.TryGetProperty("sha", out var sha) || sha.ValueKind != JsonValueKind.String || !HubDatasetReference.IsCommitId(sha.GetString()!))
                throw new FormatException("no 40-hex 'sha'");
            if (!root.TryGetProperty("siblings", out var siblings) || siblings.ValueKind != JsonValueKind.Array)
                throw new FormatException("no 'siblings' list");
            var files = siblings.EnumerateArray()
                .Select(sibling => sibling.ValueKind == JsonValueKind.Object && sibling.TryGetProperty("rfilename", out var name) && name.ValueKind == JsonValueKind.String
                    ? name.GetString()!
                    : throw new FormatException("a sibling without 'rfilename'"))
                .ToArray();
            return new HubRevision(sha.GetString()!, files);
        }
        catch (JsonException error)
        {
            throw new FormatException("not JSON: " + error.Message.TrimEnd('.'), error);
        }
    }

    /// <summary>Writes the same shape <see cref="Parse"/> reads, to keep in the cache for offline runs.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("sha", Commit);
            writer.WriteStartArray("siblings");
            foreach (var file in Files)
            {
                writer.WriteStartObject();
                writer.WriteString("rfilename", file);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
