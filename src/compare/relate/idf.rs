//! How informative a shared term is: inverse document frequencies over
//! the compared claims, and the weighted share of one claim another covers.

use super::*;

/// Inverse document frequencies over content keys. Optional: without it
/// every content word weighs 1.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    pub(super) words: HashMap<String, f64>,
    pub(super) concepts: HashMap<Concept, f64>,
    pub(super) unseen: f64,
    /// The size of the compared set (0 when unknown).
    pub(super) n: f64,
}

impl Idf {
    /// Builds IDF from a collection of claim texts (e.g. all texts of the
    /// candidate pairs being compared).
    pub fn from_texts<'a, I: IntoIterator<Item = &'a str>>(texts: I, lex: &Lexicon) -> Idf {
        let mut words: HashMap<String, u32> = HashMap::new();
        let mut concepts: HashMap<Concept, u32> = HashMap::new();
        let mut n = 0u32;
        for t in texts {
            n += 1;
            // AnalysedClaim items are already deduplicated.
            for item in AnalysedClaim::analyze(t, lex).items {
                match item.concept {
                    Some(c) => *concepts.entry(c).or_insert(0) += 1,
                    None => *words.entry(item.stem).or_insert(0) += 1,
                }
            }
        }
        let nf = f64::from(n.max(1));
        let idf = |d: u32| (1.0 + nf / f64::from(d)).ln();
        Idf {
            words: words.into_iter().map(|(k, d)| (k, idf(d))).collect(),
            concepts: concepts.into_iter().map(|(k, d)| (k, idf(d))).collect(),
            unseen: (1.0 + nf).ln(),
            n: nf,
        }
    }

    /// Document frequencies over analysed claims: how many claims hold
    /// each content key (a word's stem, or a lexicon concept).
    pub fn frequencies<'a, I: IntoIterator<Item = &'a AnalysedClaim>>(
        claims: I,
    ) -> HashMap<String, u32> {
        let mut df: HashMap<String, u32> = HashMap::new();
        for c in claims {
            let mut seen: Vec<String> = c.items.iter().map(Idf::key).collect();
            seen.sort_unstable();
            seen.dedup();
            for k in seen {
                *df.entry(k).or_insert(0) += 1;
            }
        }
        df
    }

    /// The frequencies of one claim's keys, from a table of the whole set
    /// (what the two-step compare carries with each claim).
    pub fn claim_frequencies(c: &AnalysedClaim, df: &HashMap<String, u32>) -> Vec<(String, u32)> {
        let mut v: Vec<(String, u32)> = c
            .items
            .iter()
            .map(Idf::key)
            .map(|k| {
                let d = df.get(&k).copied().unwrap_or(1);
                (k, d)
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// IDF over a compared set of `n` claims, from its document
    /// frequencies. A part that nearly every claim has weighs almost
    /// nothing (ln(n/d)); a prior of `IDF_PRIOR` claims that hold nothing
    /// keeps a small set (two articles) from weighing every shared word
    /// at zero.
    pub fn from_frequencies<I: IntoIterator<Item = (String, u32)>>(df: I, n: usize) -> Idf {
        let nf = n as f64 + IDF_PRIOR;
        let idf = |d: u32| (nf / f64::from(d.max(1))).ln().max(0.0);
        let mut words = HashMap::new();
        let mut concepts = HashMap::new();
        for (k, d) in df {
            match Idf::parse_concept(&k) {
                Some(c) => {
                    concepts.insert(c, idf(d));
                }
                None => {
                    words.insert(k, idf(d));
                }
            }
        }
        Idf {
            words,
            concepts,
            unseen: nf.ln(),
            n: n as f64,
        }
    }

    pub(super) fn key(it: &StemmedWord) -> String {
        match it.concept {
            Some(Concept::Group(g)) => format!("\u{1}g{g}"),
            Some(Concept::Place(p)) => format!("\u{1}p{p}"),
            None => it.stem.clone(),
        }
    }

    pub(super) fn parse_concept(k: &str) -> Option<Concept> {
        let rest = k.strip_prefix('\u{1}')?;
        let (tag, num) = rest.split_at(1);
        let n: u16 = num.parse().ok()?;
        match tag {
            "g" => Some(Concept::Group(n)),
            "p" => Some(Concept::Place(n)),
            _ => None,
        }
    }

    pub(super) fn weight(&self, item: &StemmedWord) -> f64 {
        match item.concept {
            Some(c) => self.concepts.get(&c),
            None => self.words.get(&item.stem),
        }
        .copied()
        .unwrap_or(self.unseen)
    }
}

/// Claims of nothing assumed in every compared set, so that IDF over a
/// handful of claims stays near uniform.
pub(super) const IDF_PRIOR: f64 = 20.0;

/// How much of the shorter claim's content, weighted by IDF over the
/// compared set, the longer one covers: parts that every claim of a story
/// shares ("attack", "Syria") count for little.
pub fn weighted_cover(a: &AnalysedClaim, b: &AnalysedClaim, idf: &Idf) -> f64 {
    overlap(a, b, Some(idf), true).0
}

/// The content parts two claims share that few claims of the compared set
/// hold: at most `share` of them, and always those only two claims hold
/// (on both sides, when the parts match by a second stem).
/// "Attack" and "Syria" in a story on a Syrian attack are not among them.
/// Times do not count: a shared day is where two claims may meet, not a
/// statement they share. The words of one name (in either claim) are one
/// part: "الرئيس السوري بشار الأسد" is one actor named, not three things
/// two claims say alike.
pub fn distinctive_shared(
    a: &AnalysedClaim,
    b: &AnalysedClaim,
    idf: &Idf,
    share: f64,
    lex: &Lexicon,
) -> Vec<String> {
    let most = (share * idf.n).max(2.0);
    let floor = ((idf.n + IDF_PRIOR) / most).ln() - 1e-9;
    // Each part: the name it belongs to, where its last word stands, its words.
    let mut parts: Vec<(Option<u16>, usize, String)> = Vec::new();
    let related =
        |x: u16, y: u16| lex.entity_chain(x).any(|e| e == y) || lex.entity_chain(y).any(|e| e == x);
    for (i, (it, text)) in a.items.iter().zip(&a.item_text).enumerate() {
        if lex.is_time_key(&it.stem) {
            continue;
        }
        let Some(j) = b
            .items
            .iter()
            .position(|o| it.matches(o) && idf.weight(it).min(idf.weight(o)) >= floor)
        else {
            continue;
        };
        let name = a
            .item_name
            .get(i)
            .copied()
            .flatten()
            .or(b.item_name.get(j).copied().flatten());
        let pos = a.item_pos.get(i).copied().unwrap_or(0);
        // The same name anywhere, or a name next to one that encloses it
        // ("الرئيس السوري" for the Syrian state, "دوما السورية").
        let one_name = |(n, at, _): &(Option<u16>, usize, String)| match (name, *n) {
            (Some(x), Some(y)) => x == y || (related(x, y) && pos.abs_diff(*at) <= NAME_GAP),
            _ => false,
        };
        if let Some(k) = parts.iter().position(one_name) {
            parts[k].1 = pos;
            parts[k].2.push(' ');
            parts[k].2.push_str(text);
        } else if parts.last().is_none_or(|(_, _, t)| t != text) {
            parts.push((name, pos, text.clone()));
        }
    }
    parts.into_iter().map(|(_, _, t)| t).collect()
}
