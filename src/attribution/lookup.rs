//! Sets and maps of folded words with a cheap first test. Attribution asks
//! every token, and several readings of it, whether a lexicon list holds
//! it; almost none are held. A bitmap over a hash of the keys answers most
//! of those questions without probing the table or comparing strings.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::lexicon::Lexicon;
use crate::text::fold_str;

/// Bits of bitmap per key, at least: few absent words pass.
const BITS_PER_KEY: usize = 16;

/// Which hashes some key has.
struct Filter {
    bits: Box<[u64]>,
    mask: usize,
}

#[inline]
fn digest(w: &str) -> usize {
    let mut h = FxHasher::default();
    h.write(w.as_bytes());
    h.finish() as usize
}

impl Filter {
    fn new<'a>(keys: impl ExactSizeIterator<Item = &'a str>) -> Filter {
        let n = (keys.len() * BITS_PER_KEY).next_power_of_two().max(1024);
        let mut bits = vec![0u64; n / 64].into_boxed_slice();
        let mask = n - 1;
        for k in keys {
            let d = digest(k) & mask;
            bits[d / 64] |= 1 << (d % 64);
        }
        Filter { bits, mask }
    }

    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        let d = digest(w) & self.mask;
        self.bits
            .get(d / 64)
            .is_some_and(|b| b & (1 << (d % 64)) != 0)
    }
}

/// A set of folded words.
pub struct WordSet {
    set: FxHashSet<String>,
    filter: Filter,
}

impl WordSet {
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.filter.may_hold(w) && self.set.contains(w)
    }
}

impl From<FxHashSet<String>> for WordSet {
    fn from(set: FxHashSet<String>) -> WordSet {
        let filter = Filter::new(set.iter().map(String::as_str));
        WordSet { set, filter }
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> WordSet {
        WordSet::from(iter.into_iter().collect::<FxHashSet<String>>())
    }
}

/// A map from folded words.
pub struct WordMap<V> {
    map: FxHashMap<String, V>,
    filter: Filter,
}

impl<V> WordMap<V> {
    #[inline]
    pub fn get(&self, w: &str) -> Option<&V> {
        if self.filter.may_hold(w) {
            self.map.get(w)
        } else {
            None
        }
    }
}

impl<V> From<FxHashMap<String, V>> for WordMap<V> {
    fn from(map: FxHashMap<String, V>) -> WordMap<V> {
        let filter = Filter::new(map.keys().map(String::as_str));
        WordMap { map, filter }
    }
}

impl<V> FromIterator<(String, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> WordMap<V> {
        WordMap::from(iter.into_iter().collect::<FxHashMap<String, V>>())
    }
}

/// The folded verb forms of the lexicon that end in ى.
pub(super) fn maqsura_forms(lex: &Lexicon) -> WordSet {
    lex.verbs
        .iter()
        .flat_map(|v| {
            let f = &v.forms;
            [&f.ms, &f.fs, &f.mp, &f.fp, &f.du].into_iter().flatten()
        })
        .filter(|w| w.ends_with('ى'))
        .map(|w| fold_str(w))
        .collect()
}

pub(super) fn set(list: &[String]) -> WordSet {
    list.iter().map(|w| fold_str(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_never_hides_a_key() {
        let words = ["قال", "الرئيس", "وزير الخارجيه", "a", "cnn", "ه"];
        let set: WordSet = words.iter().map(|w| w.to_string()).collect();
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        assert!(!set.contains("قالت"));
        assert!(!set.contains(""));
        let map: WordMap<usize> = words.iter().map(|w| (w.to_string(), w.len())).collect();
        assert_eq!(map.get("الرئيس"), Some(&"الرئيس".len()));
        assert_eq!(map.get("رئيس"), None);
    }
}
