#!/usr/bin/env bash
# Seed the corpora from the bundled articles and annotations, then fuzz one
# target: fuzz/run.sh annotate|validate [SECONDS]. The corpora grow in
# fuzz/corpus/ (not committed); crashes land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?annotate or validate}
secs=${2:-1800}
mkdir -p "corpus/$target"
case $target in
  annotate)
    cp ../corpus/seeds/*.txt "corpus/$target/"
    # Longer inputs only slow each run; the pathological sizes are in
    # tests/pathological.rs.
    max_len=4096 ;;
  validate)
    cp ../annotations/*.yaml "corpus/$target/"
    max_len=40000 ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
# isnad has no unsafe code, so AddressSanitizer would find nothing that a
# panic does not show, at several times the cost per run: -s none.
# EXTRA is passed on to libFuzzer, e.g. EXTRA="-fork=1 -ignore_crashes=1" to
# keep going after a crash (fork mode re-runs its seeds in every job, which
# costs most of the time for a slow target such as annotate).
exec nice -n 19 cargo +nightly fuzz run -s none "$target" "corpus/$target" -- \
  -max_total_time="$secs" -max_len="$max_len" -timeout=20 -rss_limit_mb=4096 \
  -print_final_stats=1 ${EXTRA:-}
