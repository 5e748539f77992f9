using System.Collections.Concurrent;
using System.Text.Json;
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

    private readonly bool _suffixMemo;
    private readonly bool _prefixMemo;
    private readonly ConcurrentDictionary<int, (string Prefix, int Cut, int Count)> _prefixes = new();
    private readonly ConcurrentDictionary<int, (string Suffix, int Count)> _suffixes = new();

    private PieceCounter(Regex split, string[] addedTokens, Func<string, int> encodeCount, bool suffixMemo)
    {
        _suffixMemo = suffixMemo;
        // Only for the pattern whose reach was worked out (Qwen2, Qwen2.5, Qwen3): see PrefixCut.
        _prefixMemo = suffixMemo && split.ToString() == QwenPattern;
        _split = split;
        _addedTokens = addedTokens;
        _addedFirstChars = System.Buffers.SearchValues.Create(addedTokens.Select(a => a[0]).Distinct().ToArray());
        _encodeCount = encodeCount;
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Creates the counter when <paramref name="root"/> (a <c>tokenizer.json</c>) is of the supported kind; otherwise <see langword="null"/>.</summary>
    public static PieceCounter? TryCreate(JsonElement root, Func<string, int> encodeCount)
    {
        if (Get(root, "normalizer") is { ValueKind: JsonValueKind.Object } normalizer && Text(normalizer, "type") is not ("NFC" or "NFKC")) return null;
        if (Get(root, "model") is not { ValueKind: JsonValueKind.Object } model || Text(model, "type") != "BPE" || Get(model, "dropout") is { ValueKind: not JsonValueKind.Null }) return null;
        if (Get(root, "pre_tokenizer") is not { ValueKind: JsonValueKind.Object } pre || Text(pre, "type") != "Sequence"
            || Get(pre, "pretokenizers") is not { ValueKind: JsonValueKind.Array } steps || steps.GetArrayLength() != 2) return null;
        var split = steps[0];
        if (split.ValueKind != JsonValueKind.Object || Text(split, "type") != "Split" || Text(split, "behavior") != "Isolated" || Flag(split, "invert")
            || Get(split, "pattern") is not { ValueKind: JsonValueKind.Object } patternObject || Text(patternObject, "Regex") is not { } pattern) return null;
        var byteLevel = steps[1];
        if (byteLevel.ValueKind != JsonValueKind.Object || Text(byteLevel, "type") != "ByteLevel"
            || Get(byteLevel, "use_regex") is not { ValueKind: JsonValueKind.False } || Flag(byteLevel, "add_prefix_space")) return null;
        var added = new List<string>();
        if (Get(root, "added_tokens") is { ValueKind: JsonValueKind.Array } tokens)
        {
            foreach (var t in tokens.EnumerateArray())
            {
                if (t.ValueKind != JsonValueKind.Object || Text(t, "content") is not { Length: > 0 } content) return null;
                if (Flag(t, "lstrip") || Flag(t, "rstrip") || Flag(t, "single_word") || Flag(t, "normalized")) return null;
                if (content.Any(c => c > 0x7F)) continue; // never found in ASCII text
                added.Add(content);
            }
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
        // A scan from a piece boundary depends only on the text after it unless the pattern looks behind or anchors.
        var outsideClasses = Regex.Replace(pattern, @"\[(?:\\.|[^\]])*\]", "");
        var suffixMemo = !(outsideClasses.Contains("(?<", StringComparison.Ordinal) || outsideClasses.Contains('^')
                           || Regex.IsMatch(outsideClasses, @"\\[GbBAzZ]"));
        return new PieceCounter(regex, added.OrderByDescending(a => a.Length).ToArray(), encodeCount, suffixMemo);
    }

    private static JsonElement? Get(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement element, string name) => Get(element, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static bool Flag(JsonElement element, string name) => Get(element, name) is { ValueKind: JsonValueKind.True };

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

    /// <remarks>
    /// A regex scan from a piece boundary depends only on the text after it, and a prompt's text after a number is
    /// often the same in every row of a template. So at each piece boundary right after a digit the count of the rest
    /// of the segment is looked up by that rest (checked in full before use), and the scan stops at the first hit.
    /// </remarks>
    private bool TryCountSegment(string text, int start, int length, ref int count)
    {
        var end = start + length;
        var at = start;
        if (_prefixMemo && !TrySkipPrefix(text, start, end, ref at, ref count)) return false;
        List<(int From, int Count)>? candidates = null;
        foreach (var match in _split.EnumerateMatches(text.AsSpan(0, end), at))
        {
            if (match.Index > at && !TryCountPiece(text.AsSpan(at, match.Index - at), isMatch: false, ref count)) return false;
            if (_suffixMemo && match.Index > start && char.IsAsciiDigit(text[match.Index - 1]) && !char.IsAsciiDigit(text[match.Index]))
            {
                var rest = text.AsSpan(match.Index, end - match.Index);
                if (_suffixes.TryGetValue(rest.Length, out var known) && rest.SequenceEqual(known.Suffix))
                {
                    count += known.Count;
                    return true;
                }
                (candidates ??= []).Add((match.Index, count));
            }
            if (match.Length > 0 && !TryCountPiece(text.AsSpan(match.Index, match.Length), isMatch: true, ref count)) return false;
            at = match.Index + match.Length;
        }
        if (at < end && !TryCountPiece(text.AsSpan(at, end - at), isMatch: false, ref count)) return false;
        foreach (var (from, before) in candidates ?? [])
            if (_suffixes.Count < 4096) _suffixes.TryAdd(end - from, (text[from..end], count - before));
        return true;
    }

    /// <summary>Qwen2/2.5/3's pre-tokenizer regex.</summary>
    internal const string QwenPattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>Skips the pieces of the text before the segment's first digit up to a safe cut, counting them from memory.</summary>
    /// <remarks>
    /// With <see cref="QwenPattern"/> every position starts a match, and an attempt at a position reads no further than the
    /// run of like characters (letters, digits, whitespace, other) it starts in, the two runs after it, and one more
    /// character. So the matches that end before a point with at least five changes of character class ahead of it, still
    /// before the first digit, are the same whatever follows the digit: they are counted once per distinct prefix.
    /// </remarks>
    private bool TrySkipPrefix(string text, int start, int end, ref int at, ref int count)
    {
        var firstDigit = text.AsSpan(start, end - start).IndexOfAnyInRange('0', '9');
        if (firstDigit <= 0) return true;
        var prefix = text.AsSpan(start, firstDigit);
        if (_prefixes.TryGetValue(prefix.Length, out var known) && prefix.SequenceEqual(known.Prefix))
        {
            count += known.Count;
            at = start + known.Cut;
            return true;
        }
        // Scan the prefix alone; keep the last match start with five class changes between it and the first digit.
        var changes = new int[firstDigit + 1];
        for (var i = firstDigit - 1; i >= 0; i--)
            changes[i] = changes[i + 1] + (Class(text[start + i]) != Class(text[start + i + 1]) ? 1 : 0);
        int cut = 0, cutCount = 0, counted = 0, scanned = start;
        foreach (var match in _split.EnumerateMatches(text.AsSpan(0, start + firstDigit), start))
        {
            if (match.Index != scanned) return true; // a gap: leave it to the full scan
            var offset = match.Index - start;
            if (changes[offset] < 5) break;
            (cut, cutCount) = (offset, counted);
            if (!TryCountPiece(text.AsSpan(match.Index, match.Length), isMatch: true, ref counted)) return false;
            scanned = match.Index + match.Length;
        }
        if (_prefixes.Count < 1024) _prefixes.TryAdd(firstDigit, (prefix.ToString(), cut, cutCount));
        count += cutCount;
        at = start + cut;
        return true;
    }

    private static int Class(char c) => char.IsAsciiLetter(c) ? 0 : char.IsAsciiDigit(c) ? 1 : char.IsWhiteSpace(c) ? 2 : 3;

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
