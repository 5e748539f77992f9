using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Countdown.Preprocess.Benchmarks.Jobs;

/// <summary>Writes a JSON Lines file of rows for <c>score</c> (<c>target</c>, <c>nums</c>, <c>response</c>): the same rows for a seed on every machine.</summary>
/// <remarks>
/// Each task is 3 or 4 numbers from 1 to 99 and the value of a random expression over them (non-negative integer
/// steps, exact division), like the Countdown-Tasks-3to4 set. Responses are Qwen-style <c>&lt;think&gt;…&lt;/think&gt;</c>
/// reasoning followed by an answer, in this mix: 45% correct, 14% wrong value (an operator changed), 12% wrong numbers
/// (a number changed), 10% no answer (cut off, or no closing tag), 11% TinyZero-style hacks (<c>**</c>, <c>//</c>,
/// unary signs), 8% an equation (<c>expr = target</c>). Draws come from SplitMix64, not <see cref="Random"/>, whose
/// algorithm may change between .NET versions.
/// </remarks>
internal static class SyntheticAnswers
{
    private const string Ops = "+-*/";

    /// <summary>Writes <paramref name="rows"/> rows drawn with <paramref name="seed"/> to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, long rows, ulong seed, CancellationToken cancellationToken)
    {
        var random = new SplitMix64(seed);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new ArrayBufferWriterStream();
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var think = new StringBuilder(512);
        for (long row = 0; row < rows; row++)
        {
            var (numbers, tree) = DrawTask(random);
            json.Reset();
            json.WriteStartObject();
            json.WriteNumber("target", tree.Value);
            json.WriteStartArray("nums");
            foreach (var n in numbers) json.WriteNumberValue(n);
            json.WriteEndArray();
            json.WriteString("response", Response(random, numbers, tree, think));
            json.WriteEndObject();
            json.Flush();
            buffer.WriteNewLine();
            if (buffer.Length >= 1 << 20) await buffer.DrainToAsync(file, cancellationToken);
        }
        await buffer.DrainToAsync(file, cancellationToken);
    }

    private static (long[] Numbers, Node Tree) DrawTask(SplitMix64 random)
    {
        while (true)
        {
            var numbers = new long[3 + random.Below(2)];
            for (var i = 0; i < numbers.Length; i++) numbers[i] = 1 + random.Below(99);
            var pool = numbers.Select(n => Node.Leaf(n)).ToList();
            while (pool.Count > 1)
            {
                var left = Take(pool, random);
                var right = Take(pool, random);
                pool.Add(Combine(left, right, Ops[random.Below(4)]));
            }
            if (pool[0].Value is > 0 and <= 1000) return (numbers, pool[0]);
        }
    }

    private static Node Take(List<Node> pool, SplitMix64 random)
    {
        var i = random.Below(pool.Count);
        var node = pool[i];
        pool.RemoveAt(i);
        return node;
    }

    /// <summary>Combines two values with <paramref name="op"/>, swapping or falling back to <c>+</c> so the result is a non-negative integer.</summary>
    private static Node Combine(Node a, Node b, char op)
    {
        if (op == '-' && a.Value < b.Value) (a, b) = (b, a);
        if (op == '/')
        {
            if (a.Value < b.Value) (a, b) = (b, a);
            if (b.Value == 0 || a.Value % b.Value != 0) op = '+';
        }
        var value = op switch { '+' => a.Value + b.Value, '-' => a.Value - b.Value, '*' => a.Value * b.Value, _ => a.Value / b.Value };
        return new Node(value, op, a, b);
    }

    private static string Response(SplitMix64 random, long[] numbers, Node tree, StringBuilder think)
    {
        think.Clear().Append("<think>");
        Reasoning(random, numbers, tree, think);
        var kind = random.Below(100);
        string answer;
        switch (kind)
        {
            case < 45:
                answer = tree.Render();
                break;
            case < 59:
                var changed = Ops[random.Below(4)];
                answer = tree.Render(op: changed == tree.Op ? (changed == '+' ? '-' : '+') : changed);
                break;
            case < 71:
                answer = tree.Render(leafBump: 1 + random.Below(9));
                break;
            case < 81:
                return random.Below(2) == 0 ? think.ToString() : think.Append("</think>\n<answer>").Append(tree.Render()).ToString();
            case < 92:
                answer = random.Below(3) switch
                {
                    0 => tree.Render() is var e && e.Contains('/') ? e.Replace("/", "//") : "-(-(" + e + "))",
                    1 => tree.Render(op: '^').Replace("^", "**"),
                    _ => "+" + tree.Render(),
                };
                break;
            default:
                answer = tree.Render() + " = " + tree.Value.ToString(CultureInfo.InvariantCulture);
                break;
        }
        return think.Append("</think>\n<answer> ").Append(answer).Append(" </answer>").ToString();
    }

    /// <summary>A few sentences of trial and error, as a model writes before answering; 100 to 600 characters.</summary>
    private static void Reasoning(SplitMix64 random, long[] numbers, Node tree, StringBuilder think)
    {
        think.Append("Let me see. We have the numbers ").Append(string.Join(", ", numbers)).Append(" and need to reach ").Append(tree.Value).Append(". ");
        for (var step = random.Below(5); step > 0; step--)
        {
            var a = numbers[random.Below(numbers.Length)];
            var b = numbers[random.Below(numbers.Length)];
            think.Append("Try ").Append(a).Append(" + ").Append(b).Append(" = ").Append(a + b).Append(", that is not it. ");
            if (random.Below(2) == 0) think.Append("Maybe multiplication: ").Append(a).Append(" * ").Append(b).Append(" = ").Append(a * b).Append(", too far. ");
        }
        think.Append("What about ").Append(tree.Render()).Append("? That gives ").Append(tree.Value).Append('.');
    }

    /// <summary>An expression tree node: a number, or an operator over two nodes.</summary>
    private sealed record Node(long Value, char Op, Node? Left, Node? Right)
    {
        public static Node Leaf(long value) => new(value, ' ', null, null);

        /// <summary>The expression with outer parentheses dropped; <paramref name="op"/> replaces the top operator, <paramref name="leafBump"/> is added to the first number.</summary>
        public string Render(char? op = null, long leafBump = 0)
        {
            var text = new StringBuilder();
            var bump = leafBump;
            Append(this, text, op, ref bump, top: true);
            return text.ToString();
        }

        private static void Append(Node node, StringBuilder text, char? op, ref long bump, bool top)
        {
            if (node.Left is null || node.Right is null)
            {
                text.Append(node.Value + bump);
                bump = 0;
                return;
            }
            if (!top) text.Append('(');
            Append(node.Left, text, null, ref bump, false);
            text.Append(' ').Append(op ?? node.Op).Append(' ');
            Append(node.Right, text, null, ref bump, false);
            if (!top) text.Append(')');
        }
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): a fixed algorithm, so a seed gives the same draws everywhere.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public int Below(int bound)
        {
            _state += 0x9E3779B97F4A7C15;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return (int)((z ^ (z >> 31)) % (ulong)bound); // The modulo bias (< 2^-56) does not matter here.
        }
    }

    /// <summary>A growable byte buffer the JSON writer writes into, drained to the file in large blocks.</summary>
    private sealed class ArrayBufferWriterStream : System.Buffers.IBufferWriter<byte>
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _inner = new(1 << 21);

        public int Length => _inner.WrittenCount;

        public void Advance(int count) => _inner.Advance(count);

        public Memory<byte> GetMemory(int sizeHint = 0) => _inner.GetMemory(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => _inner.GetSpan(sizeHint);

        public void WriteNewLine()
        {
            _inner.GetSpan(1)[0] = (byte)'\n';
            _inner.Advance(1);
        }

        public async Task DrainToAsync(Stream stream, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(_inner.WrittenMemory, cancellationToken);
            _inner.ResetWrittenCount();
        }
    }
}
