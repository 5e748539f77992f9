using System.Buffers;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Templates;

/// <summary>A template of messages whose contents hold <c>{numbers}</c> and <c>{target}</c> placeholders.</summary>
public sealed partial class TextTemplate : PromptTemplate
{
    /// <summary>Formatted values up to this many characters are kept on the stack while a prompt is rendered.</summary>
    private const int StackValuesLength = 256;

    private readonly Compiled[] _messages;

    private enum Placeholder { Numbers, Target }

    /// <summary>Creates the template from its messages; each content may use <c>{numbers}</c> and <c>{target}</c>.</summary>
    public TextTemplate(string name, bool isChatStyle, IEnumerable<ChatMessage> messages) : base(name)
    {
        IsChatStyle = isChatStyle;
        Messages = messages.ToArray();
        _messages = Messages.Select(Compile).ToArray();
        RendersOrderedUtf8 = Messages.All(m => m.Content.All(c => c < FirstUnorderedChar));
    }

    /// <inheritdoc/>
    public override bool IsChatStyle { get; }

    /// <summary>The messages with their placeholders unfilled.</summary>
    public IReadOnlyList<ChatMessage> Messages { get; }

    /// <inheritdoc/>
    /// <remarks>Each content is built at its exact length in one allocation; a message without placeholders is shared by every row.</remarks>
    public override IReadOnlyList<ChatMessage> Render(CountdownTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        ReadOnlySpan<long> nums = task.Nums;
        var most = PythonFormat.MaxListLength(nums.Length) + PythonFormat.MaxIntegerTextLength;
        char[]? rented = null;
        Span<char> values = most <= StackValuesLength ? stackalloc char[StackValuesLength] : (rented = ArrayPool<char>.Shared.Rent(most));
        try
        {
            var numbersLength = PythonFormat.FormatList(nums, values);
            var targetLength = PythonFormat.FormatInteger(task.Target, values[numbersLength..]);
            var filling = new Filling(values[..numbersLength], values.Slice(numbersLength, targetLength));
            var result = new ChatMessage[_messages.Length];
            for (var m = 0; m < _messages.Length; m++)
            {
                var message = _messages[m];
                result[m] = message.Holes.Length == 0 ? message.Unfilled : new ChatMessage(message.Unfilled.Role, Fill(message, filling));
            }
            return result;
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Gets the number of messages every prompt has.</summary>
    internal int MessageCount => _messages.Length;

    /// <summary>Gets the role of message <paramref name="index"/>.</summary>
    internal string RoleAt(int index) => _messages[index].Unfilled.Role;

    /// <summary>Renders the contents of <paramref name="task"/>'s messages into memory from <paramref name="allocate"/>, with no string per row; a content without placeholders is the template's own text.</summary>
    /// <remarks>Gives the same characters as <see cref="Render"/>; the Parquet writer uses it to keep prompts out of the garbage-collected heap.</remarks>
    internal void RenderInto(CountdownTask task, Func<int, Memory<char>> allocate, Span<ReadOnlyMemory<char>> contents)
    {
        ReadOnlySpan<long> nums = task.Nums;
        var most = PythonFormat.MaxListLength(nums.Length) + PythonFormat.MaxIntegerTextLength;
        char[]? rented = null;
        Span<char> values = most <= StackValuesLength ? stackalloc char[StackValuesLength] : (rented = ArrayPool<char>.Shared.Rent(most));
        try
        {
            var numbersLength = PythonFormat.FormatList(nums, values);
            var targetLength = PythonFormat.FormatInteger(task.Target, values[numbersLength..]);
            var filling = new Filling(values[..numbersLength], values.Slice(numbersLength, targetLength));
            for (var m = 0; m < _messages.Length; m++)
            {
                var message = _messages[m];
                if (message.Holes.Length == 0)
                {
                    contents[m] = message.Unfilled.Content.AsMemory();
                    continue;
                }
                var memory = allocate(Length(message, filling));
                Fill(message, filling, memory.Span);
                contents[m] = memory;
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Whether the messages (<paramref name="roles"/>, <paramref name="contents"/>) are exactly what <see cref="Render"/> gives for the task, compared in place with no string per row.</summary>
    /// <remarks>The validator's fast path uses it on every row it accepts; a row that does not match is rendered and reported the usual way.</remarks>
    internal bool Matches(long target, ReadOnlySpan<long> nums, ReadOnlySpan<ReadOnlyMemory<char>> roles, ReadOnlySpan<ReadOnlyMemory<char>> contents)
    {
        if (roles.Length != _messages.Length || contents.Length != _messages.Length) return false;
        var most = PythonFormat.MaxListLength(nums.Length) + PythonFormat.MaxIntegerTextLength;
        char[]? rented = null;
        Span<char> values = most <= StackValuesLength ? stackalloc char[StackValuesLength] : (rented = ArrayPool<char>.Shared.Rent(most));
        try
        {
            var numbersLength = PythonFormat.FormatList(nums, values);
            var targetLength = PythonFormat.FormatInteger(target, values[numbersLength..]);
            var filling = new Filling(values[..numbersLength], values.Slice(numbersLength, targetLength));
            for (var m = 0; m < _messages.Length; m++)
            {
                var message = _messages[m];
                if (!roles[m].Span.SequenceEqual(message.Unfilled.Role)) return false;
                var content = contents[m].Span;
                if (message.Holes.Length == 0)
                {
                    if (!content.SequenceEqual(message.Unfilled.Content)) return false;
                    continue;
                }
                if (content.Length != Length(message, filling) || !Same(message, filling, content)) return false;
            }
            return true;
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    // Compares a content of the right length part by part, as Fill would write it.
    private static bool Same(Compiled message, Filling filling, ReadOnlySpan<char> content)
    {
        var (parts, holes) = (message.Parts, message.Holes);
        var at = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (!content.Slice(at, parts[i].Length).SequenceEqual(parts[i])) return false;
            at += parts[i].Length;
            if (i < holes.Length)
            {
                var value = holes[i] == Placeholder.Numbers ? filling.Numbers : filling.Target;
                if (!content.Slice(at, value.Length).SequenceEqual(value)) return false;
                at += value.Length;
            }
        }
        return true;
    }

    private static int Length(Compiled message, Filling filling)
        => message.LiteralLength + message.NumbersHoles * filling.Numbers.Length + message.TargetHoles * filling.Target.Length;

    private static string Fill(Compiled message, Filling filling)
        => string.Create(Length(message, filling), new MessageFilling(message, filling), static (destination, state) => Fill(state.Message, state.Filling, destination));

    private static void Fill(Compiled message, Filling filling, Span<char> destination)
    {
        var (parts, holes) = (message.Parts, message.Holes);
        var at = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i].CopyTo(destination[at..]);
            at += parts[i].Length;
            if (i < holes.Length)
            {
                var value = holes[i] == Placeholder.Numbers ? filling.Numbers : filling.Target;
                value.CopyTo(destination[at..]);
                at += value.Length;
            }
        }
    }

    private static Compiled Compile(ChatMessage message)
    {
        var content = message.Content;
        var parts = new List<string>();
        var holes = new List<Placeholder>();
        var start = 0;
        while (true)
        {
            var n = content.IndexOf("{numbers}", start, StringComparison.Ordinal);
            var t = content.IndexOf("{target}", start, StringComparison.Ordinal);
            if (n < 0 && t < 0) break;
            var isNumbers = n >= 0 && (t < 0 || n < t);
            var at = isNumbers ? n : t;
            parts.Add(content[start..at]);
            holes.Add(isNumbers ? Placeholder.Numbers : Placeholder.Target);
            start = at + (isNumbers ? "{numbers}".Length : "{target}".Length);
        }
        parts.Add(content[start..]);
        var numbersHoles = holes.Count(h => h == Placeholder.Numbers);
        var utf8Parts = parts.Select(p => System.Text.Encoding.UTF8.GetBytes(p)).ToArray();
        return new Compiled(message, parts.ToArray(), holes.ToArray(), parts.Sum(p => p.Length), numbersHoles, holes.Count - numbersHoles)
        {
            Utf8Parts = utf8Parts,
            Utf8LiteralLength = utf8Parts.Sum(p => p.Length),
        };
    }

    /// <summary>One message split at its placeholders: <c>Parts[i]</c>, then <c>Holes[i]</c>, ..., then the last part.</summary>
    private sealed record Compiled(ChatMessage Unfilled, string[] Parts, Placeholder[] Holes, int LiteralLength, int NumbersHoles, int TargetHoles)
    {
        /// <summary>The parts as UTF-8 (unpaired surrogates as U+FFFD, as <see cref="System.Text.Encoding.UTF8"/> writes them).</summary>
        public required byte[][] Utf8Parts { get; init; }

        /// <summary>The bytes of all parts.</summary>
        public required int Utf8LiteralLength { get; init; }
    }

    /// <summary>The formatted values of one task.</summary>
    private readonly ref struct Filling(ReadOnlySpan<char> numbers, ReadOnlySpan<char> target)
    {
        public ReadOnlySpan<char> Numbers { get; } = numbers;

        public ReadOnlySpan<char> Target { get; } = target;
    }

    /// <summary>What <see cref="string.Create{TState}(int, TState, System.Buffers.SpanAction{char, TState})"/> needs to fill one message.</summary>
    private readonly ref struct MessageFilling(Compiled message, Filling filling)
    {
        public Compiled Message { get; } = message;

        public Filling Filling { get; } = filling;
    }
}
