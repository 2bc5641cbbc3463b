//! Clusters hold one statement each: the same wire story in several
//! outlets on one day is one cluster, while an outlet's daily template
//! (the same sentence with another day's facts) is not one statement.

mod common;

use isnad::compare::{self, RelateLexicon};
use isnad::io::input::Article;
use isnad::model::Annotation;

fn article(id: &str, outlet: &str, date: &str, text: &str) -> Annotation {
    let a = Article {
        id: id.to_string(),
        text: text.to_string(),
        sha256: String::new(),
        title: None,
        outlet: Some(outlet.to_string()),
        url: None,
        date: Some(date.to_string()),
        origin: id.to_string(),
    };
    let mut doc = common::pipeline().annotate(&a);
    doc.document.publisher = Some(outlet.to_string());
    doc.document.date = Some(date.to_string());
    doc
}

const FORECAST: &str = "توقعات الطقس\nتوقعت الرئاسة العامة للأرصاد وحماية البيئة هطول أمطار رعدية مصحوبة بنشاط في الرياح السطحية على مناطق عسير والباحة وجازان ونجران، مع طقس شديد الحرارة على المنطقة الشرقية والرياض.\n";

const WIRE: &str = "مساعدات لليمن\nقال مركز الملك سلمان للإغاثة إنه أرسل 40 طائرة محملة بالمواد الغذائية والأدوية إلى مطار عدن الدولي خلال الأسبوع الماضي.\n";

/// Six days of one outlet's forecast, and the same day's forecast in a
/// second outlet; a wire story in three outlets on one day; and other news,
/// so that the forecast's words are rare enough to align claims by.
fn archive() -> Vec<Annotation> {
    let mut docs = Vec::new();
    for i in 0..60 {
        docs.push(article(
            &format!("news-{i}"),
            "news",
            "2015-08-10 10:00:00",
            &format!(
                "خبر محلي\nقال مدير المشروع رقم {} إن العمل فيه سينتهي خلال {} يوما.\n",
                100 + i,
                200 + i
            ),
        ));
    }
    for day in 1..=6 {
        docs.push(article(
            &format!("daily-{day}"),
            "daily",
            &format!("2015-08-0{day} 08:00:00"),
            FORECAST,
        ));
    }
    docs.push(article("other-3", "other", "2015-08-03 09:00:00", FORECAST));
    for (i, outlet) in ["wire-a", "wire-b", "wire-c"].iter().enumerate() {
        docs.push(article(
            &format!("{outlet}-{i}"),
            outlet,
            "2015-08-04 12:00:00",
            WIRE,
        ));
    }
    docs
}

/// The text of the claim a cluster refers to.
fn claim_text(docs: &[Annotation], r: &compare::ClaimRef) -> String {
    let d = docs.iter().find(|d| d.document.id == r.doc).unwrap();
    d.claims
        .iter()
        .find(|x| x.id == r.claim)
        .unwrap()
        .text
        .clone()
}

fn day_of(docs: &[Annotation], id: &str) -> u32 {
    let d = docs.iter().find(|d| d.document.id == id).unwrap();
    d.document.date.as_deref().unwrap()[8..10].parse().unwrap()
}

#[test]
fn a_daily_template_is_not_one_statement() {
    let docs = archive();
    let c = compare::compare(&docs, RelateLexicon::builtin());
    // The forecasts are related day after day ...
    let forecast_pairs = c
        .relations
        .iter()
        .filter(|p| p.a.doc.starts_with("daily") && p.b.doc.starts_with("daily"))
        .count();
    assert!(forecast_pairs >= 5, "{forecast_pairs} relations");
    // ... but a cluster holds only claims of its centre's days, and at
    // most two articles of one outlet.
    for k in &c.clusters {
        let days: Vec<u32> = k.claims.iter().map(|r| day_of(&docs, &r.doc)).collect();
        let (lo, hi) = (days.iter().min().unwrap(), days.iter().max().unwrap());
        assert!(hi - lo <= 2, "{} spans days {days:?}", k.id);
        let mut daily: Vec<&str> = k
            .claims
            .iter()
            .filter(|r| r.doc.starts_with("daily"))
            .map(|r| r.doc.as_str())
            .collect();
        daily.sort_unstable();
        daily.dedup();
        assert!(daily.len() <= 2, "{}: {daily:?}", k.id);
    }
}

#[test]
fn a_wire_story_in_three_outlets_is_one_cluster() {
    let docs = archive();
    let c = compare::compare(&docs, RelateLexicon::builtin());
    let text = |r: &compare::ClaimRef| claim_text(&docs, r);
    let wire: Vec<_> = c
        .clusters
        .iter()
        .filter(|k| k.claims.iter().any(|r| text(r).contains("طائرة")))
        .collect();
    assert_eq!(wire.len(), 1, "{wire:?}");
    assert_eq!(wire[0].claims.len(), 3, "{wire:?}");
    assert_eq!(wire[0].independent_origins, 1, "one origin: the centre");
}

/// Two decisions of one cabinet list, each in three outlets: the same post
/// and department, another person and another act. Each decision is a
/// statement of its own.
#[test]
fn two_decisions_of_one_list_are_two_statements() {
    let mut docs = archive();
    let appoint = "تعيين منصور بن صالح بن يوسف الوابلي على وظيفة مستشار ضريبي بالمرتبة الرابعة عشرة بمصلحة الزكاة والدخل.";
    let transfer = "نقل محمد بن إبراهيم بن عبدالرحمن الحسن من مستشار ضريبي بالمرتبة الرابعة عشرة إلى وظيفة مدير عام إدارة الرقابة والمراجعة بذات المرتبة بمصلحة الزكاة والدخل.";
    for outlet in ["cab-a", "cab-b", "cab-c"] {
        docs.push(article(
            &format!("{outlet}-1"),
            outlet,
            "2015-08-03 12:00:00",
            &format!("قرارات مجلس الوزراء\n{appoint}\n{transfer}\n"),
        ));
    }
    let c = compare::compare(&docs, RelateLexicon::builtin());
    let text = |r: &compare::ClaimRef| claim_text(&docs, r);
    let mut gathered = 0;
    for k in &c.clusters {
        let texts: Vec<String> = k.claims.iter().map(text).collect();
        let appointed = texts.iter().filter(|t| t.contains("الوابلي")).count();
        let moved = texts.iter().filter(|t| t.contains("الحسن")).count();
        assert!(appointed == 0 || moved == 0, "{texts:?}");
        gathered = gathered.max(appointed).max(moved);
    }
    // Each decision is still gathered across the outlets.
    assert_eq!(gathered, 3, "{:?}", c.clusters);
}

/// One club's training report, the same words on three days: two outlets
/// on the middle day, one the day before, one the day after. The middle
/// day's report is the centre, and each other day is within a day of it,
/// but the day before and the day after are two days apart: a cluster
/// holds one of them, not both.
#[test]
fn a_cluster_spans_one_day_between_any_two_members() {
    let mut docs = archive();
    let report = "تدريبات الهلال\nواصل فريق الهلال تدريباته الصباحية في معسكره التحضيري بمدينة سالزبورغ النمساوية بمشاركة شراحيلي والعابد والسواط.\n";
    for (id, outlet, date) in [
        ("club-a", "club-a", "2015-07-25 09:00:00"),
        ("club-b", "club-b", "2015-07-25 10:00:00"),
        ("club-c", "club-c", "2015-07-24 09:00:00"),
        ("club-d", "club-d", "2015-07-26 09:00:00"),
    ] {
        docs.push(article(id, outlet, date, report));
    }
    let c = compare::compare(&docs, RelateLexicon::builtin());
    let mut gathered = 0;
    for k in &c.clusters {
        let days: Vec<u32> = k
            .claims
            .iter()
            .filter(|r| r.doc.starts_with("club"))
            .map(|r| day_of(&docs, &r.doc))
            .collect();
        if let (Some(lo), Some(hi)) = (days.iter().min(), days.iter().max()) {
            assert!(hi - lo <= 1, "{} spans days {days:?}", k.id);
        }
        gathered = gathered.max(days.len());
    }
    // The middle day's two reports and one neighbour's are still gathered.
    assert_eq!(gathered, 3, "{:?}", c.clusters);
}
