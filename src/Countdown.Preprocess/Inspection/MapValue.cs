namespace Countdown.Preprocess.Inspection;

/// <summary>A map value read generically: key-value entries in stored order.</summary>
/// <param name="Entries">The entries in stored order.</param>
public sealed record MapValue(IReadOnlyList<KeyValuePair<object?, object?>> Entries);
