namespace Countdown.Preprocess.Validation;

/// <summary>All violations of one kind in one file: how many there are, and the first few in full.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">How many violations of this kind the file has.</param>
/// <param name="Samples">The first ones found, in file order (at most <see cref="ValidationOptions.SamplesPerKind"/>).</param>
public sealed record ViolationSummary(ViolationKind Kind, long Count, IReadOnlyList<Violation> Samples)
{
    /// <summary>The severity of the kind.</summary>
    public Severity Severity => Violation.SeverityOf(Kind);
}
