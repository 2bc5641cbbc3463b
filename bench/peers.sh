#!/usr/bin/env bash
# isnad against its peers, side by side, in one run:
#   1. sentence splitting speed (MB/s, M chars/s) of isnad, ICU, pysbd and
#      sentencex on the same SaudiNewsNet texts, and their boundary agreement
#      (precision / recall / F1 of every pair);
#   2. `isnad annotate --format jsonl -` against `grep -c -E <cue words>` over
#      the uncompressed SaudiNewsNet JSONL (MB/s, ratio, peak RSS);
#   3. `isnad compare` over the whole corpus (wall time, peak RSS);
#   4. optionally, a callgrind profile of `isnad annotate` on a small sample.
# Prints a Markdown report and writes it to bench/results.md (--quick writes
# target/peers-quick.md instead, so that a smoke test never overwrites the
# committed figures). The report holds figures only, never article text; the
# work directory (which does hold text) is deleted on exit.
#
# Usage: bench/peers.sh [--quick] [--sample N] [--out FILE] [--corpus FILE]
#                       [--no-compare] [--no-profile] [--keep]
#   --quick       300 articles for everything: a smoke test of a few minutes
#   --sample N    split a deterministic sample of N articles (every k-th)
#                 instead of all of them (the speed of the slow Python tools
#                 is the same on a sample; agreement is a little less sure)
#   --corpus FILE SaudiNewsNet JSONL(.gz) (default ../shared/corpus/saudinewsnet/articles.jsonl.gz)
#   --keep        keep the work directory (it holds article text: never commit it)
# Environment: ISNAD_BIN (a built isnad; default: cargo build --release),
#   ISNAD_BENCH_VENV (default target/bench-venv).
#
# The Python packages (PyICU, pysbd, sentencex, PyYAML) go into their own venv:
# they are benchmark tools, never dependencies of isnad. Not run by CI.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS="$ROOT/../shared/corpus/saudinewsnet/articles.jsonl.gz"
QUICK=false
SAMPLE=0
OUT=""
DO_COMPARE=true
DO_PROFILE=true
KEEP=false
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=true ;;
        --sample) SAMPLE=$2; shift ;;
        --out) OUT=$2; shift ;;
        --corpus) CORPUS=$2; shift ;;
        --no-compare) DO_COMPARE=false ;;
        --no-profile) DO_PROFILE=false ;;
        --keep) KEEP=true ;;
        -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
        *) echo "peers.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done

say() { printf '\n==> %s\n' "$*" >&2; }
die() { echo "peers.sh: $*" >&2; exit 1; }

[ -f "$CORPUS" ] || die "corpus not found: $CORPUS (give --corpus FILE)"
CORPUS=$(cd "$(dirname "$CORPUS")" && pwd)/$(basename "$CORPUS")

if $QUICK; then
    SAMPLE=300; ANN_SAMPLE=300; PROF_SAMPLE=50; REPEAT=2
    OUT=${OUT:-$ROOT/target/peers-quick.md}
else
    ANN_SAMPLE=0; PROF_SAMPLE=300; REPEAT=3
    OUT=${OUT:-$ROOT/bench/results.md}
fi
mkdir -p "$ROOT/target" "$(dirname "$OUT")"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/isnad-peers.XXXXXX")
cleanup() {
    if $KEEP; then echo "peers.sh: work directory kept: $WORK (holds article text)" >&2
    else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- system
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
APT_UPDATED=false
apt_install() {
    command -v apt-get >/dev/null || { echo "peers.sh: no apt-get; install $* by hand" >&2; return 1; }
    if ! $APT_UPDATED; then as_root apt-get update -qq >&2 || return 1; APT_UPDATED=true; fi
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >&2
}

say "system packages"
need=()
command -v pkg-config >/dev/null || need+=(pkg-config)
pkg-config --exists icu-uc 2>/dev/null || need+=(libicu-dev)
command -v c++ >/dev/null || command -v g++ >/dev/null || need+=(g++)
[ -x /usr/bin/time ] || need+=(time)
if $DO_PROFILE && ! command -v valgrind >/dev/null; then need+=(valgrind); fi
if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}" >&2
    apt_install "${need[@]}" || echo "peers.sh: could not install ${need[*]}; going on" >&2
fi
[ -x /usr/bin/time ] || die "/usr/bin/time is needed (apt-get install time)"
if $DO_PROFILE && ! command -v valgrind >/dev/null; then
    echo "peers.sh: no valgrind: profile skipped" >&2; DO_PROFILE=false
fi

# ------------------------------------------------------------------ isnad
if [ -n "${ISNAD_BIN:-}" ]; then
    ISNAD=$ISNAD_BIN
else
    say "cargo build --release"
    (cd "$ROOT" && nice -n 10 cargo build --release >&2)
    ISNAD=$ROOT/target/release/isnad
fi
[ -x "$ISNAD" ] || die "no isnad binary at $ISNAD"

# ------------------------------------------------------------------- venv
VENV=${ISNAD_BENCH_VENV:-$ROOT/target/bench-venv}
PY=$VENV/bin/python
PYICU_FROM=""
have_py() { [ -x "$PY" ] && "$PY" -c "import $1" >/dev/null 2>&1; }
say "Python venv at $VENV"
if [ ! -x "$PY" ]; then
    python3 -m venv "$VENV" >&2 || { apt_install python3-venv && python3 -m venv "$VENV" >&2; } \
        || die "cannot create a venv (python3 -m venv)"
    "$PY" -m pip install -q --upgrade pip >&2 || true
fi
for pkg in pysbd sentencex pyyaml; do
    mod=$pkg; [ "$pkg" = pyyaml ] && mod=yaml
    have_py "$mod" || "$PY" -m pip install -q "$pkg" >&2 || die "pip install $pkg failed"
done
if have_py icu; then
    PYICU_FROM=$(cat "$VENV/.pyicu-from" 2>/dev/null || echo "already in the venv")
else
    for pkg in PyICU pyicu-binary pyicu-wheels; do
        echo "pip install $pkg" >&2
        if "$PY" -m pip install -q "$pkg" >&2 && have_py icu; then
            PYICU_FROM="pip package $pkg"
            [ "$pkg" = PyICU ] && PYICU_FROM="pip package PyICU, built from source against the system ICU (libicu-dev)"
            echo "$PYICU_FROM" > "$VENV/.pyicu-from"
            break
        fi
        echo "peers.sh: $pkg did not install; trying the next name" >&2
    done
fi
have_py icu || echo "peers.sh: no PyICU (tried PyICU, pyicu-binary, pyicu-wheels): ICU left out" >&2
echo "PyICU: ${PYICU_FROM:-none}" >&2

H="$ROOT/bench/peers.py"
meta() { "$PY" "$H" meta --work "$WORK" "$@"; }
timed() { "$PY" "$H" time "$@"; }

# ------------------------------------------------------------------- meta
pyver() { "$PY" -c "import importlib.metadata as m; print(m.version('$1'))" 2>/dev/null || echo "not installed"; }
meta "date=$(date -u '+%Y-%m-%d %H:%M UTC')" \
    "machine=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)" \
    "cores=$(nproc)" \
    "load=load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" \
    "isnad=$("$ISNAD" --version) (git $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))" \
    "rustc=$(rustc --version 2>/dev/null || echo '?')" \
    "python=$("$PY" -c 'import sys; print(sys.version.split()[0])')" \
    "pysbd=$(pyver pysbd)" "sentencex=$(pyver sentencex)" \
    "grep=$(grep --version | head -1)" \
    "locale=${LC_ALL:-${LC_CTYPE:-${LANG:-POSIX (unset)}}}" \
    "quick=$QUICK"
if have_py icu; then
    meta "pyicu=PyICU $("$PY" -c 'import icu; print(icu.VERSION, "/ ICU", icu.ICU_VERSION)') — $PYICU_FROM"
fi
$DO_PROFILE && meta "valgrind=$(valgrind --version)"

# ---------------------------------------------------------------- prepare
say "preparing texts (sample ${SAMPLE:-0}; 0 = all)"
"$PY" "$H" prepare --work "$WORK" --corpus "$CORPUS" --cues "$ROOT/src/lexicon/cues.yaml" \
    --sample "$SAMPLE" --annotate-sample "$ANN_SAMPLE" --profile-sample "$PROF_SAMPLE" >&2

# --------------------------------------------------------------- segment
say "isnad segment (CLI, best of $REPEAT)"
cat "$WORK/texts.jsonl" > /dev/null
timed --label "isnad segment" --out "$WORK/time_isnad_segment.json" --repeat "$REPEAT" \
    --stdout "$WORK/isnad.seg" -- "$ISNAD" segment "$WORK/texts.jsonl" >&2
"$ISNAD" segment "$WORK/texts_sep.jsonl" > "$WORK/isnad_sep.seg"
"$PY" "$H" isnad --work "$WORK" --segmented "$WORK/isnad_sep.seg" >&2
meta "isnad_sentences=$(grep -c . "$WORK/isnad.seg" || true)"

say "isnad bench --corpus (in-process figures)"
(cd "$ROOT" && timed --label "isnad bench" --out "$WORK/time_isnad_bench.json" --capture \
    --stdout "$WORK/bench.txt" -- "$ISNAD" bench --corpus "$WORK/texts.jsonl" >&2)
cat "$WORK/bench.txt" >&2

for tool in icu pysbd sentencex; do
    if [ $tool = icu ] && ! have_py icu; then continue; fi
    say "$tool: split (texts in memory; repeated while under 20 s, best run kept)"
    "$PY" "$H" split --work "$WORK" --tool $tool --repeat "$REPEAT" >&2 \
        || echo "peers.sh: $tool failed; left out" >&2
done

say "boundary agreement"
"$PY" "$H" agree --work "$WORK" > /dev/null

# --------------------------------------------------------- annotate / grep
SNN=$WORK/snn.jsonl
PAT=$WORK/cues.re
cat "$SNN" > /dev/null
say "grep -c -E (LC_ALL=C, then the default locale), best of $REPEAT"
timed --label "grep C" --out "$WORK/time_grep_c.json" --repeat "$REPEAT" --allow-fail \
    --stdout "$WORK/grep_c.out" -- env LC_ALL=C grep -c -E -f "$PAT" "$SNN" >&2
timed --label "grep locale" --out "$WORK/time_grep_locale.json" --repeat "$REPEAT" --allow-fail \
    --stdout "$WORK/grep_locale.out" -- grep -c -E -f "$PAT" "$SNN" >&2
timed --label "grep -o" --out "$WORK/time_grep_o_c.json" --repeat 1 --allow-fail \
    --stdout "$WORK/grep_o.out" -- bash -c 'LC_ALL=C grep -o -E -f "$1" "$2" | wc -l' _ "$PAT" "$SNN" >&2
meta "grep_c_result=$(cat "$WORK/grep_c.out") matching lines" \
    "grep_locale_result=$(cat "$WORK/grep_locale.out") matching lines" \
    "grep_o_c_result=$(tr -d ' ' < "$WORK/grep_o.out") matches"

say "isnad annotate --format jsonl - (stdin; to /dev/null, to a file, one thread)"
timed --label "annotate null" --out "$WORK/time_annotate_null.json" --stdin "$SNN" \
    --stdout /dev/null -- "$ISNAD" annotate --format jsonl - >&2
timed --label "annotate file" --out "$WORK/time_annotate_file.json" --stdin "$SNN" \
    --stdout "$WORK/annotations.jsonl" --count-lines -- "$ISNAD" annotate --format jsonl - >&2
rm -f "$WORK/annotations.jsonl"
timed --label "annotate 1 thread" --out "$WORK/time_annotate_1t.json" --stdin "$SNN" \
    --stdout /dev/null -- env RAYON_NUM_THREADS=1 "$ISNAD" annotate --format jsonl - >&2

# ---------------------------------------------------------------- compare
if $DO_COMPARE; then
    if $QUICK; then CMP_IN=$WORK/texts.jsonl; CMP_N=$(wc -l < "$CMP_IN"); CMP_LABEL="<sample of $CMP_N articles>.jsonl"
    else CMP_IN=$CORPUS; CMP_N=$(zcat -f "$CORPUS" | grep -c .); CMP_LABEL=$(basename "$CORPUS"); fi
    say "isnad compare ($CMP_N articles)"
    timed --label "compare" --out "$WORK/time_compare.json" --stdout "$WORK/compare.log" \
        -- "$ISNAD" compare "$CMP_IN" --out "$WORK/cmp" >&2
    meta "compare_articles=$CMP_N" "compare_input=$CMP_LABEL" \
        "compare_output=$(du -sh "$WORK/cmp" | cut -f1) written ($(ls "$WORK/cmp" | paste -sd, - | sed 's/,/, /g'))"
    rm -rf "$WORK/cmp"
fi

# ---------------------------------------------------------------- profile
if $DO_PROFILE; then
    say "callgrind: isnad annotate on $PROF_SAMPLE articles (one thread)"
    RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" \
        "$ISNAD" annotate --format jsonl "$WORK/prof.jsonl" > /dev/null 2> "$WORK/cg.log" \
        || { tail -5 "$WORK/cg.log" >&2; die "callgrind failed"; }
    callgrind_annotate --inclusive=yes "$WORK/cg.out" > "$WORK/cg_incl.txt"
    callgrind_annotate --threshold=100 "$WORK/cg.out" > "$WORK/cg_self.txt"
    "$PY" "$H" profile --work "$WORK" --inclusive "$WORK/cg_incl.txt" \
        --exclusive "$WORK/cg_self.txt" > /dev/null
fi

# ----------------------------------------------------------------- report
meta "load=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["load"])' "$WORK/meta.json"); at the end: $(cut -d' ' -f1-3 /proc/loadavg)" \
    "caveats+=pysbd has an Arabic mode (language='ar'), used here. Its Arabic rules end a sentence at ':' and at the Arabic comma '،' too (unless one word stands between two commas), so it finds far more boundaries than the others: low agreement with pysbd is that design, not noise. It is also by far the slowest." \
    "caveats+=ICU returns boundary offsets (no strings); pysbd and sentencex return sentence strings. The Python tools are timed on their split calls only (no interpreter start-up, no file loading, one warm-up call); the isnad CLI row is the whole process, JSON parsing and output included." \
    "caveats+=isnad prints no sentence for boilerplate, dateline and signature blocks; their text has only its paragraph boundaries for isnad." \
    "caveats+=isnad annotate and compare use every core (rayon); grep and the splitters use one. The one-thread annotate row is the like-for-like figure." \
    "caveats+=grep -c stops reading a line at its first match (and most articles are one line with a cue), so it does far less work than finding every cue; the grep -o row counts every match." \
    "caveats+=Other processes were running on this machine: the load average is given above. Figures are noisy; compare rows of one run, not runs."
say "report"
"$PY" "$H" report --work "$WORK" --out "$OUT"
echo "peers.sh: report written to $OUT" >&2
