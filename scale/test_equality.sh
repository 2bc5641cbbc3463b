#!/usr/bin/env bash
# The Spark path against the one-machine path on the first 2,000 articles of
# SaudiNewsNet (read from ../shared at test time; no corpus text is kept in
# the repository): the same annotation bytes as `isnad annotate --format
# jsonl -`, and the same relations (sorted) as `compare --keys`, `LC_ALL=C
# sort`, `compare --group`, `sort -u`. Fails, never skips, when Java,
# pyspark or ../shared is missing: tests/spark_equality.rs runs it, and CI
# (.ci/run) installs what it needs.
#
# ISNAD: the binary (default target/release/isnad); ISNAD_SPARK_PYTHON: a
# Python with pyspark (default scale/.venv/bin/python); ARTICLES: how many
# (default 2000).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
isnad="$(realpath "${ISNAD:-$repo/target/release/isnad}")"
python="${ISNAD_SPARK_PYTHON:-$here/.venv/bin/python}"
n="${ARTICLES:-2000}"
corpus="$repo/../shared/corpus/saudinewsnet/articles.jsonl.gz"
fail() { echo "test_equality: $*" >&2; exit 1; }
[ -r "$corpus" ] || fail "$corpus is missing: put the shared corpora beside the repository"
command -v java >/dev/null || fail "no java: install a Java runtime (Debian: apt-get install default-jre-headless)"
[ -x "$python" ] && "$python" -c 'import pyspark' 2>/dev/null ||
  fail "no Python with pyspark at $python: python3 -m venv scale/.venv && scale/.venv/bin/pip install -r scale/requirements.txt (or set ISNAD_SPARK_PYTHON)"
[ -x "$isnad" ] || fail "no isnad binary at $isnad: cargo build --release"

work="$(mktemp -d "${TMPDIR:-/tmp}/isnad-spark-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work"
# `zcat | head` ends zcat early: its broken pipe is no failure here.
{ zcat "$corpus" || true; } | head -n "$n" > articles.jsonl
[ "$(wc -l < articles.jsonl)" -eq "$n" ] || fail "$corpus has fewer than $n articles"

# Both sides at once: step 2 on one machine is one thread, Spark's tasks
# take the other core, and CI's time is what this test costs.
started=$SECONDS
one_machine() {
  "$isnad" annotate --format jsonl - < articles.jsonl > annotations.jsonl 2> annotate.err
  "$isnad" compare --keys annotations.jsonl > keys.jsonl 2> keys.err
  claims="$(sed -n 's/.*--claims \([0-9]*\).*/\1/p' keys.err)"
  [ -n "$claims" ] || fail "compare --keys named no claim count: $(cat keys.err)"
  echo "$claims" > claims
  LC_ALL=C sort -T . keys.jsonl | "$isnad" compare --group --claims "$claims" - 2> group.err |
    LC_ALL=C sort -u > relations.jsonl
  echo $((SECONDS - started)) > one.seconds
}
one_machine &
one_pid=$!
"$python" "$here/spark_pipeline.py" --isnad "$isnad" --out spark articles.jsonl 2> spark.err ||
  { kill "$one_pid" 2>/dev/null; tail -n 40 spark.err >&2; fail "the Spark pipeline failed"; }
spark=$((SECONDS - started))
wait "$one_pid" || fail "the one-machine commands failed"
one=$(cat one.seconds)
claims=$(cat claims)

cat spark/annotations/part-* > spark-annotations.jsonl
cat spark/relations/part-* > spark-relations.jsonl
cmp spark-annotations.jsonl annotations.jsonl ||
  fail "annotations differ from isnad annotate --format jsonl -"
cmp spark-relations.jsonl relations.jsonl ||
  { diff spark-relations.jsonl relations.jsonl | head -n 4 | cut -c1-300 >&2; fail "relations differ"; }
rels=$(wc -l < relations.jsonl)
[ "$rels" -gt 1000 ] || fail "only $rels relations: the sample compared nothing"
echo "test_equality: $n articles, $claims claims: $(wc -l < annotations.jsonl) annotations identical, $rels relations identical; side by side: one machine ${one} s, Spark local ${spark} s (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
