#!/usr/bin/env python3
"""isnad's archive path on Apache Spark: annotate, then the two-step compare.

    articles (JSONL, plain or .gz)
      -> isnad annotate --format jsonl -             per partition
      -> OUT/annotations/part-*                       in input order
      -> isnad compare --frequencies -                per partition, summed
      -> isnad compare --keys --df TABLE -            per partition
      -> shuffle: each key to one partition, keys in byte order
      -> isnad compare --group --claims N -           per partition
      -> distinct, sorted (sort -u)                   OUT/relations/part-*

The same relations as the one-machine commands (`annotate --format jsonl -`,
`compare --keys`, `LC_ALL=C sort`, `compare --group`, `sort -u`), and the
same annotation bytes: `scale/test_equality.sh` checks both.

Runs in local mode (`local[2]`) when started with python, and unchanged with
`spark-submit --master URL` on a cluster. The isnad binary reaches the
executors with `SparkContext.addFile` (what `--files` does); each task finds
it with `SparkFiles.get` and makes it executable. See scale/README.md.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zlib

from pyspark import SparkConf, SparkContext, SparkFiles, StorageLevel, TaskContext

BINARY = "isnad"
TABLE = "isnad-frequencies.tsv"


class Shipped:
    """An argument that names a file shipped with addFile: its path is only
    known on the executor, so it is resolved there."""

    def __init__(self, name):
        self.name = name


def _executable(name):
    """The shipped binary, executable. addFile does not keep the mode bits on
    every cluster manager; where the copy cannot be changed, a private copy is
    made executable instead."""
    path = SparkFiles.get(name)
    if os.access(path, os.X_OK):
        return path
    try:
        os.chmod(path, os.stat(path).st_mode | 0o555)
        return path
    except OSError:
        private = os.path.join(tempfile.mkdtemp(prefix="isnad-"), name)
        shutil.copyfile(path, private)
        os.chmod(private, 0o555)
        return private


def isnad_pipe(rdd, args, stage, threads):
    """`RDD.pipe` for the shipped binary: each partition's lines (bytes) go
    to one isnad process on its standard input, and its output lines come
    back. RDD.pipe itself cannot be used: its command is fixed on the driver,
    where the path of the executor's copy of the binary is unknown.

    isnad reports a bad input line on standard error and goes on (exit code
    1): that text is passed on to the executor's log, and the job goes on, as
    the one-machine command does. Any other failure stops the job.
    """

    def run(iterator):
        # An empty partition is not an empty input to isnad (standard input
        # that opens with no `{` is one plain-text article): skip it.
        first = next(iterator, None)
        if first is None:
            return
        exe = _executable(BINARY)
        argv = [exe] + [SparkFiles.get(a.name) if isinstance(a, Shipped) else a for a in args]
        # One task is given spark.task.cpus cores: isnad's thread pool keeps
        # to them, so that tasks running side by side do not fight.
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
        proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        failure = []

        def feed():
            try:
                proc.stdin.write(first + b"\n")
                for line in iterator:
                    proc.stdin.write(line + b"\n")
            except BrokenPipeError:
                pass  # isnad stopped: its exit code says why
            except Exception as e:  # noqa: BLE001 - re-raised in the task below
                failure.append(e)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        err = []
        writer = threading.Thread(target=feed, daemon=True)
        reader = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)
        writer.start()
        reader.start()
        for line in proc.stdout:
            yield line.rstrip(b"\n")
        code = proc.wait()
        writer.join()
        reader.join()
        if failure:
            raise failure[0]
        text = b"".join(err).decode("utf-8", "replace")
        if code == 1:
            # isnad names the line of its standard input, which is the
            # line within this partition: say which partition.
            where = f"isnad {stage}, partition {TaskContext.get().partitionId()}: "
            sys.stderr.write("".join(where + line for line in text.splitlines(True)))
        elif code != 0:
            raise RuntimeError(f"isnad {' '.join(map(str, args))} ({stage}) exited {code}:\n{text}")

    return rdd.mapPartitions(run)


def in_order(rdd, partitions):
    """At least `partitions` partitions, the lines still in input order when
    the partitions are read one after the other (a .gz file is one
    partition: Spark cannot split it)."""
    if rdd.getNumPartitions() >= partitions:
        return rdd
    n = max(rdd.count(), 1)
    return (
        rdd.zipWithIndex()
        .map(lambda li: (li[1], li[0]))
        .repartitionAndSortWithinPartitions(partitions, lambda i: i * partitions // n)
        .values()
    )


DOC_ID = re.compile(rb'^\{"format":"[^"]*","document":\{"id":"((?:[^"\\]|\\.)*)"')
KEY = re.compile(rb'^\{"key":"((?:[^"\\]|\\.)*)"')


def first_of_each_document(annotations, sc):
    """A document given twice is compared once, its first annotation, as
    `isnad compare` does over one file. Only ids seen more than once travel
    to the driver."""

    def doc_id(line):
        m = DOC_ID.match(line)
        # A line isnad wrote always has an id; the whole line stands in.
        return m.group(1) if m else line

    indexed = annotations.zipWithIndex()
    repeated = (
        indexed.map(lambda li: (doc_id(li[0]), (li[1], 1)))
        .reduceByKey(lambda a, b: (min(a[0], b[0]), a[1] + b[1]))
        .filter(lambda kv: kv[1][1] > 1)
        .map(lambda kv: (kv[0], kv[1][0]))
        .collectAsMap()
    )
    if not repeated:
        return annotations, 0
    first = sc.broadcast(repeated)
    kept = indexed.filter(lambda li: first.value.get(doc_id(li[0]), li[1]) == li[1]).keys()
    return kept, len(repeated)


def parse_table_line(line):
    kind, name, count = line.split(b"\t")
    return (kind, name), int(count)


def key_of(line):
    """The shuffle key of a step-1 line: its key as text, so that Python
    orders keys by code point, which is the byte order isnad's step 2 wants."""
    m = KEY.match(line)
    if not m:
        raise ValueError(f"not a line of isnad compare --keys: {line[:80]!r}")
    return json.loads(b'"' + m.group(1) + b'"')


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("articles", nargs="+", help="article JSONL files (plain or .gz; any path Spark reads)")
    p.add_argument("--out", required=True, help="output directory (must not exist): annotations/, relations/")
    p.add_argument(
        "--isnad",
        default=None,
        help="the isnad binary to ship (default: target/release/isnad of this repository, else isnad on PATH)",
    )
    p.add_argument("--partitions", type=int, default=None, help="partitions per stage (default: Spark's parallelism)")
    p.add_argument("--master", default=None, help="with python, not spark-submit: the master (default local[2])")
    args = p.parse_args()

    binary = args.isnad
    if binary is None:
        here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "isnad")
        binary = here if os.path.exists(here) else shutil.which("isnad")
    if not binary or not os.path.exists(binary):
        sys.exit("spark_pipeline: no isnad binary: build it (cargo build --release) or give --isnad PATH")

    # The workers run this interpreter (the one with pyspark), unless told.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    conf = SparkConf().setAppName("isnad archive path")
    # spark-submit sets the master; run with python, this is local mode.
    if not conf.contains("spark.master"):
        conf.setMaster(args.master or "local[2]")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    partitions = args.partitions or sc.defaultParallelism
    threads = int(sc.getConf().get("spark.task.cpus", "1"))
    sc.addFile(os.path.abspath(binary))
    timings = {}
    started = time.monotonic()

    def timed(name, since):
        now = time.monotonic()
        timings[name] = round(now - since, 1)
        return now

    # Annotate. Bytes throughout (use_unicode=False), so that what isnad
    # reads and writes is what the one-machine command reads and writes.
    articles = in_order(sc.textFile(",".join(args.articles), partitions, use_unicode=False), partitions)
    annotations = isnad_pipe(articles, ["annotate", "--format", "jsonl", "-"], "annotate", threads)
    # Read four times below: annotate once.
    annotations = annotations.persist(StorageLevel.DISK_ONLY)
    annotations.saveAsTextFile(os.path.join(args.out, "annotations"))
    t = timed("annotate", started)

    # Step 0: the archive's counts, summed over partitions, to every executor.
    unique, repeated = first_of_each_document(annotations, sc)
    table = (
        isnad_pipe(unique, ["compare", "--frequencies", "-"], "frequencies", threads)
        .map(parse_table_line)
        .reduceByKey(lambda a, b: a + b)
        .collect()
    )
    claims = sum(c for (kind, _), c in table if kind == b"n")
    tmp = tempfile.mkdtemp(prefix="isnad-spark-")
    path = os.path.join(tmp, TABLE)
    with open(path, "wb") as f:
        for (kind, name), count in sorted(table):
            f.write(kind + b"\t" + name + b"\t" + str(count).encode() + b"\n")
    sc.addFile(path)
    t = timed("frequencies", t)

    # Step 1 per partition, the shuffle, step 2 per partition. Each key
    # goes to one partition (crc32: the same partition on every run), and
    # the keys come to step 2 sorted, as it requires.
    keyed = isnad_pipe(unique, ["compare", "--keys", "--df", Shipped(TABLE), "-"], "keys", threads)
    grouped = keyed.map(lambda line: (key_of(line), line)).repartitionAndSortWithinPartitions(
        partitions, lambda k: zlib.crc32(k.encode("utf-8"))
    )
    relations = isnad_pipe(
        grouped.values(), ["compare", "--group", "--claims", str(claims), "-"], "group", threads
    )
    # A pair that shares several keys is judged in each of their groups,
    # identically: distinct joins them (sort -u); sorted as bytes, as
    # LC_ALL=C sort does, so part files read in order are the sorted list.
    relations = relations.distinct(partitions).sortBy(lambda line: line, numPartitions=partitions)
    relations.saveAsTextFile(os.path.join(args.out, "relations"))
    t = timed("compare", t)

    summary = {
        "master": sc.master,
        "partitions": partitions,
        "documents repeated (compared once)": repeated,
        "claims": claims,
        "seconds": timings,
        "total seconds": round(time.monotonic() - started, 1),
    }
    sys.stderr.write("spark_pipeline: " + json.dumps(summary) + "\n")
    shutil.rmtree(tmp, ignore_errors=True)
    sc.stop()


if __name__ == "__main__":
    main()
