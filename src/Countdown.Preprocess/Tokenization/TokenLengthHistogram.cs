namespace Countdown.Preprocess.Tokenization;

/// <summary>Collects prompt lengths in tokens (one count per length) and summarises them.</summary>
/// <remarks>Not thread-safe: give each thread its own and <see cref="Add(TokenLengthHistogram)"/> them together.</remarks>
public sealed class TokenLengthHistogram
{
    private readonly SortedDictionary<int, long> _rows = [];

    /// <summary>The number of prompts added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one prompt of <paramref name="tokens"/> tokens.</summary>
    public void Add(int tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        _rows[tokens] = _rows.GetValueOrDefault(tokens) + 1;
        Count++;
    }

    /// <summary>Adds every prompt of <paramref name="other"/>.</summary>
    public void Add(TokenLengthHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (tokens, rows) in other._rows) _rows[tokens] = _rows.GetValueOrDefault(tokens) + rows;
        Count += other.Count;
    }

    /// <summary>Summarises the lengths added so far; <see langword="null"/> when none were.</summary>
    public TokenLengthStatistics? ToStatistics()
    {
        if (Count == 0) return null;
        long sum = 0;
        foreach (var (tokens, rows) in _rows) sum += tokens * rows;
        return new TokenLengthStatistics(
            _rows.Keys.First(), _rows.Keys.Last(), (double)sum / Count, Percentile(0.50), Percentile(0.99),
            new SortedDictionary<int, long>(_rows));
    }

    /// <summary>The nearest-rank percentile: the least length that at least <paramref name="share"/> of the prompts do not exceed.</summary>
    private int Percentile(double share)
    {
        var rank = (long)Math.Ceiling(share * Count);
        long seen = 0;
        foreach (var (tokens, rows) in _rows)
        {
            seen += rows;
            if (seen >= rank) return tokens;
        }
        return _rows.Keys.Last();
    }
}
