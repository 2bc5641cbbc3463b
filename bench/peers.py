#!/usr/bin/env python3
"""Helper of bench/peers.sh: isnad against other sentence splitters and grep.

Subcommands (all read and write inside one work directory):
  prepare   sample the corpus, write the texts every tool gets, the grep pattern
  split     time one Python splitter (icu, pysbd, sentencex) over the texts
  isnad     turn `isnad segment` output (with separator articles) into boundaries
  time      run a command R times under /usr/bin/time -v: best wall time, peak RSS
  agree     boundary precision / recall / F1 of every pair of tools
  profile   summarise callgrind_annotate output
  report    the Markdown report

Nothing written here holds article text except the work directory itself,
which peers.sh deletes on exit. The report holds figures only.
"""

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import time

SEPARATOR = "@@ISNAD-PEERS-ARTICLE-END@@"
TOOLS = ["isnad", "icu", "pysbd", "sentencex"]


def wpath(work, name):
    return os.path.join(work, name)


def dump(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_texts(work):
    with open(wpath(work, "texts.jsonl"), encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]


# --------------------------------------------------------------- prepare

def cue_words(cues_yaml):
    """Surface forms of the reporting verbs (active and passive), the
    circumstantial participles and the prepositional phrases of cues.yaml,
    longest first so that the alternation prefers them."""
    import yaml

    with open(cues_yaml, encoding="utf-8") as f:
        lex = yaml.safe_load(f)
    words = set()
    for section in ("verbs", "participles"):
        for entry in lex.get(section) or []:
            for forms in (entry.get("forms") or {}).values():
                words.update(forms)
            words.update(entry.get("passive") or [])
    for entry in lex.get("prepositions") or []:
        # "وفقا لـ": the tatweel marks a prefix written joined to the next word.
        words.add(entry["phrase"].replace("\u0640", ""))
    words = sorted({w.strip() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return words


def prepare(a):
    work = a.work
    lines = []
    opener = gzip.open if a.corpus.endswith(".gz") else open
    with opener(a.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                lines.append(line if line.endswith("\n") else line + "\n")
    total = len(lines)

    # The deterministic sample: every k-th article, so that every outlet and
    # year is in it; all articles when --sample is 0 or at least the corpus.
    def stride_sample(n):
        if n <= 0 or n >= total:
            return list(range(total))
        return [i * total // n for i in range(n)]

    seg_idx = stride_sample(a.sample)
    articles = []
    for i in seg_idx:
        d = json.loads(lines[i])
        text = d.get("text") or ""
        if not text.strip():
            continue
        articles.append({"id": str(d["id"]), "title": d.get("title"), "text": text})
    with open(wpath(work, "texts.jsonl"), "w", encoding="utf-8") as f:
        for art in articles:
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    # The same articles with a one-line separator article after each, so that
    # isnad's output (where a blank line ends both a paragraph and an article)
    # can be cut back into articles. Used for agreement only, never timed.
    with open(wpath(work, "texts_sep.jsonl"), "w", encoding="utf-8") as f:
        for n, art in enumerate(articles):
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
            f.write(json.dumps({"id": f"sep{n}", "text": SEPARATOR}) + "\n")

    # The uncompressed JSONL for annotate and grep: the whole corpus, or
    # the sample in quick mode.
    ann_idx = stride_sample(a.annotate_sample)
    with open(wpath(work, "snn.jsonl"), "w", encoding="utf-8") as f:
        for i in ann_idx:
            f.write(lines[i])
    prof_idx = stride_sample(a.profile_sample)
    with open(wpath(work, "prof.jsonl"), "w", encoding="utf-8") as f:
        for i in prof_idx:
            f.write(lines[i])

    words = cue_words(a.cues)
    with open(wpath(work, "cues.re"), "w", encoding="utf-8") as f:
        f.write("|".join(re.escape(w) for w in words) + "\n")

    stats = {
        "corpus_articles": total,
        "articles": len(articles),
        "sampled": len(seg_idx) < total,
        "bytes": sum(len(x["text"].encode("utf-8")) for x in articles),
        "chars": sum(len(x["text"]) for x in articles),
        "annotate_articles": len(ann_idx),
        "annotate_bytes": os.path.getsize(wpath(work, "snn.jsonl")),
        "profile_articles": len(prof_idx),
        "profile_bytes": os.path.getsize(wpath(work, "prof.jsonl")),
        "cue_words": len(words),
    }
    dump(wpath(work, "stats.json"), stats)
    print(json.dumps(stats))


# ------------------------------------------------------------- boundaries

def paragraph_ends(text):
    """Offsets just past the last non-space character of every non-empty line."""
    ends = set()
    pos = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        if stripped.strip():
            ends.add(pos + len(stripped))
        pos += len(line) + 1
    return ends


def ends_from_sentences(text, sentences):
    """Sentence strings -> end offsets (code points, trailing space stripped),
    each found in the text after the previous one. Returns (ends, unmapped)."""
    ends = []
    unmapped = 0
    cursor = 0
    for s in sentences:
        s = s.strip()
        if not s:
            continue
        p = text.find(s, cursor)
        if p < 0:
            unmapped += 1
            continue
        cursor = p + len(s)
        ends.append(cursor)
    return ends, unmapped


def utf16_to_cp(text):
    """A function from UTF-16 offsets (ICU's) to code point offsets."""
    if all(ord(c) <= 0xFFFF for c in text):
        return lambda k: k
    table = []
    for i, c in enumerate(text):
        table.append(i)
        if ord(c) > 0xFFFF:
            table.append(i)
    table.append(len(text))
    return lambda k: table[k] if k < len(table) else len(text)


def ends_from_breaks(text, breaks):
    """ICU boundaries (starts of the next sentence) -> end offsets with the
    trailing space stripped."""
    conv = utf16_to_cp(text)
    ends = []
    start = 0
    for b in breaks:
        e = conv(b)
        k = e
        while k > start and text[k - 1].isspace():
            k -= 1
        if k > start:
            ends.append(k)
        start = e
    return ends


# ------------------------------------------------------------------ split

def make_splitter(tool):
    if tool == "icu":
        import icu

        bi = icu.BreakIterator.createSentenceInstance(icu.Locale("ar"))

        def split(text):
            bi.setText(text)
            return list(bi)

        return split
    if tool == "pysbd":
        import pysbd

        seg = pysbd.Segmenter(language="ar", clean=False)
        return seg.segment
    if tool == "sentencex":
        import sentencex

        return lambda text: list(sentencex.segment("ar", text))
    raise SystemExit(f"unknown tool {tool}")


def split(a):
    texts = read_texts(a.work)
    splitter = make_splitter(a.tool)
    splitter("تجربة. تجربة أخرى.")  # warm up: imports, compiled rules
    runs = []
    out = None
    budget_start = time.perf_counter()
    for r in range(a.repeat):
        results = []
        t = time.perf_counter()
        for text in texts:
            results.append(splitter(text))
        runs.append(time.perf_counter() - t)
        out = results
        # Repeat only fast tools: a slow one has already had a long run.
        if time.perf_counter() - budget_start > a.max_seconds:
            break
    per_article = []
    unmapped = 0
    sentences = 0
    for text, res in zip(texts, out):
        if a.tool == "icu":
            ends = ends_from_breaks(text, res)
        else:
            ends, u = ends_from_sentences(text, res)
            unmapped += u
        sentences += len(res)
        per_article.append(ends)
    dump(wpath(a.work, f"ends_{a.tool}.json"), per_article)
    result = {"tool": a.tool, "seconds": min(runs), "runs": runs,
              "sentences": sentences, "unmapped": unmapped}
    dump(wpath(a.work, f"split_{a.tool}.json"), result)
    print(json.dumps(result))


# ------------------------------------------------------------------ isnad

def isnad(a):
    """Cut `isnad segment texts_sep.jsonl` output into articles at the
    separator lines, then find each printed sentence in its article."""
    texts = read_texts(a.work)
    groups = [[]]
    with open(a.segmented, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() == SEPARATOR:
                groups.append([])
            elif line.strip():
                groups[-1].append(line)
    groups = groups[: len(texts)]
    if len(groups) != len(texts):
        raise SystemExit(f"isnad output has {len(groups)} articles, expected {len(texts)}")
    per_article = []
    unmapped = 0
    sentences = 0
    for text, lines in zip(texts, groups):
        ends, u = ends_from_sentences(text, lines)
        unmapped += u
        sentences += len(lines)
        per_article.append(ends)
    dump(wpath(a.work, "ends_isnad.json"), per_article)
    result = {"tool": "isnad", "sentences": sentences, "unmapped": unmapped}
    dump(wpath(a.work, "map_isnad.json"), result)
    print(json.dumps(result))


# ------------------------------------------------------------------- time

def run_timed(a):
    """Run the command a.repeat times under /usr/bin/time -v; keep the best
    wall time (perf_counter around the child) and the largest peak RSS."""
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    runs, rss, rcs = [], 0, []
    err_path = a.out + ".stderr"
    for _ in range(a.repeat):
        stdin = open(a.stdin, "rb") if a.stdin else subprocess.DEVNULL
        stdout = open(a.stdout, "wb") if a.stdout else subprocess.DEVNULL
        with open(err_path, "wb") as err:
            t = time.perf_counter()
            p = subprocess.run(["/usr/bin/time", "-v", *cmd], stdin=stdin, stdout=stdout,
                               stderr=err, env=os.environ)
            runs.append(time.perf_counter() - t)
        if a.stdin:
            stdin.close()
        if a.stdout:
            stdout.close()
        rcs.append(p.returncode)
        with open(err_path, encoding="utf-8", errors="replace") as err:
            for line in err:
                m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", line)
                if m:
                    rss = max(rss, int(m.group(1)))
    result = {"label": a.label, "seconds": min(runs), "runs": runs, "rss_kb": rss,
              "returncodes": rcs}
    if a.stdout and a.stdout != "/dev/null" and os.path.exists(a.stdout):
        result["output_bytes"] = os.path.getsize(a.stdout)
        if a.count_lines:
            with open(a.stdout, "rb") as f:
                result["output_lines"] = sum(1 for _ in f)
    if a.capture and a.stdout:
        with open(a.stdout, encoding="utf-8", errors="replace") as f:
            result["stdout"] = f.read()[:4000]
    dump(a.out, result)
    print(json.dumps({k: v for k, v in result.items() if k != "stdout"}))
    if any(rcs) and not a.allow_fail:
        with open(err_path, encoding="utf-8", errors="replace") as err:
            sys.stderr.write(err.read()[-3000:])
        raise SystemExit(f"{a.label}: exit codes {rcs}")


# ------------------------------------------------------------------ agree

def prf(pred, ref):
    tp = len(pred & ref)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(ref) if ref else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return tp, len(pred), len(ref), p, r, f


def agree(a):
    texts = read_texts(a.work)
    ends = {}
    for tool in TOOLS:
        path = wpath(a.work, f"ends_{tool}.json")
        if os.path.exists(path):
            ends[tool] = load(path)
    tools = [t for t in TOOLS if t in ends]
    # Boundary sets per tool per article: the sentence ends plus every
    # paragraph end (for everybody), minus the article's own end, which
    # every tool finds and which says nothing.
    sets = {t: [] for t in tools}
    inner = {t: [] for t in tools}
    for i, text in enumerate(texts):
        para = paragraph_ends(text)
        final = len(text.rstrip())
        for t in tools:
            s = set(ends[t][i]) | para
            s.discard(final)
            sets[t].append(s)
            inner[t].append(s - para)
    pairs = []
    for i, ref in enumerate(tools):
        for tool in tools[i + 1:]:
            # One tool's boundaries against the other's as reference:
            # "tool vs ref". Both directions are one table row: P of one is
            # R of the other.
            for label, family in (("all", sets), ("inside", inner)):
                tp = np_ = nr = 0
                for x, y in zip(family[tool], family[ref]):
                    tp += len(x & y)
                    np_ += len(x)
                    nr += len(y)
                p = tp / np_ if np_ else 1.0
                r = tp / nr if nr else 1.0
                f = 2 * p * r / (p + r) if p + r else 0.0
                pairs.append({"tool": tool, "ref": ref, "scope": label, "tp": tp,
                              "pred": np_, "gold": nr, "p": p, "r": r, "f1": f})
    counts = {t: {"all": sum(len(s) for s in sets[t]),
                  "inside": sum(len(s) for s in inner[t])} for t in tools}
    paragraphs = sum(len(paragraph_ends(t) - {len(t.rstrip())}) for t in texts)
    result = {"pairs": pairs, "counts": counts, "paragraph_boundaries": paragraphs}
    dump(wpath(a.work, "agree.json"), result)
    print(json.dumps(result)[:2000])


# ---------------------------------------------------------------- profile

ANNOT_LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*([\d.]+)%\)\s+(.*)$")


def parse_annotate(path):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = ANNOT_LINE.match(line)
            if not m:
                continue
            name = m.group(3).strip()
            if name.startswith("PROGRAM TOTALS") or name.endswith("PROGRAM TOTALS"):
                continue
            # "file:function [object]" -> function (object dropped).
            name = re.sub(r"\s+\[[^\]]*\]$", "", name)
            if ":" in name and not name.startswith("<"):
                head, _, tail = name.partition(":")
                if head.startswith("???") or "/" in head or head.endswith((".rs", ".c", ".h")):
                    name = tail
            rows.append((int(m.group(1).replace(",", "")), float(m.group(2)), name))
    return rows


def demangle_short(name, width=110):
    name = re.sub(r"::h[0-9a-f]{16}$", "", name)
    return name if len(name) <= width else name[: width - 1] + "…"


def area(name):
    """A coarse bucket for the 'where the time goes' summary."""
    n = name
    rules = [
        (r"isnad::attribution::cues", "attribution: cue matching"),
        (r"isnad::attribution::phrases", "attribution: source phrases"),
        (r"isnad::attribution::reports", "attribution: reports / content"),
        (r"isnad::attribution::resolve", "attribution: resolution"),
        (r"isnad::attribution::claims", "attribution: claims"),
        (r"isnad::attribution::sources", "attribution: source lexicon look-ups"),
        (r"isnad::attribution::tokens", "attribution: tokenising"),
        (r"isnad::attribution", "attribution: other"),
        (r"isnad::text", "text: folding and offset map"),
        (r"isnad::segment", "segmentation"),
        (r"isnad::lexicon|yaml_rust2|serde_yaml|unsafe_libyaml", "lexicon loading / YAML"),
        (r"serde_json|isnad::output|isnad::model", "model and JSON output"),
        (r"isnad::input|flate2|miniz", "input reading"),
        (r"sha2|isnad::input::sha256", "SHA-256"),
        (r"regex|aho_corasick", "regex engine"),
        (r"rayon|crossbeam|std::thread|pthread", "threads"),
        (r"alloc|malloc|free|realloc|memcpy|memmove|memset|memcmp|__memcpy|_int_|calloc|RawVec", "allocation and memcpy"),
        (r"core::str|core::fmt|alloc::string|core::unicode|char", "std strings and fmt"),
        (r"hashbrown|HashMap|rustc_hash|FxHash", "hash maps"),
        (r"isnad::", "isnad: other"),
    ]
    for pat, label in rules:
        if re.search(pat, n):
            return label
    return "other (libc, std, loader)"


STAGES = ("isnad::attribution::Attributor::attribute", "isnad::segment::Segmenter::segment",
          "isnad::text::Folded::new", "isnad::input::read_path", "isnad::lexicon::Lexicon::builtin")


def profile(a):
    incl = parse_annotate(a.inclusive)
    excl = parse_annotate(a.exclusive)
    buckets = {}
    total = sum(c for c, _, _ in excl) or 1
    for cost, _, name in excl:
        buckets[area(name)] = buckets.get(area(name), 0) + cost
    summary = sorted(((v * 100.0 / total, k) for k, v in buckets.items()), reverse=True)
    # Inclusive costs: isnad's own functions only. The thread and rayon
    # plumbing above them is ~100 % by construction, and callgrind counts
    # recursive frames ('2) more than once.
    own = [(pct, n) for _, pct, n in incl
           if n.startswith(("isnad::", "<isnad::")) and "'" not in n and pct <= 100.0]
    result = {
        "inclusive": [(pct, demangle_short(n)) for pct, n in own[: a.top]],
        "self": [(pct, demangle_short(n)) for _, pct, n in excl[: a.top]],
        "areas": summary,
        "stages": {n: pct for _, pct, n in incl if "'" not in n and pct <= 100.0 and n in STAGES},
        "total_ir": total,
    }
    dump(wpath(a.work, "profile.json"), result)
    print(json.dumps(result)[:2000])


# ----------------------------------------------------------------- report

def sig(x, digits=3):
    """A float with `digits` significant digits, no exponent."""
    if x is None:
        return "–"
    if x == 0:
        return "0"
    import math
    nd = max(0, digits - 1 - int(math.floor(math.log10(abs(x)))))
    return f"{x:,.{nd}f}"


def fmt(x, nd=1):
    if x is None:
        return "–"
    if isinstance(x, float):
        if x >= 100:
            return f"{x:,.0f}"
        return f"{x:.{nd}f}" if x >= 1 else f"{x:.{max(nd, 2)}f}"
    return f"{x:,}"


def maybe(path):
    return load(path) if os.path.exists(path) else None


def isnad_bench_row(text, path_hint):
    """The line of `isnad bench` output for the corpus file given."""
    for line in text.splitlines():
        if path_hint in line:
            parts = line.split()
            try:
                nums = [float(x) for x in parts[-6:]]
            except ValueError:
                continue
            return {"articles": int(nums[0]), "mb": nums[1], "segment_mbs": nums[2],
                    "segment_mchars": nums[3], "core_mbs": nums[4], "annotate_mbs": nums[5]}
    return None


def report(a):
    w = a.work
    meta = load(wpath(w, "meta.json"))
    stats = load(wpath(w, "stats.json"))
    out = []
    mode = "quick (smoke test, small sample)" if meta.get("quick") else "full"
    out.append("# isnad against peers: sentence splitting, annotate vs grep, compare\n")
    out.append(f"Generated by `bench/peers.sh{' --quick' if meta.get('quick') else ''}` "
               f"({mode}). Figures only; no article text.\n")
    out.append("| | |\n|---|---|")
    for k in ("date", "machine", "cores", "load", "isnad", "rustc", "python", "pyicu",
              "pysbd", "sentencex", "grep", "locale", "valgrind"):
        if meta.get(k):
            out.append(f"| {k} | {meta[k]} |")
    out.append("")
    if meta.get("note"):
        out.append(meta["note"] + "\n")

    # ---- segmentation speed
    sample = (f"a deterministic sample of {stats['articles']:,} of the {stats['corpus_articles']:,} "
              f"SaudiNewsNet articles (every k-th)" if stats["sampled"]
              else f"all {stats['articles']:,} SaudiNewsNet article texts")
    out.append("## Sentence splitting: speed\n")
    out.append(f"Text: {sample}; {stats['bytes'] / 1e6:.1f} MB of UTF-8, "
               f"{stats['chars'] / 1e6:.1f} M characters; the same texts for every tool. "
               "Rates are text bytes (and code points) over wall time, best of the runs.\n")
    out.append("| tool | how timed | seconds | MB/s | M chars/s | sentences | speed / ICU's |")
    out.append("|---|---|---|---|---|---|---|")
    rows = []
    cli = maybe(wpath(w, "time_isnad_segment.json"))
    if cli:
        rows.append(("isnad segment (CLI)", "whole process: JSONL read and parsed, "
                     "sentences printed", cli["seconds"], meta.get("isnad_sentences")))
    bench = None
    btxt = maybe(wpath(w, "time_isnad_bench.json"))
    if btxt:
        bench = isnad_bench_row(btxt.get("stdout", ""), "texts.jsonl")
    if bench:
        secs = stats["bytes"] / 1e6 / bench["segment_mbs"] if bench["segment_mbs"] else None
        rows.append(("isnad (in-process, `isnad bench`)", "segmentation only, texts in memory",
                     secs, meta.get("isnad_sentences")))
    names = {"icu": "ICU BreakIterator (PyICU, `ar`)", "pysbd": "pysbd (`ar`, clean=False)",
             "sentencex": "sentencex (`ar`)"}
    for tool in ("icu", "pysbd", "sentencex"):
        r = maybe(wpath(w, f"split_{tool}.json"))
        if r:
            rows.append((names[tool], "split calls only, texts in memory", r["seconds"],
                         r["sentences"]))
    icu = maybe(wpath(w, "split_icu.json"))
    icu_secs = icu["seconds"] if icu else None
    for name, how, secs, n in rows:
        mbs = stats["bytes"] / 1e6 / secs if secs else None
        mcs = stats["chars"] / 1e6 / secs if secs else None
        rel = icu_secs / secs if secs and icu_secs else None
        out.append(f"| {name} | {how} | {sig(secs)} | {sig(mbs)} | {sig(mcs)} | "
                   f"{fmt(n) if n is not None else '–'} | {sig(rel, 2)} |")
    out.append("")

    # ---- agreement
    ag = maybe(wpath(w, "agree.json"))
    if ag:
        out.append("## Sentence splitting: boundary agreement\n")
        out.append("A boundary is the code-point offset where a sentence ends, trailing space "
                   "stripped, within its article; every tool's sentences are found in the "
                   "article text in order. Paragraph ends (newlines) are boundaries for every "
                   "tool; the article's own end is left out. *all* counts every boundary; "
                   "*inside* only those inside paragraphs (the ones the tools actually decide). "
                   "P and R are of the first tool with the second as reference (F1 is symmetric).\n")
        unm = []
        for tool in TOOLS:
            r = maybe(wpath(w, f"split_{tool}.json")) or maybe(wpath(w, f"map_{tool}.json"))
            if r:
                unm.append(f"{tool} {r['unmapped']:,}")
        out.append(f"Paragraph boundaries: {ag['paragraph_boundaries']:,}. Boundaries per tool "
                   "(all / inside): " + "; ".join(
                       f"{t} {c['all']:,} / {c['inside']:,}" for t, c in ag["counts"].items())
                   + ". Sentences not found in the text (unmapped): " + ", ".join(unm) + ".\n")
        out.append("| tool | reference | P (all) | R (all) | F1 (all) | P (inside) | R (inside) | F1 (inside) |")
        out.append("|---|---|---|---|---|---|---|---|")
        by = {}
        for p in ag["pairs"]:
            by.setdefault((p["tool"], p["ref"]), {})[p["scope"]] = p
        # isnad first as "tool" where it takes part.
        for (tool, ref), d in by.items():
            al, ins = d["all"], d["inside"]
            if ref == "isnad":
                tool, ref = ref, tool
                al = dict(al, p=al["r"], r=al["p"])
                ins = dict(ins, p=ins["r"], r=ins["p"])
            out.append(f"| {tool} | {ref} | {al['p']:.3f} | {al['r']:.3f} | {al['f1']:.3f} | "
                       f"{ins['p']:.3f} | {ins['r']:.3f} | {ins['f1']:.3f} |")
        out.append("")

    # ---- annotate vs grep
    out.append("## annotate vs grep\n")
    out.append(f"Input: {'the whole' if stats['annotate_articles'] == stats['corpus_articles'] else 'a sample of the'} "
               f"SaudiNewsNet JSONL, uncompressed ({stats['annotate_articles']:,} articles, "
               f"{stats['annotate_bytes'] / 1e6:.1f} MB, file in the page cache), on standard input. "
               f"grep pattern: an alternation of the {stats['cue_words']} surface forms of the "
               "reporting verbs (active and passive), circumstantial participles and prepositional "
               "cues of `src/lexicon/cues.yaml` (`grep -c -E -f`). MB/s is input bytes over wall time.\n")
    out.append("| command | seconds | MB/s | peak RSS MB | output | notes |")
    out.append("|---|---|---|---|---|---|")
    mb = stats["annotate_bytes"] / 1e6
    grep_best = None
    for key, name in (("grep_c", "`LC_ALL=C grep -c -E`"), ("grep_locale", f"`grep -c -E` ({meta.get('locale', 'default locale')})"),
                      ("grep_o_c", "`LC_ALL=C grep -o -E … \\| wc -l` (every match)")):
        r = maybe(wpath(w, f"time_{key}.json"))
        if not r:
            continue
        if key != "grep_o_c" and (grep_best is None or r["seconds"] < grep_best[1]):
            grep_best = (name, r["seconds"])
        note = meta.get(f"{key}_result", "")
        out.append(f"| {name} | {fmt(r['seconds'], 2)} | {fmt(mb / r['seconds'])} | "
                   f"{fmt(r['rss_kb'] / 1024)} | {note} | |")
    for key, name, note in (
            ("annotate_null", f"`isnad annotate --format jsonl -` > /dev/null ({meta.get('cores')} threads)", ""),
            ("annotate_file", f"`isnad annotate --format jsonl -` > file ({meta.get('cores')} threads)", "JSONL written"),
            ("annotate_1t", "`isnad annotate --format jsonl -` > /dev/null, `RAYON_NUM_THREADS=1`", "one thread")):
        r = maybe(wpath(w, f"time_{key}.json"))
        if not r:
            continue
        ratio = f"{grep_best[1] / r['seconds'] * 100:.1f} % of grep -c" if grep_best else ""
        grep_o = maybe(wpath(w, "time_grep_o_c.json"))
        if grep_o:
            ratio += f", {grep_o['seconds'] / r['seconds'] * 100:.0f} % of grep -o"
        outp = f"{r['output_bytes'] / 1e6:.0f} MB, {r.get('output_lines', 0):,} lines" if r.get("output_bytes") else ""
        out.append(f"| {name} | {fmt(r['seconds'], 2)} | {fmt(mb / r['seconds'])} | "
                   f"{fmt(r['rss_kb'] / 1024)} | {outp} | {', '.join(x for x in (note, ratio) if x)} |")
    if grep_best:
        out.append(f"\n*% of grep -c* is against the faster `grep -c`: {grep_best[0]}. "
                   "Goal: isnad annotate at ≥ 25 % of grep's MB/s.\n")
    if bench:
        out.append(f"`isnad bench` on the segment texts (in-process, one thread, YAML included): "
                   f"core {bench['core_mbs']:.1f} MB/s, annotate {bench['annotate_mbs']:.1f} MB/s.\n")

    # ---- compare
    cmp_ = maybe(wpath(w, "time_compare.json"))
    if cmp_:
        out.append("## compare\n")
        out.append(f"`/usr/bin/time -v isnad compare {meta.get('compare_input', '')} --out DIR` "
                   "(articles annotated on the fly, then compared).\n")
        out.append("| articles | wall time | peak RSS | output |")
        out.append("|---|---|---|---|")
        secs = cmp_["seconds"]
        out.append(f"| {meta.get('compare_articles', '–'):,} | {int(secs // 60)} min {secs % 60:.1f} s | "
                   f"{cmp_['rss_kb'] / 1024 / 1024:.2f} GB | {meta.get('compare_output', '')} |")
        out.append("")

    # ---- profile
    prof = maybe(wpath(w, "profile.json"))
    if prof:
        out.append("## Where the time goes (callgrind)\n")
        out.append(f"`valgrind --tool=callgrind isnad annotate --format jsonl` on "
                   f"{stats['profile_articles']} articles ({stats['profile_bytes'] / 1e6:.2f} MB), "
                   f"`RAYON_NUM_THREADS=1`; {prof['total_ir']:,} instructions. Costs are instruction "
                   "counts (Ir), not time; inlined functions count in their callers. Start-up "
                   "(loading the embedded lexicons) is included, and weighs more on a small sample.\n")
        top = [f"{name} ({pct:.0f} %)" for pct, name in prof["areas"][:4]]
        def st(fn):
            return prof.get("stages", {}).get(fn)
        parts = [(label, st(fn)) for label, fn in (
            ("attribution", "isnad::attribution::Attributor::attribute"),
            ("segmentation", "isnad::segment::Segmenter::segment"),
            ("folding", "isnad::text::Folded::new"),
            ("reading the JSONL input", "isnad::input::read_path"),
            ("loading the lexicons", "isnad::lexicon::Lexicon::builtin"))]
        out.append("In short: the largest areas by self cost are " + ", ".join(top) + ". "
                   "By inclusive cost: " + ", ".join(f"{label} {pct:.0f} %" for label, pct in parts
                                                     if pct is not None) + " of all instructions.\n")
        out.append("Self cost by area (every function, grouped by module):\n")
        out.append("| area | self Ir % |\n|---|---|")
        for pct, name in prof["areas"]:
            if pct >= 0.5:
                out.append(f"| {name} | {pct:.1f} |")
        out.append("\nTop 15 of isnad's functions by inclusive cost (thread and rayon frames left out):\n")
        out.append("| Ir % | function |\n|---|---|")
        for pct, name in prof["inclusive"]:
            out.append(f"| {pct:.1f} | `{name}` |")
        out.append("\nTop 15 by self cost:\n")
        out.append("| Ir % | function |\n|---|---|")
        for pct, name in prof["self"]:
            out.append(f"| {pct:.1f} | `{name}` |")
        out.append("")
    if meta.get("caveats"):
        out.append("## Caveats\n")
        for c in meta["caveats"]:
            out.append(f"- {c}")
        out.append("")
    text = "\n".join(out) + "\n"
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)


def meta(a):
    """Merge key=value pairs into meta.json; key+=value appends to a list."""
    path = wpath(a.work, "meta.json")
    m = maybe(path) or {}
    for kv in a.pairs:
        key, _, value = kv.partition("=")
        if key.endswith("+"):
            m.setdefault(key[:-1], []).append(value)
            continue
        if value.lower() in ("true", "false"):
            m[key] = value.lower() == "true"
        elif re.fullmatch(r"-?\d+", value):
            m[key] = int(value)
        else:
            m[key] = value
    dump(path, m)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--work", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--cues", required=True)
    p.add_argument("--sample", type=int, default=0)
    p.add_argument("--annotate-sample", type=int, default=0)
    p.add_argument("--profile-sample", type=int, default=300)
    p.set_defaults(fn=prepare)
    p = sub.add_parser("split")
    p.add_argument("--work", required=True)
    p.add_argument("--tool", required=True, choices=["icu", "pysbd", "sentencex"])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--max-seconds", type=float, default=20.0)
    p.set_defaults(fn=split)
    p = sub.add_parser("isnad")
    p.add_argument("--work", required=True)
    p.add_argument("--segmented", required=True)
    p.set_defaults(fn=isnad)
    p = sub.add_parser("time")
    p.add_argument("--label", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--stdin")
    p.add_argument("--stdout")
    p.add_argument("--capture", action="store_true")
    p.add_argument("--count-lines", action="store_true")
    p.add_argument("--allow-fail", action="store_true")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    p.set_defaults(fn=run_timed)
    p = sub.add_parser("agree")
    p.add_argument("--work", required=True)
    p.set_defaults(fn=agree)
    p = sub.add_parser("profile")
    p.add_argument("--work", required=True)
    p.add_argument("--inclusive", required=True)
    p.add_argument("--exclusive", required=True)
    p.add_argument("--top", type=int, default=15)
    p.set_defaults(fn=profile)
    p = sub.add_parser("meta")
    p.add_argument("--work", required=True)
    p.add_argument("pairs", nargs="*")
    p.set_defaults(fn=meta)
    p = sub.add_parser("report")
    p.add_argument("--work", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(fn=report)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
