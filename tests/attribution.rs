//! Attribution on real Arabic news: the hard cases of the sample articles
//! by name, and the scores against reviewed gold.

mod common;

use isnad::model::{Annotation, Basis, CueKind, SourceKind, Stance};

fn seed(stem: &str) -> Annotation {
    common::annotate(&common::root().join(format!("corpus/seeds/{stem}.txt")))
}

/// The resolved source names of the claim whose text contains `needle`.
fn chain_of(a: &Annotation, needle: &str) -> Vec<String> {
    let claim = a
        .claims
        .iter()
        .find(|c| c.text.contains(needle))
        .unwrap_or_else(|| panic!("no claim contains {needle:?}"));
    source_names(a, claim)
}

/// The names of the sources of a claim's chain, outermost first.
fn source_names(a: &Annotation, claim: &isnad::model::Claim) -> Vec<String> {
    claim
        .chain
        .iter()
        .map(|l| {
            let id = l.reference.as_deref().unwrap_or("?");
            a.sources
                .iter()
                .find(|s| s.id == id)
                .map_or("?".into(), |s| s.name.clone())
        })
        .collect()
}

#[test]
fn nested_chain_of_three_is_kept_in_order() {
    let a = seed("004_6b51f63e2d89280f");
    assert_eq!(
        chain_of(&a, "أخذ من وقت لقاء بوتين وترامب"),
        ["New York Times", "مصدر في البيت الأبيض", "ريكس تيلرسون"]
    );
    // "لافروف ذكر أن ترامب أكد أن بوتين أكد له أن ...": three reporters.
    let lavrov = chain_of(&a, "موسكو لم تتدخل");
    assert!(
        lavrov.ends_with(&["سيرغي لافروف".to_string(), "ترامب".into(), "بوتين".into()]),
        "{lavrov:?}"
    );
}

#[test]
fn generic_nouns_and_dropped_subjects_resolve_across_sentences() {
    let a = seed("000_fae4c3888565c1cb");
    // "وكشفت الصحيفة" is the New York Times named a sentence before.
    assert_eq!(
        chain_of(&a, "قام بالتواصل مع حملة ترامب"),
        ["New York Times"]
    );
    // "وفقا لمصدر الصحيفة الأمريكية": the paper, then its source.
    let cited = a
        .claims
        .iter()
        .filter(|c| c.text.contains("وقام برفض الدعوة"));
    assert!(
        cited.clone().any(|c| c.chain.len() == 2),
        "{:?}",
        cited.map(|c| c.chain.len()).collect::<Vec<_>>()
    );
    let b = seed("004_6b51f63e2d89280f");
    // "وأضاف المصدر" is the White House source; "وتابع:" is Mnuchin.
    assert_eq!(
        chain_of(&b, "اقترح الانتقال إلى بحث قضايا"),
        ["مصدر في البيت الأبيض"]
    );
    assert_eq!(chain_of(&b, "ركز بشكل خاص على سوريا"), ["ستيفين منوتشين"]);
    let c = seed("003_36b1b46c6597c04a");
    // "وقال الرئيس الأميركي" is Trump, named by his role; "ثم استدرك" goes on
    // with Khodorkovsky, whose two spellings are one source.
    assert_eq!(chain_of(&c, "إنه لشرف عظيم"), ["دونالد ترامب"]);
    let k = chain_of(&c, "كل ذلك من أجل تحقيق الأهداف");
    assert_eq!(k.len(), 1);
    let khodorkovsky: Vec<_> = c
        .sources
        .iter()
        .filter(|s| s.name.contains("كوفسكي"))
        .collect();
    assert_eq!(khodorkovsky.len(), 1, "{khodorkovsky:?}");
}

#[test]
fn cues_carry_kind_and_stance() {
    let a = seed("001_5e1e0c9eaa090675");
    let cue = |text: &str| {
        a.claims
            .iter()
            .flat_map(|c| &c.chain)
            .filter_map(|l| l.cue.as_ref())
            .find(|c| c.text.contains(text))
            .cloned()
            .unwrap_or_else(|| panic!("no cue {text}"))
    };
    assert_eq!(cue("نفى").stance, Stance::Deny);
    assert_eq!(cue("وفقًا").kind, CueKind::Preposition);
    assert_eq!(cue("امتنع").stance, Stance::NoComment);
    // "وقالت المصادر لرويترز": Reuters, spoken to, stands above the sources.
    assert_eq!(chain_of(&a, "6 اتصالات هاتفية"), ["Reuters", "المصادر"]);
    // The publisher comes from the signature line.
    assert_eq!(a.document.publisher.as_deref(), Some("الوفد"));
    // Not every cue word attributes: "التي لم يكشف عنها" is no report.
    assert!(
        !a.claims
            .iter()
            .flat_map(|c| &c.chain)
            .any(|l| l.cue.as_ref().is_some_and(|c| c.text == "يكشف"))
    );
}

#[test]
fn editorial_formulas_make_no_cited_claim() {
    let a = seed("001_5e1e0c9eaa090675");
    let c = a
        .claims
        .iter()
        .find(|c| c.text.contains("الأب الروحي"))
        .unwrap();
    assert_eq!(c.basis, Basis::Editorial);
    assert!(c.chain.is_empty());
    // ... unless a source is cited inside it: "ويذكر أن ...، وفقاً لصحيفة".
    let b = seed("002_ccfb128aaf62472c");
    assert_eq!(chain_of(&b, "روجر ستون"), ["The Guardian"]);
    let guardian = b.sources.iter().find(|s| s.name == "The Guardian").unwrap();
    assert_eq!(guardian.kind, SourceKind::Outlet);
}

#[test]
fn scores_against_the_reviewed_seed_gold_hold() {
    let dir = std::env::temp_dir().join(format!("isnad-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for path in common::seed_paths() {
        let y = isnad::io::yaml::to_string(&common::annotate(&path)).unwrap();
        std::fs::write(dir.join(format!("{}.yaml", common::stem(&path))), y).unwrap();
    }
    let r = isnad::eval::evaluate(&common::root().join("tests/gold/seeds"), &dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    // The targets for cues and resolved sources (0.95), and floors
    // just under today's figures for the rest (README).
    assert!(r.cue.f1() >= 0.95, "cue F1 {:.3}", r.cue.f1());
    assert!(
        r.resolved_source.f1() >= 0.95,
        "resolved source F1 {:.3}",
        r.resolved_source.f1()
    );
    assert!(r.content.f1() >= 0.93, "content F1 {:.3}", r.content.f1());
    assert!(
        r.chain_links.f1() >= 0.93,
        "chain links F1 {:.3}",
        r.chain_links.f1()
    );
}

/// An article written for the test, in the style of Saudi and Gulf wire copy.
fn article(body: &str) -> Annotation {
    let a =
        isnad::io::input::article_from_bytes("t", format!("عنوان الخبر\n{body}\n").as_bytes(), "t")
            .unwrap();
    common::pipeline().annotate(&a)
}

fn span_of(a: &Annotation, needle: &str) -> Vec<String> {
    a.claims
        .iter()
        .find(|c| c.text.contains(needle))
        .unwrap_or_else(|| panic!("no claim contains {needle:?}"))
        .chain
        .iter()
        .map(|l| l.source.as_ref().map_or(String::new(), |s| s.text.clone()))
        .collect()
}

#[test]
fn general_rules_of_wire_copy() {
    // A preposition that opens the object closes the subject before it.
    let a = article("فقد أعلنت المقاومة الشعبية، عن مقتل 42 حوثيا في المعارك.");
    assert_eq!(span_of(&a, "مقتل 42 حوثيا"), ["المقاومة الشعبية"]);
    // A body's quoted name belongs to its head noun.
    let a = article(
        "وارتفعت الديون إلى 18 مليار دولار بحسب مؤسسة “ميزون كابيتال أدفايسورز” لخدمات الاستشارات.",
    );
    let span = span_of(&a, "18 مليار");
    assert!(
        span.len() == 1
            && span[0].contains("ميزون كابيتال أدفايسورز")
            && !span[0].contains("لخدمات"),
        "{span:?}"
    );
    // A time is not part of the source.
    let a = article("ذكرت تقارير إخبارية يوم أمس الاثنين أن مجموع الديون ارتفع.");
    assert_eq!(span_of(&a, "مجموع الديون"), ["تقارير إخبارية"]);
    // One source is one link, though named by the preposition and its verb.
    let a = article(
        "وشدد السفير عبد الله عبد اللطيف وفقاً لما نقلته وكالة الأنباء البحرينية على ضرورة الكف عن التدخل.",
    );
    let chain = chain_of(&a, "ضرورة الكف");
    let mut unique = chain.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), chain.len(), "{chain:?}");
    // A title of several words, then the name; later, part of the name.
    let a = article(
        "وقال الأمين العام للغرفة الدكتور عبدالله بن شاكر آل غالب الشريف إن المناسبات تزيد المحبة. وأضاف آل غالب: «نسعى إلى التنمية المستدامة».",
    );
    assert_eq!(
        chain_of(&a, "المناسبات تزيد"),
        ["عبدالله بن شاكر آل غالب الشريف"]
    );
    assert_eq!(
        chain_of(&a, "نسعى إلى التنمية"),
        ["عبدالله بن شاكر آل غالب الشريف"]
    );
    // An honorific pronoun stands for the article's leading dignitary with
    // such a title, not for the king thanked in the same sentence.
    let a = article(
        "رفع صاحب السمو الأمير سعود بن عبدالله بن ثنيان رئيس الهيئة الملكية شكره لخادم الحرمين الشريفين الملك سلمان بن عبدالعزيز.\nوقال سموه في تصريح صحفي إن الهيئة ستعمل على جذب الاستثمارات.",
    );
    assert_eq!(chain_of(&a, "جذب الاستثمارات"), ["سعود بن عبدالله بن ثنيان"]);
}

/// What a case checks: the sources named in the chain's own words, or the
/// entities its links resolve to.
enum Expect {
    Spans(&'static [&'static str]),
    Entities(&'static [&'static str]),
}

/// An article, the claim that contains a phrase, and what its chain holds.
/// A gated verb (اختتم) whose object is a noun, then a participle.
const CLOSING_REMARKS: &str = "وقال رئيس النادي سامي الحربي إن الفريق جاهز. واختتم رئيس النادي كلمته في الحفل، موضحا أن الموسم سيكون صعبا.";

const LOCAL_PRESS: &[(&str, &str, &str, Expect)] = &[
    (
        "a topic, a relative clause about it, then its verb",
        "سلمى التي فرت من المدينة قبل عامين قالت إن الطريق كان مغلقا.",
        "الطريق كان مغلقا",
        Expect::Entities(&["سلمى"]),
    ),
    (
        "a possessed noun is what is told; فقالت goes on with the speaker",
        "قالت ليلى إن الرحلة طالت. وواصلت ليلى تروي تجربتها المريرة فقالت: كنا ننام في العراء.",
        "ننام في العراء",
        Expect::Entities(&["ليلى"]),
    ),
    (
        "آن (Anne) is a name, not the complementizer أن",
        "قالت آن هيوز، المديرة التنفيذية للرابطة، إن الاتفاق سيعلن قريبا.",
        "الاتفاق سيعلن",
        Expect::Spans(&["آن هيوز"]),
    ),
    (
        "the titled subject of a verb that reports nothing goes on",
        "قال المدرب خالد العمري إن الفريق جاهز. من جانبه عبر اللاعب سعد الحربي عن سعادته بالفوز وقال: \"الفوز للجماهير\".",
        "الفوز للجماهير",
        Expect::Entities(&["سعد الحربي"]),
    ),
    (
        "a name after the title's own complement",
        "وقال المتحدث الإعلامي بأمانة المنطقة الشرقية محمد بن سالم القحطاني، إن التعديلات جاءت نتيجة زيادة الناخبين.",
        "زيادة الناخبين",
        Expect::Spans(&["محمد بن سالم القحطاني"]),
    ),
    (
        "a name after a title's place",
        "وقال نائب الممثل الخاص للأمين العام في اليمن جون سميث في بيان اليوم إن الإصلاحات ضرورية.",
        "الإصلاحات ضرورية",
        Expect::Spans(&["جون سميث"]),
    ),
    (
        "a name after a construct noun of the title's complement, then by family name",
        "وقال أستاذ القانون في جامعة القاهرة أحمد سالم إن الحكم نهائي. وأضاف سالم أن الطعن ممكن.",
        "الطعن ممكن",
        Expect::Entities(&["أحمد سالم"]),
    ),
    (
        "after أن the subject comes first; what follows the verb is its object",
        "وقالت الوزيرة إن الحكومة تتهم الشركة بالاحتيال.",
        "بالاحتيال",
        Expect::Spans(&["الوزيرة", "الحكومة"]),
    ),
    (
        "a short quoted name after the verb is its subject",
        "وقال الطبيب خالد النمر إن الحالة مستقرة. وأشار «النمر» إلى أن العلاج يستمر.",
        "العلاج يستمر",
        Expect::Entities(&["خالد النمر"]),
    ),
    (
        "any title with the article points back to a person of its gender",
        "قال خالد يوسف إن السوق هادئة. وقالت ليلى أحمد إن الأسعار مستقرة. وأضافت الباحثة أن الطلب يرتفع.",
        "الطلب يرتفع",
        Expect::Entities(&["ليلى أحمد"]),
    ),
    (
        "a broken plural is plural: المصادر points back to مصادر",
        "وقال الوزير إن الهدنة صامدة. وقالت مصادر من المعارضة إن القصف توقف. وأضافت المصادر أن الطريق فتح.",
        "الطريق فتح",
        Expect::Entities(&["مصادر من المعارضة"]),
    ),
    (
        "a verbal noun (أهمية) is the object, not the speaker",
        "قال الوزير إن الخطة جاهزة. وأكد أهمية تفعيل دور الإعلام في التوعية.",
        "تفعيل دور الإعلام",
        Expect::Entities(&["الوزير"]),
    ),
    (
        "a ب-phrase after the subject is the verb's object",
        "وأشاد المدير بالجهود التي بذلها الموظفون خلال الموسم.",
        "بالجهود التي بذلها",
        Expect::Spans(&["المدير"]),
    ),
    (
        "a role after a name is the person's; the long role resolves to them",
        "استقبل الأمير فهد بن سلطان أمير منطقة تبوك وفد الجامعة.\nونوه سمو أمير منطقة تبوك بالجهود المبذولة في المشروع.",
        "الجهود المبذولة",
        Expect::Entities(&["فهد بن سلطان"]),
    ),
    (
        "a role in apposition is the person's; the role alone resolves to them",
        "قال المتحدث الرسمي للقوات البحرية، العقيد سامي الزهراني، إن المناورة انتهت.\nوأضاف المتحدث العسكري أن السفن عادت.\nوأغلقت الموانئ، وفق ما جاء على الصفحة الرسمية للمتحدث العسكري.",
        "السفن عادت",
        Expect::Entities(&["سامي الزهراني"]),
    ),
    (
        "an account's owner speaks",
        "قال المتحدث الرسمي للقوات البحرية، العقيد سامي الزهراني، إن المناورة انتهت.\nوأغلقت الموانئ، وفق ما جاء على الصفحة الرسمية للمتحدث العسكري.",
        "وأغلقت الموانئ",
        Expect::Entities(&["سامي الزهراني"]),
    ),
    (
        "a body's noun must be in its antecedent's name",
        "أعلنت وزارة الداخلية أن الطرق مغلقة. ونفى الجيش في بيان صحة هذه الأنباء.",
        "صحة هذه الأنباء",
        Expect::Entities(&["الجيش"]),
    ),
    (
        "a phrase ends at a noun with a plural pronoun",
        "ونقلت قناة العربية عن شهود عيان قولهم إن الانفجار كان قويا.",
        "الانفجار كان قويا",
        Expect::Spans(&["قناة العربية", "شهود عيان"]),
    ),
    (
        "a document after عن is the topic of a verb that does not quote",
        "أعلن المتحدث باسم وزارة الصحة الدكتور محمد العبدالعالي عن تسجيل 120 إصابة جديدة.",
        "تسجيل 120 إصابة",
        Expect::Spans(&["محمد العبدالعالي"]),
    ),
    (
        "the outlet spoken to is named without its quotation marks",
        "وصرح مصدر أمني لـ\"الشرق الأوسط\" بأن التحقيقات جارية.",
        "التحقيقات جارية",
        Expect::Spans(&["الشرق الأوسط", "مصدر أمني"]),
    ),
    (
        "a bare word after a definite noun that is no title starts the object",
        "وفي السياق ذاته، أعلنت الشرطة اعتقال ثلاثة مشتبه بهم.",
        "اعتقال ثلاثة",
        Expect::Spans(&["الشرطة"]),
    ),
    (
        "a counterpart is a relation: the phrase is its subject",
        "وقال الوزير الأمريكي إن الحوار ممكن. وبدوره، قال نظيره الروسي سيرغي لافروف إن موسكو مستعدة للحوار.",
        "موسكو مستعدة",
        Expect::Spans(&["نظيره الروسي سيرغي لافروف"]),
    ),
    (
        "عدم ذكر is a verbal noun; the words said follow قولهم",
        "ونقلت صحيفة \"نيويورك تايمز\" عن مسؤولين أمريكيين، طلبوا عدم ذكر أسمائهم، قولهم إن المحادثات متعثرة.",
        "المحادثات متعثرة",
        Expect::Spans(&["صحيفة \"نيويورك تايمز\"", "مسؤولين أمريكيين"]),
    ),
    (
        "على after a name is the preposition, not the name علي",
        "وكتب الرئيس السابق دونالد ترامب على منصة \"تروث سوشيال\" أن الانتخابات مزورة.",
        "الانتخابات مزورة",
        Expect::Entities(&["دونالد ترامب"]),
    ),
    (
        "a noun with the article takes no pronoun (المتهم); another title is someone else",
        "وادعى المتهم أنه كان خارج البلاد. وقال الوزير إن التحقيق مستمر.",
        "التحقيق مستمر",
        Expect::Entities(&["الوزير"]),
    ),
    (
        "an official (a person) is not the body quoted before",
        "وقالت الأمم المتحدة إن المساعدات وصلت. واعترف المسؤول بأن الخطة تأخرت.",
        "الخطة تأخرت",
        Expect::Entities(&["المسؤول"]),
    ),
    (
        "صاحب السمو opens a title, not a name",
        "أكد صاحب السمو الملكي الأمير فيصل بن خالد أمير منطقة عسير أن المنطقة تشهد نهضة تنموية.",
        "نهضة تنموية",
        Expect::Spans(&["فيصل بن خالد"]),
    ),
    (
        "how it was said does not part the verb from the quotation; لرويترز is no name",
        "وقالت المتحدثة باسم وزارة الخارجية لرويترز في رسالة بالبريد الإلكتروني \"نحن نراقب الوضع عن كثب\".",
        "نحن نراقب الوضع",
        Expect::Spans(&["رويترز", "المتحدثة باسم وزارة الخارجية"]),
    ),
    (
        "، لكن opens a report of its own",
        "وتقول الحكومة إن الإصلاحات ضرورية، لكن المعارضة تقول إنها ستزيد الفقر.",
        "ستزيد الفقر",
        Expect::Spans(&["المعارضة"]),
    ),
    (
        "a company is not the government quoted before",
        "وتقول الحكومة إن الإصلاحات ضرورية. وفي بيان، قالت الشركة إنها ستطعن في الحكم.",
        "ستطعن في الحكم",
        Expect::Entities(&["الشركة"]),
    ),
    (
        "أي opens the object",
        "من جانبها، نفت حركة حماس أي علاقة لها بالحادث.",
        "علاقة لها بالحادث",
        Expect::Spans(&["حركة حماس"]),
    ),
    (
        "كان, its subject, قد, then the verb",
        "وكانت صحيفة \"هآرتس\" قد ذكرت أمس أن الحكومة تدرس الرد. وحسب الصحيفة، فإن القرار سيتخذ خلال أيام.",
        "القرار سيتخذ",
        Expect::Entities(&["Haaretz"]),
    ),
    (
        "the gazetteer name of the outlet spoken to may hold its head",
        "وأكد شهود عيان لوكالة الأنباء الألمانية أن انفجارات سمعت في المنطقة.",
        "انفجارات سمعت",
        Expect::Entities(&["Deutsche Presse-Agentur", "شهود عيان"]),
    ),
    (
        "one bare word after a bare title is its adjective, not a name",
        "وقال متحدث عسكري إن الصاروخ سقط في منطقة مفتوحة.",
        "الصاروخ سقط",
        Expect::Spans(&["متحدث عسكري"]),
    ),
    (
        "قوله after the quoted person is the formula, not a name",
        "ونقل التلفزيون الرسمي عن الرئيس قوله إن البلاد تمر بمرحلة صعبة.",
        "البلاد تمر",
        Expect::Spans(&["التلفزيون الرسمي", "الرئيس"]),
    ),
    (
        "a title owned by a body (أمينها العام) is the title; an outlet's name after a body's noun is a place",
        "وشهد الحفل أمينها العام الدكتور سالم بن فهد الغامدي. وقال أمين عام غرفة مكة: «المعرض سيقام في موعده».",
        "المعرض سيقام",
        Expect::Entities(&["سالم بن فهد الغامدي"]),
    ),
    (
        "a participle with no speaker before it goes on with the person named last",
        "افتتح المعرض بحضور مديره العام المهندس خالد بن سعد العتيبي، مشيرا إلى أن الزوار تجاوزوا عشرة آلاف.",
        "الزوار تجاوزوا",
        Expect::Entities(&["خالد بن سعد العتيبي"]),
    ),
    (
        "the document a speaker spoke in (في بيان) is the speaker's when named again",
        "وقال الاتحاد الدولي للسباحة في بيان إن البطولة ستقام في موعدها. وأضاف البيان أن المنتخبات أكدت مشاركتها.",
        "المنتخبات أكدت",
        Expect::Entities(&["الاتحاد الدولي للسباحة"]),
    ),
    (
        "a generic noun once used to name a source points back to it",
        "تقارير صحيفة \"الفاينانشيال تايمز\" البريطانية، توضح أن الشركات تتفاوض. وقالت الرابطة وفقا للتقارير إن الاتفاق قريب.",
        "الاتفاق قريب",
        Expect::Entities(&["Financial Times", "الرابطة"]),
    ),
    (
        "a subject before its verb after لكن",
        "وارتفعت الأسعار أمس. لكن محللين قالوا إن الطلب سيتراجع.",
        "الطلب سيتراجع",
        Expect::Spans(&["محللين"]),
    ),
    (
        "a head's bracketed name; an ambiguous outlet name only right after the head",
        "وكان موقع شبكة (أن تي في) الألمانية قد ذكر أن المدرب باع المباراة.",
        "المدرب باع",
        Expect::Entities(&["موقع شبكة (أن تي في) الألمانية"]),
    ),
    (
        "a demonstrative after a name opens the object; the outlet spoken to is that verb's",
        "وأكد سالم هذه الأخبار لوكالة الأنباء (ميديافاكس) وأشار إلى أن أحد اللاعبين سافر.",
        "أحد اللاعبين",
        Expect::Entities(&["سالم"]),
    ),
    (
        "the verb's own preposition marks its object, not a name that starts with its letter",
        "وأشاد الأمير بندر بن سلطان بجهود الفريق.",
        "بجهود الفريق",
        Expect::Spans(&["بندر بن سلطان"]),
    ),
    (
        "a name starting with the verb's preposition, the object's own after it",
        "وأشاد الرئيس بشار الأسد بدور الجيش.",
        "بدور الجيش",
        Expect::Spans(&["بشار الأسد"]),
    ),
    (
        "after إلا أن the clause is the subject's own report, and an adverb may precede the object",
        "وذكرت تقارير أن النادي مهتم بضم اللاعب إلا أن المدرب تباهى أيضا بقوة مقعد البدلاء.",
        "بقوة مقعد",
        Expect::Entities(&["المدرب"]),
    ),
    (
        "a source joined by others (واثنين آخرين) is several: المصادر points back to it",
        "وقال ثلاثة مسؤولين إن الاتصالات تسارعت. وكان ذلك وفقا لما أكده شخص مطلع على الملف واثنين آخرين. وأضافت المصادر أن الموعد لم يتحدد.",
        "الموعد لم يتحدد",
        Expect::Entities(&["شخص مطلع"]),
    ),
    (
        "a name right after the verb, the object's preposition after it",
        "ورحب بايدن بالاتفاق.",
        "بالاتفاق",
        Expect::Spans(&["بايدن"]),
    ),
    (
        "a participle after an editorial formula goes on with the clause's titled subject",
        "وقال المدير إن الخطة جاهزة. يذكر أن وزير الصحة بدأ جولته في المنطقة بزيارة المستشفى، مؤكدا أن الخدمات ستتحسن.",
        "الخدمات ستتحسن",
        Expect::Entities(&["وزير الصحة"]),
    ),
    (
        "whoever speaks in a document (في شكواه) is the subject; the object follows the document",
        "واستذكر أفيليت في شكواه عددا من الاعتداءات التي تعرضت لها الكنائس، مشيرا إلى أنه قدم شكاوى سابقة.",
        "عددا من الاعتداءات",
        Expect::Spans(&["أفيليت"]),
    ),
    (
        "a bare title in construct with a noun in ة: the name comes after the chain",
        "وقال وزير خارجية بريطانيا فيليب هاموند إن المحادثات بناءة.",
        "المحادثات بناءة",
        Expect::Spans(&["فيليب هاموند"]),
    ),
    (
        "a gated verb with a noun object leaves the report to the participle after it",
        CLOSING_REMARKS,
        "الموسم سيكون",
        Expect::Entities(&["سامي الحربي"]),
    ),
];

/// Whether any link of any claim has this cue word.
fn has_cue(a: &Annotation, word: &str) -> bool {
    a.claims.iter().any(|c| {
        c.chain
            .iter()
            .any(|l| l.cue.as_ref().is_some_and(|c| c.text == word))
    })
}

#[test]
fn general_rules_of_local_press() {
    check_rules(LOCAL_PRESS);
    // A possessed noun never becomes a source.
    let a = article(LOCAL_PRESS[1].1);
    assert!(a.sources.iter().all(|s| !s.name.contains("تجربتها")));
    // A verbal noun after a preposition is no report; nor is a participle
    // right after an accusative noun (its adjective).
    assert!(!has_cue(
        &article("وأشار الوزير إلى نقل المراكز عن مواقعها السابقة."),
        "نقل"
    ));
    assert!(!has_cue(
        &article("قال القائد إن القوات فرضت طوقا أمنيًا مشددًا حول المدينة."),
        "مشددًا"
    ));
    // A participle after a comma opens its own report; the verb's object
    // stops before it, and after a phrase the verb takes.
    let a = article(
        "وشدد السفير علي الكعبي وفقا لما نقلته وكالة الأنباء الكويتية على ضرورة الحوار، مؤكدا أن بلاده تدعم الاستقرار.",
    );
    let verb = a
        .claims
        .iter()
        .find(|c| c.text.contains("ضرورة الحوار"))
        .expect("the verb's claim");
    assert!(
        !verb.text.contains("وفقا") && !verb.text.contains("تدعم"),
        "{:?}",
        verb.text
    );
    assert_eq!(
        chain_of(&a, "بلاده تدعم").last().map(String::as_str),
        Some("علي الكعبي")
    );
    // A supposition after the conditional إن is no report; a quoted label
    // is no quotation that opens a gated verb's report; a body's name in
    // a place after a preposition does not make the object a body.
    assert!(!has_cue(
        &article("إن أعلنت الشركة أن أرباحها تراجعت فسيهبط السهم."),
        "أعلنت"
    ));
    assert!(!has_cue(
        &article("ولو قال الوزير إن الأسعار سترتفع لما صدقه أحد."),
        "قال"
    ));
    assert!(!has_cue(
        &article("وتتضمن التعديلات أيضا نقل حدود المركز رقم «311» إلى الدائرة التاسعة."),
        "نقل"
    ));
    assert!(!has_cue(&article(CLOSING_REMARKS), "واختتم"));
    // A participle after a verb that said something does not take its report.
    let a = article(
        "ونقلت وكالة رويترز عن مسؤول أمريكي قوله إن المحادثات فشلت، مشيرا إلى أن الجولة القادمة ستعقد.",
    );
    assert_eq!(chain_of(&a, "المحادثات فشلت"), ["Reuters", "مسؤول أمريكي"]);
    // An age in brackets is no alias; a possessed noun that is no document
    // makes no speaker; a word inside a name is no generic noun's antecedent.
    assert_eq!(
        span_of(
            &article("وقال المواطن محمد علي (45 عاما) إن الطريق مغلق."),
            "الطريق مغلق"
        ),
        ["محمد علي"]
    );
    assert!(
        article("وأوضح تفاصيل المشروع في مراحله المختلفة للحضور.")
            .sources
            .iter()
            .all(|s| !s.name.contains("تفاصيل"))
    );
    let a = article("وذكرت إذاعة الجيش الإسرائيلي أن القوات انسحبت. وقال الجيش إن العملية انتهت.");
    assert_eq!(chain_of(&a, "العملية انتهت"), ["الجيش"]);
    let a = article("أعلنت اللجنة عن تعديلات بمقار مراكز الانتخابات البلدية، تشمل نقل بعض الأحياء.");
    assert!(a.sources.iter().all(|s| !s.name.contains("تعديلات")));
    // Members of a body are people, not the body.
    let a = article("ونقلت الصحيفة عن ثلاثة أعضاء في البرلمان أن التصويت تأجل.");
    let members = a.sources.iter().find(|s| s.name.contains("أعضاء"));
    assert_eq!(
        members.map(|s| s.kind),
        Some(isnad::model::SourceKind::Group)
    );
}

/// The stance of the link whose claim contains `needle`.
fn stance_of(a: &Annotation, needle: &str) -> Vec<Stance> {
    a.claims
        .iter()
        .find(|c| c.text.contains(needle))
        .unwrap_or_else(|| panic!("no claim contains {needle:?}"))
        .chain
        .iter()
        .filter_map(|l| l.cue.as_ref().map(|c| c.stance))
        .collect()
}

#[test]
fn denials_admissions_and_refusals_to_comment_keep_their_stance() {
    let a = article("ونفت الحكومة أي علاقة لها بالهجوم على القافلة.");
    assert_eq!(stance_of(&a, "أي علاقة لها"), [Stance::Deny]);
    assert_eq!(chain_of(&a, "أي علاقة لها"), ["الحكومة"]);
    let a = article("واعترف الوزير بوجود أخطاء في إدارة الأزمة.");
    assert_eq!(stance_of(&a, "أخطاء في إدارة"), [Stance::Admit]);
    // The verb's own preposition opens its object, which is no part of the speaker.
    assert_eq!(span_of(&a, "أخطاء في إدارة"), ["الوزير"]);
    let a = article("ولم تعلق الوزارة على الاتهامات حتى الآن.");
    assert_eq!(stance_of(&a, "على الاتهامات"), [Stance::NoComment]);
    assert_eq!(chain_of(&a, "على الاتهامات"), ["الوزارة"]);
    let a = article("ورفضت الشركة التعليق على التقرير.");
    assert_eq!(stance_of(&a, "التعليق على التقرير"), [Stance::NoComment]);
    assert_eq!(chain_of(&a, "التعليق على التقرير"), ["الشركة"]);
    // A second report in the sentence, after a contrast that carries its
    // subject, is a claim of its own with its own stance.
    let a = article("وقال المدير إن الخطة نجحت، لكنه اعترف بأن التكلفة كانت كبيرة.");
    assert_eq!(stance_of(&a, "الخطة نجحت"), [Stance::Assert]);
    assert_eq!(stance_of(&a, "التكلفة كانت كبيرة"), [Stance::Admit]);
    assert_eq!(chain_of(&a, "التكلفة كانت كبيرة"), ["المدير"]);
    assert!(
        !a.claims
            .iter()
            .any(|c| c.text.contains("نجحت") && c.text.contains("التكلفة"))
    );
    // A denial whose object points back ("نفى ذلك", "نفى تلك التهم").
    let a = article("واتهمت المعارضة الحاكم بتزوير الانتخابات. إلا أنه نفى تلك التهم.");
    assert_eq!(stance_of(&a, "تلك التهم"), [Stance::Deny]);
    // A phrase that takes up the clause before it ("وهو ما نفته", "الأمر
    // الذي ترفضه"): its verb's subject reports on that clause, which is no
    // longer part of the first speaker's words.
    for (body, first, denier) in [
        (
            "وقال المعارض إن الحكومة زورت الانتخابات، وهو ما تنفيه الحكومة بشدة.",
            "المعارض",
            "الحكومة",
        ),
        (
            "وتتهم كييف روسيا بدعم الانفصاليين، الأمر الذي ترفضه موسكو.",
            "أوكرانيا",
            "روسيا",
        ),
        (
            "واتهمت منظمة العفو الدولية الشركة بإخفاء الخسائر، وهي اتهامات نفتها الشركة في بيان.",
            "منظمة العفو الدولية",
            "الشركة",
        ),
    ] {
        let a = article(body);
        let reports: Vec<(Vec<String>, Vec<Stance>, &str)> = a
            .claims
            .iter()
            .map(|c| {
                let chain = source_names(&a, c);
                let stances = c
                    .chain
                    .iter()
                    .filter_map(|l| l.cue.as_ref())
                    .map(|c| c.stance);
                (chain, stances.collect(), c.text.as_str())
            })
            .collect();
        assert_eq!(reports.len(), 2, "{body}: {reports:?}");
        assert_eq!(reports[0].0, [first], "{body}");
        assert_eq!(reports[1].0, [denier], "{body}");
        assert_eq!(reports[1].1, [Stance::Deny], "{body}");
        assert_eq!(reports[0].2, reports[1].2, "{body}");
        assert!(!reports[0].2.contains("وهو") && !reports[0].2.contains("الذي"));
    }
}

/// Rules of wire copy from outlets the rules were never tuned on: each an
/// article written for the test, the claim that contains a phrase, and what
/// its chain holds.
const UNSEEN_OUTLETS: &[(&str, &str, &str, Expect)] = &[
    (
        "a state speaks by its country; a time noun ends the phrase",
        "وأعلنت النرويج الأسبوع الماضي انسحابها من الاتفاق. وأكدت أن القرار نهائي. وقالت أوسلو إن المفاوضات انتهت.",
        "انسحابها من الاتفاق",
        Expect::Spans(&["النرويج"]),
    ),
    (
        "a feminine verb goes on with the state",
        "وأعلنت النرويج الأسبوع الماضي انسحابها من الاتفاق. وأكدت أن القرار نهائي. وقالت أوسلو إن المفاوضات انتهت.",
        "القرار نهائي",
        Expect::Entities(&["النرويج"]),
    ),
    (
        "a capital is its state",
        "وأعلنت النرويج الأسبوع الماضي انسحابها من الاتفاق. وأكدت أن القرار نهائي. وقالت أوسلو إن المفاوضات انتهت.",
        "المفاوضات انتهت",
        Expect::Entities(&["النرويج"]),
    ),
    (
        "a feminine title of several words",
        "وقالت الناطقة باسم المفوضية إن الأعداد تضاعفت.",
        "الأعداد تضاعفت",
        Expect::Spans(&["الناطقة باسم المفوضية"]),
    ),
    (
        "a participle after the verb is no subject",
        "وقال الوزير إن الحدود مغلقة. وأضاف قائلا إن الوضع مستقر.",
        "الوضع مستقر",
        Expect::Entities(&["الوزير"]),
    ),
    (
        "a compound given name, a name written with hamza on its alef",
        "وقال رئيس مكتب الاتصالات في الرئاسة، فخر الدين ألتون، إن التصريحات حرفت.",
        "التصريحات حرفت",
        Expect::Spans(&["فخر الدين ألتون"]),
    ),
    (
        "one holder of a title does not stand for another office",
        "وقال رئيس الوزراء إن الاقتصاد قوي. وقال رئيس هيئة الأركان إن الجيش مستعد.",
        "الجيش مستعد",
        Expect::Entities(&["رئيس هيئة الأركان"]),
    ),
    (
        "a subheading names its speaker before a colon",
        "وقالت المنظمة إن المساعدات وصلت.\nنشطاء: المساعدات أقل كثيرا من الحاجة\nتأليف: كاتب معروف\nوقال المدير إن العمل مستمر.",
        "أقل كثيرا",
        Expect::Spans(&["نشطاء"]),
    ),
    (
        "a sentence's topic stays salient for a later subjectless verb",
        TOPIC,
        "تلك التهم",
        Expect::Entities(&["عبد الرشيد دوستم"]),
    ),
    (
        "... and for the next one",
        TOPIC,
        "فحوص طبية",
        Expect::Entities(&["عبد الرشيد دوستم"]),
    ),
    (
        "a name ends before whom it was said to",
        "وقال مدير المرصد رامي عبد الرحمن لوكالة فرانس برس إن القتلى مدنيون.",
        "القتلى مدنيون",
        Expect::Entities(&["Agence France-Presse", "رامي عبد الرحمن"]),
    ),
    (
        "a compound given name's tail ends no name",
        "وقال زين الدين زيدان للصحفيين إن الفريق جاهز.",
        "الفريق جاهز",
        Expect::Spans(&["زين الدين زيدان"]),
    ),
    (
        "a relaying source after the content is the outer link",
        "وقال أردوغان إن بلاده ستتجه إلى أسواق جديدة، حسب ما نقلته وكالة الأناضول.",
        "أسواق جديدة",
        Expect::Entities(&["Anadolu Agency", "أردوغان"]),
    ),
    (
        "... after a comma too",
        "وقال الوزير إن القوات تقدمت، وفقا لوكالة رويترز.",
        "القوات تقدمت",
        Expect::Entities(&["Reuters", "الوزير"]),
    ),
    (
        "a relaying source inside the content is whom the speaker relays",
        "وتقول الصحيفة إن المسؤول قام بغسيل أموال في إسبانيا وفقا لمحققين أوروبيين، عبر تمريرها في البنوك.",
        "بغسيل أموال",
        Expect::Spans(&["الصحيفة", "محققين أوروبيين"]),
    ),
    (
        "the subject between كان and its verb",
        "وكان مسؤول أميركي كبير قال إن المحادثات مستمرة.",
        "المحادثات مستمرة",
        Expect::Spans(&["مسؤول أميركي كبير"]),
    ),
    (
        "a preposition's object inside a role is no name",
        "وقال ستافان دي ميستورا، المبعوث الأممي إلى سوريا، إن المحادثات ستستأنف.",
        "المحادثات ستستأنف",
        Expect::Entities(&["ستافان دي ميستورا"]),
    ),
    (
        "a time adverbial is no speaker",
        SPOKEN_TO,
        "لن تتراجع",
        Expect::Entities(&["الوزير"]),
    ),
    (
        "the body spoken to is no speaker",
        SPOKEN_TO,
        "كان مدبرا",
        Expect::Entities(&["الوزير"]),
    ),
    (
        "a name stops before the body spoken to",
        "وقالت نائبة السفير الأمريكي لدى الأمم المتحدة كيلي كيري للمجلس إن روسيا تعرقل الحل.",
        "تعرقل الحل",
        Expect::Spans(&["كيلي كيري"]),
    ),
    (
        "a name stops before a verbal noun",
        "وأعلن الرئيس دونالد ترامب إعلان عقوبات اقتصادية على روسيا.",
        "عقوبات اقتصادية",
        Expect::Entities(&["دونالد ترامب"]),
    ),
    (
        "a name stops before a country, its object",
        "واتهمت نويرت روسيا بعرقلة التحقيق. ونفت روسيا اتفاقا في مجلس الأمن.",
        "بعرقلة التحقيق",
        Expect::Spans(&["نويرت"]),
    ),
    (
        "a country takes no bare word after it",
        "واتهمت نويرت روسيا بعرقلة التحقيق. ونفت روسيا اتفاقا في مجلس الأمن.",
        "في مجلس الأمن",
        Expect::Spans(&["روسيا"]),
    ),
    (
        "a capital in a club's name stays in it",
        "يذكر أن ريال مدريد قد أعلن عن تعاقده مع اللاعب.",
        "مع اللاعب",
        Expect::Spans(&["ريال مدريد"]),
    ),
    (
        "a chief negotiator is a title",
        "وقال كبير المفاوضين التجاريين الأمريكيين روبرت لايتزر إن الصين لا تلتزم.",
        "لا تلتزم",
        Expect::Spans(&["روبرت لايتزر"]),
    ),
    (
        "a verb spelt with ى is the verb",
        "جميع المقالات المنشورة تمثل رأي كتابها فقط. ورأى الوزير أن الوضع صعب.",
        "الوضع صعب",
        Expect::Spans(&["الوزير"]),
    ),
    (
        "the accused after the subject is the object, before the charge's ب",
        "واتهمت حركة حماس الاحتلال بارتكاب جرائم حرب في غزة.",
        "بارتكاب جرائم",
        Expect::Spans(&["حركة حماس"]),
    ),
    (
        "a state's name after a definite phrase starts the object",
        "واتهمت الدول الأربع قطر بدعم جماعات متطرفة.",
        "بدعم جماعات",
        Expect::Spans(&["الدول الأربع"]),
    ),
    (
        "with the charge right after the noun, the noun is the accused",
        "وقالت الوزيرة إن الوضع خطير. واتهمت الصحافة بالقفز إلى الاستنتاجات.",
        "بالقفز",
        Expect::Entities(&["الوزيرة"]),
    ),
    (
        "the object pronoun on the verb leaves the phrase its subject",
        "ووجهت المحكمة تهما إلى المعارض. وتتهمه أنقرة بتدبير محاولة الانقلاب.",
        "بتدبير محاولة",
        Expect::Entities(&["تركيا"]),
    ),
    (
        "a state after a role closed by its adjective is the verb's object",
        "وقال بنيامين نتنياهو إن إسرائيل لن تسمح بذلك. ويزور الرئيس الفرنسي واشنطن لمحاولة إقناع ترامب. وأضاف أن فرنسا ستبقى في الاتفاق.",
        "فرنسا ستبقى",
        Expect::Entities(&["الرئيس الفرنسي"]),
    ),
    (
        "an outlet's noun after ل is the outlet spoken to",
        "وقال المصدر للصحيفة إن اللاعب غادر الفندق.",
        "اللاعب غادر",
        Expect::Spans(&["المصدر"]),
    ),
    (
        "... after a name and its adjective too",
        "وقال محمد الطبطبائي للتلفزيون الرسمي إن الجلسة انتهت.",
        "الجلسة انتهت",
        Expect::Spans(&["محمد الطبطبائي"]),
    ),
    (
        "... but after a title it is the title's genitive",
        "وقال مراسل للوكالة إن القصف مستمر.",
        "القصف مستمر",
        Expect::Spans(&["مراسل للوكالة"]),
    ),
    (
        "a relative clause set off by a comma is about the phrase just before it",
        "والتقى الرئيس بالسفير الأمريكي، الذي قال إن بلاده تدعم الحكومة.",
        "بلاده تدعم",
        Expect::Spans(&["السفير الأمريكي"]),
    ),
    (
        "a verbal noun of saying names its speaker in the genitive",
        "وأرسل النواب الخطاب قبل أسابيع من تأكيد المنظمة الصهيونية أن قطر أوقفت بث الفيلم.",
        "قطر أوقفت",
        Expect::Spans(&["المنظمة الصهيونية"]),
    ),
    (
        "... and, as an adjunct, its words end at the comma",
        "ورغم قول الرئيس إن الاقتصاد بخير، تراجعت الأسهم.",
        "الاقتصاد بخير",
        Expect::Spans(&["الرئيس"]),
    ),
    (
        "what وصف describes comes before بأن and is no part of its subject",
        "ووصف ترامب الاتفاقية بأنها كارثية.",
        "كارثية",
        Expect::Spans(&["ترامب"]),
    ),
    (
        "... after a body's name and its adjective too",
        "ووصفت الخارجية الروسية الاتهامات بأنها لا أساس لها.",
        "لا أساس لها",
        Expect::Spans(&["الخارجية الروسية"]),
    ),
    (
        "... but a quantifier keeps its partitive",
        "ووصف أحد الناشطين الحملة بأنها جسر بين الناس.",
        "جسر بين",
        Expect::Spans(&["أحد الناشطين"]),
    ),
];

/// A person the later sentences are about, though no report names them.
const TOPIC: &str = "وقال المتحدث باسم الحزب أحمد سالم إن الزعيم عاد. وكان نائب الرئيس عبد الرشيد دوستم قد غادر البلاد.\nودوستم معروف كزعيم حرب. وغادر البلاد بعد اتهامه بارتكاب جرائم. إلا أنه نفى تلك التهم وقال إنه غادر لإجراء فحوص طبية.";

/// A time adverbial and a body spoken to after the verb.
const SPOKEN_TO: &str =
    "وقال الوزير إن الحدود مغلقة. وقال لأول مرة إن بلاده لن تتراجع. وقال للمجلس إن الهجوم كان مدبرا.";

/// Check every case of a table of rules.
fn check_rules(table: &[(&str, &str, &str, Expect)]) {
    for (rule, body, needle, expect) in table {
        let a = article(body);
        match expect {
            Expect::Spans(want) => assert_eq!(span_of(&a, needle), *want, "{rule}"),
            Expect::Entities(want) => assert_eq!(chain_of(&a, needle), *want, "{rule}"),
        }
    }
}

#[test]
fn general_rules_of_outlets_never_tuned_on() {
    check_rules(UNSEEN_OUTLETS);
    // A newspaper named like a capital stays the newspaper after its head noun.
    let a = article("ونقلت صحيفة الرياض عن مسؤول أن الميزانية أقرت.");
    assert!(
        a.sources
            .iter()
            .any(|s| s.kind == SourceKind::Outlet && s.name.contains("Riyadh")),
        "{:?}",
        a.sources
    );
    // A credit line names no speaker.
    let a = article(UNSEEN_OUTLETS[7].1);
    assert!(
        !a.claims
            .iter()
            .flat_map(|c| &c.chain)
            .any(|l| l.source.as_ref().is_some_and(|s| s.text.contains("تأليف")))
    );
    // A verb spelt with ى written with ي is the noun: "رأي كتابها" is no report.
    let a = article(UNSEEN_OUTLETS[25].1);
    assert!(span_of(&a, "تمثل رأي كتابها").is_empty());
    // A relayed report is one claim, the relaying phrase no part of it.
    let a = article(UNSEEN_OUTLETS[12].1);
    assert!(!a.claims.iter().any(|c| c.text.contains("الأناضول")));
    // A passive perfect (a damma on its first letter) names no speaker; an
    // imperfect's damma on its prefix is the active voice.
    let a = article("وأُعلن عن مقتل 20 شخصا. ويُؤكد الوزير أن الوضع هادئ.");
    assert!(span_of(&a, "مقتل 20").is_empty());
    assert_eq!(span_of(&a, "الوضع هادئ"), ["الوزير"]);
    // A source described by a relative clause closes the words before its
    // cue: the claim is what precedes "بحسب".
    let a = article("وكان الصحفي لم يخرج من القنصلية بحسب تصريحات خطيبته، التي أوضحت أنه غادر.");
    assert!(
        a.claims
            .iter()
            .any(|c| c.text == "وكان الصحفي لم يخرج من القنصلية"),
        "{:?}",
        a.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
    // A verbal noun with no genitive speaker and complementizer reports
    // nothing: "إعلان الاستقلال", "تأكيد رسمي".
    let a = article("واحتفلت البلاد بذكرى إعلان الاستقلال. وجاء ذلك بعد تأكيد رسمي أن التنسيق قائم.");
    assert!(span_of(&a, "إعلان الاستقلال").is_empty());
    assert!(span_of(&a, "التنسيق قائم").is_empty());
    let a = article("ورغم قول الرئيس إن الاقتصاد بخير، تراجعت الأسهم.");
    assert!(a.claims.iter().any(|c| c.text == "الاقتصاد بخير"));
    // A rule, a plan or an agreement after وفقا لـ cites no one; a body does.
    let a = article(
        "وتجري الانتخابات وفقا لأحكام الدستور الجديد. وتسير الأمور حسب خطة الحكومة. وقتل 20 شخصا وفقا لوزارة الصحة.",
    );
    assert!(span_of(&a, "وتجري الانتخابات").is_empty());
    assert!(span_of(&a, "وتسير الأمور").is_empty());
    assert_eq!(span_of(&a, "وقتل 20"), ["وزارة الصحة"]);
    // So does a superlative before a rule; before sources it still cites.
    let a =
        article("وشيد الملعب وفق أعلى المعايير الدولية. وارتفعت الأسعار وفقا لأكثر المصادر اطلاعا.");
    assert!(span_of(&a, "وشيد الملعب").is_empty());
    assert_eq!(span_of(&a, "وارتفعت الأسعار"), ["أكثر المصادر"]);
    // A name ends before an accusative word (an adverb, a participle, an
    // object) and before a preposition written apart, which names whom it
    // was said to; a number's counted noun and a title's لـ stay inside.
    let a = article(
        "وقال خالد بدوي مبتسماً إن الخطة جاهزة. وقال سمير نصار لـ\"العربية\" إن العقد وقع. وقال نحو 50 خبيراً إن السوق تتعافى. وقالت المديرة العامة لـ\"الشركة\" إن الأرباح زادت.",
    );
    assert_eq!(span_of(&a, "الخطة جاهزة"), ["خالد بدوي"]);
    // The outlet spoken to is the outer link, the speaker the inner one.
    assert_eq!(span_of(&a, "العقد وقع"), ["العربية", "سمير نصار"]);
    assert_eq!(span_of(&a, "السوق تتعافى"), ["نحو 50 خبيراً"]);
    assert_eq!(span_of(&a, "الأرباح زادت"), ["المديرة العامة لـ\"الشركة\""]);
    // A particle, an adverb, a subordinator or a negator heads no phrase,
    // so it names no speaker, before the verb or after it.
    let a = article(
        "وكشف المخرج عن الفيلم الجديد. ورغم الانتقادات أكدت الشركة أن العرض قائم. وحينما سئل قال إن الموعد ثابت. وأوضح عند إعلان القرار أن الخطة تمضي.",
    );
    for needle in ["العرض قائم", "الموعد ثابت", "الخطة تمضي"] {
        let names = span_of(&a, needle);
        assert!(
            !names
                .iter()
                .any(|n| ["ورغم", "وحينما", "عند"].iter().any(|f| n.starts_with(f))),
            "{needle}: {names:?}"
        );
    }
    assert_eq!(span_of(&a, "العرض قائم"), ["الشركة"]);
    // A preposition with its pronoun stands between a verb and its subject.
    let a = article("وارتفعت الأسعار هذا العام، وفقا لما صرح به وزير المالية.");
    assert_eq!(span_of(&a, "وارتفعت الأسعار"), ["وزير المالية"]);
    // Unnamed people counted, not named.
    let a = article("وذكر بعض ممن سافروا إنهم لم يعرفوا سبب الرحلات.");
    let chain = &a
        .claims
        .iter()
        .find(|c| c.text.contains("سبب الرحلات"))
        .unwrap()
        .chain;
    let src = chain[0].reference.as_deref().unwrap();
    assert_eq!(
        a.sources.iter().find(|s| s.id == src).unwrap().kind,
        SourceKind::Anonymous
    );
}

#[test]
fn the_journalists_own_clause_ends_the_reported_words() {
    let a = article("وأكد المتحدث أن القوات تقدمت، في إشارة إلى المعارك الأخيرة في الشمال.");
    let said = a
        .claims
        .iter()
        .find(|c| c.text.contains("القوات تقدمت"))
        .expect("the spokesman's claim");
    assert_eq!(said.text, "القوات تقدمت");
    // The gloss is the publisher's, not lost.
    let own = a
        .claims
        .iter()
        .find(|c| c.text.contains("المعارك الأخيرة"))
        .expect("the journalist's gloss is a claim");
    assert!(own.chain.is_empty(), "{:?}", own.chain);
    // "وذلك في إطار ..." sets the report; "وذلك في قلب المدينة" is the
    // speaker's place and stays.
    let a = article(
        "وذكرت الوكالة أن مصر سترفع أسعار الكهرباء، وذلك في إطار خفض الدعم. وقالت الشرطة إن رجلا طعن ثلاثة، وذلك في قلب المدينة.",
    );
    let text_of = |needle: &str| {
        a.claims
            .iter()
            .find(|c| c.text.contains(needle))
            .map(|c| c.text.clone())
            .unwrap_or_default()
    };
    assert_eq!(text_of("أسعار الكهرباء"), "مصر سترفع أسعار الكهرباء");
    assert!(
        text_of("طعن ثلاثة").ends_with("في قلب المدينة"),
        "{}",
        text_of("طعن ثلاثة")
    );
    // After "بينما" the same speaker usually goes on.
    let a = article("وقال مسؤولون إن 58 شخصا قتلوا، بينما أصيب أكثر من 2700 آخرين.");
    assert_eq!(chain_of(&a, "أصيب أكثر"), ["مسؤولون"]);
    assert!(
        a.claims
            .iter()
            .any(|c| c.text.contains("قتلوا") && c.text.contains("أصيب"))
    );
}

#[test]
fn the_accused_before_the_charge_is_no_speaker() {
    // Unvowelled, "اتهم الوزير بالفساد" is passive or has its subject before:
    // the minister is accused, not accusing.
    let a = article("اتهم الوزير بالفساد في قضية الأراضي.");
    assert!(
        a.claims
            .iter()
            .flat_map(|c| &c.chain)
            .all(|l| l.source.as_ref().is_none_or(|s| s.text != "الوزير")),
        "{:?}",
        a.claims
    );
}

#[test]
fn a_refused_demand_is_no_denial() {
    let a = article("وتطالب أنقرة بتسليم غولن لمحاكمته، الأمر الذي ترفضه واشنطن.");
    let stances: Vec<Stance> = a
        .claims
        .iter()
        .flat_map(|c| &c.chain)
        .filter_map(|l| l.cue.as_ref().map(|c| c.stance))
        .collect();
    assert!(!stances.contains(&Stance::Deny), "{stances:?}");
    // A verb that judges the resumed clause does not report it.
    let a = article("ووجهت المحكمة تهما إلى رجل الأعمال، الأمر الذي انتقدته أنقرة.");
    assert!(
        a.claims.iter().all(|c| c.chain.is_empty()),
        "{:?}",
        a.claims
    );
}

/// "وفقا للأمم المتحدة": the ل is the cue's, so the source is named
/// "الأمم المتحدة" (and found as the same body named before), while its
/// mention keeps the letters as written.
#[test]
fn source_after_attached_lam_is_named_with_its_article() {
    let a = article(
        "قالت الأمم المتحدة إن الوضع خطير. ووفقا للأمم المتحدة، فر آلاف المدنيين من المنطقة. ووفقا للمرصد السوري لحقوق الإنسان، قتل عشرة أشخاص.",
    );
    let names: Vec<&str> = a.sources.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"المرصد السوري لحقوق الإنسان"), "{names:?}");
    assert_eq!(
        names.iter().filter(|n| n.contains("الأمم المتحدة")).count(),
        1,
        "{names:?}"
    );
    assert!(names.iter().all(|n| !n.starts_with("لل")), "{names:?}");
    let fled = a
        .claims
        .iter()
        .find(|c| c.text.contains("فر آلاف"))
        .expect("the claim");
    let shown = fled.chain[0].source.as_ref().expect("a shown source");
    assert_eq!(shown.text, "للأمم المتحدة");
}

/// A headline's label before its colon (a format, an event, a topic) is no
/// speaker; a person or a body there is.
#[test]
fn headline_label_before_colon_is_no_speaker() {
    let headline = |title: &str| {
        let a = isnad::io::input::article_from_bytes(
            "t",
            format!("{title}\nنص الخبر هنا.\n").as_bytes(),
            "t",
        )
        .unwrap();
        let a = common::pipeline().annotate(&a);
        a.claims
            .iter()
            .flat_map(|c| &c.chain)
            .filter_map(|l| l.reference.as_deref())
            .filter_map(|id| a.sources.iter().find(|s| s.id == id))
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
    };
    for label in [
        "مونديال روسيا: البرازيل تفوز على كوستاريكا",
        "الحرب في سوريا: عشرات القتلى في هجوم على دوما",
        "فيديو: لحظة انهيار المبنى",
        "الانتخابات التركية: إقبال كبير على مراكز الاقتراع",
    ] {
        assert!(headline(label).is_empty(), "{label}: {:?}", headline(label));
    }
    assert_eq!(headline("ترامب: سنرد بقوة على الهجوم"), ["ترامب"]);
}

/// "مسؤولة كردية تدعى هيفي مصطفى": the phrase runs through the name the
/// naming word gives, and names that person, not an unnamed official.
#[test]
fn described_person_is_named_after_a_naming_word() {
    let a = article(
        "وأكدت مسؤولة كردية كبيرة تدعى هيفي مصطفى، أن القوات انسحبت. وقال مسؤول في الشرطة المحلية يدعى نافيد شاه، إن الهجوم وقع ليلا.",
    );
    let kurd = a
        .claims
        .iter()
        .find(|c| c.text.contains("القوات انسحبت"))
        .expect("the claim");
    let shown = kurd.chain[0].source.as_ref().expect("a shown source");
    assert!(shown.text.ends_with("تدعى هيفي مصطفى"), "{}", shown.text);
    let police = a
        .claims
        .iter()
        .find(|c| c.text.contains("الهجوم وقع"))
        .expect("the claim");
    let shown = police.chain[0].source.as_ref().expect("a shown source");
    assert!(shown.text.ends_with("يدعى نافيد شاه"), "{}", shown.text);
    assert!(
        a.sources
            .iter()
            .filter(|s| s.name.contains("تدعى") || s.name.contains("يدعى"))
            .all(|s| s.kind == SourceKind::Person),
        "{:?}",
        a.sources
    );
}

/// Reports, data or leaks with no author ("وذكرت تقارير", "وبحسب بيانات")
/// are unnamed sources, like "مصادر"; a report by someone is a document.
#[test]
fn unowned_plural_documents_are_anonymous() {
    let a = article(
        "وذكرت تقارير أن الرئيس سيستقيل. وبحسب بيانات، فإن التضخم ارتفع. وأفاد تقرير الأمم المتحدة بأن الوضع خطير.",
    );
    let kind = |name: &str| {
        a.sources
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.kind)
            .unwrap_or_else(|| panic!("no source {name}: {:?}", a.sources))
    };
    assert_eq!(kind("تقارير"), SourceKind::Anonymous);
    assert_eq!(kind("بيانات"), SourceKind::Anonymous);
    assert_eq!(kind("تقرير الأمم المتحدة"), SourceKind::Document);
}

/// "يرجع" and "ترجع" read as form I (goes back to, is due to), not as the
/// imperfect of أرجع (attributed to): no report. The perfect أرجع is one.
#[test]
fn is_due_to_is_no_report() {
    let a = article(
        "وارتفع العجز التجاري في فبراير، ويرجع ذلك إلى زيادات أسعار السلع. وتعود المباني التي ترجع إلى العصر الروماني إلى الواجهة. وأرجع الوزير التراجع إلى ضعف الطلب.",
    );
    assert!(!has_cue(&a, "ويرجع"), "{:?}", a.claims);
    assert!(!has_cue(&a, "ترجع"), "{:?}", a.claims);
    assert!(has_cue(&a, "وأرجع"), "{:?}", a.claims);
}

/// A relaying phrase after its content closes it even when a few words
/// date the source ("، وفقا لبيانات رسمية، صادرة الأحد"); the content
/// keeps its own closing marks (a per cent sign, a closing quote) and
/// leaves the comma and the cue.
#[test]
fn a_dated_source_after_its_content_closes_it() {
    let a = article(
        "فاز الحزب الحاكم بالأغلبية المطلقة من مقاعد الجمعية الوطنية، وفق نتائج رسمية أعلنت الأربعاء. وكانت المعارضة قد استبقت النتائج. ارتفع نصيب الفرد من الناتج المحلي بنسبة 12.2%، وفقا لبيانات رسمية، صادرة الأحد. وصف الوزير الاتفاق بأنه \"تاريخي\"، بحسب وكالة رويترز.",
    );
    let text = |needle: &str| {
        a.claims
            .iter()
            .find(|c| c.text.contains(needle) && !c.chain.is_empty())
            .map(|c| c.text.clone())
            .unwrap_or_else(|| panic!("no attributed claim with {needle}: {:?}", a.claims))
    };
    assert_eq!(
        text("فاز الحزب"),
        "فاز الحزب الحاكم بالأغلبية المطلقة من مقاعد الجمعية الوطنية"
    );
    assert_eq!(
        text("نصيب الفرد"),
        "ارتفع نصيب الفرد من الناتج المحلي بنسبة 12.2%"
    );
    assert_eq!(text("وصف الوزير"), "وصف الوزير الاتفاق بأنه \"تاريخي\"");
}

/// A participle with no report before it in its sentence goes on for the
/// subject of the verb that opens the sentence, when that subject is a
/// titled or known speaker, or a name the article gives again; not for
/// the last speaker of the article, and not for the object of a verb whose
/// subject is dropped ("ونشر فيديو ... معلقا").
#[test]
fn a_participle_goes_on_for_the_opening_verbs_subject() {
    let a = article(
        "أعلن وزير الخارجية الروسي سيرغي لافروف أن بلاده سترد. وتوعد ترامب عبر تويتر قائلا إن الصواريخ قادمة. وكان ترامب قد هدد من قبل. واستدعت الخارجية اللبنانية السفير البريطاني، معتبرة أن التقرير يخيف النازحين. ونشر فيديو عبر حسابه، معلقا بقوله إن الحرب انتهت.",
    );
    let speaker = |needle: &str| {
        let c = a
            .claims
            .iter()
            .find(|c| c.text.contains(needle))
            .unwrap_or_else(|| panic!("no claim with {needle}: {:?}", a.claims));
        let r = c.chain.last().and_then(|l| l.reference.clone());
        a.sources
            .iter()
            .find(|s| Some(&s.id) == r.as_ref())
            .map_or(String::new(), |s| s.name.clone())
    };
    assert_eq!(speaker("الصواريخ قادمة"), "ترامب");
    assert_eq!(speaker("يخيف النازحين"), "الخارجية اللبنانية");
    assert_ne!(speaker("الحرب انتهت"), "فيديو");
}

/// An outlet's name from the gazetteer is read whole, though a bare word
/// after a definite one would otherwise end the phrase.
#[test]
fn a_gazetteer_outlet_name_is_read_whole() {
    let a = article(
        "وذكرت الفايننشال تايمز أن البنك المركزي أمر ببيع الأسهم. وقالت صحيفة المصري اليوم إن الخلاف تصاعد.",
    );
    assert_eq!(span_of(&a, "البنك المركزي"), ["الفايننشال تايمز"]);
    assert_eq!(chain_of(&a, "البنك المركزي"), ["Financial Times"]);
    assert_eq!(span_of(&a, "الخلاف تصاعد"), ["صحيفة المصري اليوم"]);
}

/// An agentless passive ("ويقال إن", "وقيل إن") names no speaker, and the
/// last one named is not taken for it: the claim is hearsay, with its cue
/// and no source.
#[test]
fn an_agentless_passive_names_no_speaker() {
    let a = article(
        "وقال الوزير إن الاتفاق سيوقع قريبا. ويقال إن الإدارة تعد تعريفات جديدة. وقيل إن الفنانة قررت الاعتزال.",
    );
    for needle in ["تعد تعريفات", "قررت الاعتزال"] {
        let c = a
            .claims
            .iter()
            .find(|c| c.text.contains(needle))
            .unwrap_or_else(|| panic!("no claim with {needle}: {:?}", a.claims));
        assert_eq!(c.chain.len(), 1, "{:?}", c.chain);
        assert!(c.chain[0].cue.is_some(), "{:?}", c.chain);
        assert!(c.chain[0].reference.is_none(), "{:?}", c.chain);
    }
    assert_eq!(chain_of(&a, "سيوقع قريبا"), ["الوزير"]);
}

/// "Another" brings in someone new: "زميل آخر" is not the "رجل آخر" of an
/// earlier sentence, though both end in آخر, and "وأضاف" then goes on for
/// the colleague.
#[test]
fn another_is_someone_new() {
    let a = article(
        "وقال رجل آخر كان يقود سيارة خلف الشاحنة إن السائق كان يدهس الناس. وقال زميل آخر له إن ميناسيان لم يكن لديه أصدقاء. وأضاف أنه كان يسير وحيدا.",
    );
    assert_eq!(chain_of(&a, "يدهس الناس"), ["رجل آخر"]);
    assert_eq!(chain_of(&a, "لم يكن لديه أصدقاء"), ["زميل آخر"]);
    assert_eq!(chain_of(&a, "يسير وحيدا"), ["زميل آخر"]);
}
