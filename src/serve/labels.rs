//! The desk's words: Arabic labels for the model's values, the review
//! form's keys, and the model enums' names as the YAML and URLs spell them.

use crate::compare::RelationKind;
use crate::model::{Basis, QuoteKind, ReviewStatus, SourceKind, Stance, Verdict};

pub fn status_label(s: ReviewStatus) -> &'static str {
    match s {
        ReviewStatus::Unreviewed => "غير مراجَع",
        ReviewStatus::Confirmed => "مؤكَّد",
        ReviewStatus::Corrected => "مصحَّح",
        ReviewStatus::Rejected => "مرفوض",
    }
}

pub fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::True => "صحيح",
        Verdict::MostlyTrue => "صحيح في معظمه",
        Verdict::Misleading => "مضلِّل",
        Verdict::False => "خاطئ",
        Verdict::Unverifiable => "لا يمكن التحقق منه",
        Verdict::NotChecked => "لم يُتحقَّق منه",
    }
}

pub fn kind_label(k: SourceKind) -> &'static str {
    match k {
        SourceKind::Outlet => "وسيلة إعلام",
        SourceKind::Person => "شخص",
        SourceKind::Official => "جهة رسمية",
        SourceKind::Anonymous => "مصدر مجهول",
        SourceKind::Group => "جماعة",
        SourceKind::Document => "وثيقة",
    }
}

pub fn basis_label(b: Basis) -> &'static str {
    match b {
        Basis::Attributed => "منسوب إلى مصدر",
        Basis::Editorial => "تحريري",
        Basis::Unsourced => "بلا مصدر",
    }
}

pub fn quote_label(q: QuoteKind) -> &'static str {
    match q {
        QuoteKind::Direct => "اقتباس مباشر",
        QuoteKind::Indirect => "نقل غير مباشر",
        QuoteKind::Mixed => "اقتباس مختلط",
    }
}

pub fn stance_label(s: Stance) -> &'static str {
    match s {
        Stance::Assert => "يؤكد",
        Stance::Deny => "ينفي",
        Stance::Allege => "يزعم",
        Stance::Admit => "يعترف",
        Stance::NoComment => "يمتنع عن التعليق",
    }
}

pub fn relation_label(r: RelationKind) -> &'static str {
    match r {
        RelationKind::Corroborates => "يؤيده",
        RelationKind::Conflicts => "يعارضه",
        RelationKind::Echo => "يردد المصدر نفسه",
        RelationKind::Updates => "يحدّث الرقم",
        RelationKind::Related => "ذو صلة",
    }
}

pub fn reason_label(r: &str) -> &'static str {
    match r {
        "numbers or dates" => "أرقام أو تواريخ",
        "named person" => "شخص مسمّى",
        "named organisation" => "جهة مسمّاة",
        "anonymous source" => "مصدر مجهول",
        "denial" => "نفي",
        "allegation" => "ادعاء",
        "conflicts with another article" => "يتعارض مع مقال آخر",
        _ => "",
    }
}

/// Keys of the review form, as in the terminal walk (`review/interactive.rs`).
pub const STATUS_KEYS: [(ReviewStatus, char); 4] = [
    (ReviewStatus::Unreviewed, 'z'),
    (ReviewStatus::Confirmed, 'c'),
    (ReviewStatus::Corrected, 'x'),
    (ReviewStatus::Rejected, 'r'),
];
pub const VERDICT_KEYS: [(Verdict, char); 6] = [
    (Verdict::True, 't'),
    (Verdict::MostlyTrue, 'm'),
    (Verdict::Misleading, 'l'),
    (Verdict::False, 'f'),
    (Verdict::Unverifiable, 'u'),
    (Verdict::NotChecked, 'n'),
];

/// The snake_case name of a model enum, as the YAML and the URLs spell it.
pub fn name<T: serde::Serialize>(v: &T) -> String {
    crate::review::commands::enum_name(v)
}

pub fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}
