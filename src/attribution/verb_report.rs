//! A reporting verb's report: its subject (named, resumed by a pronoun, or
//! the antecedent of a relative clause), its object and its content.

use super::*;

/// Words back from a relative pronoun over which its antecedent is read
/// ("المتحدث باسم شرطة كابول حشمت ستانيكزاي، الذي").
pub(super) const MAX_ANTECEDENT: usize = 8;

impl Attributor {
    pub(super) fn verb_report(
        &self,
        at: &Window,
        hit: &CueHit,
        hits: &[CueHit],
        consumed: &mut [bool],
    ) -> Option<Report> {
        let (doc, a, b) = at.tokens();
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
            Some((np, next))
                if np.clitic_bytes == 0 && morphology::has_lam_article(doc.word(np.first)) =>
            {
                (None, next)
            }
            Some((np, next)) => (Some(np), next),
            None => (None, after_verb),
        };
        // "أن ألكسندر نيكس، والذي يترأس ...، أكد لطرف ثالث أنه": a phrase with
        // ل after the verb is whom it was said to; the subject came first.
        if let Some(np) = speaker_np
            && np.clitic_bytes == 0
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
            None if hit.passive => vec![LinkDraft {
                speaker: Speaker::Agentless,
                ..dropped(hit.agreement)
            }],
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
        let mut report = Report::clause(links, hit, content, quote, at.sentence);
        report.subordinate = self.opens_subordinate(doc, a, hit.first);
        Some(report)
    }

    /// The head of a phrase that takes up the clause before the verb at
    /// `k` as its object: "…، وهو ما نفته", "…، الأمر الذي ترفضه", "وهي
    /// اتهامات تنفيها". A head opened by و needs no comma before it.
    pub(super) fn resumptive_head(&self, doc: &ArticleView, a: usize, k: usize) -> Option<usize> {
        (k.saturating_sub(3).max(a + 1)..k.saturating_sub(1)).find(|&h| {
            let w = doc.word(h);
            self.resumptive_heads.contains(w)
                && (morphology::starts_with_and(w) || doc.is_comma(h - 1))
                && (h + 1..k).all(|l| self.resumptive_links.contains(doc.word(l)))
        })
    }

    /// "…، وهو ما نفته الدوحة مرارا": the subject after the verb reports on
    /// the clause before the head; `nest` gives it that clause's words.
    pub(super) fn resumptive_report(
        &self,
        at: &Window,
        hit: &CueHit,
        head: usize,
    ) -> Option<Report> {
        let (doc, a, b) = at.tokens();
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
        let mut report = Report::clause(links, &hit, content, QuoteKind::Indirect, at.sentence);
        report.resumes = Some(super::Resumed { head, refusal });
        Some(report)
    }

    pub(super) fn relative_report(&self, at: &Window, hit: &CueHit) -> Option<Report> {
        let (doc, a, b) = at.tokens();
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
        Some(Report::clause(links, hit, (s, e), quote, at.sentence))
    }

    /// The noun phrase a relative pronoun right after `end` refers to: the
    /// last phrase before it, not the clause's subject ("والتقى الرئيس
    /// بالسفير الأمريكي، الذي قال": the ambassador speaks). It starts after a
    /// cue or at a noun with a preposition and the article, whose object it
    /// is ("بالسفير"), and must end right before the pronoun and read as a
    /// source (`source_like`).
    pub(super) fn antecedent_before(&self, doc: &ArticleView, a: usize, end: usize) -> Option<Np> {
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
    pub(super) fn first_person(&self, doc: &ArticleView, hit: &CueHit) -> bool {
        let (s, e) = doc.span(hit.first, hit.first, 0);
        let raw = morphology::trim_conjunctions(&doc.raw[s..e]);
        let folded = bare_word(doc, hit.first);
        raw.starts_with('أ')
            && folded.starts_with('ا')
            && (morphology::has_form_x_prefix(folded) || folded.chars().nth(2) == Some('ت'))
    }

    /// Whether one of the verb's complement phrases starts at token `k`.
    pub(super) fn complement_at(&self, doc: &ArticleView, hit: &CueHit, k: usize) -> bool {
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
    pub(super) fn opens_subordinate(&self, doc: &ArticleView, a: usize, k: usize) -> bool {
        let prev = |n: usize| (k >= a + n).then(|| doc.word(k - n));
        prev(1).is_some_and(|w| self.is_subordinator(w))
            || (prev(1).is_some_and(|w| self.is_complementizer(w))
                && prev(2).is_some_and(|w| self.is_subordinator(w)))
    }
}
