//! From a cue to a report: who (the links) and what (the content span).
//! Each kind of cue reads its clause in its own way; they share the content
//! rules: a quotation runs to its closing mark, a clause to its end.

use super::cues::{Agreement, CueHit};
use super::*;
use super::{ArticleView, Attributor, LinkDraft, Np, Report, Speaker};
use crate::arabic::{morphology, punctuation};
use crate::model::{CueKind, QuoteKind, SourceKind, Stance};
use crate::segment::Segmentation;

/// Where a report is read: tokens `[start, end)` of sentence `sentence`.
pub(super) struct Window<'a, 'd> {
    pub doc: &'a ArticleView<'d>,
    pub seg: &'a Segmentation,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
}

impl<'a, 'd> Window<'a, 'd> {
    /// The article and the window's first and past-the-last tokens.
    pub fn tokens(&self) -> (&'a ArticleView<'d>, usize, usize) {
        (self.doc, self.start, self.end)
    }
}

impl Attributor {
    /// The links of a prepositional cue: its object, and a further "عن X"
    /// ("نقلا عن مصدر في البيت الأبيض عن ريكس تيلرسون"). "وفقا لما أكده شخص"
    /// and "حسبما ذكرت الصحيفة" name the source after their verb.
    pub(super) fn preposition_links(
        &self,
        doc: &ArticleView,
        hit: &CueHit,
        b: usize,
    ) -> Option<(Vec<LinkDraft>, usize)> {
        let mut start = hit.last + 1;
        let mut skip = hit.clitic;
        if skip > 0 && doc.word(start).len() as u32 == skip {
            // "وفقا لـ CNN": the clitic stands alone.
            start += 1;
            skip = 0;
        }
        let rest = doc.word(start).get(skip as usize..).unwrap_or("");
        let lam_ma =
            skip == 0 && morphology::strip_lam(rest).is_some_and(|r| self.relative_ma.contains(r));
        if self.relative_ma.contains(rest) || lam_ma {
            start += 1;
            skip = 0;
        }
        let mut cue = hit.clone();
        if let Some(v) = self.verb_at(doc, start, b) {
            cue.stance = v.stance;
            start = v.last + 1;
            skip = 0;
        }
        let (np, mut next) = self.np_at(doc, start, b, skip)?;
        // "وفقا للقانون", "حسب الخطة": a preposition's object must be a source,
        // and a rule or a plan, whoever made it, says nothing
        // ("وفقا لقرار مجلس الأمن", "حسب خطة الحكومة", "وفق أعلى المعايير").
        if self.sources.names_norm(&doc.np_words(np)) {
            return None;
        }
        if !self.source_like(doc, np) {
            return None;
        }
        let mut links = self.cued_links(doc, np, Agreement::default(), &cue);
        if let Some((link, after)) = self.an_link(doc, next, b, hit.stance) {
            links.push(link);
            next = after;
        }
        Some((links, next))
    }

    /// A phrase that names a source by the lexicon (a listed or known
    /// source, a role, an anaphor) or is shaped like a person's name.
    pub(super) fn source_like(&self, doc: &ArticleView, np: Np) -> bool {
        let r = self.read_np(doc, np);
        r.listed
            || r.canonical.is_some()
            || r.role_words > 0
            || r.anaphor.is_some()
            || (r.kind == SourceKind::Person && self.name_shaped(doc, np))
    }

    /// Whether a phrase the lexicon does not know may be a person's name
    /// rather than a common noun: "حسب خارطة الطريق", "وفقا للقانون" name
    /// no one (such nouns are about a third of the unknown objects of وفقا
    /// and حسب over the ANT corpus), "وفقا لرامي عبد الرحمن" does.
    pub(super) fn name_shaped(&self, doc: &ArticleView, np: Np) -> bool {
        // A title inside it names a person ("الصفحة الرسمية للمتحدث العسكري").
        if (np.first..=np.last).any(|k| self.title_at(doc, k)) {
            return true;
        }
        let words = doc.np_words(np);
        let Some(first) = words.first() else {
            return false;
        };
        // A noun in ة followed by a definite word is in construct: "طبيعة الجسم".
        let construct = doc.ends_with_ta_marbuta(np.first)
            && words.get(1).is_some_and(|w| super::sources::is_definite(w));
        // "للقانون": ل before the article.
        let article = morphology::has_lam_article(doc.word(np.first));
        let name_like = if np.clitic_bytes > 0 {
            self.name_like(first)
        } else {
            self.name_like_at(doc, np.first)
        };
        !construct && !article && name_like
    }

    /// A prepositional cue's report, and the token after its phrase.
    pub(super) fn preposition_report(&self, at: &Window, hit: &CueHit) -> Option<(Report, usize)> {
        let (doc, a, b) = at.tokens();
        let (links, next) = self.preposition_links(doc, hit, b)?;
        // The cue opens the sentence ("ووفقا للصحيفة، ..."), closes it
        // ("...، وفقا لمصدر الصحيفة." — what follows describes the source),
        // or stands inside it.
        let opens = (a..hit.first).all(|k| !doc.is_word(k));
        // A relative clause after the source describes it ("بحسب المتحدث
        // …، الذي أشار إلى"): the cue closes the words before it all the same.
        let described = {
            let k = skip_commas(doc, next, b);
            k > next && doc.is_word(k) && self.appositions.contains(doc.word(k))
        };
        let closes = described
            || self.dated_after_source(doc, next, b)
            || (next..b).all(|k| !doc.is_comma(k) && self.verb_at(doc, k, b).is_none());
        let content = if opens {
            // "وبحسب مصادر X المقربة من ...، فإن أسانج رد": after the comma or فإن.
            let mut s = (next..b)
                .find(|&k| doc.is_comma(k) || self.complementizer_at(doc, k))
                .unwrap_or(next);
            s = skip_commas(doc, s, b);
            if doc.is_word(s) && self.complementizer_at(doc, s) {
                s += 1;
            }
            if s >= b {
                return None;
            }
            (doc.start_of(s), clause_end(doc, s, b))
        } else if closes {
            // Up to the cue, less what parts them (a comma, a dash, an
            // opening bracket): a closing quote mark or a per cent sign
            // ends the content ("بنسبة 12.2%،").
            let start = doc.start_of(a);
            let before = doc.raw.get(start..doc.start_of(hit.first)).unwrap_or("");
            let kept = before.trim_end_matches(|c: char| {
                c.is_whitespace() || punctuation::in_clause_gap(c) || punctuation::opens(c)
            });
            if kept.is_empty() {
                return None;
            }
            (start, start + kept.len())
        } else {
            (doc.start_of(a), clause_end(doc, a, b))
        };
        let report = Report {
            links,
            cue_tok: hit.first,
            kind: hit.kind,
            content,
            quote: quote_kind_of(doc.raw, content, QuoteKind::Indirect),
            from_sentence: true,
            subordinate: false,
            sentence: at.sentence,
            actor: false,
            topic: false,
            resumes: None,
        };
        Some((report, next))
    }

    /// Whether the words from `next` to the sentence end `b` only date
    /// the source just cited: a few words, a time among them, no clause of
    /// their own ("، وفقا لبيانات رسمية، صادرة الأحد", "وفق نتائج رسمية
    /// أعلنت الأربعاء", "وفق ما ذكرت صحيفة ...، الأربعاء"). The cue then
    /// closes the words before it, as at the sentence end.
    fn dated_after_source(&self, doc: &ArticleView, next: usize, b: usize) -> bool {
        let words: Vec<usize> = (next..b).filter(|&k| doc.is_word(k)).collect();
        !words.is_empty()
            && words.len() <= DATING_WORDS
            && words.iter().any(|&k| self.adverbs.contains(doc.word(k)))
            && words.iter().all(|&k| {
                let w = doc.word(k);
                self.adverbs.contains(w)
                    || !(self.stop_at(doc, k, w) || self.complementizer_at(doc, k))
            })
    }

    /// "مؤكدا أن", "مشيرا إلى أن": the speaker of the clause goes on: the
    /// subject after the last complementizer ("فإن أسانج رد ...، مؤكدا")
    /// or the speaker of the report before.
    pub(super) fn participle_report(
        &self,
        at: &Window,
        hit: &CueHit,
        earlier: &[Report],
    ) -> Option<Report> {
        let (doc, a, b) = at.tokens();
        let (comp, _) = self.complement_after(doc, self.quote_state(at), hit.last + 1, b);
        // "طوقا أمنيا مشددا": right after a noun with the accusative
        // tanween, the participle agrees with it as an adjective.
        let adjective = hit.first > a && !doc.is_comma(hit.first - 1) && {
            let (s, e) = doc.span(hit.first - 1, hit.first - 1, 0);
            doc.raw[s..e].contains('\u{064B}')
        };
        if adjective {
            return None;
        }
        let (cs, ce, quote) = match comp {
            Some(c) => self.content_from(at, comp.unwrap_or(c)),
            None => self.participle_object(at, hit)?,
        };
        // "وأوضح المتحدث قائلا: إن ...": the verb already reports these words.
        if earlier.iter().any(|r| r.content.0 == cs) {
            return None;
        }
        let mut links: Vec<LinkDraft> = match earlier.last() {
            Some(r) => r.links.clone(),
            None => vec![dropped(hit.agreement)],
        };
        // After "وبحسب مصادر، فإن أسانج رد ..." the one who goes on is the
        // clause's subject; after a verb, the verb's speaker.
        let after_preposition = earlier
            .last()
            .is_some_and(|r| r.kind == CueKind::Preposition);
        // With no report before it ("يذكر أن وزير التعليم بدأ اجتماعه ...،
        // مؤكدا"), a titled subject of the clause is the one who goes on:
        // its role alone, since "وزير التعليم بدأ اجتماعه" runs on into the
        // clause's own verb.
        let titled_subject = |np: Np| {
            let role = self.read_np(doc, np).role_words;
            let last = (np.first..=np.last)
                .filter(|&k| doc.is_word(k))
                .nth(role.checked_sub(1)?)?;
            Some(Np { last, ..np })
        };
        let clause_subject = (earlier.last().map_or(a, |r| r.cue_tok + 1)..hit.first)
            .rev()
            .find(|&k| doc.is_word(k) && self.complementizer_at(doc, k))
            .and_then(|c| self.np_at(doc, c + 1, hit.first, 0))
            .filter(|&(np, _)| self.names_source(doc, np))
            .and_then(|(np, _)| {
                if earlier.is_empty() {
                    titled_subject(np)
                } else {
                    after_preposition.then_some(np)
                }
            });
        // With no report before it and no complementizer, the one who goes
        // on is the subject of the verb that opens the sentence ("وتوعد
        // ترامب عبر تويتر قائلا", "وانتقد الرئيس الفرنسي القرار معتبرا"),
        // not the last speaker of the article.
        let clause_subject = clause_subject.or_else(|| {
            earlier
                .is_empty()
                .then(|| self.opening_verb_subject(doc, a, hit))
                .flatten()
        });
        if earlier.is_empty() && clause_subject.is_some() {
            links.clear();
        }
        if let Some(np) = clause_subject {
            links.push(LinkDraft {
                cue: None,
                speaker: Speaker::Phrase(np),
                agreement: hit.agreement,
                shown: false,
            });
        }
        if let Some(last) = links.last_mut() {
            last.cue = Some(cue_of(doc, hit));
            last.shown = false;
        }
        Some(Report::clause(links, hit, (cs, ce), quote, at.sentence))
    }

    /// The subject of the verb that opens the sentence, when it is the one
    /// who goes on speaking at the participle `hit`.
    fn opening_verb_subject(&self, doc: &ArticleView, a: usize, hit: &CueHit) -> Option<Np> {
        let (verb, np) = self.opening_subject_phrase(doc, a, hit.first)?;
        self.goes_on_speaking(doc, verb, np, hit.agreement)
            .then_some(np)
    }

    /// The sentence's first word, when it is no noun with the article, no
    /// preposition and no particle (so a verb), and the phrase after it,
    /// read before token `to`, less the verb's object: a definite noun after
    /// a definite adjective starts it ("واستدعت الخارجية اللبنانية
    /// السفير"), unless a preposition or و joins it to the name ("الشركة
    /// السعودية للتنمية والاستثمار").
    fn opening_subject_phrase(
        &self,
        doc: &ArticleView,
        a: usize,
        to: usize,
    ) -> Option<(usize, Np)> {
        let verb = (a..to).find(|&k| doc.is_word(k))?;
        let w = morphology::trim_and(doc.word(verb));
        if doc.definite_at(verb)
            || self.stop_at(doc, verb, w)
            || self.heads_nothing(w)
            || morphology::starts_with_preposition(w)
            || !doc.is_word(verb + 1)
        {
            return None;
        }
        let (mut np, _) = self.np_at(doc, verb + 1, to, 0)?;
        if let Some(k) = (np.first + 1..=np.last).find(|&k| {
            noun_after_adjective(doc, k)
                && !morphology::starts_with_bi_or_lam(doc.word(k))
                && !morphology::starts_with_and(doc.word(k))
        }) {
            np.last = k - 1;
        }
        Some((verb, np))
    }

    /// Whether the subject `np` of the opening `verb` can be the speaker a
    /// participle of `agreement` goes on for. After a verb with a dropped
    /// subject the phrase is its object ("ونشر فيديو عبر حسابه، معلقا"):
    /// only a phrase the lexicon knows as a speaker (a title, a body, an
    /// outlet), or a bare name, is taken, never a document; and it agrees
    /// with the participle: "نظمت الغرفة ... وفي مقدمتهم أمينها العام ...
    /// مشيرا" goes on for the man, not for the chamber (the verb's ت marks
    /// a feminine subject).
    fn goes_on_speaking(
        &self,
        doc: &ArticleView,
        verb: usize,
        np: Np,
        agreement: Agreement,
    ) -> bool {
        let reading = self.read_np(doc, np);
        let speaker_kind = !matches!(reading.kind, SourceKind::Document | SourceKind::Anonymous);
        let known = reading.listed || reading.canonical.is_some();
        let verb_word = morphology::trim_and(doc.word(verb));
        let verb_gender =
            morphology::is_feminine_perfect(verb_word).then_some(crate::lexicon::Gender::F);
        let subject = Agreement {
            gender: reading.gender.or(verb_gender),
            number: reading.number,
        };
        speaker_kind
            && (known || self.bare_name_named_again(doc, np))
            && super::resolve::agrees(subject, agreement)
            && self.names_source(doc, np)
    }

    /// Whether `np` is a bare name (a few name-like words, no article, no
    /// ة) whose last word the article gives again (a surname repeated): a
    /// verb or a noun without the article that only looks like a name
    /// ("شجعتني", "لوجود") seldom recurs.
    fn bare_name_named_again(&self, doc: &ArticleView, np: Np) -> bool {
        let words: Vec<usize> = (np.first..=np.last).filter(|&k| doc.is_word(k)).collect();
        // The scan of the whole article comes last, for a phrase that looks
        // like a name.
        let named_again = |last: usize| {
            let w = doc.word(last);
            (0..doc.toks.len()).any(|k| k != last && doc.is_word(k) && doc.word(k) == w)
        };
        words.len() <= BARE_NAME_WORDS
            && words.iter().all(|&k| {
                self.name_like_at(doc, k) && !doc.definite_at(k) && !doc.ends_with_ta_marbuta(k)
            })
            && words.last().is_some_and(|&last| named_again(last))
    }

    /// "، مؤكدا على أهمية ...", "، مشيرا إلى الإنجازات": a participle whose
    /// content is a noun, after a comma or in the masculine (the feminine
    /// forms are often adjectives: مؤكدة, لافتة).
    pub(super) fn participle_object(
        &self,
        at: &Window,
        hit: &CueHit,
    ) -> Option<(usize, usize, QuoteKind)> {
        let (doc, a, b) = at.tokens();
        // After a comma, or opening its own sentence ("... . مشيرة إلى").
        let after_comma = hit.first == a || doc.is_comma(hit.first - 1);
        let masculine = hit.agreement.gender != Some(crate::lexicon::Gender::F);
        let start = skip_commas(doc, hit.last + 1, b);
        if !(after_comma || masculine) || start >= b || !self.has_object(doc, start, b) {
            return None;
        }
        let s = doc.start_of(start);
        let e = comma_end(doc, start, b).max(s);
        Some((s, e, quote_kind_of(doc.raw, (s, e), QuoteKind::Indirect)))
    }

    /// "بالقول إن", "في تصريح": the speaker is the phrase just before.
    pub(super) fn nominal_report(&self, at: &Window, hit: &CueHit) -> Option<Report> {
        if hit.genitive {
            return self.genitive_report(at, hit);
        }
        let (doc, a, b) = at.tokens();
        let (comp, _) = self.complement_after(doc, self.quote_state(at), hit.last + 1, b);
        // The noun introduces words said right after it: "بالقول إن", "في بيان لها:".
        let comp = comp.filter(|&c| c <= hit.last + 4)?;
        let (cs, ce, quote) = self.content_from(at, comp);
        let mut e = hit.first;
        while e > a && doc.is_comma(e - 1) {
            e -= 1;
        }
        let mut s = e;
        while s > a && doc.is_word(s - 1) && e - s < 5 && !self.is_stop(doc.word(s - 1)) {
            s -= 1;
        }
        let speaker = if s < e && (s == a || !doc.is_word(s - 1)) {
            Speaker::Phrase(Np {
                first: s,
                last: e - 1,
                clitic_bytes: 0,
            })
        } else {
            Speaker::Dropped(hit.agreement)
        };
        Some(Report::clause(
            vec![LinkDraft {
                cue: Some(cue_of(doc, hit)),
                speaker,
                agreement: hit.agreement,
                shown: true,
            }],
            hit,
            (cs, ce),
            quote,
            at.sentence,
        ))
    }

    /// The links a phrase names (`possessive_links`), with the cue on the
    /// last of them, the one who speaks.
    pub(super) fn cued_links(
        &self,
        doc: &ArticleView,
        np: Np,
        agreement: Agreement,
        hit: &CueHit,
    ) -> Vec<LinkDraft> {
        let mut links = self.possessive_links(doc, np, agreement);
        if let Some(last) = links.last_mut() {
            last.cue = Some(cue_of(doc, hit));
        }
        links
    }

    /// A definite word right after a name (not a title, a body's noun or a
    /// noun in construct): a name takes no genitive, so with an object still
    /// due it starts the object ("ووصف ترامب الاتفاقية بأنها").
    pub(super) fn definite_after_name(&self, doc: &ArticleView, k: usize) -> bool {
        let prev = k - 1;
        doc.is_word(prev)
            && doc.definite_at(k)
            && !doc.definite_at(prev)
            && self.name_like_at(doc, prev)
            && !doc.ends_with_ta_marbuta(prev)
            && !self.title_at(doc, prev)
            && !self.within_title(doc, prev)
            && !self.sources.is_body_head(doc.word(prev))
            && !self.sources.is_outlet_head(doc.word(prev))
            && !self.names_a_source_head(doc.word(prev))
    }

    /// A verbal noun of saying with its speaker in the genitive and its
    /// words after a complementizer: "بعد إعلان وزارة الداخلية أن …",
    /// "قبل تأكيد المنظمة أن …", "ورغم نفي موسكو أن …". Nothing else: "إعلان
    /// الاستقلال" says no words.
    pub(super) fn genitive_report(&self, at: &Window, hit: &CueHit) -> Option<Report> {
        let Window { doc, end: b, .. } = *at;
        let (np, next) = self.np_at(doc, hit.last + 1, b, 0)?;
        // "تأكيد رسمي أن": an adjective of the noun, not its genitive.
        let adjective =
            !doc.definite_at(np.first) && morphology::ends_with_nisba(doc.word(np.first));
        if adjective || !(self.complementizer_at(doc, next) && self.source_like(doc, np)) {
            return None;
        }
        let (cs, mut ce, quote) = self.content_from(at, next);
        // The noun phrase is mostly an adjunct ("رغم قول الرئيس إن الاقتصاد
        // بخير، تراجعت الأسهم"): unquoted words end at the comma.
        if quote == QuoteKind::Indirect {
            ce = ce.min(comma_end(doc, next + 1, b));
        }
        let links = self.cued_links(doc, np, hit.agreement, hit);
        Some(Report::clause(links, hit, (cs, ce), quote, at.sentence))
    }

    /// A headline colon: "واشنطن: لقاء بوتين وترامب أسّس للتعاون".
    pub(super) fn colon_report(&self, at: &Window) -> Option<Report> {
        let (doc, a, b) = at.tokens();
        let colon = (a..(a + 5).min(b)).find(|&k| doc.punct(k, ':'))?;
        if colon == a || colon + 1 >= b || (a..colon).any(|k| !doc.is_word(k)) {
            return None;
        }
        let hit = CueHit::implied(colon, CueKind::Colon, Stance::Assert);
        Some(Report::clause(
            vec![LinkDraft {
                cue: Some(cue_of(doc, &hit)),
                speaker: Speaker::Phrase(Np {
                    first: a,
                    last: colon - 1,
                    clitic_bytes: 0,
                }),
                agreement: Agreement::default(),
                shown: true,
            }],
            &hit,
            (doc.start_of(colon + 1), clause_end(doc, colon + 1, b)),
            QuoteKind::Indirect,
            at.sentence,
        ))
    }
}

/// A word without its conjunction: "ولم" → "لم".
/// The most words of a name with no title ("همدان العليي").
const BARE_NAME_WORDS: usize = 3;

/// The most words that may follow a cited source and only date it.
const DATING_WORDS: usize = 4;

pub(super) fn bare_word<'d>(doc: &'d ArticleView, k: usize) -> &'d str {
    let w = doc.word(k);
    morphology::strip_conjunction(w)
        .filter(|r| !r.is_empty())
        .unwrap_or(w)
}

pub(super) fn dropped(agreement: Agreement) -> LinkDraft {
    LinkDraft {
        cue: None,
        speaker: Speaker::Dropped(agreement),
        agreement,
        shown: true,
    }
}

pub(super) fn cue_of(doc: &ArticleView, hit: &CueHit) -> (CueHit, usize, usize) {
    let (s, e) = doc.span(hit.first, hit.last, 0);
    (hit.clone(), s, e)
}
