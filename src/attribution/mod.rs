//! Attribution: for each sentence, the cues, the sources they name and the
//! content they attribute; nested reports become one chain; sources are
//! resolved across sentences; every remaining sentence is an unsourced or
//! editorial claim.
//!
//! By element:
//! - `view`: the article as tokens, with what is asked of them remembered;
//! - `cues`: the lexicon's cues matched on the tokens (`CueHit`);
//! - source phrases: `phrases` (where a phrase starts and ends), `names`
//!   (titles, names in apposition, owners of unnamed sources), `addressee`
//!   (the outlet or body spoken to), `sources` (what kind of source a phrase
//!   names, and the gazetteers);
//! - `content`: where the attributed content starts and ends;
//! - reports, one per cue: `verb_report` (a verb and its subject) and
//!   `reports` (prepositions, participles, nouns, headline colons);
//! - `chain`: reports nested in one another become one chain;
//! - `resolve`: who each phrase or dropped subject is, across sentences;
//! - `claims`: the annotation model's sources and claims.

mod addressee;
mod chain;
mod claims;
mod content;
mod cues;
mod lookup;
mod names;
mod phrases;
mod reports;
mod resolve;
mod sources;
mod verb_report;
mod view;

use crate::arabic::tokens::{TokKind, Token, tokenize};
use crate::arabic::{morphology, punctuation};
use crate::lexicon::{Gender, Lexicon};
use crate::model::{BlockKind, Claim, CueKind, QuoteKind, Sentence, Source, SourceKind, Stance};
use crate::segment::Segmentation;
use crate::text::{Folded, Text, fold_str};
use chain::*;
pub use claims::claim_id;
use content::*;
use cues::{Agreement, CueHit, CueMatcher, readings};
use lookup::{WordSet, maqsura_forms, set};
use names::*;
use phrases::*;
use reports::*;
use resolve::Registry;
use sources::SourceLexicon;
use std::borrow::Cow;
use view::*;

pub struct Attributor {
    cues: CueMatcher,
    sources: SourceLexicon,
    complementizers: WordSet,
    np_stops: WordSet,
    not_heads: WordSet,
    adverbs: WordSet,
    appositions: WordSet,
    subordinators: WordSet,
    conditionals: WordSet,
    noun_governors: WordSet,
    content_nouns: WordSet,
    headline_labels: WordSet,
    name_tails: WordSet,
    name_heads: WordSet,
    pronoun_subjects: WordSet,
    demonstratives: WordSet,
    resumptive_heads: WordSet,
    clause_openers: WordSet,
    pedigree: WordSet,
    kinship: WordSet,
    negators: WordSet,
    auxiliaries: WordSet,
    verb_preludes: WordSet,
    /// Folded word sequences of `content_breaks`.
    content_breaks: Vec<Vec<String>>,
    resumptive_links: WordSet,
    resumptive_asserts: WordSet,
    name_like_stops: WordSet,
    inner_prepositions: WordSet,
    medium_prepositions: WordSet,
    statement_prepositions: WordSet,
    about_prepositions: WordSet,
    perfect_particles: WordSet,
    kana_forms: WordSet,
    others: WordSet,
    side_openers: WordSet,
    contrasts: Contrasts,
    relative_ma: WordSet,
    relative_ma_fused: WordSet,
    object_openers: WordSet,
    name_words_in_ba: WordSet,
    /// Verb forms spelt with a final ى (رأى, نفى), folded: written with a
    /// final ي they are the noun ("رأي كتابها", "نفي الاتهامات").
    maqsura_forms: WordSet,
}

/// What attribution finds in one article.
pub struct Found {
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub publisher_ref: Option<String>,
}

/// A phrase naming a source: tokens `[first, last]`, and the clitic bytes
/// (لـ) to skip at the start of the first token.
#[derive(Debug, Clone, Copy)]
struct Np {
    first: usize,
    last: usize,
    clitic_bytes: u32,
}

/// Who a link names, before resolution.
#[derive(Debug, Clone)]
enum Speaker {
    Phrase(Np),
    /// "مصادرها": the owner a pronoun points to.
    Pronoun {
        gender: Option<Gender>,
        plural: bool,
    },
    /// A verb with no subject: the latest agreeing speaker.
    Dropped(Agreement),
    /// An agentless passive ("ويقال إن"): no one is named, and no one is
    /// meant.
    Agentless,
    /// "مصدر الصحيفة": the unnamed source the owner in the previous link cited.
    SourceOfPrevious(Np),
}

#[derive(Debug, Clone)]
struct LinkDraft {
    cue: Option<(CueHit, usize, usize)>,
    speaker: Speaker,
    agreement: Agreement,
    /// The speaker's words stand in this link's clause (not for a
    /// participle going on with the speaker of its verb).
    shown: bool,
}

/// A report: a chain of links and the content it attributes.
#[derive(Debug, Clone)]
struct Report {
    links: Vec<LinkDraft>,
    cue_tok: usize,
    kind: CueKind,
    /// Content as original byte offsets.
    content: (usize, usize),
    quote: QuoteKind,
    /// The content is the sentence around the cue, not a clause of its own.
    from_sentence: bool,
    /// Said in a clause of time ("وبعد أن نفى ..."): what follows it is a
    /// report of its own, not a nested one.
    subordinate: bool,
    sentence: usize,
    /// No report at all: the subject of a clause's other verb ("عبر الفارس
    /// عبدالله الشربتلي عن اعتزازه ... وقال:"), whom a later subjectless
    /// verb or participle goes on with.
    actor: bool,
    /// An actor who is the sentence's topic ("ودوستم الستيني معروف",
    /// "وغادر دوستم البلاد"): kept only when already known to the article.
    topic: bool,
    /// The phrase that takes up the clause before it ("…، وهو ما نفته
    /// الدوحة"): the report's content is that clause.
    resumes: Option<Resumed>,
}

/// A report on the clause before it: where its phrase starts, and whether
/// its verb refuses ("الأمر الذي ترفضه واشنطن"), which denies only an
/// accusation; a refused demand or proposal is no claim.
#[derive(Debug, Clone, Copy)]
struct Resumed {
    head: usize,
    refusal: bool,
}

impl LinkDraft {
    /// A link with no cue of its own whose words stand in the clause: the
    /// outlet spoken to ("لرويترز"), an owner ("مصدر الصحيفة").
    fn phrase(np: Np) -> LinkDraft {
        LinkDraft {
            cue: None,
            speaker: Speaker::Phrase(np),
            agreement: Agreement::default(),
            shown: true,
        }
    }
}

impl Report {
    /// The phrase that names the outermost speaker, if one does.
    fn first_phrase(&self) -> Option<Np> {
        match self.links.first().map(|l| &l.speaker) {
            Some(Speaker::Phrase(np)) => Some(*np),
            _ => None,
        }
    }

    /// A report whose content is a clause of its own, in the main clause.
    fn clause(
        links: Vec<LinkDraft>,
        hit: &CueHit,
        content: (usize, usize),
        quote: QuoteKind,
        sentence: usize,
    ) -> Report {
        Report {
            links,
            cue_tok: hit.first,
            kind: hit.kind,
            content,
            quote,
            from_sentence: false,
            subordinate: false,
            sentence,
            actor: false,
            topic: false,
            resumes: None,
        }
    }
}

impl Attributor {
    pub fn new(lex: &Lexicon) -> Self {
        Attributor {
            cues: CueMatcher::new(lex),
            sources: SourceLexicon::new(lex),
            complementizers: set(&lex.complementizers),
            np_stops: set(&lex.np_stops),
            not_heads: set(&lex.not_heads),
            adverbs: set(&lex.adverbs),
            appositions: set(&lex.appositions),
            subordinators: set(&lex.subordinators),
            conditionals: set(&lex.conditionals),
            noun_governors: set(&lex.noun_governors),
            content_nouns: set(&lex.content_nouns),
            headline_labels: set(&lex.headline_labels),
            name_tails: set(&lex.name_tails),
            name_heads: set(&lex.name_heads),
            pronoun_subjects: set(&lex.pronoun_subjects),
            demonstratives: set(&lex.demonstratives),
            resumptive_heads: set(&lex.resumptive_heads),
            clause_openers: set(&lex.clause_openers),
            pedigree: set(&lex.pedigree),
            kinship: set(&lex.kinship),
            negators: set(&lex.negators),
            auxiliaries: set(&lex.auxiliaries),
            verb_preludes: set(&lex.verb_preludes),
            content_breaks: lex
                .content_breaks
                .iter()
                .map(|p| fold_str(p).split_whitespace().map(str::to_string).collect())
                .collect(),
            resumptive_links: set(&lex.resumptive_links),
            resumptive_asserts: set(&lex.resumptive_asserts),
            name_like_stops: set(&lex.name_like_stops),
            inner_prepositions: set(&lex.inner_prepositions),
            medium_prepositions: set(&lex.medium_prepositions),
            statement_prepositions: set(&lex.statement_prepositions),
            about_prepositions: set(&lex.about_prepositions),
            perfect_particles: set(&lex.perfect_particles),
            kana_forms: set(&lex.kana_forms),
            others: set(&lex.others),
            side_openers: set(&lex.side_openers),
            contrasts: Contrasts {
                pronoun_hosts: lex
                    .contrast_pronoun_hosts
                    .iter()
                    .map(|w| fold_str(w))
                    .collect(),
                exceptives: set(&lex.exceptives),
                complements: lex
                    .exceptive_complements
                    .iter()
                    .map(|w| fold_str(w))
                    .collect(),
            },
            relative_ma: set(&lex.relative_ma),
            relative_ma_fused: set(&lex.relative_ma_fused),
            object_openers: set(&lex.object_openers),
            name_words_in_ba: set(&lex.name_words_in_ba),
            maqsura_forms: maqsura_forms(lex),
        }
    }

    pub fn attribute(
        &self,
        text: &Text,
        folded: &Folded,
        seg: &Segmentation,
        sentences: &[Sentence],
        publisher: Option<&str>,
    ) -> Found {
        let toks = tokenize(folded);
        let doc = ArticleView {
            raw: text.raw,
            f: folded,
            cue_starts: std::cell::RefCell::new(vec![0; toks.len()]),
            readings: Default::default(),
            quote_reach: Default::default(),
            toks,
        };
        self.rule_out_titles(&doc);
        let ranges = sentence_tokens(&doc, seg);
        let mut registry = Registry::default();
        self.register_roles(&doc, &mut registry);
        let mut reports = Vec::new();
        let mut editorial = vec![false; ranges.len()];
        for (si, &(a, b)) in ranges.iter().enumerate() {
            let kind = seg.blocks[seg.sentences[si].block].kind;
            if !matches!(kind, BlockKind::Body | BlockKind::Headline) {
                continue;
            }
            let formula = self.cues.editorial_end(&doc.f.folded, &doc.toks, a, b);
            editorial[si] = formula.is_some();
            let from = formula.unwrap_or(a);
            reports.extend(self.sentence_reports(&doc, seg, si, (a, b), from, kind));
        }
        claims::assemble(claims::Input {
            text,
            seg,
            sentences,
            reports: &reports,
            editorial: &editorial,
            publisher,
            attributor: self,
            doc: &doc,
            registry: &mut registry,
        })
    }

    /// Every "title name" pair in the text ("الرئيس الروسي فلاديمير بوتين",
    /// "رئيس جهاز الأمن القومي اليمني علي الأحمدي"), so that a role noun alone
    /// can point back to the person.
    fn register_roles(&self, doc: &ArticleView, reg: &mut Registry) {
        let n = doc.toks.len();
        let mut i = 0;
        while i < n {
            // "مصدر قيادي كبير": a title word describing an unnamed source is
            // an adjective, and what follows it no name.
            // Asked only of titles: most tokens are not one.
            let describes =
                || i > 0 && doc.is_word(i - 1) && self.sources.is_anonymous_head(doc.word(i - 1));
            if !self.title_at(doc, i) || describes() {
                i += 1;
                continue;
            }
            // "وأشاد الوزير بصمود الأهالي": after a verb whose object takes
            // a preposition, that preposition ends the phrase.
            let object = (i > 0)
                .then(|| self.verb_at(doc, i - 1, n))
                .flatten()
                .and_then(|v| v.object);
            let ends_phrase = |k: usize| {
                let w = doc.word(k);
                object.is_some_and(|p| self.marks_object(doc, p, k, n))
                    || self.stop_at(doc, k, w)
                    || self.is_content_noun(w)
                    || self.possessed_noun(doc, k, true)
                    || self.cues.is_future_verb(w)
                    || self.is_complementizer(w)
                    || self.appositions.contains(w)
                    || self.cue_starts(doc, k)
            };
            let end = (i..n.min(i + 14))
                .take_while(|&k| {
                    doc.is_word(k) && (k == i || !(ends_phrase(k) || doc.line_break_before(k)))
                })
                .last()
                .unwrap_or(i);
            let phrase = Np {
                first: i,
                last: end,
                clitic_bytes: 0,
            };
            let mut name = self.person_name(doc, phrase);
            // "المتحدث الرسمي للقوات المسلحة، العميد محمد سمير، إن": the
            // name in apposition after a comma holds the role.
            let mut role_end = name.first;
            if name.first == i
                && doc.is_comma(end + 1)
                && let Some(apposed) =
                    self.apposed_name(doc, end + 1, self.apposition_end(doc, end + 2))
            {
                name = apposed;
                role_end = end + 1;
            }
            // "وزير الصحة بدأ جولته": one word and then a possessed noun is
            // a verb and its object, not a name.
            let verb_and_object = name.first == name.last
                && doc.is_word(name.last + 1)
                && self.possessed_noun(doc, name.last + 1, false);
            if name.first > i
                && !verb_and_object
                && !self.sources.relational_title(&doc.np_words(phrase))
            {
                let words: Vec<&str> = doc.np_words(name);
                let (s, e) = doc.span(name.first, name.last, 0);
                // "المعارض لنظام الرئيس الروسي X": each title in the phrase
                // opens a role of X ("الرئيس الروسي" as well).
                // Each role runs to the next title: "أمينها العام" and
                // "الدكتور" in "أمينها العام الدكتور عبدالله".
                let titles: Vec<usize> = (i..role_end).filter(|&t| self.title_at(doc, t)).collect();
                for (at, &t) in titles.iter().enumerate() {
                    let next = titles.get(at + 1).copied().unwrap_or(role_end);
                    // "أمينها العام" is the role أمين عام.
                    let role: Vec<&str> = (t..next)
                        .filter(|&x| doc.is_word(x))
                        .map(|x| match sources::possessed_stem(doc.word(x)) {
                            Some(stem) if x == t => stem,
                            _ => doc.word(x),
                        })
                        .collect();
                    reg.person_with_role(&role, &words, &doc.raw[s..e], (s, e));
                }
                i = name.last + 1;
                // "الأمير سعود بن عبدالله بن ثنيان رئيس الهيئة الملكية للجبيل
                // وينبع": a role after the name is the person's too.
                if self.title_at(doc, i) && !doc.line_break_before(i) {
                    let role_end = (i + 1..n.min(i + 8))
                        .take_while(|&k| {
                            let w = doc.word(k);
                            doc.is_word(k)
                                && !doc.line_break_before(k)
                                && (sources::is_definite(w)
                                    // "للجبيل وينبع", not "تبوك وفد الجامعة".
                                    || (morphology::starts_with_and(w)
                                        && sources::is_definite(doc.word(k - 1)))
                                    || k < i + self.title_words_at(doc, i)
                                    || self.within_title(doc, k))
                                && !ends_phrase(k)
                        })
                        .last()
                        .unwrap_or(i);
                    let role: Vec<&str> = (i..=role_end).map(|x| doc.word(x)).collect();
                    reg.person_with_role(&role, &words, &doc.raw[s..e], (s, e));
                    i = role_end + 1;
                }
            } else {
                i += 1;
            }
        }
    }

    /// Whether a headline's words before its colon are a label, not a
    /// speaker: a format ("فيديو:", "مباشر:"), an event or a topic
    /// ("مونديال روسيا:", "الحرب في سوريا:"), or what is said ("ضرورة …:").
    fn headline_label(&self, doc: &ArticleView, r: &Report) -> bool {
        let Some(np) = r.first_phrase() else {
            return false;
        };
        doc.np_words(np)
            .first()
            .is_some_and(|w| self.headline_labels.contains(w) || self.is_content_noun(w))
    }

    /// Whether a subheading's colon report names a plausible speaker: a
    /// short phrase of no prepositional word, not a document or a verbal noun.
    fn subheading_speaker(&self, doc: &ArticleView, r: &Report) -> bool {
        let Some(np) = r.first_phrase() else {
            return false;
        };
        let words = doc.np_words(np);
        let reading = self.read_np(doc, np);
        // The lexicon must know it as a source ("نشطاء:", "الخارجية
        // الروسية:"): over the ANT corpus most subheadings with a colon are
        // topics ("أزمة الخليج: محطات رئيسية") or links ("اقرأ أيضا:").
        (reading.listed || reading.canonical.is_some())
            && reading.kind != SourceKind::Person
            && words.len() <= 3
            && words
                .iter()
                .all(|w| !morphology::starts_with_preposition(w))
            && !self.is_content_noun(words[0])
            && !(reading.listed && reading.kind == SourceKind::Document)
    }

    /// The reports of one sentence: tokens `range`, cues looked for from
    /// `from` (past an editorial formula).
    fn sentence_reports(
        &self,
        doc: &ArticleView,
        seg: &Segmentation,
        si: usize,
        range: (usize, usize),
        from: usize,
        kind: BlockKind,
    ) -> Vec<Report> {
        let (a, b) = range;
        let mut hits = self.cues.find(&doc.f.folded, &doc.toks, from, b);
        // A verb's letters may be a noun's: "إضافة" folds to "اضافه", which
        // reads as "اضاف" + ه, but a verb never ends in ة; and after a word
        // that governs a noun ("إلى نقل حدود المركز", "عدم ذكر") they are
        // its verbal noun.
        // After a conditional particle they are a supposition ("إن وجدت").
        let governed = |h: &CueHit| {
            h.first > a
                && (self.after_noun_governor(doc, h.first) || self.after_conditional(doc, h.first))
        };
        hits.retain(|h| match h.kind {
            CueKind::Verb => {
                !doc.ends_with_ta_marbuta(h.first)
                    && !governed(h)
                    && !self.written_as_noun(doc, h.first)
                    && !doc.written_passive(h.first)
            }
            CueKind::NoComment => !governed(h),
            _ => true,
        });
        let mut reports: Vec<Report> = Vec::new();
        let mut consumed = vec![false; hits.len()];
        for (h, hit) in hits.iter().enumerate() {
            if consumed[h] {
                continue;
            }
            let at = Window {
                doc,
                seg,
                sentence: si,
                start: a,
                end: b,
            };
            let report = match hit.kind {
                CueKind::Verb | CueKind::NoComment => {
                    self.verb_report(&at, hit, &hits, &mut consumed)
                }
                CueKind::Preposition => self.preposition_report(&at, hit).map(|(r, next)| {
                    // "وفقا لما أكده شخص": the verb belongs to the phrase.
                    for (o, other) in hits.iter().enumerate().skip(h + 1) {
                        if other.first < next {
                            consumed[o] = true;
                        }
                    }
                    r
                }),
                CueKind::Participle => self.participle_report(&at, hit, &reports),
                CueKind::Nominal => self.nominal_report(&at, hit),
                _ => None,
            };
            reports.extend(report);
        }
        if reports.is_empty() && kind == BlockKind::Headline {
            let report = self.colon_report(&Window {
                doc,
                seg,
                sentence: si,
                start: a,
                end: b,
            });
            reports.extend(report.filter(|r| !self.headline_label(doc, r)));
        } else if reports.is_empty() && subheading(seg, si, doc.raw) {
            // A subheading's words before the colon must read as a speaker:
            // not "تأليف:", not "رابط الخبر بصحيفة الوئام:".
            let report = self.colon_report(&Window {
                doc,
                seg,
                sentence: si,
                start: a,
                end: b,
            });
            reports.extend(report.filter(|r| self.subheading_speaker(doc, r)));
        }
        let mut reports = nest(doc, reports, &self.clause_openers, &self.contrasts);
        let actor = match self.clause_actor(doc, si, a, b) {
            Some(actor) => {
                Some(actor).filter(|actor| !reports.iter().any(|r| r.cue_tok == actor.cue_tok))
            }
            // A topic only where no report comes before it.
            None => self
                .sentence_topic(doc, si, a, b)
                .filter(|topic| !reports.iter().any(|r| r.cue_tok <= topic.cue_tok)),
        };
        if let Some(actor) = actor {
            let at = reports
                .iter()
                .position(|r| r.cue_tok > actor.cue_tok)
                .unwrap_or(reports.len());
            reports.insert(at, actor);
        }
        reports
    }

    /// Whether the verb at token `k`, one spelt with a final ى, is written
    /// with a final ي: then it is the noun ("رأي", opinion; "نفي", denial).
    fn written_as_noun(&self, doc: &ArticleView, k: usize) -> bool {
        let w = doc.word(k);
        let bare = morphology::strip_conjunction(w).unwrap_or(w);
        (self.maqsura_forms.contains(w) || self.maqsura_forms.contains(bare))
            && doc.ends_with_letter(k, 'ي')
    }

    /// The person a sentence is about, where it names one before any report:
    /// a name that opens it ("ودوستم الستيني معروف ...") or the bare name
    /// after its opening verb ("وغادر دوستم البلاد"). A later subjectless
    /// verb goes on with them ("إلا أنه نفى ... وقال") if the article knew
    /// them already; an unknown word is left alone.
    fn sentence_topic(&self, doc: &ArticleView, si: usize, a: usize, b: usize) -> Option<Report> {
        let first = doc.word(a);
        let opens_with_name = morphology::strip_and(first)
            .is_some_and(|rest| !rest.is_empty() && self.name_like(rest))
            && !self.cue_starts(doc, a);
        let np = if opens_with_name {
            Np {
                first: a,
                last: a,
                clitic_bytes: morphology::and_len() as u32,
            }
        } else {
            let verb_like = morphology::starts_with_conjunction(first)
                && crate::text::has_chars(first, 4)
                && !doc.ends_with_ta_marbuta(a)
                && !self.title_at(doc, a)
                && !self.complementizer_at(doc, a);
            let k = a + 1;
            if !verb_like || k >= b || !doc.is_word(k) || !self.name_like_at(doc, k) {
                return None;
            }
            Np {
                first: k,
                last: k,
                clitic_bytes: 0,
            }
        };
        Some(Report {
            links: vec![LinkDraft::phrase(np)],
            cue_tok: np.first,
            kind: CueKind::Verb,
            content: (doc.start_of(a), doc.start_of(a)),
            quote: QuoteKind::Indirect,
            from_sentence: false,
            subordinate: false,
            sentence: si,
            actor: true,
            topic: true,
            resumes: None,
        })
    }

    /// The titled subject of a sentence that opens with a verb that reports
    /// nothing: "عبر الفارس عبدالله ...", "واختتم أمين عام غرفة مكة كلمته",
    /// "من جانبه، استقبل الأمير ...". A verb is told from a noun by what
    /// it is not: no article, no ة, no title, no complementizer (a
    /// preposition may be a verb's homograph: "عبر" is also عبّر). A cue
    /// verb that made no report of its own acts too ("واختتم ... كلمته،
    /// موضحا").
    fn clause_actor(&self, doc: &ArticleView, si: usize, a: usize, b: usize) -> Option<Report> {
        let mut k = a;
        loop {
            let w = doc.word(k);
            if doc.is_comma(k) || self.adverbs.contains(w) || self.verb_preludes.contains(w) {
                k += 1;
            } else if self.side_openers.contains(w) && doc.is_word(k + 1) && doc.ends_with_ha(k + 1)
            {
                // "من جانبه", "ومن جهتها".
                k += 2;
            } else {
                break;
            }
            if k >= b {
                return None;
            }
        }
        let w = doc.word(k);
        let verb_like = doc.is_word(k)
            && crate::text::has_chars(w, 3)
            && !sources::is_definite(w)
            && !doc.ends_with_ta_marbuta(k)
            && !self.title_at(doc, k)
            && !self.sources.is_outlet_head(w)
            && !self.sources.is_anonymous_head(w)
            && !self.complementizer_at(doc, k);
        if !verb_like || k + 1 >= b || !self.title_at(doc, k + 1) {
            return None;
        }
        let (np, _) = self.np_at(doc, k + 1, b, 0)?;
        // "الأمير عبدالله بن فهد التهنئة لخادم ...": the title and its name,
        // not the object after them.
        let speaker = Np {
            last: self.person_name(doc, np).last,
            ..np
        };
        Some(Report {
            links: vec![LinkDraft::phrase(speaker)],
            cue_tok: k,
            kind: CueKind::Verb,
            content: (doc.start_of(k), doc.start_of(k)),
            quote: QuoteKind::Indirect,
            from_sentence: false,
            subordinate: false,
            sentence: si,
            actor: true,
            topic: false,
            resumes: None,
        })
    }
}

/// The longest title phrase in the lexicon, in words.
pub(super) const MAX_TITLE_WORDS: usize = 4;

/// Whether sentence `si` is a subheading inside the body: the whole of its
/// block, one line, with no full stop ("الصليب الأحمر: المساعدات أقل ...").
/// Like a headline, it may name its speaker before a colon.
fn subheading(seg: &Segmentation, si: usize, raw: &str) -> bool {
    let s = &seg.sentences[si];
    let block = &seg.blocks[s.block];
    let text = raw[s.start..s.end].trim_end();
    block.start == s.start
        && block.end <= s.end + 1
        && !text.contains('\n')
        && !punctuation::ends_with_sentence_end(text)
}
