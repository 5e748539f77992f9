namespace Countdown.Preprocess.Validation;

/// <summary>Counts a file's violations by kind and keeps the first few of each in full; messages are built only for those.</summary>
internal sealed class ViolationLog(string file, int samplesPerKind)
{
    private readonly SortedDictionary<ViolationKind, (long Count, List<Violation> Samples)> _kinds = [];

    public void Add(ViolationKind kind, long? row, string? field, string message) => Add(kind, row, field, () => message);

    public void Add(ViolationKind kind, long? row, string? field, Func<string> message)
    {
        if (!_kinds.TryGetValue(kind, out var entry)) entry = (0, []);
        if (entry.Samples.Count < samplesPerKind) entry.Samples.Add(new Violation(kind, file, row, field, message()));
        _kinds[kind] = (entry.Count + 1, entry.Samples);
    }

    /// <summary>Whether any violation of <paramref name="kind"/> was added.</summary>
    public bool Has(ViolationKind kind) => _kinds.ContainsKey(kind);

    public IReadOnlyList<ViolationSummary> Summaries
        => _kinds.Select(k => new ViolationSummary(k.Key, k.Value.Count, k.Value.Samples.ToArray())).ToArray();
}
