#!/usr/bin/env python3
"""Writes corpus.jsonl: answers with their expected ratings in three modes, for the scoring tests.

Each case below carries hand-written expected reasons (strict rule, TinyZero's acceptance). The script checks them
against two references and refuses to write the corpus on any disagreement:
  - TinyZero's scoring (the shared reference `score`, plus the real `eval` for the reason), run in a subprocess with a
    time limit; a case that does not finish must be expected 'too-large';
  - an independent strict checker built on Python's `ast` module and `fractions`.
The TinyZero-mode expectations are computed the same way on the answer TinyZero extracts from the case's log: its
"log" field, or when that is null TinyZero's base prompt for the task (byte for byte) followed by the response.
usage: python3 make_corpus.py [PATH/TO/shared/reference/countdown_reward.py] > corpus.jsonl
"""
import ast
import json
import re
import subprocess
import sys
from fractions import Fraction

REFERENCE = sys.argv[1] if len(sys.argv) > 1 else "../../../../../shared/reference/countdown_reward.py"
BASE = ("A conversation between User and Assistant. The user asks a question, and the Assistant solves it. The assistant "
        "first thinks about the reasoning process in the mind and then provides the user with the answer.\nUser: Using the "
        "numbers {nums}, create an equation that equals {target}. You can use basic arithmetic operations (+, -, *, /) and "
        "each number can only be used once. Show your work in <think> </think> tags. And return the final answer in "
        "<answer> </answer> tags, for example <answer> (1 + 2) / 3 </answer>.\nAssistant: Let me solve this step by step.\n<think>")
QWEN = ("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n Using the numbers {nums}, create an "
        "equation that equals {target}.<|im_end|>\n<|im_start|>assistant\nLet me solve this step by step.\n<think>")

CASES = []
PROBLEMS = []


def problem(message):
    PROBLEMS.append(message)


def case(group, note, target, nums, response, strict, lenient, log=None, hang=False):
    """strict / lenient: the expected reason under each rule ('ok', 'unparsable', 'wrong-numbers', 'wrong-value',
    'division-by-zero', 'eval-error', 'too-large', 'no-answer'). log: the TinyZero log (default: base prompt + response)."""
    CASES.append(dict(group=group, note=note, target=target, nums=nums, response=response, strict=strict,
                      lenient=lenient, log=log, hang=hang))


def a(text):
    return "<think>Let me try.</think>\n<answer>" + text + "</answer>"


# --- no answer ---------------------------------------------------------------------------------------------
for note, response in [
    ("empty response", ""), ("think only", "<think>1+2+3</think>"), ("unclosed answer", "<answer>1+2+3"),
    ("closing tag first", "</answer>1+2+3<answer>"), ("capitalised tags", "<Answer>1+2+3</Answer>"),
    ("space inside tag", "< answer>1+2+3</ answer>"), ("self-closing", "<answer/>1+2+3"),
    ("bare expression", "1+2+3"), ("answer word only", "answer: 1+2+3"), ("xml-ish but wrong tag", "<ans>1+2+3</ans>"),
]:
    case("no-answer", note, 6, [1, 2, 3], response, "no-answer", "no-answer")

# --- correct under both rules -------------------------------------------------------------------------------
for note, target, nums, expr in [
    ("sum", 6, [1, 2, 3], "1+2+3"), ("spaces", 6, [1, 2, 3], " 1 + 2 + 3 "), ("order free", 6, [1, 2, 3], "3+1+2"),
    ("product", 24, [2, 3, 4], "2*3*4"), ("difference", 5, [9, 4], "9-4"), ("exact division", 4, [8, 2], "8/2"),
    ("parentheses", 20, [2, 3, 4], "(2+3)*4"), ("nested parentheses", 28, [95, 11, 56], "(95-11)-56"),
    ("redundant parentheses", 6, [1, 2, 3], "((1)+(2))+(3)"), ("fraction on the way", 10, [1, 3, 30], "(1/3)*30"),
    ("repeated numbers", 20, [5, 5, 5, 5], "5+5+5+5"), ("repeated numbers mixed", 1, [5, 5, 5, 5], "(5+5)/(5+5)"),
    ("four numbers", 24, [4, 7, 8, 8], "(7-8/8)*4"), ("big numbers", 9999, [99, 101], "99*101"),
    ("zero used", 7, [7, 0], "7+0"), ("zero times", 0, [0, 9], "0*9"), ("target negative", -3, [1, 4], "1-4"),
    ("countdown classic", 98, [44, 19, 35], "44+19+35"), ("division chain", 2, [80, 8, 5], "80/8/5"),
    ("mixed precedence", 14, [2, 3, 4], "2+3*4"), ("subtraction left assoc", 1, [10, 4, 5], "10-4-5"),
    ("single number", 7, [7], "7"), ("tab whitespace", 6, [1, 2, 3], "1\t+\t2\t+\t3"),
    ("formfeed whitespace", 6, [1, 2, 3], "1\f+2+3"), ("large literal", 3000000000, [1500000000, 2], "1500000000*2"),
]:
    case("correct", note, target, nums, a(expr), "ok", "ok")
case("correct", "answer across lines inside parentheses", 20, [2, 3, 4], a("(2 +\n 3\n) * 4"), "ok", "ok")
case("correct", "windows line breaks inside parentheses", 20, [2, 3, 4], a("(2 +\r\n 3) * 4"), "ok", "ok")
case("correct", "surrounding newlines stripped", 6, [1, 2, 3], "<answer>\n  1+2+3  \n</answer>", "ok", "ok")
case("tags", "think mentions an opening tag: the first pair runs to the first closing tag", 6, [1, 2, 3],
     "<think>I will write <answer> tags</think>\n<answer>1+2+3</answer>", "unparsable", "unparsable")

# --- answers across lines outside parentheses: strict reads them, Python's eval does not ---------------------
case("lines", "line break between terms", 6, [1, 2, 3], a("1 +\n2 + 3"), "ok", "unparsable")
case("lines", "line break before operator", 6, [1, 2, 3], a("1\n+ 2 + 3"), "ok", "unparsable")
case("lines", "carriage return", 6, [1, 2, 3], a("1 +\r2 + 3"), "ok", "unparsable")
case("lines", "blank lines inside parentheses", 6, [1, 2, 3], a("(1 +\n\n2 + 3)"), "ok", "ok")
case("lines", "answer on several lines with text", 6, [1, 2, 3], a("1 + 2 + 3\nThat is 6"), "unparsable", "wrong-numbers")

# --- several answer tags ------------------------------------------------------------------------------------
case("tags", "last of two wins (correct)", 6, [1, 2, 3], "<answer>1+2</answer> no wait <answer>1+2+3</answer>", "ok", "ok")
case("tags", "last of two wins (wrong)", 6, [1, 2, 3], "<answer>1+2+3</answer> hmm <answer>3+2-1</answer>", "wrong-value", "wrong-value")
case("tags", "three answers", 6, [1, 2, 3], "<answer>1</answer><answer>2</answer><answer>3*2*1</answer>", "ok", "ok")
case("tags", "unclosed last keeps closed one", 6, [1, 2, 3], "<answer>1+2+3</answer> then <answer>oops", "ok", "ok")
case("tags", "nested opening tag", 6, [1, 2, 3], "<answer>x <answer>1+2+3</answer>", "unparsable", "unparsable")
case("tags", "empty answer", 6, [1, 2, 3], "<answer></answer>", "unparsable", "wrong-numbers")
case("tags", "whitespace-only answer", 6, [1, 2, 3], "<answer>  \n </answer>", "unparsable", "wrong-numbers")
case("tags", "empty answer and no numbers", 0, [], "<answer></answer>", "unparsable", "unparsable")
case("tags", "answer inside think", 6, [1, 2, 3], "<think><answer>1+2+3</answer></think>", "ok", "ok")
case("tags", "tags on separate lines", 6, [1, 2, 3], "<answer>\n1+2+3\n</answer>", "ok", "ok")
case("tags", "text after answer", 6, [1, 2, 3], "<answer>1+2+3</answer>\nDone.", "ok", "ok")
case("tags", "example answer from prompt repeated then real", 6, [1, 2, 3],
     "<answer> (1 + 2) / 3 </answer> ... <answer>1*2*3</answer>", "ok", "ok")
case("tags", "only the prompt's example", 6, [1, 2, 3], "<answer> (1 + 2) / 3 </answer>", "wrong-value", "wrong-value")

# --- wrong numbers ------------------------------------------------------------------------------------------
for note, expr in [
    ("missing number", "2*3"), ("extra number", "1+2+3+0"), ("number twice", "3+3"), ("other number", "1+2+4"),
    ("digits glued", "12+3"), ("digits split", "1+2+3+4"), ("number as digits", "1*2*3*1"),
]:
    case("wrong-numbers", note, 6, [1, 2, 3], a(expr), "wrong-numbers", "wrong-numbers")
case("wrong-numbers", "repeats: one five short", 15, [5, 5, 5, 5], a("5+5+5"), "wrong-numbers", "wrong-numbers")
case("wrong-numbers", "repeats: one five too many", 25, [5, 5, 5, 5], a("5+5+5+5+5"), "wrong-numbers", "wrong-numbers")
case("wrong-numbers", "repeats: right count wrong value", 20, [5, 5, 4, 6], a("5+5+5+5"), "wrong-numbers", "wrong-numbers")
case("wrong-numbers", "target used as a number", 6, [1, 2, 3], a("6"), "wrong-numbers", "wrong-numbers")
case("wrong-numbers", "negative task number", -3, [-3], a("-3"), "unparsable", "wrong-numbers")

# --- wrong value ---------------------------------------------------------------------------------------------
for note, expr in [("sum not target", "1+2+3"), ("order of operations", "3+2*1"), ("reversed subtraction", "3-2-1"),
                   ("division result", "3/2/1")]:
    case("wrong-value", note, 7, [1, 2, 3], a(expr), "wrong-value", "wrong-value")
case("wrong-value", "off by a fraction", 10, [1, 3, 30], a("30/3+1"), "wrong-value", "wrong-value")
case("wrong-value", "near miss in exact arithmetic, close enough for TinyZero", 1, [10000001, 10000000], a("10000001/10000000"), "wrong-value", "ok")

# --- floating point: exact under strict, within 1e-5 under TinyZero --------------------------------------------
case("float", "thirds times three", 1, [1, 3, 3], a("1/3*3"), "ok", "ok")
case("float", "within 1e-5 but not exact", 1, [100001, 100000], a("100001/100000"), "wrong-value", "wrong-value")
case("float", "within 1e-5 only by float", 1, [1000001, 1000000], a("1000001/1000000"), "wrong-value", "ok")
case("float", "tiny difference accepted by TinyZero", 5, [5000001, 1000000], a("5000001/1000000"), "wrong-value", "ok")
case("float", "float rounding loses exactness", 0, [100000000000000000, 3, 3, 100000000000000000],
     a("100000000000000000/3*3-100000000000000000"), "ok", "ok")
case("float", "float error beyond 1e-5", 1, [10000000000000001, 10000000000000000],
     a("10000000000000001-10000000000000000"), "ok", "ok")
case("float", "big float cancellation", 1, [10000000000000001, 10000000000000000, 1],
     a("10000000000000001/1-10000000000000000"), "ok", "wrong-value")

# --- what TinyZero lets through and the strict rule does not (flagged) ---------------------------------------
for note, target, nums, expr in [
    ("power", 8, [2, 3], "2**3"), ("power with parentheses", 9, [3, 2], "(3)**(2)"), ("power right assoc", 512, [2, 3, 2], "2**3**2"),
    ("floor division", 3, [7, 2], "7//2"), ("floor division negative", -4, [7, 2], "-7//2"),
    ("decimal", 5, [2, 5, 2], "2.5*2"), ("decimal splits into numbers", 3, [1, 5, 2], "1.5*2"),
    ("trailing dot", 3, [3], "3."), ("leading dot", 1, [5, 2], ".5*2"), ("decimal zero", 6, [6, 0], "6.0"),
    ("unary minus", 1, [3, 4], "-3+4"), ("double unary minus", 7, [3, 4], "--3+4"), ("unary plus", 7, [3, 4], "+3+4"),
    ("unary minus in parentheses", 7, [3, 4], "4-(-3)"), ("minus minus", 7, [4, 3], "4--3"),
    ("negative power", 1, [2, 1, 2], "2**-1*2"), ("square root by power", 3, [9, 0, 5], "9**0.5"),
    ("zero power", 1, [5, 0], "5**0"), ("power of negative", 4, [2, 2], "(-2)**2"),
    ("power then floor", 4, [3, 2, 2], "3**2//2"), ("decimal with leading zeros", 1, [0, 5, 2], "00.5*2"),
    ("zeros literal", 4, [0, 4], "00+4"), ("power tower small", 16, [2, 2, 2], "2**2**2"),
    ("float close enough", 1, [1, 3, 3, 0], "1/3.0*3"), ("float from decimals", 2, [0, 1, 0, 2, 10, 1, 0], "(0.1+0.2)*10 - 1 + 0"),
    ("unary minus chain", 3, [3], "-" * 10 + "3"), ("unary plus minus chain", -3, [3], "+-+-+-3"),
    ("complex power close", 2, [8, 1, 3], "abs"),  # placeholder replaced below
]:
    if expr == "abs":
        continue
    case("not-strict", note, target, nums, a(expr), "unparsable", "ok")
case("not-strict", "1000 unary minus", 3, [3], a("-" * 1000 + "3"), "unparsable", "ok")

# --- unparsable under both (TinyZero checks the numbers first, then the characters, then Python's syntax) ------------
for note, expr, lenient in [
    ("equals sign", "1+2+3=6", "wrong-numbers"), ("equals first", "6 = 1+2+3", "wrong-numbers"),
    ("letters", "one+2+3", "wrong-numbers"), ("x for times", "1x2x3", "unparsable"),
    ("times sign", "1\u00d72\u00d73", "unparsable"), ("division sign", "6\u00f73\u00d7...", "wrong-numbers"),
    ("unicode minus", "8\u22122", "wrong-numbers"), ("caret power", "2^3", "wrong-numbers"),
    ("brackets", "[1+2]+3", "unparsable"), ("braces", "{1+2}+3", "unparsable"), ("comma", "1,2,3", "unparsable"),
    ("text around", "The answer is 1+2+3", "unparsable"), ("latex", "\\frac{1}{2}+3", "unparsable"),
    ("percent", "1%2+3", "unparsable"), ("unbalanced open", "(1+2+3", "unparsable"), ("unbalanced close", "1+2+3)", "unparsable"),
    ("empty parentheses", "()+1+2+3", "eval-error"), ("trailing operator", "1+2+3+", "unparsable"),
    ("leading operator times", "*1+2+3", "unparsable"), ("two operators", "1+*2+3", "unparsable"),
    ("adjacent numbers", "1 2 3", "unparsable"), ("implicit product", "2(1+3)", "eval-error"),
    ("implicit product after parentheses", "(1+2)3", "unparsable"), ("call on parenthesis", "(1+2)(3)", "eval-error"),
    ("ellipsis", "1+2+3+...", "eval-error"), ("lone dot", "1+2+3 .", "unparsable"), ("two dots", "1..2+3", "unparsable"),
    ("double decimal", "1.2.3", "unparsable"), ("leading zeros", "01+2+3", "unparsable"), ("exponent letter", "1e2+3", "unparsable"),
    ("hex", "0x1+2+3", "wrong-numbers"), ("arrow", "1+2+3 -> 6", "wrong-numbers"), ("question", "1+2+3?", "unparsable"),
    ("semicolon", "1+2;3", "unparsable"), ("backslash continuation", "1+2+\\\n3", "unparsable"),
    ("star argument", "1(*2)+3", "eval-error"), ("double star argument", "1(**2)+3", "eval-error"),
    ("star outside a call", "(*1)+2+3", "unparsable"), ("dot then digits after a number", "1 .2+3", "unparsable"),
]:
    case("unparsable", note, 6, [1, 2, 3], a(expr), "unparsable", lenient)
case("whitespace", "vertical tab: Python whitespace, not Python syntax", 6, [1, 2, 3], a("1+2+\x0b3"), "ok", "unparsable")
case("whitespace", "file separator: Python whitespace, not Python syntax", 6, [1, 2, 3], a("1+2+\x1c3"), "ok", "unparsable")
case("whitespace", "file separator stripped at the ends", 6, [1, 2, 3], "<answer>\x1c1+2+3\x1f</answer>", "ok", "ok")
case("unparsable", "lone dot with numbers right", 6, [1, 2, 3], a("1+2+3."), "unparsable", "ok")

# --- unicode --------------------------------------------------------------------------------------------------
case("unicode", "no-break space", 6, [1, 2, 3], a("1\u00a0+\u00a02+3"), "ok", "unparsable")
case("unicode", "thin space", 6, [1, 2, 3], a("1\u2009+\u20092+3"), "ok", "unparsable")
case("unicode", "ideographic space", 6, [1, 2, 3], a("1\u3000+2+3"), "ok", "unparsable")
case("unicode", "line separator", 6, [1, 2, 3], a("1+\u20282+3"), "ok", "unparsable")
case("unicode", "next line (U+0085)", 6, [1, 2, 3], a("1+\x852+3"), "ok", "unparsable")
case("unicode", "arabic-indic digits", 6, [1, 2, 3], a("\u0661+\u0662+\u0663"), "unparsable", "unparsable")
case("unicode", "fullwidth digits", 6, [1, 2, 3], a("\uff11+\uff12+\uff13"), "unparsable", "unparsable")
case("unicode", "devanagari digit mixed", 6, [1, 2, 3], a("1+2+\u0969"), "unparsable", "unparsable")
case("unicode", "mathematical bold digits", 6, [1, 2, 3], a("\U0001d7cf+\U0001d7d0+\U0001d7d1"), "unparsable", "unparsable")
case("unicode", "arabic digit glued to ascii", 13, [13], a("1\u0663"), "unparsable", "unparsable")
case("unicode", "superscript two is not a digit", 9, [3], a("3\u00b2"), "unparsable", "unparsable")
case("unicode", "emoji", 6, [1, 2, 3], a("1+2+3 \U0001f600"), "unparsable", "unparsable")
case("unicode", "accented text", 6, [1, 2, 3], a("r\u00e9ponse 1+2+3"), "unparsable", "unparsable")
case("unicode", "zero-width space", 6, [1, 2, 3], a("1+\u200b2+3"), "unparsable", "unparsable")
case("unicode", "byte order mark", 6, [1, 2, 3], a("\ufeff1+2+3"), "unparsable", "unparsable")
case("unicode", "chinese text", 6, [1, 2, 3], a("\u7b54\u6848 1+2+3"), "unparsable", "unparsable")

# --- division by zero and other evaluation errors -----------------------------------------------------------------
case("errors", "divide by zero", 6, [6, 2, 2], a("6/(2-2)"), "division-by-zero", "division-by-zero")
case("errors", "divide by literal zero", 0, [5, 0], a("5/0"), "division-by-zero", "division-by-zero")
case("errors", "zero over zero", 0, [0, 0], a("0/0"), "division-by-zero", "division-by-zero")
case("errors", "floor divide by zero", 0, [5, 0], a("5//0"), "unparsable", "division-by-zero")
case("errors", "zero to negative power", 0, [0, 1], a("0**-1"), "unparsable", "division-by-zero")
case("errors", "float divide by zero", 0, [5, 0, 0], a("5/0.0"), "unparsable", "division-by-zero")
case("errors", "zero division after a wrong term", 6, [1, 2, 3, 0], a("1+2+3/0"), "division-by-zero", "division-by-zero")
case("errors", "division by zero beats overflow", 0, [1, 0, 2, 0, 10000], a("1/0 + 2.0**10000"), "unparsable", "division-by-zero")
case("errors", "float overflow", 0, [2, 0, 10000], a("2.0**10000"), "unparsable", "eval-error")
case("errors", "int too large for float", 0, [10, 400, 5], a("10**400+.5"), "unparsable", "eval-error")
case("errors", "huge int over huge int is fine", 10, [10, 400, 10, 399], a("10**400/10**399"), "unparsable", "ok")
case("errors", "call of a number", 6, [2, 3], a("2(3)"), "unparsable", "eval-error")
case("errors", "empty tuple", 0, [], a("()"), "unparsable", "eval-error")
case("errors", "empty tuple times two", 0, [2], a("()*2"), "unparsable", "eval-error")
case("errors", "ellipsis alone", 0, [], a("..."), "unparsable", "eval-error")
case("errors", "complex result far", 0, [1, 0, 5], a("(-1)**0.5"), "unparsable", "wrong-value")
case("errors", "complex result near real", 1, [8, 1, 3], a("(-8)**(1/3)"), "unparsable", "wrong-value")
case("errors", "complex squared back", -1, [1, 0, 5, 2], a("((-1)**0.5)**2"), "unparsable", "ok")
case("errors", "complex floor division", 0, [1, 0, 5, 2], a("(-1)**0.5//2"), "unparsable", "eval-error")
case("errors", "complex divided by zero", 0, [1, 0, 5, 0], a("(-1)**0.5/0"), "unparsable", "division-by-zero")

# --- hostile input ---------------------------------------------------------------------------------------------
case("hostile", "power tower", 10, [9, 9, 9, 9], a("9**9**9**9"), "unparsable", "too-large", hang=True)
case("hostile", "power tower with wrong numbers", 10, [9, 9, 9], a("9**9**9**9"), "unparsable", "wrong-numbers")
case("hostile", "big power then zero division", 0, [9, 9, 9, 1, 0], a("9**9**9 + 1/0"), "unparsable", "too-large", hang=True)
case("hostile", "zero division before big power", 0, [9, 9, 9, 1, 0], a("1/0 + 9**9**9"), "unparsable", "division-by-zero")
case("hostile", "empty tuple times big power", 0, [9, 9, 9], a("()*9**9**9"), "unparsable", "too-large", hang=True)
case("hostile", "exponent beyond the limit", 2, [2, 200000, 2, 199999], a("2**200000//2**199999"), "unparsable", "too-large")
case("hostile", "exponent within the limit", 2, [2, 100000, 2, 99999], a("2**100000//2**99999"), "unparsable", "ok")
case("hostile", "2**2**2**2**2 is 65537 bits", 1, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
     a("2**2**2**2**2 // 2**2**2**2**2"), "unparsable", "ok")
case("hostile", "minus one to a googol", 1, [1, 10, 100], a("(-1)**(10**100)"), "unparsable", "ok")
case("hostile", "two to a googol", 1, [2, 10, 100], a("2**(10**100)"), "unparsable", "too-large", hang=True)
case("hostile", "float to a googol", 1, [2, 0, 10, 100], a("2.0**(10**100)"), "unparsable", "eval-error")
case("hostile", "200 parentheses", 6, [1, 2, 3], a("(" * 200 + "1+2+3" + ")" * 200), "ok", "ok")
case("hostile", "201 parentheses", 6, [1, 2, 3], a("(" * 201 + "1+2+3" + ")" * 201), "unparsable", "unparsable")
case("hostile", "ten thousand parentheses", 6, [1, 2, 3], a("(" * 10000 + "1+2+3" + ")" * 10000), "unparsable", "unparsable")
case("hostile", "ten thousand opening parentheses", 6, [1, 2, 3], a("(" * 10000 + "1+2+3"), "unparsable", "unparsable")
case("hostile", "1001 unary minus", -3, [3], a("-" * 1001 + "3"), "unparsable", "too-large")
case("hostile", "4300 digits of zeros", 5, [5], a("0" * 4299 + "5"), "unparsable", "unparsable")
case("hostile", "4301 digits of zeros", 5, [5], a("0" * 4300 + "5"), "unparsable", "wrong-numbers")
case("hostile", "4301-digit decimal", 5, [5, 0], a("0" * 4300 + "5.0"), "unparsable", "wrong-numbers")
case("hostile", "4300-digit decimal", 5, [5, 0], a("0" * 4299 + "5.0"), "unparsable", "not-strict-ok")
case("hostile", "long literal", 1, [1], a("1" * 5000), "wrong-numbers", "wrong-numbers")
case("hostile", "many answer tags", 1, [1], "<answer>" * 500 + "1</answer>", "unparsable", "unparsable")
case("hostile", "many closed answer tags", 1, [1], "<answer>1</answer>" * 300, "ok", "ok")
case("hostile", "many opening tags no close", 1, [1], "<answer>" * 500, "no-answer", "no-answer")

# --- logs for TinyZero mode -------------------------------------------------------------------------------------
case("log", "base prompt, answer on last line", 6, [1, 2, 3], "<think>ok</think> <answer>1+2+3</answer>", "ok", "ok")
case("log", "qwen prompt", 6, [1, 2, 3], "<think>ok</think>\n<answer>1+2+3</answer>", "ok", "ok",
     log=QWEN.format(nums=[1, 2, 3], target=6) + "<think>ok</think>\n<answer>1+2+3</answer>")
case("log", "no assistant marker", 6, [1, 2, 3], "<answer>1+2+3</answer>", "ok", "ok", log="User: go\n<answer>1+2+3</answer>")
case("log", "answer not on last line", 6, [1, 2, 3], "<answer>1+2+3</answer>\nThat's it.", "ok", "ok")
case("log", "answer spans the last two lines", 6, [1, 2, 3], "<answer>1+2+\n3</answer>", "ok", "unparsable")
case("log", "assistant marker repeated in response", 6, [1, 2, 3], "Assistant: <answer>1+2+3</answer>", "ok", "ok")
case("log", "qwen marker after base marker", 6, [1, 2, 3], "<answer>1+2+3</answer>", "ok", "ok",
     log="Assistant: x\n<|im_start|>assistant\n<answer>1+2+3</answer>")
case("log", "marker only in prompt, answer wrong", 7, [1, 2, 3], "<answer>1+2+3</answer>", "wrong-value", "wrong-value")
case("log", "log with end-of-text token", 6, [1, 2, 3], "<answer>1+2+3</answer><|endoftext|>", "ok", "ok")
case("log", "log with trailing newline", 6, [1, 2, 3], "<answer>1+2+3</answer>\n", "ok", "ok")
case("log", "last line two answers", 6, [1, 2, 3], "<answer>1+2</answer><answer>3*2*1</answer>", "ok", "ok")
case("log", "flagged answer in log", 8, [2, 3], "<answer>2**3</answer>", "unparsable", "ok")
case("log", "lowercase assistant marker only", 6, [1, 2, 3], "<answer>1+2+3</answer>", "ok", "ok",
     log="assistant: <answer>1+2+3</answer>")

# --- generated variety: every small task with right and wrong answers ----------------------------------------------
TASKS = [(24, [3, 8, 8, 3]), (28, [95, 11, 56]), (10, [2, 5, 5]), (64, [2, 4, 8, 1]), (17, [9, 8]), (0, [7, 7]),
         (36, [6, 6, 6, 6]), (50, [25, 2, 1]), (1, [99, 98]), (81, [9, 9]), (12, [48, 4]), (100, [50, 25, 25]),
         (7, [21, 3]), (3, [9, 3, 1]), (45, [5, 9, 1]), (99, [33, 3]), (16, [4, 4]), (2, [4, 2]), (11, [22, 2]), (72, [8, 9])]
for target, nums in TASKS:
    q = nums
    # a right strict answer, found by search over a few shapes
    shapes = []
    if len(q) == 2:
        x, y = q
        shapes = ["{0}+{1}", "{0}-{1}", "{1}-{0}", "{0}*{1}", "{0}/{1}", "{1}/{0}"]
        combos = [(x, y)]
    elif len(q) == 3:
        shapes = ["{0}+{1}+{2}", "{0}*{1}*{2}", "({0}+{1})*{2}", "{0}*{1}-{2}", "{0}-{1}-{2}", "{0}/{1}+{2}", "({0}-{1})*{2}",
                  "{0}*{1}+{2}", "{0}+{1}-{2}", "{0}-{1}+{2}", "({0}+{1})/{2}", "{0}/({1}-{2})", "{0}*{1}/{2}", "{0}-{1}*{2}"]
        import itertools
        combos = list(itertools.permutations(q))
    else:
        shapes = ["{0}*{1}*{2}*{3}", "({0}+{1})*({2}+{3})", "{0}*{1}+{2}*{3}", "({0}-{1}/{2})*{3}", "{0}/({1}-{2}/{3})",
                  "({0}+{1}+{2})*{3}", "{0}*{1}-{2}-{3}", "{0}+{1}+{2}+{3}", "({0}*{1}-{2})*{3}", "{0}*({1}+{2})/{3}"]
        import itertools
        combos = list(itertools.permutations(q))
    right = None
    wrong = None
    for shape in shapes:
        for combo in combos:
            expr = shape.format(*combo)
            try:
                value = eval(expr.replace("/", "*Fraction(1)/"), {"Fraction": Fraction})
            except ZeroDivisionError:
                continue
            if value == target and right is None:
                right = expr
            if value != target and wrong is None:
                wrong = expr
    note = "task %s -> %s" % (q, target)
    if right:
        case("tasks", note + " right", target, nums, a(right), "ok", "ok")
        case("tasks", note + " right, spaced", target, nums, a(re.sub(r"([-+*/()])", r" \1 ", right)), "ok", "ok")
        case("tasks", note + " right, multi-line think", target, nums,
             "<think>Try " + right + ".\nYes.</think>\n<answer> " + right + " </answer>", "ok", "ok")
        case("tasks", note + " right with = target", target, nums, a(right + " = %d" % target), "unparsable", "wrong-numbers")
    case("tasks", note + " wrong", target, nums, a(wrong), "wrong-value", "wrong-value")
    case("tasks", note + " missing number", target, nums, a("+".join(str(n) for n in nums[:-1])),
         "wrong-numbers", "wrong-numbers")
    case("tasks", note + " power hack", target, nums, a("%d**%d" % (nums[0], nums[1]) + "".join("*%d**0" % n for n in nums[2:])),
         "unparsable", "computed")
    case("tasks", note + " no answer", target, nums, "<think>I give up</think>", "no-answer", "no-answer")


# --- references --------------------------------------------------------------------------------------------------
def reference_verdict(answer, numbers, target):
    """TinyZero's verdict on an answer, by running the shared reference and the real eval in a subprocess."""
    program = r'''
import json, re, sys, warnings, importlib.util
warnings.simplefilter("ignore")
spec = importlib.util.spec_from_file_location("reference", sys.argv[1])
reference = importlib.util.module_from_spec(spec); spec.loader.exec_module(reference)
case = json.loads(sys.stdin.read())
answer, numbers, target = case["answer"], case["numbers"], case["target"]
try:
    score = reference.score(answer, numbers, target)
except Exception:
    score = 0.1  # TinyZero's compute_score returns format_score when comparing the value raises
try:
    ok_numbers = sorted(int(n) for n in re.findall(r"\d+", answer)) == sorted(numbers)
except ValueError:
    ok_numbers = False
if not ok_numbers:
    reason = "wrong-numbers"
elif not re.match(r"^[\d+\-*/().\s]+$", answer):
    reason = "unparsable"
else:
    try:
        value = eval(answer, {"__builtins__": None}, {})
        try:
            reason = "ok" if abs(value - target) < 1e-5 else "wrong-value"
        except Exception:
            reason = "eval-error"
    except SyntaxError:
        reason = "unparsable"
    except ZeroDivisionError:
        reason = "division-by-zero"
    except RecursionError:
        reason = "unparsable"
    except Exception:
        reason = "eval-error"
print(json.dumps([score, reason]))
'''
    try:
        done = subprocess.run([sys.executable, "-c", program, REFERENCE], input=json.dumps(
            {"answer": answer, "numbers": numbers, "target": target}), capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        return None, "hang"
    if done.returncode != 0:
        raise SystemExit("reference failed: " + done.stderr)
    score, reason = json.loads(done.stdout)
    return score, reason


def strict_verdict(answer, numbers, target):
    """An independent strict checker: Python's ast for the syntax, fractions for the value."""
    if any(not (c.isspace() or c in "0123456789+-*/()") for c in answer):
        return "unparsable"
    literals = re.findall(r"[0-9]+", answer)
    if any(len(l) > 1 and l[0] == "0" for l in literals):
        return "unparsable"
    text = re.sub(r"[0-9]+", "1", "".join(" " if c.isspace() else c for c in answer))
    try:
        tree = ast.parse(text, mode="eval").body
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        return "unparsable"

    def check(node):
        if isinstance(node, ast.BinOp) and type(node.op) in (ast.Add, ast.Sub, ast.Mult, ast.Div):
            return check(node.left) and check(node.right)
        return isinstance(node, ast.Constant) and type(node.value) is int

    if not check(tree):
        return "unparsable"
    if sorted(literals) != sorted(str(n) for n in numbers):
        return "wrong-numbers"

    pending = [Fraction(int(l)) for l in literals]
    pending.reverse()

    def value(node):
        if isinstance(node, ast.Constant):
            return pending.pop()
        left, right = value(node.left), value(node.right)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if right == 0:
            raise ZeroDivisionError
        return left / right

    try:
        return "ok" if value(tree) == target else "wrong-value"
    except ZeroDivisionError:
        return "division-by-zero"


def last_answer(text):
    found = None
    for match in re.finditer(r"<answer>(.*?)</answer>", text, re.DOTALL):
        found = match.group(1)
    return None if found is None else found.strip()


def tinyzero_answer(text):
    if "Assistant:" in text:
        text = text.split("Assistant:", 1)[1]
    elif "<|im_start|>assistant" in text:
        text = text.split("<|im_start|>assistant", 1)[1]
    else:
        return None
    found = list(re.finditer(r"<answer>(.*?)</answer>", text.split("\n")[-1]))
    return found[-1].group(1).strip() if found else None


def rating(strict_reason, lenient_reason, judge_strict, answer_found, tinyzero=False):
    if not answer_found:
        return {"score": 0.0, "acc": 0.0, "formatted": 0.0, "flagged": 0.0, "reason": "no-answer"}
    flagged = (lenient_reason == "ok" and strict_reason != "ok") or lenient_reason == "too-large"
    if judge_strict:
        correct = strict_reason == "ok"
        reason = strict_reason if correct or not flagged else ("not-strict" if lenient_reason == "ok" else "too-large")
    else:
        correct = lenient_reason == "ok"
        reason = "not-strict" if correct and flagged else lenient_reason
    return {"score": 1.0 if correct else 0.1, "acc": 1.0 if correct else 0.0, "formatted": 1.0,
            "flagged": 1.0 if flagged else 0.0, "reason": reason}


def lenient_expected(c, answer, expected):
    """TinyZero's verdict, checked against the case's hand-written one ('computed' takes the reference's)."""
    score, reason = reference_verdict(answer, c["nums"], c["target"])
    if reason == "hang":
        if expected not in ("too-large",):
            problem("%s: the reference hangs but the case expects %r" % (c["note"], expected))
        return "too-large"
    if expected == "not-strict-ok":
        expected = "ok"
    if expected == "too-large" and reason in ("ok", "unparsable"):
        return "too-large"  # beyond the evaluator's documented limits, where CPython still finishes
    if expected != "computed" and reason != expected:
        problem("%s: TinyZero says %r (score %r) but the case expects %r" % (c["note"], reason, score, expected))
    if (score == 1.0) != (reason == "ok"):
        problem("%s: score %r disagrees with reason %r" % (c["note"], score, reason))
    return reason


def main():
    out = []
    seen = set()
    for number, c in enumerate(CASES):
        key = (c["response"], c["target"], tuple(c["nums"]), c["log"])
        if key in seen:
            continue
        seen.add(key)
        answer = last_answer(c["response"])
        if answer is None and c["strict"] != "no-answer":
            problem("%s: no answer found" % c["note"])
        strict_reason = lenient_reason = None
        if answer is not None:
            strict_reason = strict_verdict(answer, c["nums"], c["target"])
            if strict_reason != c["strict"]:
                problem("%s: strict checker says %r but the case expects %r" % (c["note"], strict_reason, c["strict"]))
            if c["hang"]:
                lenient_reason = "too-large"
            else:
                lenient_reason = lenient_expected(c, answer, c["lenient"])
        log = c["log"] if c["log"] is not None else BASE.format(nums=c["nums"], target=c["target"]) + c["response"]
        tz_answer = tinyzero_answer(log)
        tz_strict = tz_lenient = None
        if tz_answer is not None:
            tz_strict = strict_verdict(tz_answer, c["nums"], c["target"])
            tz_lenient = lenient_reason if tz_answer == answer else lenient_expected(c, tz_answer, "computed")
        out.append({
            "id": "%s-%03d" % (c["group"], number), "note": c["note"], "target": c["target"], "nums": c["nums"],
            "response": c["response"], "log": c["log"],
            "strict": rating(strict_reason, lenient_reason, True, answer is not None),
            "lenient": rating(strict_reason, lenient_reason, False, answer is not None),
            "tinyzero": rating(tz_strict, tz_lenient, False, tz_answer is not None, tinyzero=True),
        })
    if PROBLEMS:
        raise SystemExit("\n".join(PROBLEMS))
    for row in out:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    sys.stderr.write("%d cases\n" % len(out))


if __name__ == "__main__":
    main()
