using System.Text.Json;
using System.Text.Json.Serialization;

namespace Countdown.Preprocess.Inspection;

/// <summary>Compile-time JSON metadata for the only values read or written with <see cref="JsonSerializer"/>: JSON elements and strings.</summary>
/// <remarks>Without it the serializer inspects types by reflection at run time, which a Native AOT (trimmed) build cannot promise to keep.</remarks>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
internal sealed partial class JsonValueContext : JsonSerializerContext;
