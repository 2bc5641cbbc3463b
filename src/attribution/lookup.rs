//! Sets and maps of folded words with a cheap first test. Attribution asks
//! every token, and several readings of it, whether a lexicon list holds
//! it; almost none are held. A bitmap over a digest of a word's length and
//! its first and last bytes answers most of those questions without
//! hashing the word or comparing strings.

use rustc_hash::{FxHashMap, FxHashSet};

/// Bits of the bitmap: a few hundred to a few thousand keys per list leave
/// it sparse enough that few absent words pass.
const BITS: usize = 1 << 15;

/// Which digests some key has.
struct Filter {
    bits: Box<[u64]>,
}

/// The length, the first two bytes and the last two: an Arabic letter is
/// two bytes, so this is the word's length and its first and last letters.
#[inline]
fn digest(w: &str) -> usize {
    let b = w.as_bytes();
    let n = b.len();
    if n == 0 {
        return 0;
    }
    let x = n as u64
        | u64::from(b[0]) << 8
        | u64::from(b[1.min(n - 1)]) << 16
        | u64::from(b[n.saturating_sub(2)]) << 24
        | u64::from(b[n - 1]) << 32;
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS.trailing_zeros())) as usize
}

impl Filter {
    fn new<'a>(keys: impl Iterator<Item = &'a str>) -> Filter {
        let mut bits = vec![0u64; BITS / 64].into_boxed_slice();
        for k in keys {
            let d = digest(k);
            bits[d / 64] |= 1 << (d % 64);
        }
        Filter { bits }
    }

    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        let d = digest(w);
        self.bits[d / 64] & (1 << (d % 64)) != 0
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
