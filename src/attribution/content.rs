//! Content: where what a cue attributes starts and ends: after a
//! complementizer, a colon or a quotation mark, to the end of its clause,
//! its quotation, or the sentences a quotation runs across.

use super::*;

/// How far after a verb its content may start.
pub(super) const COMPLEMENT_REACH: usize = 18;

/// Where the clause after a gated verb ends: at a colon or a quotation. A
/// quoted name or label inside it ("صحيفة "نيويورك تايمز" عن", "رقم «311»")
/// is no quotation.
pub(super) fn gate_window_end(doc: &ArticleView, from: usize, to: usize) -> usize {
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
pub(super) fn quoted_label_end(doc: &ArticleView, open: usize) -> Option<usize> {
    let close = (open + 1..(open + 4).min(doc.toks.len())).find(|&k| doc.punct(k, '"'))?;
    (close > open + 1 && (open + 1..close).all(|k| doc.is_word(k))).then_some(close)
}

/// The end (original byte) of the clause from token `k`: the sentence end,
/// without closing punctuation.
pub(super) fn clause_end(doc: &ArticleView, k: usize, b: usize) -> usize {
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
pub(super) fn comma_end(doc: &ArticleView, k: usize, b: usize) -> usize {
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

impl Attributor {
    /// After a verb's subject: the token that opens the content (a
    /// complementizer, a colon, or a quotation close by), skipping adverbs,
    /// adjuncts and the outlet spoken to, which is returned too.
    pub(super) fn complement_after(
        &self,
        doc: &ArticleView,
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
    pub(super) fn quote_reach(&self, doc: &ArticleView, seg: &Segmentation, si: usize) -> usize {
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
    pub(super) fn quote_state(&self, at: &Window) -> (usize, bool) {
        // A sentence that opens with a new report ("وأضاف "...) ends a
        // quotation left open before it.
        let inside = at.seg.sentences[at.sentence].quotation == crate::model::Quotation::Inside
            && !self.cue_starts(at.doc, at.start);
        (at.start, inside)
    }

    /// Whether the quotation mark at token `k` closes one: an odd number of
    /// marks stand before it in the sentence (counting one still open).
    pub(super) fn closes_quote(doc: &ArticleView, (a, inside): (usize, bool), k: usize) -> bool {
        let before = (a..k).filter(|&z| doc.punct(z, '"')).count() + usize::from(inside);
        before % 2 == 1
    }

    /// The content opened at token `c` (a complementizer, colon or quote):
    /// a quotation runs to its closing mark, even across sentences of the
    /// paragraph, or to the paragraph's end when the mark is missing; a
    /// clause runs to the end of the sentence.
    pub(super) fn content_from(&self, at: &Window, c: usize) -> (usize, usize, QuoteKind) {
        let Window {
            doc,
            seg,
            sentence: si,
            end: b,
            ..
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
    pub(super) fn content_break_at(&self, doc: &ArticleView, k: usize, b: usize) -> bool {
        self.content_breaks.iter().any(|p| {
            k + p.len() <= b
                && p.iter()
                    .enumerate()
                    .all(|(n, w)| doc.is_word(k + n) && doc.word(k + n) == w)
        })
    }

    /// A report whose content is a noun, not a clause: "نفى البيت الأبيض
    /// إجراء أي اتصالات", "ورفض محامي فلين التعليق". Returns the subject
    /// (possibly shortened) and the content.
    pub(super) fn object_content(
        &self,
        at: &Window,
        hit: &CueHit,
        subject: Option<Np>,
        scan: usize,
        preverbal: bool,
    ) -> Option<(Option<Np>, (usize, usize))> {
        let Window { doc, end: b, .. } = *at;
        if hit.kind == CueKind::NoComment {
            // "ولم يستجب البيت الأبيض": the negation is part of what is said.
            let negated =
                hit.first > at.start && self.negators.contains(bare_word(doc, hit.first - 1));
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
            && hit.first > at.start
            && self.pronoun_subjects.contains(doc.word(hit.first - 1));
        let Some(mut np) = subject else {
            // "وأكد أهمية ...": a verb opening its clause with no subject goes
            // on with the last speaker.
            let opens = hit.first == at.start || doc.is_comma(hit.first - 1);
            let start = skip_commas(doc, hit.last + 1, b);
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
        let opens = hit.first == at.start || doc.is_comma(hit.first - 1);
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
            .all(|k| is_nisba(doc, k) && !morphology::is_masculine_sound_plural(doc.word(k)));
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
        let start = skip_commas(doc, (np.last + 1).max(scan).max(hit.last + 1), b);
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
    pub(super) fn has_object(&self, doc: &ArticleView, k: usize, b: usize) -> bool {
        (k..(k + 6).min(b))
            .take_while(|&x| doc.is_word(x) || doc.is_comma(x))
            .any(|x| {
                doc.is_word(x)
                    && (!self.is_stop(doc.word(x)) || self.demonstratives.contains(doc.word(x)))
                    && !self.name_like_stops.contains(doc.word(x))
                    && self.verb_at(doc, x, b).is_none()
            })
    }
}
