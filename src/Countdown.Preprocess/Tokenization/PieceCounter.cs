using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Countdown.Preprocess.Tokenization;

/// <summary>Counts tokens as the sum over pre-tokenized pieces, each piece's count taken once from the Rust library and cached.</summary>
/// <remarks>
/// The tokenizers pipeline splits out added (special) tokens, normalizes, pre-tokenizes with a regex, and hands each
/// piece to the BPE model on its own, so a text's count is the sum of its pieces' counts. This class repeats only the
/// splitting (the <c>tokenizer.json</c>'s own regex, run by .NET) and asks the library for each new piece; the BPE is
/// always the library's. It is used only where the splitting is known to agree: a <c>Sequence</c> of a <c>Split</c> regex
/// (<c>Isolated</c>) and a <c>ByteLevel</c> without its own regex (Qwen2, Qwen2.5, Qwen3, Llama 3), a BPE model
/// without dropout, an NFC/NFKC or no normalizer, and added tokens that strip nothing and are matched unnormalized; and
/// only for ASCII text, where .NET's and Oniguruma's character classes and NFC agree. Any other text is encoded whole.
/// A piece is cached only when the regex, run on the piece alone, gives that piece back whole.
/// </remarks>
internal sealed class PieceCounter
{
    private const int MaxCachedPieces = 1 << 20;

    private readonly Regex _split;
    private readonly string[] _addedTokens;
    private readonly System.Buffers.SearchValues<char> _addedFirstChars;
    private readonly Func<string, int> _encodeCount;
    private readonly ConcurrentDictionary<string, int> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private PieceCounter(Regex split, string[] addedTokens, Func<string, int> encodeCount)
    {
        _split = split;
        _addedTokens = addedTokens;
        _addedFirstChars = System.Buffers.SearchValues.Create(addedTokens.Select(a => a[0]).Distinct().ToArray());
        _encodeCount = encodeCount;
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Creates the counter when <paramref name="root"/> (a <c>tokenizer.json</c>) is of the supported kind; otherwise <see langword="null"/>.</summary>
    public static PieceCounter? TryCreate(JsonObject root, Func<string, int> encodeCount)
    {
        if (root["normalizer"] is JsonObject normalizer && (string?)normalizer["type"] is not ("NFC" or "NFKC")) return null;
        if (root["model"] is not JsonObject { } model || (string?)model["type"] != "BPE" || model["dropout"] is not null) return null;
        if (root["pre_tokenizer"] is not JsonObject { } pre || (string?)pre["type"] != "Sequence" || pre["pretokenizers"] is not JsonArray { Count: 2 } steps) return null;
        if (steps[0] is not JsonObject split || (string?)split["type"] != "Split" || (string?)split["behavior"] != "Isolated"
            || split["invert"]?.GetValue<bool>() == true || split["pattern"]?["Regex"]?.GetValue<string>() is not { } pattern) return null;
        if (steps[1] is not JsonObject byteLevel || (string?)byteLevel["type"] != "ByteLevel"
            || byteLevel["use_regex"]?.GetValue<bool>() != false || byteLevel["add_prefix_space"]?.GetValue<bool>() == true) return null;
        var added = new List<string>();
        foreach (var token in root["added_tokens"] as JsonArray ?? [])
        {
            if (token is not JsonObject t || (string?)t["content"] is not { Length: > 0 } content) return null;
            if (Flag(t, "lstrip") || Flag(t, "rstrip") || Flag(t, "single_word") || Flag(t, "normalized")) return null;
            if (content.Any(c => c > 0x7F)) continue; // never found in ASCII text
            added.Add(content);
        }
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
        catch (ArgumentException)
        {
            return null;
        }
        return new PieceCounter(regex, added.OrderByDescending(a => a.Length).ToArray(), encodeCount);
    }

    private static bool Flag(JsonObject token, string name) => token[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>Counts <paramref name="text"/> piece by piece; <see langword="false"/> when it must be encoded whole instead.</summary>
    public bool TryCount(string text, out int count)
    {
        count = 0;
        if (System.Text.Ascii.IsValid(text) is false) return false;
        var span = text.AsSpan();
        var start = 0;
        while (start <= span.Length)
        {
            var (at, length) = NextAddedToken(span, start);
            if (!TryCountSegment(text, start, at - start, ref count)) return false;
            if (length == 0) break;
            count++;
            start = at + length;
        }
        return true;
    }

    /// <summary>The leftmost added token at or after <paramref name="start"/> (the longest one there), or the end of the text with length 0.</summary>
    private (int At, int Length) NextAddedToken(ReadOnlySpan<char> text, int start)
    {
        var at = start;
        while (at < text.Length)
        {
            var next = text[at..].IndexOfAny(_addedFirstChars);
            if (next < 0) break;
            at += next;
            // Longest first, so the first that starts here is the one the library's leftmost-longest match takes.
            foreach (var token in _addedTokens)
                if (text[at..].StartsWith(token, StringComparison.Ordinal)) return (at, token.Length);
            at++;
        }
        return (text.Length, 0);
    }

    private bool TryCountSegment(string text, int start, int length, ref int count)
    {
        var end = start + length;
        var at = start;
        foreach (var match in _split.EnumerateMatches(text.AsSpan(0, end), start))
        {
            if (match.Index > at && !TryCountPiece(text.AsSpan(at, match.Index - at), isMatch: false, ref count)) return false;
            if (match.Length > 0 && !TryCountPiece(text.AsSpan(match.Index, match.Length), isMatch: true, ref count)) return false;
            at = match.Index + match.Length;
        }
        return at >= end || TryCountPiece(text.AsSpan(at, end - at), isMatch: false, ref count);
    }

    private bool TryCountPiece(ReadOnlySpan<char> piece, bool isMatch, ref int count)
    {
        if (_lookup.TryGetValue(piece, out var known))
        {
            count += known;
            return true;
        }
        var text = piece.ToString();
        // The library pre-tokenizes the piece again on its own: it must come back whole for its count to be the piece's.
        var again = _split.Match(text);
        var whole = isMatch ? again.Success && again.Index == 0 && again.Length == text.Length : !again.Success;
        if (!whole) return false;
        var pieceCount = _encodeCount(text);
        if (_cache.Count < MaxCachedPieces) _cache.TryAdd(text, pieceCount);
        count += pieceCount;
        return true;
    }
}
