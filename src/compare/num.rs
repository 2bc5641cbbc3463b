//! Numerals in folded Arabic text: digits (already ASCII after folding),
//! scale words (ألف، مليون...), small number words and hedges (أكثر من...).

/// Parses a digit token from the tokenizer. A comma or U+066C followed by
/// exactly three digits groups thousands; any other joiner is a decimal point.
pub fn parse_numeral(tok: &str) -> Option<f64> {
    let mut s = String::with_capacity(tok.len());
    let parts: Vec<&str> = tok.split([',', '\u{066C}']).collect();
    let grouped = parts.len() > 1
        && parts[1..]
            .iter()
            .all(|p| p.bytes().take(3).filter(u8::is_ascii_digit).count() == 3);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 && !grouped {
            s.push('.');
        }
        s.push_str(&p.replace('\u{066B}', "."));
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Strips a conjunction or preposition proclitic from a short function word.
fn bare(word: &str) -> &str {
    for p in ["وب", "ول", "و", "ب", "ل", "ف"] {
        if let Some(rest) = word.strip_prefix(p)
            && rest.chars().count() >= 3
        {
            return rest;
        }
    }
    word
}

/// Scale word after a numeral: 30 ألف, 3.4 مليون.
pub fn scale(word: &str) -> Option<f64> {
    let w = bare(word);
    let w = w
        .strip_prefix("ال")
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(w);
    // Accusative ending: 60 مليارا.
    let w = w
        .strip_suffix('ا')
        .filter(|r| r.chars().count() >= 4)
        .unwrap_or(w);
    Some(match w {
        "الف" | "الاف" => 1e3,
        "مليون" | "ملايين" => 1e6,
        "مليار" | "مليارات" | "بليون" => 1e9,
        "تريليون" | "تريليونات" => 1e12,
        _ => return None,
    })
}

/// Vague counts as ranges: عشرات (tens), مئات (hundreds), آلاف (thousands)
/// standing without a numeral before them.
pub fn vague_count(word: &str) -> Option<(f64, f64)> {
    let w = bare(word);
    let w = w
        .strip_prefix("ال")
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(w);
    Some(match w {
        "عشرات" => (10.0, 99.0),
        "مئات" => (100.0, 999.0),
        "الاف" => (1e3, 999_999.0),
        "ملايين" => (1e6, 999e6),
        _ => return None,
    })
}

/// Number words standing on their own. Duals of scale words (مليوني سيارة)
/// are common in headlines; plain units up to ten and the tens cover most
/// spelled-out counts.
pub fn number_word(word: &str) -> Option<f64> {
    let w = bare(word);
    let w = w
        .strip_prefix("ال")
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(w);
    Some(match w {
        "واحد" | "واحده" => 1.0,
        "اثنان" | "اثنين" | "اثنتين" | "اثنتان" => 2.0,
        "ثلاث" | "ثلاثه" => 3.0,
        "اربع" | "اربعه" => 4.0,
        "خمس" | "خمسه" => 5.0,
        "ست" | "سته" => 6.0,
        "سبع" | "سبعه" => 7.0,
        "ثمان" | "ثماني" | "ثمانيه" => 8.0,
        "تسع" | "تسعه" => 9.0,
        "عشر" | "عشره" => 10.0,
        "عشرون" | "عشرين" => 20.0,
        "ثلاثون" | "ثلاثين" => 30.0,
        "اربعون" | "اربعين" => 40.0,
        "خمسون" | "خمسين" => 50.0,
        "ستون" | "ستين" => 60.0,
        "سبعون" | "سبعين" => 70.0,
        "ثمانون" | "ثمانين" => 80.0,
        "تسعون" | "تسعين" => 90.0,
        "مئه" | "مائه" => 100.0,
        "مئتي" | "مئتين" | "مائتي" | "مائتين" => 200.0,
        "الفي" | "الفين" => 2e3,
        "مليوني" | "مليونين" => 2e6,
        "ملياري" | "مليارين" => 2e9,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    Exact,
    AtLeast,
    AtMost,
    About,
}

/// Hedge word right before a numeral (the word before that is checked for
/// the two-word forms أكثر من / أقل من by the caller passing both).
pub fn hedge(prev2: Option<&str>, prev: Option<&str>) -> Hedge {
    match (prev2.map(bare), prev.map(bare)) {
        (Some("اكثر" | "يزيد" | "يتجاوز" | "يفوق"), Some("من" | "عن")) => {
            Hedge::AtLeast
        }
        (Some("اقل"), Some("من")) => Hedge::AtMost,
        (_, Some("نحو" | "حوالي" | "قرابه" | "زهاء" | "قرابة" | "تقريبا")) => {
            Hedge::About
        }
        (_, Some("يتخطي" | "تتخطي" | "تجاوز" | "يتجاوز" | "فوق")) => {
            Hedge::AtLeast
        }
        _ => Hedge::Exact,
    }
}

/// Hedge words that follow the quantity: 7 قتلى على الأقل.
pub fn trailing_hedge(word: &str) -> Option<Hedge> {
    match bare(word) {
        "الاقل" => Some(Hedge::AtLeast),
        "تقريبا" => Some(Hedge::About),
        _ => None,
    }
}

/// The interval of values a reported quantity allows.
pub fn interval(lo: f64, hi: f64, h: Hedge) -> (f64, f64) {
    match h {
        Hedge::Exact => (lo, hi),
        Hedge::AtLeast => (lo, f64::INFINITY),
        Hedge::AtMost => (0.0, hi),
        Hedge::About => (lo * 0.85, hi * 1.15),
    }
}

/// Whether two reported quantities can describe the same count.
pub fn compatible(a: (f64, f64), b: (f64, f64)) -> bool {
    let eps = 1e-9 * a.1.abs().max(b.1.abs()).min(1e12);
    a.0 <= b.1 + eps && b.0 <= a.1 + eps
}

/// Four-digit values in this range without a scale word read as years.
pub fn is_year(v: f64, tok: &str) -> bool {
    tok.len() == 4 && tok.bytes().all(|b| b.is_ascii_digit()) && (1900.0..=2100.0).contains(&v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(parse_numeral("1,670"), Some(1670.0));
        assert_eq!(parse_numeral("3.4"), Some(3.4));
        assert_eq!(parse_numeral("1,5"), Some(1.5));
        assert_eq!(parse_numeral("2\u{066B}5"), Some(2.5));
        assert_eq!(parse_numeral("12\u{066C}000"), Some(12000.0));
        assert_eq!(parse_numeral(""), None);
        // Mixed separators are ambiguous; slicing must not split a char.
        assert_eq!(parse_numeral("1,55\u{066B}5"), None);
    }

    #[test]
    fn words_and_scales() {
        assert_eq!(scale("الف"), Some(1e3));
        assert_eq!(scale("وملايين"), Some(1e6));
        assert_eq!(scale("مليارا"), Some(1e9));
        assert_eq!(scale("الالاف"), Some(1e3));
        assert_eq!(number_word("خمسه"), Some(5.0));
        assert_eq!(number_word("بمليوني"), Some(2e6));
        assert_eq!(number_word("الخمسين"), Some(50.0));
        assert_eq!(number_word("سيارة"), None);
    }

    #[test]
    fn hedges() {
        assert_eq!(hedge(Some("اكثر"), Some("من")), Hedge::AtLeast);
        let exact = |x: f64| interval(x, x, Hedge::Exact);
        assert!(compatible(
            interval(80.0, 80.0, Hedge::AtLeast),
            exact(85.0)
        ));
        assert!(!compatible(exact(30e3), exact(33e3)));
        assert!(compatible(
            interval(100.0, 100.0, Hedge::About),
            exact(110.0)
        ));
        assert!(!compatible(
            vague_count("العشرات").unwrap_or_default(),
            vague_count("المئات").unwrap_or_default()
        ));
    }
}
