#!/usr/bin/env bash
# Rebuilds every file under samples/ from fixed seeds with the tool itself (plus python3's standard library
# for the JSON-array and TSV copies). Run from anywhere: bash samples/make-samples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/Countdown.Preprocess.Cli >/dev/null
cli() { dotnet src/Countdown.Preprocess.Cli/bin/Release/net10.0/countdown-preprocess.dll "$@"; }

rm -rf samples/raw samples/prepared
mkdir -p samples/raw samples/prepared

# Full-size synthetic raw set: as many tasks as the Hugging Face file, so `prepare` runs with its default sizes.
cli generate --count 490364 --seed 20261125 --numbers 3-4 --values 1-99 --targets 10-100 --rule reward \
  --output samples/raw/countdown-tasks-490k.parquet

# Small raw set, the same 2,000 tasks in each input format.
cli generate --count 2000 --seed 7 --output samples/raw/countdown-tasks-2k.parquet
cli generate --count 2000 --seed 7 --output samples/raw/countdown-tasks-2k.jsonl
cli generate --count 2000 --seed 7 --output samples/raw/countdown-tasks-2k.csv
python3 - <<'PY'
import csv, json
rows = [json.loads(line) for line in open("samples/raw/countdown-tasks-2k.jsonl") if line.strip()]
with open("samples/raw/countdown-tasks-2k.json", "w") as f:
    json.dump(rows, f)
    f.write("\n")
with open("samples/raw/countdown-tasks-2k.tsv", "w", newline="") as f:
    writer = csv.writer(f, delimiter="\t", lineterminator="\n")
    writer.writerow(["target", "nums"])
    for row in rows:
        writer.writerow([row["target"], str(row["nums"])])
PY

# What `prepare` writes for the small set, with each template family.
cli prepare -q --input samples/raw/countdown-tasks-2k.parquet --local-dir samples/prepared/base \
  --train-size 1536 --test-size 256 --template base --summary-json samples/prepared/base/summary.json
cli prepare -q --input samples/raw/countdown-tasks-2k.jsonl --local-dir samples/prepared/chat \
  --train-size 1536 --test-size 256 --template chat --dedupe --add-solution
# The summary's timing and absolute paths differ per machine; keep only what is reproducible.
python3 - <<'PY'
import json, os
p = "samples/prepared/base/summary.json"
s = json.load(open(p))
s["seconds"] = None
root = os.getcwd() + "/"
s["options"]["local_dir"] = s["options"]["local_dir"].replace(root, "")
for o in s["outputs"]:
    o["path"] = o["path"].replace(root, "")
json.dump(s, open(p, "w"), indent=2)
open(p, "a").write("\n")
PY
# The report of the small set, and of its prepared base files: no timestamps, so the same on every run.
mkdir -p samples/report
cli report -q samples/raw/countdown-tasks-2k.parquet -o samples/report/countdown-tasks-2k.html
cli report -q samples/prepared/base -o samples/report/prepared-base.html
ls -la samples/raw samples/prepared/* samples/report
