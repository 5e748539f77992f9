"""Countdown reward for today's veRL, written by countdown-preprocess (`prepare --verl`).

Standard library only, Python 3.8+. veRL calls
    compute_score(data_source, solution_str, ground_truth, extra_info=None, **reward_kwargs)
with the decoded response only (no prompt) and ground_truth = {"target": int, "numbers": [int, ...]}.

The answer is the text of the last <answer>...</answer> pair in the response (pairs are matched left to
right, each closing at the first </answer>; an answer may span lines), stripped of whitespace.
Every call returns the same keys, all floats:
    score      0.0 without an answer, 1.0 for a correct answer, 0.1 for any other answer
    acc        1.0 when the answer is correct
    formatted  1.0 when the response holds an answer
    flagged    1.0 when TinyZero's checker accepts the answer but the strict rule does not (2**3, 7//2,
               2.5*2, unary minus, ...), or when TinyZero's eval would hang or run out of memory on it
               (9**9**9**9), or when a well-formed answer with the task's numbers is longer than
               ANSWER_LENGTH_LIMIT characters and so is not evaluated (reason 'too-long'); computed in both modes

strict=True (default): the answer is an expression of integer literals (ASCII digits, no leading zeros),
binary + - * / and parentheses, with any whitespace between tokens; its literals are the task's numbers,
each used once; its exact rational value equals the target. Division by zero is not correct.

strict=False (reward.custom_reward_function.reward_kwargs.strict=false) is TinyZero's acceptance:
the numbers read with \\d+ are the task's numbers; only digits, + - * / ( ) . and whitespace; Python's
own evaluation (floats, **, //, unary signs); abs(value - target) < 1e-5. The text is never eval'ed:
a parser reads it as CPython would and evaluates it with Python's number types, refusing (score 0.1,
flagged) what would hang, exhaust memory or overflow CPython's recursion: integers beyond INT_BITS_LIMIT
bits and more than NESTING_LIMIT operators nested in one another. CPython's own limits apply: at most 200 nested parentheses and
4300 digits per number (int() refuses longer digit strings since Python 3.11 and its security releases).

Run as a script to rate JSON lines ({"target", "nums" or "reward_model": {"ground_truth": ...},
"response" or "solution_str"}), one result line per row:
    python3 countdown_reward.py [--strict true|false] [--mode response|tinyzero] < rows.jsonl
"""
import json
import re
import sys

__all__ = ["compute_score"]

INT_BITS_LIMIT = 131072
NESTING_LIMIT = 1000
PAREN_LIMIT = 200
DIGITS_LIMIT = 4300
ANSWER_LENGTH_LIMIT = 10000

_OPEN = "<answer>"
_CLOSE = "</answer>"
_STRICT_TOKENS = re.compile(r"[0-9]+|[-+*/()]|\S")
_STRICT_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
_DIGIT_RUNS = re.compile(r"\d+")
_TINYZERO_CHARACTERS = re.compile(r"^[\d+\-*/().\s]+$")
_PYTHON_TOKENS = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+|\.\.\.|\*\*|//|[-+*/()]|[ \t\f]+|[\n\r]+|.", re.S)
_BINARY_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "//": 2, "**": 4}
_UNARY_PRECEDENCE = 3
_INDEX_RANGE = 1 << 63


class _Other(object):
    """A value Python's eval can produce that is not a number: the empty tuple or Ellipsis."""

    def __init__(self, name):
        self.name = name


_EMPTY_TUPLE = _Other("()")
_ELLIPSIS = _Other("...")


class _Refused(Exception):
    """Evaluation stops here, as Python's would with an exception (or a hang), for `reason`."""

    def __init__(self, reason):
        Exception.__init__(self, reason)
        self.reason = reason


def compute_score(data_source, solution_str, ground_truth, extra_info=None, strict=True, **kwargs):
    """Scores one response for a Countdown task; see the module docstring."""
    target, numbers = _ground_truth(ground_truth)
    score, acc, formatted, flagged, _ = rate(_last_answer(solution_str or ""), target, numbers, _as_bool(strict))
    return {"score": score, "acc": acc, "formatted": formatted, "flagged": flagged}


def rate(answer, target, numbers, strict=True):
    """Rates an extracted answer (None for none): (score, acc, formatted, flagged, reason)."""
    if answer is None:
        return 0.0, 0.0, 0.0, 0.0, "no-answer"
    strict_reason = _strict_reason(answer, numbers, target)
    lenient_reason = _lenient_reason(answer, numbers, target)
    too_long = strict_reason == "too-long" or lenient_reason == "too-long"
    flagged = (lenient_reason == "ok" and strict_reason != "ok") or lenient_reason == "too-large" or too_long
    if strict:
        correct = strict_reason == "ok"
        reason = strict_reason if correct or not flagged else (
            "not-strict" if lenient_reason == "ok" else "too-long" if too_long else "too-large")
    else:
        correct = lenient_reason == "ok"
        reason = "not-strict" if correct and flagged else lenient_reason
    return (1.0 if correct else 0.1), (1.0 if correct else 0.0), 1.0, (1.0 if flagged else 0.0), reason


def _ground_truth(ground_truth):
    if isinstance(ground_truth, (str, bytes)):
        ground_truth = json.loads(ground_truth)
    try:
        target = ground_truth["target"]
        numbers = ground_truth["numbers"]
    except (KeyError, TypeError, IndexError):
        raise ValueError("ground_truth must be a mapping with 'target' and 'numbers', got %r" % (ground_truth,))
    if hasattr(numbers, "tolist"):
        numbers = numbers.tolist()
    return _as_int(target), [_as_int(n) for n in numbers]


def _as_int(value):
    if hasattr(value, "item") and not isinstance(value, (list, tuple)):
        value = value.item()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise ValueError("ground_truth values must be integers, got %r" % (value,))


def _as_bool(value):
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "0", "no", "off", "")
    return bool(value)


def _last_answer(text):
    """The stripped text of the last <answer>...</answer> pair, or None; linear in the length of text."""
    found = None
    position = 0
    while True:
        start = text.find(_OPEN, position)
        if start < 0:
            break
        end = text.find(_CLOSE, start + len(_OPEN))
        if end < 0:
            break
        found = (start + len(_OPEN), end)
        position = end + len(_CLOSE)
    return None if found is None else text[found[0]:found[1]].strip()


def _tinyzero_answer(text):
    """The answer as TinyZero extracts it from prompt + response: after the first 'Assistant:' (else the
    first '<|im_start|>assistant'), on the last line only."""
    for marker in ("Assistant:", "<|im_start|>assistant"):
        at = text.find(marker)
        if at >= 0:
            rest = text[at + len(marker):]
            return _last_answer(rest[rest.rfind("\n") + 1:])
    return None


def _strict_reason(answer, numbers, target):
    """'ok', 'unparsable', 'wrong-numbers', 'division-by-zero', 'too-long' or 'wrong-value' under the strict rule."""
    literals = []
    output = []
    operators = []
    expect_operand = True
    depth = 0
    for match in _STRICT_TOKENS.finditer(answer):
        token = match.group()
        first = token[0]
        if "0" <= first <= "9":
            if not expect_operand or (first == "0" and len(token) > 1):
                return "unparsable"
            literals.append(token)
            output.append(token)
            expect_operand = False
        elif token == "(":
            if not expect_operand:
                return "unparsable"
            depth += 1
            if depth > PAREN_LIMIT:
                return "unparsable"
            operators.append(token)
        elif token == ")":
            if expect_operand:
                return "unparsable"
            while operators and operators[-1] != "(":
                output.append(operators.pop())
            if not operators:
                return "unparsable"
            operators.pop()
            depth -= 1
        elif token in _STRICT_PRECEDENCE:
            if expect_operand:
                return "unparsable"
            precedence = _STRICT_PRECEDENCE[token]
            while operators and operators[-1] != "(" and _STRICT_PRECEDENCE[operators[-1]] >= precedence:
                output.append(operators.pop())
            operators.append(token)
            expect_operand = True
        else:
            return "unparsable"
    if expect_operand or depth != 0:
        return "unparsable"
    while operators:
        output.append(operators.pop())
    if sorted(literals) != sorted(str(n) for n in numbers):
        return "wrong-numbers"
    if len(answer) > ANSWER_LENGTH_LIMIT:
        return "too-long"
    stack = []
    for item in output:
        if item not in _STRICT_PRECEDENCE:
            stack.append((int(item), 1))
            continue
        c, d = stack.pop()
        a, b = stack.pop()
        if item == "+":
            stack.append((a * d + c * b, b * d))
        elif item == "-":
            stack.append((a * d - c * b, b * d))
        elif item == "*":
            stack.append((a * c, b * d))
        elif c == 0:
            return "division-by-zero"
        else:
            stack.append((a * d, b * c))
    numerator, denominator = stack[0]
    return "ok" if numerator == target * denominator else "wrong-value"


def _lenient_reason(answer, numbers, target):
    """TinyZero's verdict in the same words: 'ok', 'wrong-numbers', 'unparsable', 'division-by-zero',
    'eval-error', 'too-large', 'too-long' or 'wrong-value'."""
    runs = _DIGIT_RUNS.findall(answer)
    if any(len(run) > DIGITS_LIMIT for run in runs):
        return "wrong-numbers"
    if sorted(int(run) for run in runs) != sorted(numbers):
        return "wrong-numbers"
    if not _TINYZERO_CHARACTERS.match(answer):
        return "unparsable"
    program = _python_program(answer)
    if isinstance(program, str):
        return program
    if len(answer) > ANSWER_LENGTH_LIMIT:
        return "too-long"
    try:
        value = _run(program)
    except _Refused as refused:
        return refused.reason
    if isinstance(value, _Other):
        return "eval-error"
    try:
        close = abs(value - target) < 1e-5
    except OverflowError:
        return "eval-error"
    return "ok" if close else "wrong-value"


def _python_program(answer):
    """The answer in reverse Polish order as CPython parses it, or 'unparsable' / 'too-large'."""
    output = []
    operators = []
    level = 0
    expect_operand = True
    previous = None
    for match in _PYTHON_TOKENS.finditer(answer):
        token = match.group()
        first = token[0]
        if first in " \t\f":
            continue
        if first in "\n\r":
            if level == 0:
                return "unparsable"
            continue
        if token == "(":
            if level >= PAREN_LIMIT:
                return "unparsable"
            level += 1
        elif token == ")":
            if level == 0:
                return "unparsable"
            level -= 1
        if expect_operand:
            if "0" <= first <= "9" or (first == "." and token != "." and token != "..."):
                if "." in token:
                    output.append(float(token))
                elif first == "0" and token.strip("0"):
                    return "unparsable"
                else:
                    output.append(int(token))
                expect_operand = False
            elif token == "...":
                output.append(_ELLIPSIS)
                expect_operand = False
            elif token == "+" or token == "-":
                operators.append("u" + token)
            elif token == "(":
                operators.append("(")
            elif token == ")" and previous == "(":
                opener = operators.pop()
                output.append(_EMPTY_TUPLE if opener == "(" else "call0")
                expect_operand = False
            elif (token == "*" or token == "**") and previous == "(" and operators[-1] == "call(":
                operators.append("arg" + token)
            else:
                return "unparsable"
        else:
            if token in _BINARY_PRECEDENCE:
                precedence = _BINARY_PRECEDENCE[token]
                while operators:
                    top = _precedence(operators[-1])
                    if top > precedence or (top == precedence and token != "**"):
                        output.append(operators.pop())
                    else:
                        break
                operators.append(token)
                expect_operand = True
            elif token == ")":
                while operators[-1] != "(" and operators[-1] != "call(":
                    output.append(operators.pop())
                if operators.pop() == "call(":
                    output.append("call1")
            elif token == "(":
                operators.append("call(")
                expect_operand = True
            else:
                return "unparsable"
        previous = token
    if expect_operand or level != 0:
        return "unparsable"
    while operators:
        output.append(operators.pop())
    return "too-large" if _depth(output) > NESTING_LIMIT else output


def _depth(program):
    """How many operators and calls nest on the deepest path of the expression tree (CPython's compiler recurses as deep)."""
    depths = []
    deepest = 0
    for item in program:
        if not isinstance(item, str):
            depth = 0
        elif item in _BINARY_PRECEDENCE or item == "call1":
            depth = max(depths.pop(), depths.pop()) + 1
        else:
            depth = depths.pop() + 1
        depths.append(depth)
        deepest = max(deepest, depth)
    return deepest


def _precedence(operator):
    if operator in _BINARY_PRECEDENCE:
        return _BINARY_PRECEDENCE[operator]
    if operator == "u+" or operator == "u-":
        return _UNARY_PRECEDENCE
    return -1  # parentheses and argument unpacking are never popped by an operator


def _run(program):
    stack = []
    for item in program:
        if not isinstance(item, str):
            stack.append(item)
        elif item == "u-" or item == "u+":
            value = stack.pop()
            if isinstance(value, _Other):
                raise _Refused("eval-error")
            stack.append(-value if item == "u-" else +value)
        elif item == "arg*" or item == "arg**":
            pass  # unpacking fails, or the call does: the value stays for the call below
        elif item == "call0" or item == "call1":
            raise _Refused("eval-error")  # numbers, () and ... are not callable
        else:
            right = stack.pop()
            stack.append(_binary(item, stack.pop(), right))
    return stack[0]


def _binary(operator, left, right):
    if isinstance(left, _Other) or isinstance(right, _Other):
        return _binary_other(operator, left, right)
    if type(left) is int and type(right) is int:
        if operator == "+":
            return _checked(left + right)
        if operator == "-":
            return _checked(left - right)
        if operator == "*":
            if left and right and left.bit_length() + right.bit_length() - 1 > INT_BITS_LIMIT:
                raise _Refused("too-large")
            return _checked(left * right)
        if operator == "**" and right >= 0:
            return _integer_power(left, right)
    try:
        if operator == "+":
            return left + right
        if operator == "-":
            return left - right
        if operator == "*":
            return left * right
        if operator == "/":
            return left / right
        if operator == "//":
            return left // right
        return left ** right
    except ZeroDivisionError:
        raise _Refused("division-by-zero")
    except (OverflowError, TypeError, ValueError):
        raise _Refused("eval-error")


def _binary_other(operator, left, right):
    if operator == "+" and left is _EMPTY_TUPLE and right is _EMPTY_TUPLE:
        return _EMPTY_TUPLE
    if operator == "*":
        count = right if left is _EMPTY_TUPLE else left if right is _EMPTY_TUPLE else None
        if type(count) is int and -_INDEX_RANGE <= count < _INDEX_RANGE:
            return _EMPTY_TUPLE
    raise _Refused("eval-error")


def _integer_power(base, exponent):
    if exponent == 0 or base == 1:
        return 1
    if base == 0:
        return 0
    if base == -1:
        return -1 if exponent & 1 else 1
    if exponent > INT_BITS_LIMIT or (abs(base).bit_length() - 1) * exponent + 1 > INT_BITS_LIMIT:
        raise _Refused("too-large")
    return _checked(base ** exponent)


def _checked(value):
    if value.bit_length() > INT_BITS_LIMIT:
        raise _Refused("too-large")
    return value


def _row_task(row):
    if "target" in row and "nums" in row:
        return _ground_truth({"target": row["target"], "numbers": row["nums"]})
    return _ground_truth(row["reward_model"]["ground_truth"])


def _main(argv):
    strict, mode = True, "response"
    arguments = list(argv)
    while arguments:
        option = arguments.pop(0)
        if option == "--strict" and arguments:
            strict = _as_bool(arguments.pop(0))
        elif option == "--mode" and arguments and arguments[0] in ("response", "tinyzero"):
            mode = arguments.pop(0)
        else:
            sys.stderr.write("usage: countdown_reward.py [--strict true|false] [--mode response|tinyzero] < rows.jsonl\n")
            return 2
    extract = _tinyzero_answer if mode == "tinyzero" else _last_answer
    strict = strict and mode == "response"  # TinyZero's logs are always rated by TinyZero's acceptance
    index = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        row = json.loads(line)
        target, numbers = _row_task(row)
        text = row["response"] if "response" in row else row["solution_str"]
        score, acc, formatted, flagged, reason = rate(extract(text), target, numbers, strict)
        sys.stdout.write(json.dumps({"index": index, "score": score, "acc": acc, "formatted": formatted,
                                     "flagged": flagged, "reason": reason}) + "\n")
        index += 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
