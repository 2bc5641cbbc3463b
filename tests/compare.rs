//! Comparison across the sample articles: what it must find, and what it
//! must not (two meetings in other places and years are different events).

mod common;

use isnad::compare::{self, ConflictKind, RelateLexicon, RelationKind};

fn run() -> (Vec<isnad::model::Annotation>, compare::Comparison) {
    let docs: Vec<_> = common::seed_paths()
        .iter()
        .map(|p| common::annotate(p))
        .collect();
    let c = compare::compare(&docs, RelateLexicon::builtin());
    (docs, c)
}

fn text<'a>(docs: &'a [isnad::model::Annotation], r: &compare::ClaimRef) -> &'a str {
    let d = docs.iter().find(|d| d.document.id == r.doc).unwrap();
    &d.claims.iter().find(|c| c.id == r.claim).unwrap().text
}

#[test]
fn the_30_000_and_33_000_emails_conflict_numerically() {
    let (docs, c) = run();
    let found = c.relations.iter().any(|p| {
        p.kind == Some(ConflictKind::Numeric)
            && [&p.a, &p.b]
                .iter()
                .any(|r| text(&docs, r).contains("30 ألف"))
            && [&p.a, &p.b]
                .iter()
                .any(|r| text(&docs, r).contains("33 ألف"))
    });
    assert!(found);
}

#[test]
fn hamburg_and_osaka_meetings_are_not_aligned() {
    let (docs, c) = run();
    let bad = c.relations.iter().find(|p| {
        let (a, b) = (text(&docs, &p.a), text(&docs, &p.b));
        (a.contains("هامبورغ") && b.contains("أوساكا"))
            || (a.contains("أوساكا") && b.contains("هامبورغ"))
    });
    assert!(bad.is_none(), "{bad:?}");
}

#[test]
fn every_relation_carries_its_evidence_and_the_output_is_deterministic() {
    let (docs, c) = run();
    assert!(!c.relations.is_empty());
    for p in &c.relations {
        assert!(!p.evidence.rule.is_empty());
        assert!(p.relation == RelationKind::Related || !p.evidence.diff.is_empty());
        if p.relation == RelationKind::Conflicts {
            assert!(p.kind.is_some());
        }
    }
    let again = compare::compare(&docs, RelateLexicon::builtin());
    assert_eq!(
        isnad::io::yaml::to_string(&c).unwrap(),
        isnad::io::yaml::to_string(&again).unwrap()
    );
    let html = compare::report::html(&c, &docs);
    assert!(html.contains("dir=\"rtl\"") && !html.contains("<script") && !html.contains("http"));
}

#[test]
fn relate_reads_a_denial_against_a_confirmation() {
    let j = isnad::compare::pairs::judge(
        "نفى البيت الأبيض إجراء أي اتصالات مع مسؤولين روس",
        "أكد البيت الأبيض إجراء اتصالات مع مسؤولين روس",
        RelateLexicon::builtin(),
    );
    assert_eq!(j["relation"], "conflicts", "{j}");
    assert_eq!(j["kind"], "polarity", "{j}");
}

/// Whether a relation of `relation` joins a claim containing `x` and one containing `y`.
fn joined(
    docs: &[isnad::model::Annotation],
    c: &compare::Comparison,
    relation: RelationKind,
    x: &str,
    y: &str,
) -> bool {
    c.relations.iter().any(|p| {
        let (a, b) = (text(docs, &p.a), text(docs, &p.b));
        p.relation == relation
            && ((a.contains(x) && b.contains(y)) || (a.contains(y) && b.contains(x)))
    })
}

#[test]
fn denials_conflict_with_the_accounts_they_deny() {
    let (docs, c) = run();
    // The White House first denied any contacts, then confirmed four meetings.
    assert!(joined(
        &docs,
        &c,
        RelationKind::Conflicts,
        "إجراء أي اتصالات",
        "انعقاد أربعة لقاءات"
    ));
    // Medvedchuk denies the contact the sources describe.
    assert!(joined(
        &docs,
        &c,
        RelationKind::Conflicts,
        "وجود أي اتصال",
        "فيكتور ميدفيدتشوك"
    ));
    // "Moscow did not interfere" against the reported Russian interference.
    assert!(joined(
        &docs,
        &c,
        RelationKind::Conflicts,
        "موسكو لم تتدخل",
        "التدخل الروسي"
    ));
}

#[test]
fn trump_jr_wikileaks_messages_are_corroborated_across_articles() {
    let (docs, c) = run();
    assert!(joined(
        &docs,
        &c,
        RelationKind::Corroborates,
        "ونشر دونالد ترامب جونيور",
        "ترامب الابن تواصل مع"
    ));
}

/// Frames and scoped negation, on sentences written for the test.
mod frames {
    use isnad::compare::RelateLexicon;
    use isnad::compare::relate::{AnalysedClaim, Params, Relation, frame_match, relate_claims};

    /// `compare`'s reading: long claims, covering overlap, scoped negation.
    fn covering() -> Params {
        Params {
            related: 0.12,
            polarity: 0.4,
            numeric: 0.12,
            containment: true,
            sentiment: false,
        }
    }

    fn rel(a: &str, b: &str) -> isnad::compare::Judgement {
        let lex = RelateLexicon::builtin();
        relate_claims(
            &AnalysedClaim::analyze(a, lex),
            &AnalysedClaim::analyze(b, lex),
            lex,
            None,
            &covering(),
        )
    }

    #[test]
    fn a_negation_outside_the_aligned_predicate_is_no_conflict() {
        // The negation governs "المعارضة", which the other claim never says.
        let j = rel(
            "صادق البرلمان بالأغلبية يوم الأحد على الموازنة الجديدة التي لم تعجب المعارضة",
            "صادق البرلمان بالأغلبية يوم الأحد على الموازنة الجديدة",
        );
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
        // It governs the shared predicate: a conflict.
        let j = rel(
            "لم يصادق البرلمان يوم الأحد على الموازنة الجديدة",
            "صادق البرلمان يوم الأحد على الموازنة الجديدة",
        );
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
    }

    #[test]
    fn prevents_is_not_a_negation() {
        let j = rel(
            "اتخذت الشرطة إجراءات للحيلولة دون وصول المحتجين إلى الساحة",
            "اتخذت الشرطة إجراءات لمنع وصول المحتجين إلى الساحة",
        );
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
    }

    #[test]
    fn clock_times_are_never_a_numeric_conflict() {
        let j = rel(
            "تأجل التصويت على القرار الذي كان مقررا الساعة 1500 بتوقيت غرينتش",
            "تأجل التصويت على القرار إلى الساعة الرابعة (1600 بتوقيت غرينتش)",
        );
        assert_ne!(j.kind, Some(isnad::compare::ConflictKind::Numeric), "{j:?}");
    }

    #[test]
    fn a_percentage_is_never_a_count_of_people() {
        // "95 بالمئة" was read as 95 and as a count of 100 civilians.
        let j = rel(
            "قتل 6 مدنيين في قصف على الغوطة الشرقية",
            "قتل 95 بالمئة من المدنيين في قصف على الغوطة الشرقية",
        );
        assert_ne!(j.kind, Some(isnad::compare::ConflictKind::Numeric), "{j:?}");
        // Two percentages of one thing, written two ways, agree or differ.
        let j = rel(
            "ارتفعت الأسعار 5 في المئة في يوليو",
            "ارتفعت الأسعار 5% في يوليو",
        );
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
        let j = rel(
            "ارتفعت الأسعار 5 بالمئة في يوليو",
            "ارتفعت الأسعار 7% في يوليو",
        );
        assert_eq!(j.kind, Some(isnad::compare::ConflictKind::Numeric), "{j:?}");
    }

    #[test]
    fn two_cities_of_one_country_are_two_places() {
        // An Aleppo strike is not the Douma strike; Douma lies in Ghouta.
        let j = rel(
            "قتل 10 أشخاص في قصف جوي على مدينة حلب السبت",
            "قتل 10 أشخاص في قصف جوي على مدينة دوما السبت",
        );
        assert_ne!(j.relation, Relation::Corroborates, "{j:?}");
        let j = rel(
            "قتل 10 أشخاص في قصف جوي على مدينة دوما السبت",
            "قتل 10 أشخاص في قصف جوي على مدينة دوما في الغوطة السبت",
        );
        assert_eq!(j.relation, Relation::Corroborates, "{j:?}");
    }

    #[test]
    fn a_denial_and_there_is_no_meet_in_one_frame() {
        let lex = RelateLexicon::builtin();
        let a = AnalysedClaim::analyze("قالت موسكو إنه لا يوجد اتفاق بين الطرفين", lex);
        let b = AnalysedClaim::analyze("ونفت روسيا التوصل إلى اتفاق بين الطرفين", lex);
        let f = frame_match(&a, &b, lex);
        assert!(f.classes.iter().any(|c| c == "deny"), "{f:?}");
        // Moscow is Russia: the gazetteer normalises the actor.
        assert!(f.entities.iter().any(|e| e == "روسيا"), "{f:?}");
        assert!(f.aligned());
        let j = relate_claims(&a, &b, lex, None, &covering());
        assert_ne!(j.relation, Relation::Conflicts, "{j:?}");
    }

    #[test]
    fn approval_verbs_share_a_class() {
        let lex = RelateLexicon::builtin();
        let a = AnalysedClaim::analyze("وافق مجلس الأمن بالإجماع على مشروع القرار", lex);
        let b = AnalysedClaim::analyze("تبنى مجلس الأمن مشروع القرار", lex);
        let f = frame_match(&a, &b, lex);
        assert!(f.classes.iter().any(|c| c == "approve"), "{f:?}");
        assert!(f.entities.iter().any(|e| e == "مجلس الأمن"), "{f:?}");
    }

    #[test]
    fn tolls_on_different_days_are_not_one_count() {
        let lex = RelateLexicon::builtin();
        let a = AnalysedClaim::analyze("قتل 12 شخصا يوم الخميس في قصف على البلدة", lex);
        let b = AnalysedClaim::analyze("قتل 12 شخصا في قصف على البلدة", lex);
        assert!(isnad::compare::relate::count_clash(&a, &b));
        let c = AnalysedClaim::analyze("قتل أكثر من 12 مدنيا في قصف على البلدة", lex);
        assert!(!isnad::compare::relate::count_clash(&b, &c));
    }
}

/// What two claims must share to corroborate in `compare`: parts that few
/// claims of the compared set hold, and an assertion on both sides.
mod specificity {
    use isnad::compare::RelateLexicon;
    use isnad::compare::relate::{AnalysedClaim, Idf, asserts, distinctive_shared};

    #[test]
    fn parts_every_claim_of_a_story_shares_are_not_distinctive() {
        let lex = RelateLexicon::builtin();
        let mut texts: Vec<String> = (0..30)
            .map(|i| format!("هجوم في سوريا أسفر عن خسائر في المنطقة رقم {i} قرب الحدود"))
            .collect();
        texts.push("قالت الوزارة إن هجوم سوريا وقع قرب مصفاة النفط الشمالية".to_string());
        texts.push("أكد المسؤول أن هجوم سوريا استهدف مصفاة النفط في الشمال".to_string());
        texts.push("ذكر شاهد أن هجوم سوريا أصاب مدرسة للبنات في القرية".to_string());
        let claims: Vec<AnalysedClaim> = texts
            .iter()
            .map(|t| AnalysedClaim::analyze(t, lex))
            .collect();
        let idf = Idf::from_frequencies(Idf::frequencies(claims.iter()), claims.len());
        let n = claims.len();
        // Refinery and oil: few claims hold them.
        let refinery = distinctive_shared(&claims[n - 3], &claims[n - 2], &idf, 0.1, lex);
        assert!(refinery.len() >= 2, "{refinery:?}");
        // Only "attack" and "Syria", which every claim has.
        let story = distinctive_shared(&claims[n - 3], &claims[n - 1], &idf, 0.1, lex);
        assert!(story.is_empty(), "{story:?}");
    }

    #[test]
    fn conditions_questions_and_warnings_do_not_assert() {
        let lex = RelateLexicon::builtin();
        for t in [
            "إذا كان هناك دليل على استخدام أسلحة كيماوية",
            "هل استخدم الجيش أسلحة كيماوية في الهجوم",
            "الوزير يحذر من استخدام أسلحة كيماوية",
        ] {
            assert!(!asserts(&AnalysedClaim::analyze(t, lex)), "{t}");
        }
        let t = "استخدم الجيش أسلحة كيماوية في الهجوم";
        assert!(asserts(&AnalysedClaim::analyze(t, lex)), "{t}");
    }
}

/// Learned contrast pairs and headline-only antonym groups: read between
/// short claims (`relate`, ANS headlines), never in `compare`.
mod learned {
    use isnad::compare::RelateLexicon;
    use isnad::compare::relate::{AnalysedClaim, Params, Relation, relate_claims};

    /// `compare`'s reading: long claims, covering overlap, scoped negation.
    fn rel(a: &str, b: &str) -> isnad::compare::Judgement {
        let lex = RelateLexicon::builtin();
        let p = Params {
            related: 0.12,
            polarity: 0.4,
            numeric: 0.12,
            containment: true,
            sentiment: false,
        };
        relate_claims(
            &AnalysedClaim::analyze(a, lex),
            &AnalysedClaim::analyze(b, lex),
            lex,
            None,
            &p,
        )
    }

    /// `relate`'s reading of short claims (headlines, as ANS has).
    fn headline(a: &str, b: &str, lex: &RelateLexicon) -> isnad::compare::Judgement {
        relate_claims(
            &AnalysedClaim::analyze(a, lex),
            &AnalysedClaim::analyze(b, lex),
            lex,
            None,
            &Params::default(),
        )
    }

    #[test]
    fn learned_contrasts_reverse_headlines_only() {
        let lex = RelateLexicon::builtin();
        assert!(lex.contrast_count() > 100, "{}", lex.contrast_count());
        let (a, b) = (
            "أسعار الذهب تقفز إلى أعلى مستوى منذ عام",
            "أسعار النفط تقفز إلى أعلى مستوى منذ عام",
        );
        let j = headline(a, b, lex);
        assert_eq!(j.relation, Relation::Conflicts, "{j:?}");
        assert_eq!(j.rule, "polarity.contrast", "{j:?}");
        assert!(j.evidence.iter().any(|e| e.contains('⇄')), "{j:?}");
        // Long claims (compare) do not read learned pairs.
        let j = rel(a, b);
        assert_ne!(j.rule, "polarity.contrast", "{j:?}");
        // A learned pair is weaker than a negation and never cancels it.
        let j = headline("السلطات تجري تشريحا للجثمان", "دفن الجثمان دون تشريحه", lex);
        assert_eq!(j.rule, "polarity.negation", "{j:?}");
    }

    #[test]
    fn headline_only_groups_stay_out_of_compare() {
        let lex = RelateLexicon::builtin();
        let (a, b) = (
            "النساء أكثر إقبالا على التصويت في الانتخابات",
            "الرجال أكثر إقبالا على التصويت في الانتخابات",
        );
        let j = headline(a, b, lex);
        assert_eq!(j.rule, "polarity.antonym.sex", "{j:?}");
        let j = rel(a, b);
        assert_ne!(j.rule, "polarity.antonym.sex", "{j:?}");
    }

    #[test]
    fn contrasts_are_data_that_a_file_extends() {
        let lex = RelateLexicon::embedded()
            .and_then(|l| l.with_contrasts("contrasts:\n  - [قطة, كلب]\n  - [وحيد]\n"))
            .expect("contrasts file loads");
        let j = headline("قطة تنقذ طفلا من الغرق", "كلب ينقذ طفلا من الغرق", &lex);
        assert_eq!(j.rule, "polarity.contrast", "{j:?}");
        // Malformed data is an error, never a panic.
        let bad = RelateLexicon::embedded().and_then(|l| l.with_contrasts("contrasts: 3"));
        assert!(bad.is_err());
    }

    #[test]
    fn a_swapped_thing_or_actor_in_one_headline_is_another_statement() {
        let lex = RelateLexicon::builtin();
        let cases = [
            (
                "الروائي الأمريكي يفوز بجائزة نوبل",
                "الممثل الأمريكي يفوز بجائزة نوبل",
                Some("event.substitution"),
            ),
            // Any word swapped in place between the same neighbours.
            (
                "ماكرون يزور الجزائر الأسبوع المقبل",
                "ميركل يزور الجزائر الأسبوع المقبل",
                Some("event.substitution"),
            ),
            (
                "الحكومة تبيع حصتها في الشركة الوطنية",
                "الحكومة تشتري حصتها في الشركة الوطنية",
                Some("polarity.antonym.trade"),
            ),
            (
                "الشرطة تعتقل ثلاثة متظاهرين في العاصمة",
                "الشرطة تلاحق ثلاثة متظاهرين في العاصمة",
                Some("event.substitution"),
            ),
            // A paraphrase that rewords around its one new word is none.
            (
                "الشرطة تعتقل ثلاثة متظاهرين في العاصمة",
                "ثلاثة متظاهرين تعتقلهم الشرطة اليوم في العاصمة",
                None,
            ),
            // Two forms of one word are no substitution.
            (
                "الليرة التركية تهوي إلى مستوى جديد",
                "هبوط لليرة التركية لمستوى جديد",
                None,
            ),
            (
                "روسيا تتهم بريطانيا بتدبير الهجوم",
                "بريطانيا تتهم روسيا بتدبير الهجوم",
                Some("event.roles"),
            ),
            // A speaker named first is no actor of the statement.
            (
                "لافروف: سوريا تخلصت من ترسانتها الكيمياوية",
                "سوريا تتخلص من الأسلحة الكيماوية على حد قول لافروف",
                None,
            ),
            // Directions bound across conjuncts: the pound fell, then rose.
            (
                "الإسترليني يهبط والدولار يصعد",
                "صعود كبير للإسترليني وهبوط حاد للدولار",
                Some("polarity.antonym.direction"),
            ),
        ];
        for (a, b, rule) in cases {
            let j = headline(a, b, lex);
            match rule {
                Some(r) => assert_eq!(j.rule, r, "{a} | {b}: {j:?}"),
                None => assert_eq!(j.relation, Relation::Corroborates, "{a} | {b}: {j:?}"),
            }
            // Long claims (compare) read none of these.
            let j = rel(a, b);
            assert!(
                !j.rule.starts_with("event.substitution") && !j.rule.starts_with("event.roles"),
                "{j:?}"
            );
        }
    }
}

/// What a corroboration needs beyond shared words, on sentences written
/// for the test: one name is one shared part, "no evidence of X" denies X,
/// and background both claims give is no statement they share.
mod corroboration {
    use isnad::compare::RelateLexicon;
    use isnad::compare::relate::{
        AnalysedClaim, Idf, distinctive_shared, frame_match, polarity_differs, statements_meet,
        statements_meet_stated, states_something,
    };

    fn claim(t: &str) -> AnalysedClaim {
        AnalysedClaim::analyze(t, RelateLexicon::builtin())
    }

    /// The parts `a` and `b` share that few of `a`, `b` and some other
    /// claims of one story hold.
    fn parts(a: &str, b: &str) -> Vec<String> {
        let others = [
            "ارتفعت أسعار النفط في الأسواق العالمية",
            "افتتح معرض الكتاب أبوابه للزوار",
            "فاز الفريق بالمباراة النهائية",
            "هطلت أمطار غزيرة على المناطق الساحلية",
        ];
        let claims: Vec<AnalysedClaim> = [a, b]
            .iter()
            .chain(others.iter())
            .map(|t| claim(t))
            .collect();
        let idf = Idf::from_frequencies(Idf::frequencies(claims.iter()), claims.len());
        distinctive_shared(&claims[0], &claims[1], &idf, 0.1, RelateLexicon::builtin())
    }

    #[test]
    fn a_phrase_that_completes_another_verb_states_nothing() {
        // What "اتهم ... بـ" and "وصف ... بـ" take: no statement of its own.
        assert!(!states_something(&claim(
            "بالغاز السام على مدينة دوما، يوم السبت"
        )));
        assert!(!states_something(&claim("بالاسطوانة المملة غير المقنعة")));
        assert!(!states_something(&claim(
            "إلى تكبيد الميليشيات خسائر كبيرة"
        )));
        // A statement, also one that opens with a preposition and names its
        // predicate.
        assert!(states_something(&claim(
            "قتل 70 شخصا في هجوم على مدينة دوما"
        )));
        assert!(states_something(&claim(
            "في دوما، قتل 70 شخصا في هجوم كيميائي"
        )));
    }

    #[test]
    fn the_words_of_one_name_are_one_shared_part() {
        // Two statements of one president: his name is all they share.
        let p = parts(
            "قال الرئيس السوري بشار الأسد إن الجيش سيواصل عملياته في ريف حمص",
            "استقبل الرئيس السوري بشار الأسد وفدا من رجال الأعمال",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        // A name and what is said of it: two parts.
        let p = parts(
            "استقبل الرئيس السوري بشار الأسد وفدا من رجال الأعمال الروس",
            "التقى الرئيس السوري بشار الأسد وفدا من رجال الأعمال",
        );
        assert!(p.len() >= 2, "{p:?}");
    }

    #[test]
    fn no_evidence_of_an_attack_denies_the_attack() {
        let none = claim("لم يعثر المحققون على أية أدلة على وقوع هجوم على المدينة");
        assert!(polarity_differs(
            &none,
            &claim("شن الجيش هجوما على المدينة فجر الأحد")
        ));
        // "The evidence points to" against "no evidence".
        assert!(polarity_differs(
            &none,
            &claim("الأدلة تشير إلى وقوع هجوم على المدينة")
        ));
        // Two claims that both find no evidence agree.
        assert!(!polarity_differs(
            &none,
            &claim("لا يوجد أي دليل على وقوع هجوم على المدينة")
        ));
    }

    #[test]
    fn background_both_claims_give_is_no_shared_statement() {
        let lex = RelateLexicon::builtin();
        // A response to what was said to be an attack, and casualties
        // after an attack: each states something else about it.
        let response =
            claim("تعمل فرنسا مع شركائها على رد مشترك على ما قيل إنه هجوم بالصواريخ على مدينة حمص");
        let casualties = claim("سجلت عشرات الإصابات بين السكان إثر هجوم بالصواريخ على مدينة حمص");
        assert!(statements_meet(&response, &casualties, lex));
        assert!(!statements_meet_stated(&response, &casualties, lex));
        // One of them states the attack: one statement.
        let attack = claim("شن الجيش هجوما بالصواريخ على مدينة حمص");
        assert!(statements_meet_stated(&attack, &casualties, lex));
        // A relative clause on the subject holds the main predicate after it.
        assert!(statements_meet_stated(
            &claim("الجيش الذي يتقدم بسرعة ليس بحاجة إلى استخدام الأسلحة الكيماوية"),
            &claim("الجيش الذي يتقدم في ريف حمص ليس بحاجة إلى استخدام أي أسلحة كيماوية"),
            lex
        ));
    }

    #[test]
    fn passed_away_reports_a_death() {
        let lex = RelateLexicon::builtin();
        let m = frame_match(
            &claim("فارق الحياة متأثرا بجروحه في المستشفى مساء الجمعة"),
            &claim("قتل المسعف برصاص القناصة مساء الجمعة"),
            lex,
        );
        assert!(m.classes.iter().any(|c| c == "kill"), "{m:?}");
    }
}
