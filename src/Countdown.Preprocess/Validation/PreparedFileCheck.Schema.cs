using System.Text.Json;
using Countdown.Preprocess.Inspection;

namespace Countdown.Preprocess.Validation;

internal sealed partial class PreparedFileCheck
{
    /// <summary>Checks the columns (names, order, types, nullability) and the <c>huggingface</c> metadata.</summary>
    public void CheckSchema(TableDescription description)
    {
        var actual = description.Fields;
        var expectedNames = PreparedFileContract.Columns.Select(c => c.Name).ToArray();
        foreach (var (name, types) in PreparedFileContract.Columns)
        {
            var field = actual.FirstOrDefault(f => f.Name == name);
            var expected = string.Join("' or '", types);
            if (field is null)
            {
                Log.Add(ViolationKind.Schema, null, name, $"Column '{name}' is missing; the contract has '{name}: {types[0]}' at position {Array.IndexOf(expectedNames, name) + 1}.");
                continue;
            }
            if (!types.Any(t => t.ToString() == field.Type.ToString()))
                Log.Add(ViolationKind.Schema, null, name, $"Column '{name}' has type '{field.Type}'; expected '{expected}'.");
            if (!field.IsNullable)
                Log.Add(ViolationKind.Schema, null, name, $"Column '{name}' is 'not null' (required); the contract keeps every column optional, as pyarrow writes it.");
        }
        foreach (var extra in actual.Where(f => !expectedNames.Contains(f.Name)))
            Log.Add(ViolationKind.Schema, null, extra.Name, $"Column '{extra.Name}' is not in the contract; prepared files hold exactly {string.Join(", ", expectedNames)}.");

        var actualOrder = actual.Select(f => f.Name).Where(expectedNames.Contains).ToArray();
        var expectedOrder = expectedNames.Where(actualOrder.Contains).ToArray();
        if (!actualOrder.SequenceEqual(expectedOrder))
            Log.Add(ViolationKind.Schema, null, null, $"Columns are in the order '{string.Join(", ", actualOrder)}'; expected '{string.Join(", ", expectedOrder)}'.");

        CheckMetadata(description);
    }

    private void CheckMetadata(TableDescription description)
    {
        const string key = PreparedFileContract.HuggingFaceMetadataKey;
        var entry = description.Parquet?.Metadata.FirstOrDefault(kv => kv.Key == key);
        if (entry?.Key is null)
        {
            Log.Add(ViolationKind.Metadata, null, key, $"The file has no '{key}' key-value metadata; Hugging Face datasets reads the features from it, so write the file with prepare.");
            return;
        }
        string[] features;
        try
        {
            using var document = JsonDocument.Parse(entry.Value.Value ?? "");
            if (!document.RootElement.TryGetProperty("info", out var info) || info.ValueKind != JsonValueKind.Object
                || !info.TryGetProperty("features", out var featureObject) || featureObject.ValueKind != JsonValueKind.Object)
            {
                Log.Add(ViolationKind.Metadata, null, key, $"The '{key}' metadata has no 'info.features' object; expected {{\"info\": {{\"features\": {{...}}}}}}.");
                return;
            }
            features = featureObject.EnumerateObject().Select(p => p.Name).ToArray();
        }
        catch (JsonException error)
        {
            Log.Add(ViolationKind.Metadata, null, key, $"The '{key}' metadata is not valid JSON ({error.Message.TrimEnd('.')}).");
            return;
        }
        var columns = description.Fields.Select(f => f.Name).ToArray();
        if (!features.Order(StringComparer.Ordinal).SequenceEqual(columns.Order(StringComparer.Ordinal)))
            Log.Add(ViolationKind.Metadata, null, key, $"The '{key}' metadata lists the features '{string.Join(", ", features)}' but the columns are '{string.Join(", ", columns)}'.");
    }
}
