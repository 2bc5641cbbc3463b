#!/usr/bin/env bash
# The archive path both ways on the same articles, one after the other:
# the one-machine commands, then Spark in local mode; wall time and peak
# memory of each step (scale/peak_rss.py), the load before and after each
# side, and whether the two give the same annotations and relations.
#
#   scale/measure.sh WORKDIR ARTICLES.jsonl[.gz]...
#
# WORKDIR (outside the repository: it gets the annotations, the key lines
# and their sorted copy) must not exist. ISNAD names the binary (default:
# target/release/isnad), PYTHON the interpreter with pyspark (default:
# scale/.venv/bin/python).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$1"; shift
isnad="$(realpath "${ISNAD:-$here/../target/release/isnad}")"
python="${PYTHON:-$here/.venv/bin/python}"
mkdir "$work"
inputs=(); for a in "$@"; do inputs+=("$(realpath "$a")"); done
cd "$work"
# Exit code 1 is isnad's "some input lines were refused, the rest done"
# (two ANT articles have no text): reported above, not a failure here.
measure() { "$python" "$here/peak_rss.py" "$@" || [ $? -eq 1 ]; }
say() { echo "measure: $*" >&2; }

say "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
say "one machine, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
export isnad
export inputs_list="${inputs[*]}"
measure one-annotate -- sh -c 'for f in $inputs_list; do case "$f" in *.gz) zcat "$f";; *) cat "$f";; esac; done | "$isnad" annotate --format jsonl - > annotations.jsonl'
measure one-keys -- sh -c '"$isnad" compare --keys annotations.jsonl > keys.jsonl 2> keys.err'
cat keys.err >&2
claims="$(sed -n 's/.*--claims \([0-9]*\).*/\1/p' keys.err)"
measure one-sort -- sh -c 'LC_ALL=C sort -T . keys.jsonl > sorted.jsonl'
measure one-group -- sh -c "\"\$isnad\" compare --group --claims $claims sorted.jsonl > raw-relations.jsonl"
measure one-sort-u -- sh -c 'LC_ALL=C sort -u -T . raw-relations.jsonl > relations.jsonl'
say "one machine, load after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "key lines: $(wc -l < keys.jsonl) ($(du -h keys.jsonl | cut -f1)); relations: $(wc -l < relations.jsonl)"
# The largest group step 2 holds: the longest run of one key.
"$python" - <<'PY' >&2
import json, re
K = re.compile(rb'^\{"key":"((?:[^"\\]|\\.)*)"')
best = (0, 0, b""); run = (0, 0, None)
for line in open("sorted.jsonl", "rb"):
    k = K.match(line).group(1)
    run = (run[0] + 1, run[1] + len(line), k) if k == run[2] else (1, len(line), k)
    if run[0] > best[0]:
        best = run
key = json.loads(b'"' + best[2] + b'"')
print(f"measure: largest group: {best[0]} lines, {best[1] / 1e6:.1f} MB of key lines, key {key!r}")
PY
rm -f sorted.jsonl raw-relations.jsonl

say "spark, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure spark-local -- "$python" "$here/spark_pipeline.py" --isnad "$isnad" --out spark "${inputs[@]}"
say "spark, load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat spark/annotations/part-* | cmp - annotations.jsonl && say "annotations: identical bytes"
cat spark/relations/part-* | cmp - relations.jsonl && say "relations: identical (sorted)"
