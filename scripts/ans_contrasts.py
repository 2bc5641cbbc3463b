#!/usr/bin/env python3
"""Mine contrast pairs (words ANS substitutes to build a contradiction) from
the ANS *train* split, and write src/lexicon/contrasts.yaml.

Usage: python3 scripts/ans_contrasts.py ../shared/eval/ans/stance-train.csv [MIN_DIS] \
           > src/lexicon/contrasts.yaml

Only the train split is read. For each pair, the content words (folded and
lightly stemmed as src/compare/stem.rs does) that only one side has are its
substitutions (two forms of one word, such as a verb and its noun, set aside);
every cross pair (x on one side, y on the other) is counted under the pair's
label. A pair is kept when it was substituted in disagreements about at least
MIN_DIS stories (distinct first headlines) and in at most MAX_AGR agreements.
"""
import csv
import re
import sys
import unicodedata
from collections import Counter

MIN_DIS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
MAX_AGR = 0

AL = ["وال", "بال", "كال", "فال", "لل", "ال"]
CLITICS = "وفبكل"
SUFFIXES = ["هما", "كما", "ها", "هم", "ون", "ين", "ات", "ان", "تم", "نا", "يه", "ه", "ي", "ت", "ا"]
MIN_STEM = 3


def fold(s):
    out = []
    for c in s:
        if "A" <= c <= "Z":
            out.append(c.lower())
        elif c in "أإآٱ":
            out.append("ا")
        elif c == "ى":
            out.append("ي")
        elif c == "ة":
            out.append("ه")
        elif "٠" <= c <= "٩":
            out.append(chr(ord("0") + ord(c) - 0x660))
        elif unicodedata.category(c) == "Mn" or c == "ـ":
            continue
        else:
            out.append(c)
    return "".join(out)


def strip_article(w):
    for p in AL:
        if w.startswith(p) and len(w) - len(p) >= MIN_STEM:
            return w[len(p):]
    return None


def strip_suffixes(w):
    for _ in range(3):
        n = len(w)
        nxt = None
        for s in SUFFIXES:
            need = MIN_STEM + 1 if s == "ان" else MIN_STEM
            if w.endswith(s) and n - len(s) >= need:
                nxt = w[: -len(s)]
                break
        if nxt is None:
            break
        w = nxt
    return w


def key(stem):
    inner = stem[1:].count("ا")
    if len(stem) - inner >= MIN_STEM:
        return stem[0] + stem[1:].replace("ا", "")
    return stem


def keys(w):
    k0 = key(strip_suffixes(strip_article(w) or w))
    k1 = None
    if strip_article(w) is None and w and w[0] in CLITICS and len(w) - 1 >= MIN_STEM:
        k1 = key(strip_suffixes(w[1:]))
    return k0, (k1 if k1 != k0 else None)


STOP = None


def words(text):
    """(key0, key1, surface) of each content word."""
    out = []
    for w in re.findall(r"[^\W\d_]+", fold(text)):
        if len(w) < 2 or w in STOP or (w[0] in "وف" and w[1:] in STOP):
            continue
        k0, k1 = keys(w)
        out.append((k0, k1, w))
    return out


def skeleton(k):
    """A rough root: verb and noun prefixes and long vowels dropped."""
    while len(k) > 2 and k[0] in "يتنماس":
        k = k[1:]
    return "".join(c for c in k if c not in "اوي")


def edits(a, b):
    d = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        p = d[:]
        d[0] = i
        for j, cb in enumerate(b, 1):
            d[j] = min(p[j] + 1, d[j - 1] + 1, p[j - 1] + (ca != cb))
    return d[-1]


def variant(x, y):
    """Two forms of one word (a verb and its noun, a misspelling): not a
    substitution."""
    a, b = x[0], y[0]
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb or (len(sa) >= 3 and len(sb) >= 3 and (sa in sb or sb in sa)):
        return True
    if edits(a, b) <= 1 and min(len(a), len(b)) >= 4:
        return True
    return len(sa) >= 3 and len(sb) >= 3 and edits(sa, sb) <= 1 and len(set(sa) & set(sb)) >= 3


def unmatched(a, b):
    def meets(x, y):
        return x[0] == y[0] or (y[1] is not None and y[1] == x[0]) or (x[1] is not None and x[1] == y[0])

    return [x for x in a if not any(meets(x, y) for y in b)]


def main():
    global STOP
    here = __file__.rsplit("/", 2)[0] if "/" in __file__ else "."
    lex = open(f"{here}/src/lexicon/relate.yaml", encoding="utf-8").read()
    m = re.search(r"^stopwords: \[(.*)\]", lex, re.M)
    STOP = {fold(w.strip()) for w in m.group(1).split(",")}
    # Negators are no substitution: the engine reads them as negation.
    m = re.search(r"^negators: \[(.*)\]", lex, re.M)
    STOP |= {fold(w.strip()) for w in m.group(1).split(",")}
    rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
    dis, agr, surf = {}, Counter(), {}
    for r in rows:
        a, b = words(r["s1"]), words(r["s2"])
        ua, ub = unmatched(a, b), unmatched(b, a)
        ua = [x for x in ua if not any(variant(x, y) for y in ub)]
        ub = [y for y in ub if not any(variant(x, y) for x in ua)]
        for x in ua:
            for y in ub:
                k = tuple(sorted((x[0], y[0])))
                if k[0] == k[1]:
                    continue
                pair = (x[2], y[2]) if x[0] == k[0] else (y[2], x[2])
                surf.setdefault(k, Counter())[pair] += 1
                if r["stance"] == "disagree":
                    # Count stories (distinct first headlines), not pairs.
                    dis.setdefault(k, set()).add(r["s1"])
                elif r["stance"] == "agree":
                    agr[k] += 1
    kept = [k for k in dis if len(dis[k]) >= MIN_DIS and agr[k] <= MAX_AGR]
    kept.sort(key=lambda k: (-len(dis[k]), k))
    print("# Contrast pairs learned from the ANS training split (Khouja 2020,")
    print("# Apache-2.0; this file is derived from it and is under the same licence).")
    print("# Made by scripts/ans_contrasts.py from stance-train.csv only (never the")
    print("# dev split): in each pair of headlines, the content words (folded, lightly")
    print("# stemmed) that one headline has and the other lacks, two forms of one word")
    print("# set aside, are paired across the two headlines; a pair is kept when it was")
    print(f"# substituted so in disagreements of at least {MIN_DIS} stories and in at most")
    print(f"# {MAX_AGR} agreements. Entries are surface forms; the loader folds and stems")
    print("# them like claim words. `relate` reads a learned pair substituted between two")
    print("# short claims (headlines) as a reversal; long claims (`compare`) do not use it.")
    print("# The comment after each pair: stories in which it was substituted in a")
    print("# disagreement.")
    print("contrasts:")
    for k in kept:
        x, y = surf[k].most_common(1)[0][0]
        print(f"  - [{x}, {y}]  # {len(dis[k])}")
    print(f"# {len(kept)} pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
