#!/usr/bin/env bash
# Rebuilds every file under samples/ (except README.md and this script) from fixed seeds with the tool itself, plus
# python3's standard library for the TSV copy. Run from anywhere: bash samples/make-samples.sh
# A test runs it into a scratch folder and checks that every committed file equals what it makes today:
#   SAMPLES_OUT=DIR  writes there instead of samples/
#   CLI="dotnet path/to/countdown-preprocess.dll"  uses that build instead of building src/Countdown.Preprocess.Cli
set -euo pipefail
cd "$(dirname "$0")/.."
out="${SAMPLES_OUT:-samples}"
if [ -z "${CLI:-}" ]; then
  dotnet build -c Release src/Countdown.Preprocess.Cli >/dev/null
  CLI="dotnet src/Countdown.Preprocess.Cli/bin/Release/net10.0/countdown-preprocess.dll"
fi
cli() { $CLI "$@"; }

rm -rf "$out/raw" "$out/prepared" "$out/bad" "$out/report"
mkdir -p "$out/raw" "$out/prepared" "$out/bad"

# Full-size synthetic raw set: as many tasks as the Hugging Face file, so `prepare` runs with its default sizes.
cli generate -q --count 490364 --seed 20261125 --numbers 3-4 --values 1-99 --targets 10-100 --rule reward \
  --output "$out/raw/countdown-tasks-490k.parquet"

# Small raw set, the same 2,000 tasks in each input format.
for ext in parquet jsonl json csv; do
  cli generate -q --count 2000 --seed 7 --output "$out/raw/countdown-tasks-2k.$ext"
done
python3 - "$out" <<'PY'
import csv, json, sys
out = sys.argv[1]
rows = [json.loads(line) for line in open(f"{out}/raw/countdown-tasks-2k.jsonl") if line.strip()]
with open(f"{out}/raw/countdown-tasks-2k.tsv", "w", newline="") as f:
    writer = csv.writer(f, delimiter="\t", lineterminator="\n")
    writer.writerow(["target", "nums"])
    for row in rows:
        writer.writerow([row["target"], str(row["nums"])])
PY

# What `prepare` writes for the small set: each template family, and a custom template.
cli prepare -q "$out/raw/countdown-tasks-2k.parquet" --local-dir "$out/prepared/base" \
  --train-size 1536 --test-size 256 --template base --summary-json "$out/prepared/base/summary.json"
cli prepare -q "$out/raw/countdown-tasks-2k.jsonl" --local-dir "$out/prepared/chat" \
  --train-size 1536 --test-size 256 --template chat --dedupe --add-solution
cli prepare -q "$out/raw/countdown-tasks-2k.csv" --local-dir "$out/prepared/custom" \
  --train-size 1536 --test-size 256 --template-file samples/templates/short.json
# Three rows of the base output as JSON lines: what the README shows under "What the output looks like".
cli inspect -q "$out/prepared/base/train.parquet" --json --rows 3 > "$out/prepared/base/preview.jsonl"

# The summary's timing and absolute paths differ per machine; keep only what is reproducible.
python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
p = f"{out}/prepared/base/summary.json"
s = json.load(open(p))
s["seconds"] = None
def clean(value):
    if isinstance(value, str):
        return value.replace(os.path.abspath(out), "samples").replace(out, "samples").replace(os.getcwd() + "/", "")
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value
s = clean(s)
with open(p, "w") as f:
    json.dump(s, f, indent=2)
    f.write("\n")
PY

# Model answers to score (README "Scoring model answers"): one correct, one reward hack, one wrong value, one
# too large to evaluate, one without an answer.
cat > "$out/answers.jsonl" <<'JSONL'
{"target": 28, "nums": [95, 11, 56], "response": "<think>95 - 11 = 84, 84 - 56 = 28</think> <answer>95 - 11 - 56</answer>"}
{"target": 8, "nums": [2, 3], "response": "<think>2 cubed is 8</think> <answer>2**3</answer>"}
{"target": 24, "nums": [8, 8, 3, 3], "response": "<answer>(8 + 8) * 3 / 3</answer>"}
{"target": 24, "nums": [9, 9, 9, 9], "response": "<answer>9**9**9**9</answer>"}
{"target": 24, "nums": [1, 2, 3, 4], "response": "I give up."}
JSONL

# TinyZero-style logs of prompt + response (score --mode tinyzero): the second has a line after its answer, so
# TinyZero, which reads the last line only, finds none.
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
prompt = ("A conversation between User and Assistant. The user asks a question, and the Assistant solves it. The assistant "
          "first thinks about the reasoning process in the mind and then provides the user with the answer.\n"
          "User: Using the numbers [2, 3], create an equation that equals 8. You can use basic arithmetic operations "
          "(+, -, *, /) and each number can only be used once. Show your work in <think> </think> tags. And return the "
          "final answer in <answer> </answer> tags, for example <answer> (1 + 2) / 3 </answer>.\n"
          "Assistant: Let me solve this step by step.\n<think>")
with open(f"{out}/tinyzero-logs.jsonl", "w") as f:
    for tail in [" 2 cubed is 8 </think> <answer>2**3</answer>", " 2 cubed is 8 </think> <answer>2**3</answer>\nDone."]:
        f.write(json.dumps({"target": 8, "nums": [2, 3], "response": prompt + tail}) + "\n")
PY

# Deliberately bad inputs for the README's error examples and exit codes.
printf '%s\n' '{"target": 28, "nums": [95, 11, 56]}' '{"target": 98.0, "nums": [44, 19, 35]}' > "$out/bad/float-target.jsonl"
head -c 4096 "$out/raw/countdown-tasks-2k.parquet" > "$out/bad/truncated.parquet"
printf '%s\n' '[{"role": "tool", "content": "Reach {target} with {numbers}."}]' > "$out/bad/template-unknown-role.json"
printf '%s\n' '{"target": 28, "nums": [95, 11, 56]}' > "$out/bad/tasks.txt"

# The report of the small set, and of its prepared base files: no timestamps, so the same on every run.
mkdir -p "$out/report"
cli report -q "$out/raw/countdown-tasks-2k.parquet" -o "$out/report/countdown-tasks-2k.html"
cli report -q "$out/prepared/base" -o "$out/report/prepared-base.html"
# The pages name their input; show it as samples/… wherever the script wrote.
python3 - "$out" <<'PY'
import glob, sys
out = sys.argv[1].rstrip("/")
for page in glob.glob(f"{out}/report/*.html"):
    text = open(page, encoding="utf-8").read()
    open(page, "w", encoding="utf-8", newline="").write(text.replace(out + "/", "samples/"))
PY
