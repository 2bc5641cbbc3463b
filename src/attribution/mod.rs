//! Attribution: for each sentence, the cues, the sources they name and the
//! content they attribute; nested reports become one chain; sources are
//! resolved across sentences; every remaining sentence is an unsourced or
//! editorial claim.
//!
//! `phrases` finds source phrases, `reports` turns each cue into a report,
//! `resolve` decides who each phrase is, `claims` writes the model.

mod claims;
mod cues;
mod lookup;
mod phrases;
mod reports;
mod resolve;
mod sources;

use crate::arabic::tokens::{TokKind, Token, tokenize};
use crate::arabic::{morphology, punctuation};
use crate::lexicon::{Gender, Lexicon};
use crate::model::{BlockKind, Claim, CueKind, QuoteKind, Sentence, Source, SourceKind, Stance};
use crate::segment::Segmentation;
use crate::text::{Folded, Text, fold_str};
pub use claims::claim_id;
use cues::{Agreement, CueHit, CueMatcher};
use lookup::WordSet;
use resolve::Registry;
use sources::SourceLexicon;
use std::borrow::Cow;

pub struct Attributor {
    cues: CueMatcher,
    sources: SourceLexicon,
    complementizers: WordSet,
    np_stops: WordSet,
    adverbs: WordSet,
    appositions: WordSet,
    subordinators: WordSet,
    conditionals: WordSet,
    noun_governors: WordSet,
    content_nouns: WordSet,
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

/// The words that open a contrast before a clause: see `Contrasts::before`.
struct Contrasts {
    /// "لكن", to which the subject's pronoun is written.
    pronoun_hosts: Vec<String>,
    /// "إلا", "غير", "بيد", before أن.
    exceptives: WordSet,
    /// "أن", bare or with a pronoun, after an exceptive.
    complements: Vec<String>,
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
    skip: u32,
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

/// The tokens and views one article is read through.
struct Doc<'a> {
    raw: &'a str,
    f: &'a Folded,
    toks: Vec<Token>,
    /// Per token, questions asked again and again while phrases are read
    /// (does a cue start here? is it a title?): see `memo`.
    cue_starts: std::cell::RefCell<Vec<u8>>,
    /// Source phrases already read, by their tokens.
    readings: std::cell::RefCell<rustc_hash::FxHashMap<(usize, usize, u32), sources::Reading>>,
    /// Per sentence, where a quotation opened in it can reach: see
    /// `quote_reach`.
    quote_reach: std::cell::RefCell<rustc_hash::FxHashMap<usize, usize>>,
}

impl Doc<'_> {
    fn word(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.f.folded[t.start as usize..t.end as usize],
            None => "",
        }
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_word)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Whether a line ends between token `i - 1` and token `i`: a headline
    /// and the lead below it are not one phrase.
    fn line_break_before(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
        ) {
            (Some(a), Some(b)) => self.f.folded[a.end as usize..b.start as usize].contains('\n'),
            _ => false,
        }
    }

    fn is_comma(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokKind::Punct(c) if punctuation::is_comma(c)))
    }

    /// Original byte offset where token `i` starts.
    /// The first token that starts at or after original byte `at`.
    fn token_from(&self, at: usize) -> usize {
        self.toks
            .partition_point(|t| self.f.orig_start(t.start as usize) < at)
    }

    fn start_of(&self, i: usize) -> usize {
        match self.toks.get(i) {
            Some(t) => self.f.orig_start(t.start as usize),
            None => self.raw.len(),
        }
    }

    /// Original byte span of tokens `[a, b]`, skipping `skip` folded bytes.
    fn span(&self, a: usize, b: usize, skip: u32) -> (usize, usize) {
        let (Some(ta), Some(tb)) = (self.toks.get(a), self.toks.get(b)) else {
            return (self.raw.len(), self.raw.len());
        };
        let s = self.f.orig_start((ta.start + skip).min(ta.end) as usize);
        let e = self.f.orig_end(self.raw, tb.end as usize);
        (s, e.max(s))
    }

    fn np_words(&self, np: Np) -> Vec<&str> {
        (np.first..=np.last)
            .filter(|&k| self.is_word(k))
            .map(|k| {
                let w = self.word(k);
                if k == np.first && np.skip > 0 {
                    w.get(np.skip as usize..).unwrap_or(w)
                } else {
                    w
                }
            })
            .collect()
    }

    /// Whether token `i` is written, in the original, starting with `c`.
    fn original_starts_with(&self, i: usize, c: char) -> bool {
        let (s, e) = self.span(i, i, 0);
        self.raw[s..e].starts_with(c)
    }

    /// Whether token `i` carries the article. Folding writes أ as ا, so a
    /// name written with hamza ("ألتون", "ألمانيا") is told apart here.
    fn definite_at(&self, i: usize) -> bool {
        sources::is_definite(self.word(i))
            && !['أ', 'إ', 'آ']
                .iter()
                .any(|&c| self.original_starts_with(i, c))
    }

    /// Whether token `i` ends in ة (folding writes it ه).
    fn ends_with_ta_marbuta(&self, i: usize) -> bool {
        let (_, e) = self.span(i, i, 0);
        self.raw[..e]
            .chars()
            .rev()
            .find(|c| !crate::text::is_mark(*c))
            == Some('ة')
    }

    /// Whether token `i` ends in a written ه (a pronoun), not a ة folded to ه.
    fn ends_with_ha(&self, i: usize) -> bool {
        self.ends_with_letter(i, 'ه')
    }

    /// Whether the verb at token `i` is written as a passive perfect: a
    /// damma on its first letter ("كُتب", "أُعلن", "زُعم"), not on the
    /// prefix of an imperfect (يُؤكد, تُضيف) or a participle's م. Its
    /// subject is what was done, not who said it: over the ANT corpus
    /// every one of about 100 such cues named the wrong source.
    fn written_passive(&self, i: usize) -> bool {
        let (s, e) = self.span(i, i, 0);
        let mut letters = self.raw[s..e]
            .chars()
            .skip_while(|&c| morphology::is_conjunction(c));
        let (Some(first), Some(mark)) = (letters.next(), letters.next()) else {
            return false;
        };
        mark == '\u{064F}' && !matches!(first, 'ي' | 'ت' | 'ن' | 'م')
    }

    /// Whether token `i` ends, as written, in letter `c` (marks aside).
    fn ends_with_letter(&self, i: usize, c: char) -> bool {
        let (_, e) = self.span(i, i, 0);
        self.raw[..e]
            .chars()
            .rev()
            .find(|x| !crate::text::is_mark(*x))
            == Some(c)
    }
}

/// The folded verb forms of the lexicon that end in ى.
fn maqsura_forms(lex: &Lexicon) -> WordSet {
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

fn set(list: &[String]) -> WordSet {
    list.iter().map(|w| fold_str(w)).collect()
}

impl Attributor {
    pub fn new(lex: &Lexicon) -> Self {
        Attributor {
            cues: CueMatcher::new(lex),
            sources: SourceLexicon::new(lex),
            complementizers: set(&lex.complementizers),
            np_stops: set(&lex.np_stops),
            adverbs: set(&lex.adverbs),
            appositions: set(&lex.appositions),
            subordinators: set(&lex.subordinators),
            conditionals: set(&lex.conditionals),
            noun_governors: set(&lex.noun_governors),
            content_nouns: set(&lex.content_nouns),
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
        let doc = Doc {
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
    fn register_roles(&self, doc: &Doc, reg: &mut Registry) {
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
                skip: 0,
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

    /// Marks as no title (for `title_at`) every token with no title written
    /// inside it, found in one pass over the text: `title_at` is asked of
    /// every token, and reading each word's forms against the titles was
    /// the costliest part of attribution.
    fn rule_out_titles(&self, doc: &Doc) {
        let Some(pieces) = self.sources.title_pieces(&doc.f.folded) else {
            return;
        };
        let mut inside = vec![false; doc.toks.len()];
        for at in pieces {
            let k = doc.toks.partition_point(|t| (t.end as usize) <= at);
            if let Some(slot) = inside.get_mut(k) {
                *slot = true;
            }
        }
        let mut memo = doc.cue_starts.borrow_mut();
        for (slot, inside) in memo.iter_mut().zip(inside) {
            if !inside {
                *slot |= 1 << TITLE_MEMO;
            }
        }
    }

    /// Whether a cue (of any kind) starts at token `k`, memoised.
    fn cue_starts(&self, doc: &Doc, k: usize) -> bool {
        memo(&doc.cue_starts, k, 0, || {
            self.cues
                .at(&doc.f.folded, &doc.toks, k, doc.toks.len())
                .is_some()
        })
    }

    /// Whether token `k` is a title (الرئيس, وزيرة), memoised.
    fn title_at(&self, doc: &Doc, k: usize) -> bool {
        memo(&doc.cue_starts, k, TITLE_MEMO, || {
            self.title_words_at(doc, k) > 0
        })
    }

    /// `title_words_at`, asked only where the memo says a title starts.
    fn title_words(&self, doc: &Doc, k: usize) -> usize {
        if self.title_at(doc, k) {
            self.title_words_at(doc, k)
        } else {
            0
        }
    }

    /// How many words the title at `k` spans (`SourceLexicon::title_length`).
    fn title_words_at(&self, doc: &Doc, k: usize) -> usize {
        // "فهد بن سلطان", "أبو أمير": after a word of kinship a title's
        // letters are a name.
        let in_name = k > 0 && {
            let w = doc.word(k - 1);
            self.pedigree.contains(w) || self.kinship.contains(w)
        };
        if !doc.is_word(k) || in_name {
            return 0;
        }
        // "أمينها العام", "رئيسها التنفيذي": a title owned by a body reads
        // as the title with the article.
        let first: Cow<str> = match sources::possessed_stem(doc.word(k)) {
            Some(stem) if !self.sources.is_title(doc.word(k)) => {
                Cow::Owned(morphology::with_article(stem))
            }
            _ => Cow::Borrowed(doc.word(k)),
        };
        let rest = (k + 1..doc.toks.len())
            .take_while(|&n| doc.is_word(n))
            .map(|n| doc.word(n));
        self.sources.title_length(&first, rest)
    }

    /// Whether a subheading's colon report names a plausible speaker: a
    /// short phrase of no prepositional word, not a document or a verbal noun.
    fn subheading_speaker(&self, doc: &Doc, r: &Report) -> bool {
        let Some(Speaker::Phrase(np)) = r.links.first().map(|l| &l.speaker) else {
            return false;
        };
        let words = doc.np_words(*np);
        let reading = self.read_np(doc, *np);
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
        doc: &Doc,
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
            let at = reports::At { doc, seg, si, a, b };
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
            reports.extend(self.colon_report(&reports::At { doc, seg, si, a, b }));
        } else if reports.is_empty() && subheading(seg, si, doc.raw) {
            // A subheading's words before the colon must read as a speaker:
            // not "تأليف:", not "رابط الخبر بصحيفة الوئام:".
            let report = self.colon_report(&reports::At { doc, seg, si, a, b });
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
    fn written_as_noun(&self, doc: &Doc, k: usize) -> bool {
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
    fn sentence_topic(&self, doc: &Doc, si: usize, a: usize, b: usize) -> Option<Report> {
        let first = doc.word(a);
        let opens_with_name = morphology::strip_and(first)
            .is_some_and(|rest| !rest.is_empty() && self.name_like(rest))
            && !self.cue_starts(doc, a);
        let np = if opens_with_name {
            Np {
                first: a,
                last: a,
                skip: morphology::and_len() as u32,
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
                skip: 0,
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
    fn clause_actor(&self, doc: &Doc, si: usize, a: usize, b: usize) -> Option<Report> {
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

/// Where `title_at` keeps its answers in the memo byte.
const TITLE_MEMO: u8 = 2;

/// A per-token yes/no worked out once: two bits at `shift` of the token's
/// byte (0 not yet known, 1 no, 2 yes).
fn memo(
    cache: &std::cell::RefCell<Vec<u8>>,
    k: usize,
    shift: u8,
    work: impl FnOnce() -> bool,
) -> bool {
    let known = cache.borrow().get(k).map_or(1, |b| (b >> shift) & 3);
    if known != 0 {
        return known == 2;
    }
    let yes = work();
    if let Some(slot) = cache.borrow_mut().get_mut(k) {
        *slot |= (if yes { 2 } else { 1 }) << shift;
    }
    yes
}

/// Token range of every sentence.
fn sentence_tokens(doc: &Doc, seg: &Segmentation) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(seg.sentences.len());
    let mut k = 0;
    for s in &seg.sentences {
        while k < doc.toks.len() && doc.start_of(k) < s.start {
            k += 1;
        }
        let a = k;
        while k < doc.toks.len() && doc.start_of(k) < s.end {
            k += 1;
        }
        out.push((a, k));
    }
    out
}

/// A report whose cue lies inside another's content is a further link of
/// that chain ("لافروف ذكر أن ترامب أكد أن بوتين أكد له أن ..."), unless it
/// opens a clause of its own ("، كما كتبت صحيفة ...", a participle, a
/// refusal to comment, or the main clause after "وبعد أن نفى ...").
fn nest(doc: &Doc, reports: Vec<Report>, openers: &WordSet, contrasts: &Contrasts) -> Vec<Report> {
    let mut out: Vec<Report> = Vec::new();
    for mut r in reports {
        let cue_at = doc.start_of(r.cue_tok);
        // "قال كومي إنه حاول …، وهو ما ينفيه ترامب": what the resumed
        // clause says ends the host's content and is the report's content.
        if let Some(Resumed { head, refusal }) = r.resumes {
            let at = doc.start_of(head);
            let host = out.iter_mut().rev().find(|h| {
                h.sentence == r.sentence && !h.actor && h.content.0 < at && at <= h.content.1 + 3
            });
            let accusation = |h: &Report| {
                h.links
                    .iter()
                    .filter_map(|l| l.cue.as_ref())
                    .any(|(hit, _, _)| hit.stance == Stance::Allege)
            };
            match host {
                Some(h) if !refusal || accusation(h) => {
                    cut_before(doc, h, head);
                    r.content = h.content;
                    out.push(r);
                }
                None if !refusal => out.push(r),
                _ => {}
            }
            continue;
        }
        // "قال أردوغان إن ...، حسب ما نقلته وكالة الأناضول": a source that
        // relays the report, named after its content, is the chain's outer link.
        if relays(&r)
            && let Some(h) = out.iter_mut().rev().find(|h| {
                h.sentence == r.sentence && !h.actor && ends_at(doc, h, cue_at, phrase_end(doc, &r))
            })
        {
            cut_before(doc, h, r.cue_tok);
            let inner = std::mem::replace(&mut h.links, r.links);
            h.links.extend(inner);
            continue;
        }
        let joined = morphology::starts_with_conjunction(doc.word(r.cue_tok));
        // "فقالت:", "وأضاف أن" with no subject of its own: the same speaker
        // goes on; a nested report would name whom it quotes.
        let goes_on = joined
            && r.kind == CueKind::Verb
            && r.links
                .last()
                .is_some_and(|l| matches!(l.speaker, Speaker::Dropped(_)));
        // The clause starts at the cue, or at a subject placed before it
        // ("، لكن المعارضة تقول إنها").
        let clause = r
            .links
            .iter()
            .filter_map(|l| match l.speaker {
                Speaker::Phrase(np) if np.first < r.cue_tok => Some(np.first),
                _ => None,
            })
            .min()
            .unwrap_or(r.cue_tok);
        let contrast = contrasts.before(doc, clause);
        let new_clause = goes_on
            || contrast.is_some()
            || clause > 0 && {
                let prev = clause - 1;
                (doc.is_comma(prev) && joined)
                    || (openers.contains(doc.word(prev)) && prev > 0 && doc.is_comma(prev - 1))
            };
        let own_claim = matches!(r.kind, CueKind::Participle | CueKind::NoComment);
        let host = out
            .iter_mut()
            .rev()
            .find(|h| h.content.0 <= cue_at && cue_at < h.content.1);
        match host {
            // A cue inside a quotation is part of the quoted words, unless
            // it names a speaker of its own ("“ترامب أكد أن بوتين أكد له”"
            // nests): "... "كما يؤكد أن ..."", "... "…، مؤكدة دور ..."".
            Some(h) if h.quote == QuoteKind::Direct && (r.from_sentence || !names_speaker(&r)) => {}
            Some(h) if !(new_clause || own_claim || h.subordinate) => {
                h.links.extend(r.links);
                if !r.from_sentence {
                    h.content = r.content;
                    h.quote = r.quote;
                }
            }
            Some(h) => {
                // "... إلا أن مكلارين تباهى", "...، لكنه توقع": the contrast
                // ends the host's words.
                let cut = contrast.unwrap_or(r.cue_tok);
                cut_before(doc, h, cut);
                out.push(r);
            }
            None => out.push(r),
        }
    }
    out
}

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

/// Whether a report is a prepositional cue that relays what is said (وفقا
/// لـ, حسب), not one that names whom the speaker quotes (نقلا عن).
fn relays(r: &Report) -> bool {
    r.kind == CueKind::Preposition
        && r.links
            .first()
            .and_then(|l| l.cue.as_ref())
            .is_some_and(|(hit, _, _)| !hit.quoting)
}

/// Where the source phrase of a prepositional report ends, in bytes.
fn phrase_end(doc: &Doc, r: &Report) -> usize {
    r.links
        .iter()
        .filter_map(|l| match l.speaker {
            Speaker::Phrase(np) | Speaker::SourceOfPrevious(np) => {
                Some(doc.span(np.first, np.last, np.skip).1)
            }
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

/// Whether a relaying phrase from byte `at` to `end` closes report `h`'s
/// content: right after it, or as its last words ("…، حسب ما نقلته
/// الوكالة."). One in the middle ("… وفقا لمحققين، عبر …") is what the
/// speaker relays: an inner link, as before.
fn ends_at(doc: &Doc, h: &Report, at: usize, end: usize) -> bool {
    let (s, e) = h.content;
    if s == e || h.kind == CueKind::Preposition || at < s || end < at {
        return false;
    }
    let only_punct = |gap: &str| {
        gap.chars()
            .all(|c| c.is_whitespace() || punctuation::in_clause_gap(c))
    };
    let gap = if at >= e {
        doc.raw.get(e..at)
    } else {
        doc.raw.get(end.min(e)..e)
    };
    gap.is_some_and(only_punct)
}

/// Whether a report names its speaker in its own words (not a dropped
/// subject going on from before).
fn names_speaker(r: &Report) -> bool {
    r.links
        .iter()
        .any(|l| l.cue.is_some() && !matches!(l.speaker, Speaker::Dropped(_)))
}

/// Where the contrast before the clause at token `k` starts, if one does:
/// "إلا أن", "غير أنه", "بيد أنها", or لكن with its subject's pronoun
/// ("لكنه توقع"). What comes after "however" is no longer the host's content.
impl Contrasts {
    fn before(&self, doc: &Doc, k: usize) -> Option<usize> {
        let before = k.checked_sub(1)?;
        let w = doc.word(before);
        // "لكنه", and "ولكن" too: a word longer than the bare particle.
        let pronoun = self
            .pronoun_hosts
            .iter()
            .any(|p| morphology::trim_and(w).starts_with(p.as_str()) && w.len() > p.len());
        if pronoun {
            return Some(before);
        }
        let that = self.complements.iter().any(|c| {
            w == c
                || (w.starts_with(c.as_str())
                    && w.len() <= c.len() + morphology::longest_pronoun_len())
        });
        (that && k >= 2 && self.exceptives.contains(doc.word(k - 2))).then(|| k - 2)
    }
}

/// End a host's content at the comma before the clause that starts at `cue`,
/// or right before the cue when no comma parts them.
fn cut_before(doc: &Doc, h: &mut Report, cue: usize) {
    let mut stop = cue;
    while stop > 0 && !doc.is_comma(stop - 1) && doc.start_of(stop - 1) > h.content.0 {
        stop -= 1;
    }
    if stop == 0 {
        return;
    }
    if !doc.is_comma(stop - 1) {
        stop = cue + 1;
    }
    let end = doc.start_of(stop - 1).max(h.content.0);
    let end = reports::trim_end_punct(doc.raw, h.content.0, end);
    if end > h.content.0 {
        h.content.1 = end;
    }
}

/// Skip commas and dashes at token `k`.
fn skip_commas(doc: &Doc, mut k: usize, b: usize) -> usize {
    while k < b && (doc.is_comma(k) || doc.punct(k, '-')) {
        k += 1;
    }
    k
}
