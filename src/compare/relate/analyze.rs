//! Reading a claim's text into a `AnalysedClaim`: tokens, stems, predicate
//! classes and their arguments, negation scopes, numbers and the nouns
//! they count.

use super::*;

impl AnalysedClaim {
    pub fn analyze(text: &str, lex: &Lexicon) -> AnalysedClaim {
        let folded = fold(text);
        let mut toks: Vec<Token> = Vec::new();
        terms(&folded, &mut toks);
        let surf = |t: &Token| &folded[t.range()];
        let keys: Vec<(String, Option<String>)> = toks
            .iter()
            .map(|t| match t.kind {
                TokKind::Word => {
                    let (k0, k1) = stem::keys(surf(t));
                    (lex.synonym(k0), k1.map(|k| lex.synonym(k)))
                }
                TokKind::Number | TokKind::Punct(_) => (surf(t).to_string(), None),
            })
            .collect();

        let mut c = AnalysedClaim {
            items: Vec::new(),
            item_text: Vec::new(),
            negations: Vec::new(),
            denials: Vec::new(),
            poles: Vec::new(),
            item_pos: Vec::new(),
            valence: 0,
            alleged: false,
            certain: false,
            causal: false,
            concessive: false,
            quantities: Vec::new(),
            years: Vec::new(),
            places: Vec::new(),
            event_places: Vec::new(),
            item_neg: Vec::new(),
            item_entity: Vec::new(),
            item_name: Vec::new(),
            item_pred: Vec::new(),
            text_denials: Vec::new(),
            preds: Vec::new(),
            pred_stmt: Vec::new(),
            pred_sub: Vec::new(),
            entity_stmt: Vec::new(),
            item_stmt: Vec::new(),
            entities: Vec::new(),
            pred_pos: Vec::new(),
            entity_pos: Vec::new(),
            item_clause: Vec::new(),
            year_clause: Vec::new(),
            days: Vec::new(),
            dates: Vec::new(),
            update_marked: false,
            non_assertive: false,
            opens_with_preposition: false,
        };
        // A clause ends at punctuation between two tokens.
        let boundary: Vec<bool> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                i > 0
                    && folded
                        .get(toks[i - 1].end as usize..t.start as usize)
                        .is_some_and(punctuation::breaks_clause)
            })
            .collect();
        // The frame's tags: predicate classes, entities, days, months.
        let mut pred_at: Vec<Option<u16>> = vec![None; toks.len()];
        let mut entity_at: Vec<Option<u16>> = vec![None; toks.len()];
        let mut day_at: Vec<Option<u16>> = vec![None; toks.len()];
        let mut month_at: Vec<Option<u16>> = vec![None; toks.len()];
        for (phrases, at) in [
            (&lex.predicates, &mut pred_at),
            (&lex.entities, &mut entity_at),
            (&lex.days, &mut day_at),
            (&lex.months, &mut month_at),
        ] {
            let mut i = 0;
            while i < toks.len() {
                match phrases.at(&keys, i) {
                    Some((tag, len)) => {
                        for slot in at.iter_mut().skip(i).take(len) {
                            *slot = Some(tag);
                        }
                        i += len;
                    }
                    None => i += 1,
                }
            }
        }
        c.update_marked = (0..toks.len()).any(|i| lex.updates.at(&keys, i).is_some());
        c.non_assertive = (0..toks.len().min(NON_ASSERTIVE_REACH))
            .any(|i| lex.non_assertive.at(&keys, i).is_some());
        c.opens_with_preposition = toks
            .iter()
            .find(|t| t.kind == TokKind::Word)
            .is_some_and(|t| lex.is_preposition(surf(t)));
        // Tokens consumed as numbers or scale words are not content words.
        let mut numeric = vec![false; toks.len()];
        c.find_numbers(&folded, &toks, &mut numeric, lex, &month_at);

        let word_at = |j: usize| toks.get(j).filter(|t| t.kind == TokKind::Word).map(surf);
        // The negation in force: its word, and how many content words it
        // still governs (a denial verb governs the rest of its clause).
        let mut scope: Option<(String, usize)> = None;
        // The last negator of the clause and where it stands.
        let mut last_negator: Option<(String, usize)> = None;
        let mut neg_at: Vec<Option<String>> = vec![None; toks.len()];
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let w = surf(t);
            if boundary[i] {
                scope = None;
                last_negator = None;
            }
            if numeric[i] || t.kind == TokKind::Number {
                i += 1;
                continue;
            }
            if lex.is_negator(w) {
                let next = word_at(i + 1);
                let prev = i.checked_sub(1).and_then(word_at);
                // A trailing negator governs nothing; idioms like لا يزال
                // (still) are not negations; ما لم is "unless"; يحول دون
                // is "prevents"; in "لا X ولا Y" the second negator
                // continues the first.
                let governs = next.is_some_and(|n| !lex.is_negation_exception(n));
                let unless = prev.is_some_and(|p| lex.is_unless(p));
                let blocked = prev.is_some_and(|p| lex.is_negation_blocker(p));
                let coordinated = morphology::starts_with_and(w) && !c.negations.is_empty();
                if governs && !unless && !blocked {
                    if !coordinated {
                        c.negations.push(w.to_string());
                    }
                    // A negator governs the predicate after it and its
                    // object: "لم تتدخل موسكو" negates تتدخل, not the
                    // rest of a long claim.
                    scope = Some((w.to_string(), 2));
                    last_negator = Some((w.to_string(), i));
                }
                i += 1;
                continue;
            }
            // The negation in force reaches this content word (a name is
            // not negated and does not use up a negator's reach).
            // "No evidence of X" denies X: a noun of evidence a few words
            // after a negator in its clause ("لم يعثر المحققون على أي
            // دليل على ...") is negated, and governs the rest of the
            // clause, as a denial verb does.
            if entity_at[i].is_none()
                && lex.is_evidence(&keys[i].0)
                && let Some((word, at)) = &last_negator
                && i - at <= EVIDENCE_REACH
            {
                scope = Some((word.clone(), usize::MAX));
            }
            if entity_at[i].is_none()
                && !lex.is_stopword(w)
                && let Some((word, n)) = &mut scope
                && *n > 0
            {
                *n -= 1;
                neg_at[i] = Some(word.clone());
            }
            // Function words never fire content entries (بأنه is not أنهى).
            let term = if lex.is_stopword(w) || lex.is_homograph(w) {
                None
            } else {
                lex.match_term(&keys, i)
            };
            // A derived form of a denial verb right after a noun that it
            // agrees with in definiteness is that noun's adjective ("نشر
            // أخبار كاذبة", "الأخبار الكاذبة"), not a denial; as a predicate
            // it disagrees ("الأخبار كاذبة") and still denies.
            let term = term.filter(|&(t, len)| {
                let attributive = || {
                    let definite = |x: &str| stem::strip_article(x).is_some();
                    i.checked_sub(1)
                        .and_then(word_at)
                        .is_some_and(|p| !lex.is_stopword(p) && definite(p) == definite(w))
                };
                let listed = lex.is_denial_form(w)
                    || stem::strip_clitic(w).is_some_and(|x| lex.is_denial_form(x));
                // An unlisted imperfect or plural perfect ("يتجنبون",
                // "كذبوا") is still the verb.
                let bare = morphology::trim_conjunctions(w);
                let verb = morphology::is_third_person_imperfect(bare) || bare.ends_with("وا");
                !(matches!(t, Term::Denial) && len == 1 && !listed && !verb && attributive())
            });
            if let Some((term, len)) = term {
                let span_text = toks[i..i + len]
                    .iter()
                    .map(surf)
                    .collect::<Vec<_>>()
                    .join(" ");
                match term {
                    Term::Denial => {
                        // What follows in its clause is denied; a denial
                        // that closes the claim ("... عارية عن الصحة")
                        // denies what came before: the whole claim.
                        let rest_of_clause = (i + len..toks.len())
                            .take_while(|&j| !boundary[j])
                            .any(|j| {
                                toks[j].kind == TokKind::Word && !lex.is_stopword(surf(&toks[j]))
                            });
                        if rest_of_clause {
                            c.text_denials.push(span_text.clone());
                            scope = Some((span_text, usize::MAX));
                        } else {
                            c.denials.push(span_text);
                        }
                    }
                    Term::Allegation => c.alleged = true,
                    Term::Certainty => c.certain = true,
                    Term::Causal => c.causal = true,
                    Term::Concessive => c.concessive = true,
                    Term::Sentiment(v) => {
                        c.valence += i32::from(v);
                        c.push_item(&keys[i], None, span_text, i);
                        c.tag_last(i, entity_at[i], pred_at[i].is_some(), neg_at[i].clone());
                    }
                    Term::Antonym { group, pole } => {
                        let v = lex
                            .groups
                            .get(usize::from(group))
                            .and_then(|g| g.valence.get(usize::from(pole)));
                        c.valence += v.map_or(0, |&v| i32::from(v));
                        c.poles.push(PoleHit {
                            group,
                            pole,
                            text: span_text.clone(),
                            pos: i,
                            arg: None,
                        });
                        c.push_item(&keys[i], Some(Concept::Group(group)), span_text, i);
                        c.tag_last(i, entity_at[i], pred_at[i].is_some(), neg_at[i].clone());
                    }
                    Term::Place(p) => {
                        let mut id = Some(p);
                        // Walk up the enclosing places (bounded, in case of a
                        // cyclic lexicon).
                        for _ in 0..4 {
                            let Some(cur) = id else { break };
                            if !c.places.contains(&cur) {
                                c.places.push(cur);
                            }
                            id = lex.places.get(usize::from(cur)).and_then(|pl| pl.within);
                        }
                        let prev = i.checked_sub(1).and_then(word_at);
                        if prev.is_some_and(|w| lex.is_locative(w)) && !c.event_places.contains(&p)
                        {
                            c.event_places.push(p);
                        }
                        c.push_item(&keys[i], Some(Concept::Place(p)), span_text, i);
                        c.tag_last(i, Some(p), false, None);
                    }
                }
                i += len;
                continue;
            }
            if !lex.is_stopword(w) && w.chars().count() > 1 {
                c.push_item(&keys[i], None, w.to_string(), i);
                c.tag_last(i, entity_at[i], pred_at[i].is_some(), neg_at[i].clone());
            }
            i += 1;
        }
        // Clauses: a count of the boundaries before each token.
        let clause_of: Vec<u16> = boundary
            .iter()
            .scan(0u16, |n, &b| {
                *n = n.saturating_add(u16::from(b));
                Some(*n)
            })
            .collect();
        let clause = |i: usize| clause_of.get(i).copied().unwrap_or(0);
        c.item_clause = c.item_pos.iter().map(|&p| clause(p)).collect();
        c.year_clause = c
            .year_clause
            .iter()
            .map(|&p| clause(usize::from(p)))
            .collect();
        // The frame: predicate classes with their negation, entities with
        // the places that enclose them, days and dates.
        for (i, p) in pred_at.iter().enumerate() {
            let Some(p) = *p else { continue };
            // A phrase's first token carries its negation.
            if i > 0 && pred_at[i - 1] == Some(p) {
                continue;
            }
            c.pred_pos.push((i, p));
            let entry = (p, neg_at[i].clone());
            if !c.preds.contains(&entry) {
                c.preds.push(entry);
            }
        }
        for (i, e) in entity_at.iter().enumerate() {
            // A place where something happened ("في الغوطة") is not an actor.
            let locative = i
                .checked_sub(1)
                .and_then(word_at)
                .is_some_and(|w| lex.is_locative(w));
            if let Some(e) = e
                && (i == 0 || entity_at[i - 1] != Some(*e))
                && !locative
            {
                c.entity_pos.push((i, *e));
            }
        }
        let stmt_of = statements(&boundary, |i| {
            word_at(i).is_some_and(|w| lex.is_subordinator(w))
                || lex.hedged_relatives.at(&keys, i).is_some()
        });
        let stmt = |i: usize| stmt_of.get(i).map_or(0, |s| s.0);
        c.pred_stmt = c.pred_pos.iter().map(|&(i, p)| (p, stmt(i))).collect();
        c.pred_sub = c
            .pred_pos
            .iter()
            .map(|&(i, _)| stmt_of.get(i).is_some_and(|s| s.1))
            .collect();
        c.entity_stmt = c.entity_pos.iter().map(|&(i, e)| (e, stmt(i))).collect();
        c.item_stmt = c.item_pos.iter().map(|&p| stmt(p)).collect();
        for e in entity_at.iter().flatten() {
            for x in lex.entity_chain(*e) {
                if !c.entities.contains(&x) {
                    c.entities.push(x);
                }
            }
        }
        for (i, d) in day_at.iter().enumerate() {
            if let Some(d) = d
                && (i == 0 || day_at[i - 1].is_none())
            {
                let d = 1000 + u32::from(*d);
                if !c.days.contains(&d) {
                    c.days.push(d);
                }
            }
        }
        // Each token's time: a day, or a date (its number then its month).
        let mut times: Vec<Option<u32>> = day_at
            .iter()
            .map(|d| d.map(|d| 1000 + u32::from(d)))
            .collect();
        for (j, m) in month_at.iter().enumerate() {
            if let Some(m) = m {
                let day = j
                    .checked_sub(1)
                    .and_then(|k| toks.get(k))
                    .filter(|t| t.kind == TokKind::Number)
                    .and_then(|t| num::parse_numeral(surf(t)))
                    .filter(|v| (1.0..=31.0).contains(v));
                times[j] = Some(u32::from(*m) * 100 + day.map_or(0, |d| d as u32));
            }
        }
        c.attach_nouns(&folded, &toks, &keys, lex, &boundary, &times, &entity_at);
        let surfaces: Vec<&str> = toks.iter().map(surf).collect();
        c.bind_pole_args(&surfaces, lex);
        // Hundreds of thousands of claims stay in memory during a compare:
        // no spare capacity.
        c.items.shrink_to_fit();
        c.item_text.shrink_to_fit();
        c.item_pos.shrink_to_fit();
        c.item_neg.shrink_to_fit();
        c.item_entity.shrink_to_fit();
        c.item_name.shrink_to_fit();
        c.item_pred.shrink_to_fit();
        c.item_clause.shrink_to_fit();
        c.quantities.shrink_to_fit();
        c.poles.shrink_to_fit();
        c.pred_pos.shrink_to_fit();
        c.entity_pos.shrink_to_fit();
        c.preds.shrink_to_fit();
        c.pred_stmt.shrink_to_fit();
        c.pred_sub.shrink_to_fit();
        c.entity_stmt.shrink_to_fit();
        c.item_stmt.shrink_to_fit();
        c.entities.shrink_to_fit();
        c
    }

    pub(super) fn push_item(
        &mut self,
        keys: &(String, Option<String>),
        concept: Option<Concept>,
        text: String,
        pos: usize,
    ) {
        let item = StemmedWord {
            stem: keys.0.clone(),
            alt_stem: keys.1.clone(),
            concept,
        };
        if self
            .items
            .iter()
            .any(|x| x.matches(&item) && x.concept == item.concept)
        {
            return;
        }
        self.items.push(item);
        self.item_text.push(text);
        self.item_pos.push(pos);
        self.item_neg.push(None);
        self.item_entity.push(false);
        self.item_name.push(None);
        self.item_pred.push(false);
    }

    /// Marks the item just pushed at token `pos` (if it was new) with its
    /// frame roles (the entity or place it names, if any) and the negation
    /// that governs it.
    pub(super) fn tag_last(
        &mut self,
        pos: usize,
        name: Option<u16>,
        pred: bool,
        neg: Option<String>,
    ) {
        if self.item_pos.last() != Some(&pos) {
            return;
        }
        let entity = name.is_some();
        if let Some(e) = self.item_entity.last_mut() {
            *e = entity;
        }
        if let Some(e) = self.item_name.last_mut() {
            *e = name;
        }
        if let Some(p) = self.item_pred.last_mut() {
            *p = pred;
        }
        if let Some(slot) = self.item_neg.last_mut() {
            *slot = if entity { None } else { neg };
        }
    }

    /// The argument of a pole word is the nearest content word that is not
    /// itself a pole word: "الذهب يصعد مع تراجع الدولار" binds يصعد to
    /// الذهب and تراجع to الدولار. On ties an imperfect verb (ي/ت-initial)
    /// takes the preceding word, as headlines are mostly subject-verb, and a
    /// verbal noun the following genitive (ارتفاع الدولار); a word opening
    /// with the conjunction و starts another clause and loses ties.
    pub(super) fn bind_pole_args(&mut self, surfaces: &[&str], lex: &Lexicon) {
        for h in 0..self.poles.len() {
            let pos = self.poles[h].pos;
            let verb = surfaces
                .get(pos)
                .is_some_and(|w| morphology::is_third_person_imperfect(w));
            let mut best: Option<(usize, usize)> = None;
            for (idx, (&ipos, item)) in self.item_pos.iter().zip(&self.items).enumerate() {
                // A degree word or a measure's head ("صعود كبير للإسترليني",
                // "هبوط في أسعار النفط") is not what rises or falls.
                if ipos == pos
                    || matches!(item.concept, Some(Concept::Group(_)))
                    || surfaces.get(ipos).is_some_and(|w| lex.is_pole_skip(w))
                {
                    continue;
                }
                let behind = ipos < pos;
                let new_clause = !behind
                    && surfaces
                        .get(ipos)
                        .is_some_and(|w| morphology::starts_with_and(w));
                // A pole word opening a conjunct ("وهبوط حاد للدولار") is
                // said of what follows it, not of the conjunct before.
                let conjunct = behind
                    && surfaces
                        .get(pos)
                        .is_some_and(|w| morphology::starts_with_and(w));
                let d = ipos.abs_diff(pos) * 4
                    + usize::from(behind != verb)
                    + 2 * usize::from(new_clause)
                    + 8 * usize::from(conjunct);
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, idx));
                }
            }
            self.poles[h].arg = best.map(|(_, idx)| idx);
        }
    }

    /// Numbers with their scale words and hedges; four-digit values in the
    /// year range without a scale become years.
    pub(super) fn find_numbers(
        &mut self,
        folded: &str,
        toks: &[Token],
        numeric: &mut [bool],
        lex: &Lexicon,
        month_at: &[Option<u16>],
    ) {
        let surf = |t: &Token| &folded[t.range()];
        let word = |j: usize| toks.get(j).filter(|t| t.kind == TokKind::Word).map(surf);
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let s = surf(t);
            let found = match t.kind {
                TokKind::Number => num::parse_numeral(s).map(|v| (v, v)),
                // A bare scale word is itself a count: ألف رسالة.
                TokKind::Word => lex.numbers.count_word(s),
                TokKind::Punct(_) => None,
            };
            let Some((mut lo, mut hi)) = found else {
                i += 1;
                continue;
            };
            let mut end = i + 1;
            let mut scaled = false;
            if let Some(m) = word(end).and_then(|w| lex.numbers.scale(w)) {
                lo *= m;
                hi *= m;
                scaled = true;
                end += 1;
            }
            // "95 بالمئة", "30 في المائة", "12%": a percentage, whose words are
            // part of it (and no count of 100 of their own).
            let percent_word = |j: usize| word(j).is_some_and(|w| lex.numbers.is_percent_word(w));
            let percent_tail = if percent_word(end) {
                1
            } else if word(end).is_some_and(|w| lex.is_locative(w)) && percent_word(end + 1) {
                2
            } else {
                0
            };
            let percent_sign = folded
                .get(toks[end - 1].end as usize..)
                .is_some_and(|r| lex.numbers.starts_with_percent_sign(r));
            let percent = !scaled && (percent_sign || percent_tail > 0);
            if percent {
                end += percent_tail;
            }
            let prev_word = i.checked_sub(1).and_then(word);
            // A clock time ("الساعة 1600", "1700 بتوقيت غرينتش", "16:00") or a
            // day of a month ("4 إبريل") is a time, never a count.
            let clock = !scaled
                && (prev_word.is_some_and(|w| lex.is_clock_before(w))
                    || word(end).is_some_and(|w| lex.is_clock_after(w))
                    || folded.get(t.end as usize..).is_some_and(|r| {
                        r.starts_with(':') && r[1..].starts_with(|c: char| c.is_ascii_digit())
                    }));
            let month = (!scaled && t.kind == TokKind::Number)
                .then(|| month_at.get(end).copied().flatten())
                .flatten();
            if t.kind == TokKind::Number && !scaled && num::is_year(lo, s) {
                // u16 holds every value in the year range.
                self.years.push(lo as u16);
                self.year_clause.push(i as u16);
            } else if clock {
                // A clock time's minutes ("16:00") are part of it.
                if toks.get(end).is_some_and(|n| {
                    n.kind == TokKind::Number
                        && folded.get(t.end as usize..n.start as usize) == Some(":")
                }) {
                    end += 1;
                }
            } else if let Some(m) = month {
                if (1.0..=31.0).contains(&lo) {
                    let d = u32::from(m) * 100 + lo as u32;
                    if !self.dates.contains(&d) {
                        self.dates.push(d);
                    }
                }
            } else {
                let prev = i.checked_sub(1).and_then(word);
                let prev2 = i.checked_sub(2).and_then(word);
                let mut hedge = lex.numbers.hedge(prev2, prev);
                if let Some(h) = word(end).and_then(|w| lex.numbers.trailing_hedge(w)) {
                    hedge = h;
                }
                let text = toks[i..end].iter().map(surf).collect::<Vec<_>>().join(" ");
                let range = num::interval(lo, hi, hedge);
                self.quantities.push(Quantity {
                    range,
                    noun: Vec::new(),
                    text,
                    start: i,
                    end,
                    people: false,
                    percent,
                    time: None,
                });
            }
            for n in numeric.iter_mut().take(end).skip(i) {
                *n = true;
            }
            i = end;
        }
    }

    /// The quantity noun of each number: up to three content words after it;
    /// whether it counts people; the day or date of its clause.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn attach_nouns(
        &mut self,
        folded: &str,
        toks: &[Token],
        keys: &[(String, Option<String>)],
        lex: &Lexicon,
        boundary: &[bool],
        times: &[Option<u32>],
        entity_at: &[Option<u16>],
    ) {
        let surf = |t: &Token| &folded[t.range()];
        for q in &mut self.quantities {
            // The clause's time: the nearest day or date after the count,
            // else before it, inside its clause.
            let after = (q.end..toks.len())
                .take_while(|&j| !boundary[j])
                .find_map(|j| times[j]);
            let before = || {
                (0..q.start)
                    .rev()
                    .take_while(|&j| !boundary[j + 1])
                    .find_map(|j| times[j])
            };
            q.time = after.or_else(before);
            let head = (q.end..toks.len().min(q.end + 3))
                .find(|&j| toks[j].kind == TokKind::Word && !lex.is_stopword(surf(&toks[j])));
            q.people = head.is_some_and(|j| {
                lex.counts_people(&keys[j].0)
                    || keys[j].1.as_deref().is_some_and(|k| lex.counts_people(k))
                    // "100 سوري": a nationality counts people.
                    || entity_at.get(j).copied().flatten().is_some()
            });
            let mut j = q.end;
            while j < toks.len() && q.noun.len() < 3 && j < q.end + 5 {
                let t = &toks[j];
                let w = surf(t);
                // The next number starts its own phrase.
                if t.kind == TokKind::Number || lex.numbers.count_word(w).is_some() {
                    break;
                }
                if !lex.is_stopword(w) && !lex.is_negator(w) && w.chars().count() > 1 {
                    let concept = match lex.match_term(keys, j) {
                        Some((Term::Antonym { group, .. }, _)) => Some(Concept::Group(group)),
                        Some((Term::Place(p), _)) => Some(Concept::Place(p)),
                        _ => None,
                    };
                    q.noun.push(StemmedWord {
                        stem: keys[j].0.clone(),
                        alt_stem: keys[j].1.clone(),
                        concept,
                    });
                }
                j += 1;
            }
        }
    }
}
