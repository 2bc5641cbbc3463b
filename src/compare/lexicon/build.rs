//! Compiling the relate lexicon: YAML entries into folded keys, phrase
//! tables, groups and places, with collisions reported.

use super::*;

impl Lexicon {
    pub fn from_yaml(src: &str) -> Result<Self, LexiconError> {
        let raw: RawLexicon =
            crate::io::yaml::from_str(src).map_err(|e| LexiconError(e.to_string()))?;
        let mut lex = Lexicon {
            conjunctions: raw
                .conjunctions
                .iter()
                .map(|c| one_letter(c))
                .collect::<Result<_, _>>()?,
            negators: surface_set(&raw.negators),
            negation_exceptions: surface_set(&raw.negation_exceptions),
            denial_forms: surface_set(&raw.denial),
            stopwords: surface_set(&raw.stopwords),
            terms: HashMap::new(),
            groups: Vec::new(),
            places: Vec::new(),
            collisions: Vec::new(),
            synonyms: HashMap::new(),
            predicates: Phrases::default(),
            predicate_names: Vec::new(),
            entities: Phrases::default(),
            entity_within: Vec::new(),
            entity_names: Vec::new(),
            locatives: surface_set(&raw.locatives),
            prepositions: surface_set(&raw.prepositions),
            subordinators: surface_set(&raw.subordinators),
            negation_blockers: surface_set(&raw.negation_blockers),
            unless: surface_set(&raw.unless),
            homographs: surface_set(&raw.homographs),
            days: Phrases::default(),
            months: Phrases::default(),
            clock_before: surface_set(&raw.clock_before),
            clock_after: surface_set(&raw.clock_after),
            people: raw
                .people
                .iter()
                .filter_map(|w| entry_keys(w).into_iter().next())
                .collect(),
            evidence: raw
                .evidence
                .iter()
                .filter_map(|w| entry_keys(w).into_iter().next())
                .collect(),
            updates: Phrases::default(),
            non_assertive: Phrases::default(),
            hedged_relatives: Phrases::default(),
            time_keys: raw
                .days
                .iter()
                .chain(raw.months.iter().flatten())
                .chain(&raw.clock_before)
                .chain(&raw.clock_after)
                .flat_map(|w| entry_keys(w))
                .collect(),
            contrasts: HashMap::new(),
            pole_skip: surface_set(&raw.pole_skip),
            numbers: Numbers::default(),
        };
        for (id, p) in raw.predicates.iter().enumerate() {
            let tag =
                u16::try_from(id).map_err(|_| LexiconError("too many predicate classes".into()))?;
            lex.predicate_names.push(p.name.clone());
            for w in &p.words {
                lex.predicates.add(w, tag);
            }
        }
        for (i, d) in raw.days.iter().enumerate() {
            lex.days.add(d, (i + 1) as u16);
        }
        for (i, m) in raw.months.iter().enumerate().take(12) {
            for w in m {
                lex.months.add(w, (i + 1) as u16);
            }
        }
        for u in &raw.updates {
            lex.updates.add(u, 0);
        }
        for u in &raw.non_assertive {
            lex.non_assertive.add(u, 0);
        }
        for u in &raw.hedged_relatives {
            lex.hedged_relatives.add(u, 0);
        }
        for group in &raw.synonyms {
            let keys: Vec<String> = group
                .iter()
                .filter_map(|w| entry_keys(w).into_iter().next())
                .collect();
            if let Some(first) = keys.first().cloned() {
                for k in keys {
                    lex.synonyms.entry(k).or_insert_with(|| first.clone());
                }
            }
        }
        for (list, term) in [
            (&raw.denial, Term::Denial),
            (&raw.allegation, Term::Allegation),
            (&raw.certainty, Term::Certainty),
            (&raw.causal, Term::Causal),
            (&raw.concessive, Term::Concessive),
        ] {
            for e in list {
                lex.add_term(e, term);
            }
        }
        for g in &raw.antonyms {
            let group = u16::try_from(lex.groups.len())
                .map_err(|_| LexiconError("too many antonym groups".into()))?;
            if g.poles.len() < 2 || g.poles.len() > usize::from(u8::MAX) {
                return Err(LexiconError(format!("group {} needs 2+ poles", g.name)));
            }
            let negating = match g.negating {
                Some(n) if n < g.poles.len() => Some(n as u8),
                Some(n) => return Err(LexiconError(format!("group {}: no pole {n}", g.name))),
                None => None,
            };
            if !g.valence.is_empty() && g.valence.len() != g.poles.len() {
                return Err(LexiconError(format!(
                    "group {}: one valence per pole",
                    g.name
                )));
            }
            lex.groups.push(Group {
                name: g.name.clone(),
                negating,
                valence: g.valence.clone(),
                headline_only: g.headline_only,
            });
            for (pole, words) in g.poles.iter().enumerate() {
                for w in words {
                    lex.add_term(
                        w,
                        Term::Antonym {
                            group,
                            pole: pole as u8,
                        },
                    );
                }
            }
        }
        for (list, sign) in [(&raw.sentiment.positive, 1), (&raw.sentiment.negative, -1)] {
            for e in list {
                lex.add_term(e, Term::Sentiment(sign));
            }
        }
        let mut by_name: HashMap<String, u16> = HashMap::new();
        for p in &raw.places {
            let id = u16::try_from(lex.places.len())
                .map_err(|_| LexiconError("too many places".into()))?;
            let Some(first) = p.names.first() else {
                return Err(LexiconError("place without names".into()));
            };
            for n in &p.names {
                by_name.insert(fold(n), id);
            }
            lex.places.push(Place {
                name: first.clone(),
                within: None,
            });
        }
        for (id, p) in raw.places.iter().enumerate() {
            if let Some(parent) = &p.within {
                let pid = *by_name
                    .get(&fold(parent))
                    .ok_or_else(|| LexiconError(format!("unknown enclosing place {parent}")))?;
                lex.places[id].within = Some(pid);
            }
            for n in &p.names {
                lex.add_term(n, Term::Place(id as u16));
            }
        }
        // Entities: every place, then the entities list.
        for (id, p) in raw.places.iter().enumerate() {
            for n in &p.names {
                lex.entities.add(n, id as u16);
            }
            lex.entity_within.push(lex.places[id].within);
            lex.entity_names.push(lex.places[id].name.clone());
        }
        for e in &raw.entities {
            let id = u16::try_from(lex.entity_names.len())
                .map_err(|_| LexiconError("too many entities".into()))?;
            let Some(first) = e.names.first() else {
                return Err(LexiconError("entity without names".into()));
            };
            let within = match &e.within {
                Some(parent) => Some(*by_name.get(&fold(parent)).ok_or_else(|| {
                    LexiconError(format!("unknown place {parent} for entity {first}"))
                })?),
                None => None,
            };
            for n in &e.names {
                lex.entities.add(n, id);
            }
            lex.entity_within.push(within);
            lex.entity_names.push(first.clone());
        }
        for conts in lex.terms.values_mut() {
            conts.sort_by_key(|c| std::cmp::Reverse(c.0.len()));
        }
        lex.add_contrasts(&raw.contrasts);
        Ok(lex)
    }

    /// Adds the pairs of a contrasts file (a YAML mapping with the key
    /// `contrasts`, as `contrasts.yaml`) to the lexicon's own.
    pub fn with_contrasts(mut self, src: &str) -> Result<Self, LexiconError> {
        let raw: RawContrasts =
            crate::io::yaml::from_str(src).map_err(|e| LexiconError(e.to_string()))?;
        self.add_contrasts(&raw.contrasts);
        Ok(self)
    }

    /// Takes the number words, scale words and hedges of a numbers file
    /// (as `numbers.yaml`).
    pub fn with_numbers(mut self, src: &str) -> Result<Self, LexiconError> {
        self.numbers =
            Numbers::from_yaml(src).map_err(|e| LexiconError(format!("numbers: {e}")))?;
        Ok(self)
    }

    /// Single words only: a pair whose entries stem to one word each, and
    /// to two different words.
    pub(super) fn add_contrasts(&mut self, pairs: &[Vec<String>]) {
        for pair in pairs {
            let [x, y] = pair.as_slice() else { continue };
            let (kx, ky) = (entry_keys(x), entry_keys(y));
            let ([kx], [ky]) = (kx.as_slice(), ky.as_slice()) else {
                continue;
            };
            let (kx, ky) = (self.synonym(kx.clone()), self.synonym(ky.clone()));
            if kx != ky {
                self.contrasts
                    .entry(kx.clone())
                    .or_default()
                    .insert(ky.clone());
                self.contrasts.entry(ky).or_default().insert(kx);
            }
        }
    }

    pub(super) fn add_term(&mut self, entry: &str, term: Term) {
        let mut keys = entry_keys(entry);
        if keys.is_empty() {
            return;
        }
        let first = keys.remove(0);
        let conts = self.terms.entry(first.clone()).or_default();
        if let Some(c) = conts.iter().find(|c| c.0 == keys) {
            // Same word in two lists: first one wins, as a claim token can
            // carry only one role.
            if c.1 != term {
                self.collisions
                    .push(format!("{entry} ({first}): {:?} vs {term:?}", c.1));
            }
            return;
        }
        conts.push((keys, term));
    }

    /// The lexicon compiled into the crate.
    pub fn embedded() -> Result<Self, LexiconError> {
        Self::from_yaml(EMBEDDED)?
            .with_contrasts(CONTRASTS)?
            .with_numbers(NUMBERS)
    }
}

/// Folded surface forms of single-token entries.
pub(super) fn surface_set(words: &[String]) -> HashSet<String> {
    words
        .iter()
        .map(|w| fold(w.trim()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A conjunction's letter, folded.
pub(super) fn one_letter(entry: &str) -> Result<char, LexiconError> {
    let folded = fold(entry.trim());
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(LexiconError(format!(
            "conjunction {entry}: one letter expected"
        ))),
    }
}

/// The key sequence of an entry, computed exactly as for claim tokens.
pub(super) fn entry_keys(entry: &str) -> Vec<String> {
    let folded = fold(entry);
    let mut toks = Vec::new();
    terms(&folded, &mut toks);
    toks.iter()
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| stem::keys(&folded[t.range()]).0)
        .collect()
}
