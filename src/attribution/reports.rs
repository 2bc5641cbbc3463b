//! From a cue to a report: who (the links) and what (the content span).
//! Each kind of cue reads its clause in its own way; they share the content
//! rules: a quotation runs to its closing mark, a clause to its end.

use super::cues::{Agreement, CueHit, readings};
use super::{Attributor, Doc, LinkDraft, Np, Report, Speaker};
use crate::arabic::tokens::TokKind;
use crate::arabic::{morphology, punctuation};
use crate::model::{CueKind, QuoteKind, SourceKind, Stance};
use crate::segment::Segmentation;

/// Words back from a relative pronoun over which its antecedent is read
/// ("المتحدث باسم شرطة كابول حشمت ستانيكزاي، الذي").
const MAX_ANTECEDENT: usize = 8;

/// Where a report is read: the sentence `si`, tokens `[a, b)`.
pub(super) struct At<'a, 'd> {
    pub doc: &'a Doc<'d>,
    pub seg: &'a Segmentation,
    pub si: usize,
    pub a: usize,
    pub b: usize,
}

/// How far after a verb its content may start.
const COMPLEMENT_REACH: usize = 18;

impl Attributor {
    /// After a verb's subject: the token that opens the content (a
    /// complementizer, a colon, or a quotation close by), skipping adverbs,
    /// adjuncts and the outlet spoken to, which is returned too.
    fn complement_after(
        &self,
        doc: &Doc,
        at_sentence: (usize, bool),
        from: usize,
        to: usize,
    ) -> (Option<usize>, Option<Np>) {
        let mut addressee = None;
        let mut k = from;
        let mut skipped = 0;
        let quoted = Self::closes_quote(doc, at_sentence, from);
        let limit = (from + COMPLEMENT_REACH).min(to);
        while k < limit {
            match doc.toks[k].kind {
                TokKind::Punct(':') => return (Some(k), addressee),
                // A mark that closes a quotation opens nothing; and a verb
                // quoted inside it ("أنه “أظهر ...”") reports nothing beyond it.
                TokKind::Punct('"') if Self::closes_quote(doc, at_sentence, k) => {
                    if quoted {
                        return (None, addressee);
                    }
                }
                TokKind::Punct('"') => {
                    let close = (k + 1..to).find(|&z| doc.punct(z, '"'));
                    // "جزموا "بثقة عالية" أن ...": a quoted adverb before the clause.
                    let adverbial = close.is_some_and(|z| {
                        let mut n = z + 1;
                        while doc.is_comma(n) {
                            n += 1;
                        }
                        self.complementizer_at(doc, n)
                    });
                    // A quotation far from the verb is a title or a term.
                    if skipped <= 3 && !adverbial {
                        return (Some(k), addressee);
                    }
                    if let Some(z) = close.filter(|_| adverbial) {
                        k = z + 1;
                        continue;
                    }
                }
                TokKind::Punct(c) if punctuation::is_adjunct_mark(c) => {}
                TokKind::Punct(_) => return (None, addressee),
                TokKind::Word => {
                    let w = doc.word(k);
                    if self.complementizer_at(doc, k) {
                        return (Some(k), addressee);
                    }
                    // "...، مؤكدا أن": a participle after a comma opens a
                    // report of its own ("النقير قائلا:" only says how).
                    if k > from
                        && doc.is_comma(k - 1)
                        && self
                            .cues
                            .at(&doc.f.folded, &doc.toks, k, to)
                            .is_some_and(|c| c.kind == CueKind::Participle)
                    {
                        return (None, addressee);
                    }
                    if let Some(np) = self.addressee_at(doc, k, to) {
                        addressee.get_or_insert(np);
                        k = np.last + 1;
                        continue;
                    }
                    // "في رسالة بالبريد الإلكتروني "..."": how it was said is
                    // part of the report, not words between it and the quote.
                    if self
                        .cues
                        .at(&doc.f.folded, &doc.toks, k, to)
                        .is_some_and(|c| c.kind == CueKind::Nominal)
                    {
                        skipped = 0;
                        k += 1;
                        continue;
                    }
                    // Another verb ends the search, unless a relative clause holds it
                    // ("الأشخاص الذين وصفوا الاتصالات لرويترز إنه").
                    let stops = self
                        .verb_at(doc, k, to)
                        .is_some_and(|v| v.complement.is_empty());
                    if stops && !(k > 0 && self.appositions.contains(doc.word(k - 1))) {
                        return (None, addressee);
                    }
                    if !self.adverbs.contains(w) {
                        skipped += 1;
                    }
                }
                // `tokenize` keeps digits inside words and gives no numbers.
                TokKind::Number => return (None, addressee),
            }
            k += 1;
        }
        (None, addressee)
    }

    /// How far a quotation opened in sentence `si` may run: to the end of its
    /// paragraph, but not into a sentence that opens with a new report
    /// ("... وأضاف:" after a quotation whose closing mark is missing).
    fn quote_reach(&self, doc: &Doc, seg: &Segmentation, si: usize) -> usize {
        // Every sentence of a run without a new report reaches the same end:
        // worked out once per run and remembered, since a paragraph of
        // thousands of sentences with a quotation mark in each asked it of
        // every mark (quadratic).
        if let Some(&end) = doc.quote_reach.borrow().get(&si) {
            return end;
        }
        let block = seg.sentences[si].block;
        let mut run = vec![si];
        let mut end = seg.sentences[si].end;
        for (n, s) in seg.sentences.iter().enumerate().skip(si + 1) {
            if s.block != block {
                break;
            }
            let first = doc.token_from(s.start);
            if self
                .cues
                .at(&doc.f.folded, &doc.toks, first, doc.toks.len())
                .is_some()
            {
                break;
            }
            if let Some(&known) = doc.quote_reach.borrow().get(&n) {
                end = known;
                break;
            }
            run.push(n);
            end = s.end;
        }
        let mut memo = doc.quote_reach.borrow_mut();
        for n in run {
            memo.insert(n, end);
        }
        end
    }

    /// Where the sentence starts, and whether it starts inside a quotation.
    fn quote_state(&self, at: &At) -> (usize, bool) {
        // A sentence that opens with a new report ("وأضاف "...) ends a
        // quotation left open before it.
        let inside = at.seg.sentences[at.si].quotation == crate::model::Quotation::Inside
            && !self.cue_starts(at.doc, at.a);
        (at.a, inside)
    }

    /// Whether the quotation mark at token `k` closes one: an odd number of
    /// marks stand before it in the sentence (counting one still open).
    fn closes_quote(doc: &Doc, (a, inside): (usize, bool), k: usize) -> bool {
        let before = (a..k).filter(|&z| doc.punct(z, '"')).count() + usize::from(inside);
        before % 2 == 1
    }

    /// The content opened at token `c` (a complementizer, colon or quote):
    /// a quotation runs to its closing mark, even across sentences of the
    /// paragraph, or to the paragraph's end when the mark is missing; a
    /// clause runs to the end of the sentence.
    fn content_from(&self, at: &At, c: usize) -> (usize, usize, QuoteKind) {
        let At {
            doc, seg, si, b, ..
        } = *at;
        let mut k = c;
        if doc.punct(k, ':') || (doc.is_word(k) && self.complementizer_at(doc, k)) {
            k += 1;
        }
        while doc.is_comma(k) {
            k += 1;
        }
        if doc.punct(k, '"') {
            let limit = self.quote_reach(doc, seg, si);
            let start = doc.f.orig_start(doc.toks[k].end as usize);
            let close = (k + 1..doc.toks.len())
                .take_while(|&z| doc.start_of(z) < limit)
                .find(|&z| doc.punct(z, '"'));
            let end = match close {
                Some(z) => doc.start_of(z),
                None => trim_end_punct(doc.raw, start, limit),
            };
            // Words of the clause after the closing mark make it mixed.
            let tail = close.filter(|&z| {
                z + 1 < b && !doc.is_comma(z + 1) && (z + 1..b).any(|x| doc.is_word(x))
            });
            if end > start {
                return match tail {
                    Some(_) => (doc.start_of(k), clause_end(doc, k, b), QuoteKind::Mixed),
                    None => (start, end, QuoteKind::Direct),
                };
            }
        }
        let k = k.min(b.saturating_sub(1));
        let s = doc.start_of(k);
        let stop = (k + 2..b)
            .find(|&x| doc.is_comma(x - 1) && self.content_break_at(doc, x, b))
            .map_or(b, |x| x - 1);
        let e = clause_end(doc, k, stop).max(s);
        (s, e, quote_kind_of(doc.raw, (s, e), QuoteKind::Indirect))
    }

    /// Whether the journalist's own clause opens at token `k` ("فيما",
    /// "في حين", "في إشارة"; `content_breaks`).
    pub(super) fn content_break_at(&self, doc: &Doc, k: usize, b: usize) -> bool {
        self.content_breaks.iter().any(|p| {
            k + p.len() <= b
                && p.iter()
                    .enumerate()
                    .all(|(n, w)| doc.is_word(k + n) && doc.word(k + n) == w)
        })
    }

    pub(super) fn verb_report(
        &self,
        at: &At,
        hit: &CueHit,
        hits: &[CueHit],
        consumed: &mut [bool],
    ) -> Option<Report> {
        let At { doc, a, b, .. } = *at;
        if let Some(head) = self.resumptive_head(doc, a, hit.first)
            && self.cues.carries_object_pronoun(doc.word(hit.first))
            && (hit.stance != Stance::Assert
                || readings(doc.word(hit.first)).any(|r| self.resumptive_asserts.contains(r)))
        {
            return self.resumptive_report(at, hit, head);
        }
        let no_comment = hit.kind == CueKind::NoComment;
        // A verb with a gate ("نقل ... عن", "رفض ... التعليق") is a cue only
        // when its complement follows in the clause.
        if !hit.complement.is_empty() {
            let from = hit.last + 1;
            let end = gate_window_end(doc, from, (hit.last + 15).min(b));
            let gate = (from..end).find(|&k| doc.is_word(k) && self.complement_at(doc, hit, k));
            // "ردت نور:": speech after a colon or a quotation opens it as well.
            let speech =
                end > from && end <= hit.last + 5 && (doc.punct(end, ':') || doc.punct(end, '"'));
            let participle = |k: usize| {
                self.cues
                    .at(&doc.f.folded, &doc.toks, k, b)
                    .is_some_and(|c| c.kind == CueKind::Participle)
            };
            // "واختتم ... كلمته في الحفل، موضحا أن": after a noun object and
            // a comma, with nothing said in between, a participle reports.
            let participle_after_object = |g: usize| {
                let comma = (g..b).find(|&k| doc.is_comma(k));
                comma.is_some_and(|c| {
                    (g..c).all(|k| !doc.punct(k, '"') && !self.complementizer_at(doc, k))
                        && participle(super::skip_commas(doc, c, b))
                })
            };
            match gate {
                // "ومضى قائلا", "ورد ... مؤكدا أنه": the participle carries the report.
                Some(g) if !no_comment && (participle(g) || participle_after_object(g)) => {
                    return None;
                }
                Some(_) => {}
                None if speech && !no_comment => {}
                None => return None,
            }
        }
        // "المعلومات التي تؤكد", "الأشخاص الذين وصفوا": a verb in a relative
        // clause describes, it does not report, unless it opens a clause of
        // its own in a sentence with no other report before it ("الأمير
        // أحمد ..، والذي أكد ... أن"): then its antecedent speaks.
        if hit.first > a && self.appositions.contains(doc.word(hit.first - 1)) {
            return self.relative_report(at, hit);
        }
        // "التي لم يكشف عنها", "التي كانت تروي", "ما خلص إليه": a relative
        // clause all the same, behind a particle or an auxiliary.
        let before = |n: usize| (hit.first >= a + n).then(|| doc.word(hit.first - n));
        let particle_relative = before(1)
            .is_some_and(|w| self.negators.contains(w) || self.auxiliaries.contains(w))
            && before(2).is_some_and(|w| self.appositions.contains(w));
        let relative_ma =
            |w: &str| self.relative_ma.contains(w) || self.relative_ma_fused.contains(w);
        if particle_relative || before(1).is_some_and(relative_ma) {
            return None;
        }
        let after_verb = hit.last + 1;
        // "ان الحكومة الامريكية تتهم روف": after أن the subject comes
        // first, and what follows the verb is its object.
        let fronted = (hit.first.saturating_sub(6).max(a)..hit.first)
            .rev()
            .find(|&c| self.complementizer_at(doc, c))
            .and_then(|c| self.np_at(doc, c + 1, hit.first, 0))
            .filter(|&(np, next)| next == hit.first && self.names_source(doc, np));
        let mut subject = match fronted {
            Some((np, _)) => Some((np, after_verb)),
            None => self.np_at(doc, after_verb, b, 0),
        };
        if no_comment && let Some((np, _)) = &mut subject {
            // "ورفض محامي فلين التعليق": the phrase stops at the complement.
            if let Some(c) = (np.first..=np.last).find(|&k| self.complement_at(doc, hit, k)) {
                if c == np.first {
                    subject = None;
                } else {
                    np.last = c - 1;
                }
            }
        }
        let (mut speaker_np, mut scan) = match subject {
            // "وقال للمجلس إن": ل with the article after the verb is whom it
            // was said to, not who said it.
            Some((np, next)) if np.skip == 0 && morphology::has_lam_article(doc.word(np.first)) => {
                (None, next)
            }
            Some((np, next)) => (Some(np), next),
            None => (None, after_verb),
        };
        // "أن ألكسندر نيكس، والذي يترأس ...، أكد لطرف ثالث أنه": a phrase with
        // ل after the verb is whom it was said to; the subject came first.
        if let Some(np) = speaker_np
            && np.skip == 0
            && morphology::starts_with_lam(doc.word(np.first))
            && !morphology::has_lam_article(doc.word(np.first))
            && self.subject_before(doc, a, hit.first).is_some()
        {
            speaker_np = None;
        }
        // "ريتشارد أرميتاج، وهو نائب ...، لرويترز:", "خودوركوفسكي الذي سجن
        // ... "لكن": skip the apposition.
        let apposition = if doc.is_comma(scan) { scan + 1 } else { scan };
        if speaker_np.is_some() && self.appositions.contains(doc.word(apposition)) {
            scan = apposition + 1;
            // "قال الأشخاص الذين وصفوا الاتصالات لرويترز إنه": the outlet
            // spoken to ends the relative clause.
            while scan < b
                && !(doc.is_comma(scan) || doc.punct(scan, ':') || doc.punct(scan, '"'))
                && !self.complementizer_at(doc, scan)
                && self.addressee_at(doc, scan, b).is_none()
            {
                scan += 1;
            }
        }
        let mut inner = Vec::new();
        // "كشفت الصحيفة عن وجود ..." names a topic; "نقلت الوكالة عن الوزير"
        // (a verb that quotes: its gate is عن) names whom it quotes.
        let quotes = hit
            .complement
            .iter()
            .any(|c| c.len() == 1 && self.about_prepositions.contains(&c[0]));
        let cited = self.an_link(doc, scan, b, hit.stance).filter(|(link, _)| {
            let Speaker::Phrase(np) = link.speaker else {
                return true;
            };
            let r = self.read_np(doc, np);
            // "أعلن الوزير عن تسجيل 120 إصابة": a document after عن is
            // the topic unless the verb quotes.
            quotes
                || r.canonical.is_some()
                || r.anaphor.is_some()
                || r.role_words > 0
                || (r.listed && !matches!(r.kind, SourceKind::Person | SourceKind::Document))
        });
        if !no_comment && let Some((link, next)) = cited {
            inner.push(link);
            scan = next;
        }
        let (mut comp, addressee) = self.complement_after(doc, self.quote_state(at), scan, b);
        // "ووصف ترامب الاتفاقية بأنها كارثية": a verb that takes a noun object
        // before its preposition (وصف … بـ) has that object right before a
        // complementizer bearing the preposition (بأن); the phrase read after
        // the verb ends before it.
        if hit.accusative
            && let (Some(c), Some(p), Some(np)) = (comp, hit.object, speaker_np.as_mut())
            && np.last + 1 == c
            && doc.word(c).starts_with(p)
            && let Some(k) = (np.first + 1..=np.last).find(|&k| {
                // "أحد الناشطين", "بعض النواب": a quantifier's partitive.
                let partitive = k == np.first + 1 && self.sources.is_quantifier(doc.word(np.first));
                !partitive
                    && (self.object_starts(doc, np.first, k) || self.definite_after_name(doc, k))
            })
        {
            np.last = k - 1;
        }
        if let Some(c) = comp
            && speaker_np.is_some()
            && let Some(name) = self.apposed_name(doc, scan, c)
        {
            speaker_np = Some(name);
        } else if let Some(np) = speaker_np
            && (np.first..=np.last).any(|k| self.title_at(doc, k))
            && let Some(name) = self.titled_name_after(doc, np, comp.unwrap_or(b))
        {
            speaker_np = Some(name);
            scan = scan.max(name.last + 1);
        }
        // Prepositional cues between the subject and the content: "نقلا عن Y"
        // is whom the speaker quotes (inner), "وفقا لـ Y" who relays the
        // speaker (outer).
        let comp_tok = comp.unwrap_or(b);
        let mut takes = Vec::new();
        let mut outer = Vec::new();
        let mut past_phrases = scan;
        for (h, other) in hits.iter().enumerate() {
            let between = other.first > hit.last && other.first < comp_tok;
            if between && other.kind == CueKind::Preposition {
                takes.push(h);
                if let Some((links, next)) = self.preposition_links(doc, other, b) {
                    past_phrases = past_phrases.max(next);
                    // "وفقا لما نقلته الوكالة": the verb belongs to the phrase.
                    takes.extend((h + 1..hits.len()).filter(|&o| hits[o].first < next));
                    if other.quoting {
                        inner.extend(links);
                    } else {
                        outer.extend(links);
                    }
                }
            } else if between && other.kind == CueKind::Nominal {
                // "وقال في رسالة ... لرويترز:": the noun only says how it was said.
                takes.push(h);
            }
        }
        let preverbal = speaker_np.is_none();
        if speaker_np.is_none() {
            speaker_np = self.subject_before(doc, a, hit.first);
        }
        // "أعتقد أن": a form-VIII/X verb written with hamza and no subject is
        // the writer speaking (first person), not a report.
        if speaker_np.is_none() && self.first_person(doc, hit) {
            return None;
        }
        if no_comment {
            comp = None;
        }
        let (content, quote) = match comp {
            Some(c) => {
                let (s, e, q) = self.content_from(at, c);
                ((s, e), q)
            }
            None => {
                let (np, content) =
                    self.object_content(at, hit, speaker_np, past_phrases, preverbal)?;
                speaker_np = np;
                (content, QuoteKind::Indirect)
            }
        };
        let mut links = outer;
        // "وفي حديث لشبكة "سي أن أن" قال": the outlet spoken to may come first.
        let addressee = addressee.or_else(|| self.addressee_before(doc, a, hit.first));
        links.extend(addressee.map(LinkDraft::phrase));
        let mut main = match speaker_np {
            Some(np) => self.possessive_links(doc, np, hit.agreement),
            None => vec![dropped(hit.agreement)],
        };
        if let Some(last) = main.last_mut() {
            last.cue = Some(cue_of(doc, hit));
        }
        links.extend(main);
        links.extend(inner);
        for h in takes {
            consumed[h] = true;
        }
        let mut report = Report::clause(links, hit, content, quote, at.si);
        report.subordinate = self.opens_subordinate(doc, a, hit.first);
        Some(report)
    }

    /// The head of a phrase that takes up the clause before the verb at
    /// `k` as its object: "…، وهو ما نفته", "…، الأمر الذي ترفضه", "وهي
    /// اتهامات تنفيها". A head opened by و needs no comma before it.
    fn resumptive_head(&self, doc: &Doc, a: usize, k: usize) -> Option<usize> {
        (k.saturating_sub(3).max(a + 1)..k.saturating_sub(1)).find(|&h| {
            let w = doc.word(h);
            self.resumptive_heads.contains(w)
                && (morphology::starts_with_and(w) || doc.is_comma(h - 1))
                && (h + 1..k).all(|l| self.resumptive_links.contains(doc.word(l)))
        })
    }

    /// "…، وهو ما نفته الدوحة مرارا": the subject after the verb reports on
    /// the clause before the head; `nest` gives it that clause's words.
    fn resumptive_report(&self, at: &At, hit: &CueHit, head: usize) -> Option<Report> {
        let At { doc, a, b, .. } = *at;
        // "وهو ما أكدته بالفعل فيسبوك", "نفته المفوضية بالمطلق": adverbs
        // stand around the subject.
        let adverbial = |k: usize| {
            let w = doc.word(k);
            self.adverbs.contains(w) || morphology::has_bi_article(w)
        };
        let from = (hit.last + 1..b).find(|&k| !adverbial(k))?;
        let (mut np, _) = self.np_at(doc, from, b, 0)?;
        if let Some(k) = (np.first + 1..=np.last).find(|&k| adverbial(k)) {
            np.last = k - 1;
        }
        let mut end = head;
        while end > a && doc.is_comma(end - 1) {
            end -= 1;
        }
        let content = (doc.start_of(a), doc.span(end - 1, end - 1, 0).1);
        // "الأمر الذي ترفضه موسكو" after an accusation: to refuse what was
        // said is to deny it (`nest` keeps it only after an accusation).
        let mut hit = hit.clone();
        let refusal = hit.kind == CueKind::NoComment;
        if refusal {
            hit.kind = CueKind::Verb;
            hit.stance = Stance::Deny;
        }
        let links = self.cued_links(doc, np, hit.agreement, &hit);
        let mut report = Report::clause(links, &hit, content, QuoteKind::Indirect, at.si);
        report.resumes = Some(super::Resumed { head, refusal });
        Some(report)
    }

    fn relative_report(&self, at: &At, hit: &CueHit) -> Option<Report> {
        let At { doc, a, b, .. } = *at;
        let pronoun = hit.first - 1;
        if (a..pronoun).any(|k| self.verb_at(doc, k, b).is_some()) {
            return None;
        }
        let (comp, addressee) = self.complement_after(doc, self.quote_state(at), hit.last + 1, b);
        let c = comp.filter(|&c| doc.is_word(c))?;
        let mut before = pronoun;
        while before > a && doc.is_comma(before - 1) {
            before -= 1;
        }
        let subject = self.subject_before(doc, a, before)?;
        // Set off by a comma, the relative clause is about the phrase just
        // before it; without one it may be about any noun of the clause.
        let antecedent = if before < pronoun {
            self.antecedent_before(doc, a, before).unwrap_or(subject)
        } else {
            subject
        };
        let (s, e, quote) = self.content_from(at, c);
        let mut links = Vec::new();
        links.extend(addressee.map(LinkDraft::phrase));
        let main = self.cued_links(doc, antecedent, hit.agreement, hit);
        links.extend(main);
        Some(Report::clause(links, hit, (s, e), quote, at.si))
    }

    /// The noun phrase a relative pronoun right after `end` refers to: the
    /// last phrase before it, not the clause's subject ("والتقى الرئيس
    /// بالسفير الأمريكي، الذي قال": the ambassador speaks). It starts after a
    /// cue or at a noun with a preposition and the article, whose object it
    /// is ("بالسفير"), and must end right before the pronoun and read as a
    /// source (`source_like`).
    fn antecedent_before(&self, doc: &Doc, a: usize, end: usize) -> Option<Np> {
        let mut first = end;
        let mut skip = 0;
        while first > a && end - first < MAX_ANTECEDENT && doc.is_word(first - 1) {
            let w = doc.word(first - 1);
            if self.is_stop(w)
                || self.complementizer_at(doc, first - 1)
                || self.cue_starts(doc, first - 1)
            {
                break;
            }
            first -= 1;
            if morphology::has_article_after_preposition(w) {
                skip = morphology::lam_len() as u32;
                break;
            }
        }
        if first == end {
            return None;
        }
        let (np, next) = self.np_at(doc, first, end, skip)?;
        (next >= end && np.first == first && self.source_like(doc, np)).then_some(np)
    }

    /// Whether a verb whose perfect begins with a plain alef (اعتقد, اعتبر)
    /// is written with hamza (أعتقد): the first person present.
    fn first_person(&self, doc: &Doc, hit: &CueHit) -> bool {
        let (s, e) = doc.span(hit.first, hit.first, 0);
        let raw = morphology::trim_conjunctions(&doc.raw[s..e]);
        let folded = bare_word(doc, hit.first);
        raw.starts_with('أ')
            && folded.starts_with('ا')
            && (morphology::has_form_x_prefix(folded) || folded.chars().nth(2) == Some('ت'))
    }

    /// Whether one of the verb's complement phrases starts at token `k`.
    fn complement_at(&self, doc: &Doc, hit: &CueHit, k: usize) -> bool {
        use super::sources::bare;
        hit.complement.iter().any(|phrase| {
            let mut t = k;
            phrase.iter().all(|w| {
                while doc
                    .toks
                    .get(t)
                    .is_some_and(|x| !x.is_word() && !x.is_punct('.'))
                {
                    t += 1;
                }
                let ok = doc.is_word(t) && (doc.word(t) == w || bare(doc.word(t)) == bare(w));
                t += 1;
                ok
            })
        })
    }

    /// Whether the cue at `k` is in a clause of time: "وبعد أن نفى".
    fn opens_subordinate(&self, doc: &Doc, a: usize, k: usize) -> bool {
        let prev = |n: usize| (k >= a + n).then(|| doc.word(k - n));
        prev(1).is_some_and(|w| self.is_subordinator(w))
            || (prev(1).is_some_and(|w| self.is_complementizer(w))
                && prev(2).is_some_and(|w| self.is_subordinator(w)))
    }

    /// A report whose content is a noun, not a clause: "نفى البيت الأبيض
    /// إجراء أي اتصالات", "ورفض محامي فلين التعليق". Returns the subject
    /// (possibly shortened) and the content.
    fn object_content(
        &self,
        at: &At,
        hit: &CueHit,
        subject: Option<Np>,
        scan: usize,
        preverbal: bool,
    ) -> Option<(Option<Np>, (usize, usize))> {
        let At { doc, b, .. } = *at;
        if hit.kind == CueKind::NoComment {
            // "ولم يستجب البيت الأبيض": the negation is part of what is said.
            let negated = hit.first > at.a && self.negators.contains(bare_word(doc, hit.first - 1));
            let first = if negated { hit.first - 1 } else { hit.first };
            let s = doc.start_of(first);
            return Some((subject, (s, comma_end(doc, hit.first, b))));
        }
        // The verb's own preposition marks its object ("وأشاد الوزير بصمود
        // الأهالي", "وأشاد بصمود").
        let own_preposition =
            |k: usize| hit.object.is_some_and(|p| self.marks_object(doc, p, k, b));
        let subject = subject.filter(|np| !own_preposition(np.first));
        // "إلا أنه نفى تلك التهم": a particle before the verb carries its
        // subject. Only for a denial or an admission: "إلا أنه كشف عن
        // محاولات" is as often a thing that revealed something.
        let carried = hit.stance != Stance::Assert
            && hit.first > at.a
            && self.pronoun_subjects.contains(doc.word(hit.first - 1));
        let Some(mut np) = subject else {
            // "وأكد أهمية ...": a verb opening its clause with no subject goes
            // on with the last speaker.
            let opens = hit.first == at.a || doc.is_comma(hit.first - 1);
            let start = super::skip_commas(doc, hit.last + 1, b);
            let continues =
                carried || opens && morphology::starts_with_conjunction(doc.word(hit.first));
            if continues && self.has_object(doc, start, b) && start < b {
                return Some((None, (doc.start_of(start), clause_end(doc, start, b))));
            }
            return None;
        };
        let mut scan = scan;
        // "وأشاد الوزير بالجهود", "ونوه سموه بما": with no clause to report,
        // a phrase opened by ب after the subject is the verb's object.
        if let Some(p) = (np.first + 1..=np.last).find(|&k| {
            let w = doc.word(k);
            morphology::has_bi_article(w) || self.object_openers.contains(w) || own_preposition(k)
        }) {
            np.last = p - 1;
            scan = p;
            // "واتهم باسيل المفوضية "بتخويف ...": the quote opens the object.
            while np.last > np.first && !doc.is_word(np.last) {
                np.last -= 1;
                scan = np.last + 1;
            }
        }
        // The verb's object may be read into the phrase when the verb's own
        // preposition follows: "واتهمت حركة حماس الاحتلال بارتكاب ...".
        let own_next = (np.last + 1..(np.last + 3).min(b)).any(&own_preposition);
        let split = own_next
            .then(|| (np.first + 1..=np.last).find(|&k| self.object_starts(doc, np.first, k)))
            .flatten();
        if let Some(k) = split {
            np.last = k - 1;
            scan = k;
        }
        // "واتهمت الدول الأربع قطر بدعم ...": with an object and then the
        // verb's own preposition still to come, the phrase is its subject
        // (but "واتهمت الصحافة بالقفز": the object, and the speaker goes on).
        let marked_later =
            split.is_some() || (np.last + 2..(np.last + 4).min(b)).any(&own_preposition);
        let reading = self.read_np(doc, np);
        // "وأكد أهمية تفعيل ...": what follows a clause-opening verb is its
        // object when it names no one; the speaker goes on from before.
        let opens = hit.first == at.a || doc.is_comma(hit.first - 1);
        let continues = opens && morphology::starts_with_conjunction(doc.word(hit.first));
        // "اتُّهم الوزير بالفساد", "واتهمت الصحافة بالقفز": a lone noun (with
        // its adjectives) right before the charge of a verb that takes a noun
        // object is that object; the subject went before, or the verb, its
        // vowels unwritten, is passive.
        let charge_next = (np.last + 1..(np.last + 3).min(b))
            .find(|&k| doc.is_word(k))
            .is_some_and(&own_preposition);
        // Adjectives only: a plural gentilic ("الرياض الحوثيين") is a noun.
        let lone = (np.first + 1..=np.last)
            .filter(|&k| doc.is_word(k))
            .all(|k| {
                super::phrases::is_nisba(doc, k)
                    && !morphology::is_masculine_sound_plural(doc.word(k))
            });
        // "وتتهمه أنقرة بتدبير": the object is the pronoun, the phrase the subject.
        let object_written = self.cues.carries_object_pronoun(doc.word(hit.first));
        if hit.accusative && split.is_none() && charge_next && lone && !object_written {
            return continues
                .then(|| (None, (doc.start_of(np.first), clause_end(doc, np.first, b))));
        }
        if continues
            && !marked_later
            && !reading.listed
            && reading.kind != SourceKind::Person
            && reading.canonical.is_none()
        {
            return Some((None, (doc.start_of(np.first), clause_end(doc, np.first, b))));
        }
        let words = doc.np_words(np).len();
        if !reading.listed
            && reading.kind == SourceKind::Person
            && words >= 3
            && !self.names_a_source_head(doc.word(np.first))
        {
            // "ونفى ميدفيدتشوك وجود أي اتصال": the name is the first word.
            np.last = np.first;
            scan = np.last + 1;
        }
        // A name before its verb ("منيرة ... أخبرتنا عن") is its subject for
        // sure; after the verb, an unknown phrase may be the object.
        let named_before =
            preverbal && reading.kind == SourceKind::Person && self.name_like(doc.word(np.first));
        // "واستذكر أفيليت في شكواه عددا من ...": whoever speaks in a
        // document is the subject, and the object follows the document.
        let medium = self.in_medium(doc, np.last + 1);
        let recognized = reading.listed
            || reading.canonical.is_some()
            || reading.role_words > 0
            || named_before
            || medium;
        let scan = if medium { scan.max(np.last + 3) } else { scan };
        let start = super::skip_commas(doc, (np.last + 1).max(scan).max(hit.last + 1), b);
        let object_ok = self.has_object(doc, start, b);
        // "أعلنت المقاومة الشعبية عن مقتل ...", "ورحب بايدن بالاتفاق",
        // "وأكد دينو هذه الأخبار": the object's own preposition or a
        // demonstrative closes the phrase before it, which can then only be
        // the subject.
        // An adverb may come first: "تباهى أيضا بقوة الفريق".
        let object = (start..b)
            .find(|&k| !(self.adverbs.contains(doc.word(k)) || doc.is_comma(k)))
            .unwrap_or(start);
        let demonstrative = || {
            self.demonstratives.contains(doc.word(object))
                && self.name_like(doc.word(np.first))
                && !doc.ends_with_ta_marbuta(np.first)
        };
        let verb_preposition = || hit.object.is_some_and(|p| doc.word(object).starts_with(p));
        let marked_object = doc.is_word(object)
            && (self.about_prepositions.contains(doc.word(object))
                || verb_preposition()
                || demonstrative());
        let accepted = match hit.stance {
            Stance::Assert => (recognized || marked_object) && object_ok,
            _ => object_ok,
        };
        if !accepted || start >= b {
            return None;
        }
        // What is reported is the object, not the time of the report nor the
        // verb's preposition: "أعلنت الوزارة، اليوم الأحد، عن تسجيل 5 حالات".
        let content = if self.about_prepositions.contains(doc.word(object)) && object + 1 < b {
            object + 1
        } else {
            object
        };
        Some((
            Some(np),
            (doc.start_of(content), clause_end(doc, content, b)),
        ))
    }

    /// Whether a noun object follows, perhaps after "على" or a short adverbial
    /// ("في بادئ الأمر إجراء", "منذ ذلك الحين، انعقاد").
    fn has_object(&self, doc: &Doc, k: usize, b: usize) -> bool {
        (k..(k + 6).min(b))
            .take_while(|&x| doc.is_word(x) || doc.is_comma(x))
            .any(|x| {
                doc.is_word(x)
                    && (!self.is_stop(doc.word(x)) || self.demonstratives.contains(doc.word(x)))
                    && !self.name_like_stops.contains(doc.word(x))
                    && self.verb_at(doc, x, b).is_none()
            })
    }

    /// The links of a prepositional cue: its object, and a further "عن X"
    /// ("نقلا عن مصدر في البيت الأبيض عن ريكس تيلرسون"). "وفقا لما أكده شخص"
    /// and "حسبما ذكرت الصحيفة" name the source after their verb.
    pub(super) fn preposition_links(
        &self,
        doc: &Doc,
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
        // ("وفقا لقرار مجلس الأمن", "حسب خطة الحكومة").
        if doc
            .np_words(np)
            .first()
            .is_some_and(|w| self.sources.is_norm(w))
        {
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
    fn source_like(&self, doc: &Doc, np: Np) -> bool {
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
    fn name_shaped(&self, doc: &Doc, np: Np) -> bool {
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
        let name_like = if np.skip > 0 {
            self.name_like(first)
        } else {
            self.name_like_at(doc, np.first)
        };
        !construct && !article && name_like
    }

    /// A prepositional cue's report, and the token after its phrase.
    pub(super) fn preposition_report(&self, at: &At, hit: &CueHit) -> Option<(Report, usize)> {
        let At { doc, a, b, .. } = *at;
        let (links, next) = self.preposition_links(doc, hit, b)?;
        // The cue opens the sentence ("ووفقا للصحيفة، ..."), closes it
        // ("...، وفقا لمصدر الصحيفة." — what follows describes the source),
        // or stands inside it.
        let opens = (a..hit.first).all(|k| !doc.is_word(k));
        // A relative clause after the source describes it ("بحسب المتحدث
        // …، الذي أشار إلى"): the cue closes the words before it all the same.
        let described = {
            let k = super::skip_commas(doc, next, b);
            k > next && doc.is_word(k) && self.appositions.contains(doc.word(k))
        };
        let closes =
            described || (next..b).all(|k| !doc.is_comma(k) && self.verb_at(doc, k, b).is_none());
        let content = if opens {
            // "وبحسب مصادر X المقربة من ...، فإن أسانج رد": after the comma or فإن.
            let mut s = (next..b)
                .find(|&k| doc.is_comma(k) || self.complementizer_at(doc, k))
                .unwrap_or(next);
            s = super::skip_commas(doc, s, b);
            if doc.is_word(s) && self.complementizer_at(doc, s) {
                s += 1;
            }
            if s >= b {
                return None;
            }
            (doc.start_of(s), clause_end(doc, s, b))
        } else if closes {
            let mut e = hit.first;
            while e > a && !doc.is_word(e - 1) {
                e -= 1;
            }
            if e == a {
                return None;
            }
            (doc.start_of(a), doc.span(e - 1, e - 1, 0).1)
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
            sentence: at.si,
            actor: false,
            topic: false,
            resumes: None,
        };
        Some((report, next))
    }

    /// "مؤكدا أن", "مشيرا إلى أن": the speaker of the clause goes on: the
    /// subject after the last complementizer ("فإن أسانج رد ...، مؤكدا")
    /// or the speaker of the report before.
    pub(super) fn participle_report(
        &self,
        at: &At,
        hit: &CueHit,
        earlier: &[Report],
    ) -> Option<Report> {
        let At { doc, a, b, .. } = *at;
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
        Some(Report::clause(links, hit, (cs, ce), quote, at.si))
    }

    /// "، مؤكدا على أهمية ...", "، مشيرا إلى الإنجازات": a participle whose
    /// content is a noun, after a comma or in the masculine (the feminine
    /// forms are often adjectives: مؤكدة, لافتة).
    fn participle_object(&self, at: &At, hit: &CueHit) -> Option<(usize, usize, QuoteKind)> {
        let At { doc, a, b, .. } = *at;
        // After a comma, or opening its own sentence ("... . مشيرة إلى").
        let after_comma = hit.first == a || doc.is_comma(hit.first - 1);
        let masculine = hit.agreement.gender != Some(crate::lexicon::Gender::F);
        let start = super::skip_commas(doc, hit.last + 1, b);
        if !(after_comma || masculine) || start >= b || !self.has_object(doc, start, b) {
            return None;
        }
        let s = doc.start_of(start);
        let e = comma_end(doc, start, b).max(s);
        Some((s, e, quote_kind_of(doc.raw, (s, e), QuoteKind::Indirect)))
    }

    /// "بالقول إن", "في تصريح": the speaker is the phrase just before.
    pub(super) fn nominal_report(&self, at: &At, hit: &CueHit) -> Option<Report> {
        if hit.genitive {
            return self.genitive_report(at, hit);
        }
        let At { doc, a, b, .. } = *at;
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
                skip: 0,
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
            at.si,
        ))
    }

    /// The links a phrase names (`possessive_links`), with the cue on the
    /// last of them, the one who speaks.
    fn cued_links(&self, doc: &Doc, np: Np, agreement: Agreement, hit: &CueHit) -> Vec<LinkDraft> {
        let mut links = self.possessive_links(doc, np, agreement);
        if let Some(last) = links.last_mut() {
            last.cue = Some(cue_of(doc, hit));
        }
        links
    }

    /// A definite word right after a name (not a title, a body's noun or a
    /// noun in construct): a name takes no genitive, so with an object still
    /// due it starts the object ("ووصف ترامب الاتفاقية بأنها").
    fn definite_after_name(&self, doc: &Doc, k: usize) -> bool {
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
    fn genitive_report(&self, at: &At, hit: &CueHit) -> Option<Report> {
        let At { doc, b, .. } = *at;
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
        Some(Report::clause(links, hit, (cs, ce), quote, at.si))
    }

    /// A headline colon: "واشنطن: لقاء بوتين وترامب أسّس للتعاون".
    pub(super) fn colon_report(&self, at: &At) -> Option<Report> {
        let At { doc, a, b, .. } = *at;
        let colon = (a..(a + 5).min(b)).find(|&k| doc.punct(k, ':'))?;
        if colon == a || colon + 1 >= b || (a..colon).any(|k| !doc.is_word(k)) {
            return None;
        }
        let hit = CueHit {
            first: colon,
            last: colon,
            kind: CueKind::Colon,
            stance: Stance::Assert,
            agreement: Agreement::default(),
            clitic: 0,
            complement: Default::default(),
            object: None,
            accusative: false,
            quoting: true,
            genitive: false,
        };
        Some(Report::clause(
            vec![LinkDraft {
                cue: Some(cue_of(doc, &hit)),
                speaker: Speaker::Phrase(Np {
                    first: a,
                    last: colon - 1,
                    skip: 0,
                }),
                agreement: Agreement::default(),
                shown: true,
            }],
            &hit,
            (doc.start_of(colon + 1), clause_end(doc, colon + 1, b)),
            QuoteKind::Indirect,
            at.si,
        ))
    }
}

/// Where the clause after a gated verb ends: at a colon or a quotation. A
/// quoted name or label inside it ("صحيفة "نيويورك تايمز" عن", "رقم «311»")
/// is no quotation.
fn gate_window_end(doc: &Doc, from: usize, to: usize) -> usize {
    let mut k = from;
    while k < to && !doc.punct(k, ':') {
        if doc.punct(k, '"') {
            match quoted_label_end(doc, k).filter(|&close| close < to) {
                Some(close) => k = close,
                None => break,
            }
        }
        k += 1;
    }
    k
}

/// The closing mark of a quotation of one or two words opened at `open`: a
/// name or a label, not words said.
fn quoted_label_end(doc: &Doc, open: usize) -> Option<usize> {
    let close = (open + 1..(open + 4).min(doc.toks.len())).find(|&k| doc.punct(k, '"'))?;
    (close > open + 1 && (open + 1..close).all(|k| doc.is_word(k))).then_some(close)
}

/// A word without its conjunction: "ولم" → "لم".
fn bare_word<'d>(doc: &'d Doc, k: usize) -> &'d str {
    let w = doc.word(k);
    morphology::strip_conjunction(w)
        .filter(|r| !r.is_empty())
        .unwrap_or(w)
}

fn dropped(agreement: Agreement) -> LinkDraft {
    LinkDraft {
        cue: None,
        speaker: Speaker::Dropped(agreement),
        agreement,
        shown: true,
    }
}

fn cue_of(doc: &Doc, hit: &CueHit) -> (CueHit, usize, usize) {
    let (s, e) = doc.span(hit.first, hit.last, 0);
    (hit.clone(), s, e)
}

/// The end (original byte) of the clause from token `k`: the sentence end,
/// without closing punctuation.
pub(super) fn clause_end(doc: &Doc, k: usize, b: usize) -> usize {
    let mut e = b;
    while e > k + 1 && !doc.is_word(e - 1) && !doc.punct(e - 1, '"') {
        e -= 1;
    }
    if e == 0 {
        return doc.start_of(k);
    }
    doc.span(e - 1, e - 1, 0).1
}

/// The end of the clause from token `k` up to the next comma.
fn comma_end(doc: &Doc, k: usize, b: usize) -> usize {
    let stop = (k..b).find(|&x| doc.is_comma(x)).unwrap_or(b);
    clause_end(doc, k, stop)
}

pub(super) fn trim_end_punct(raw: &str, start: usize, end: usize) -> usize {
    let Some(s) = raw.get(start..end) else {
        return start;
    };
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || punctuation::trails_content(c));
    start + t.len()
}

/// Indirect content that quotes someone's words is mixed.
pub(super) fn quote_kind_of(raw: &str, (s, e): (usize, usize), base: QuoteKind) -> QuoteKind {
    if s < e && raw[s..e].chars().any(crate::text::is_quote) {
        QuoteKind::Mixed
    } else {
        base
    }
}
