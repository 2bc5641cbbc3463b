//! Source phrases in a clause: the subject after a verb or before it, the
//! object of a prepositional cue, the outlet spoken to (لرويترز), a name in
//! apposition, and possessives (مصدر الصحيفة, مصادرها).

use super::cues::{Agreement, CueHit, readings};
use super::{Attributor, Doc, LinkDraft, Np, Speaker};
use crate::arabic::morphology;
use crate::arabic::tokens::TokKind;
use crate::lexicon::Number;
use crate::model::{CueKind, SourceKind, Stance};

/// Most words a source phrase runs to.
const MAX_PHRASE: usize = 8;
const MAX_TITLED_PHRASE: usize = 16;
/// Tokens before a verb searched for its speaker's clause (a complementizer,
/// the outlet spoken to): well past the longest phrase, and bounded so that
/// a sentence with a cue every few words costs linear time, not quadratic.
const LOOK_BACK: usize = 40;
/// Tokens from a sentence's start to its verb across which a subject set off
/// by an aside ("الوزير، الذي ...، قال") is still read.
const ASIDE_REACH: usize = 80;
use super::MAX_TITLE_WORDS;

impl Attributor {
    /// A word that may be part of a person's name: not a function word,
    /// not definite, not a number.
    pub(super) fn name_like(&self, w: &str) -> bool {
        (!morphology::has_article(w) || self.name_tails.contains(w))
            && !self.np_stops.contains(w)
            && !self.complementizers.contains(w)
            && !self.adverbs.contains(w)
            && !self.appositions.contains(w)
            && !w.chars().all(|c| c.is_ascii_digit())
            && crate::text::has_chars(w, 2)
    }

    /// `name_like` for token `k`, where a name written with hamza on its
    /// alef ("ألتون") is no definite noun.
    pub(super) fn name_like_at(&self, doc: &Doc, k: usize) -> bool {
        let w = doc.word(k);
        self.name_like(w)
            || (!doc.definite_at(k)
                && morphology::strip_article(w).is_some_and(|rest| crate::text::has_chars(rest, 2)))
    }

    pub(super) fn is_stop(&self, w: &str) -> bool {
        self.np_stops.contains(w)
            || readings(w)
                .skip(1)
                .any(|r| self.np_stops.contains(r) && crate::text::has_chars(r, 2))
    }

    /// A stop word at token `k`, telling the name علي from the preposition
    /// على, which folding writes alike.
    pub(super) fn stop_at(&self, doc: &Doc, k: usize, w: &str) -> bool {
        if !self.is_stop(w) {
            return false;
        }
        if !self.name_like_stops.contains(w) {
            return true;
        }
        let (_, e) = doc.span(k, k, 0);
        doc.raw[..e]
            .chars()
            .rev()
            .find(|c| !crate::text::is_mark(*c))
            != Some('ي')
    }

    pub(super) fn is_complementizer(&self, w: &str) -> bool {
        self.complementizers.contains(w)
            || morphology::strip_conjunction(w).is_some_and(|r| self.complementizers.contains(r))
    }

    /// A complementizer at token `k`. Folding writes آن ("now", and the
    /// name Anne) like أن; the madda tells them apart.
    pub(super) fn complementizer_at(&self, doc: &Doc, k: usize) -> bool {
        self.is_complementizer(doc.word(k)) && !doc.original_starts_with(k, 'آ')
    }

    pub(super) fn is_subordinator(&self, w: &str) -> bool {
        self.subordinators.contains(w)
            || morphology::strip_and(w).is_some_and(|r| self.subordinators.contains(r))
    }

    /// A reporting verb (not a phrase) at token `k`.
    pub(super) fn verb_at(&self, doc: &Doc, k: usize, to: usize) -> Option<CueHit> {
        self.cues.at(&doc.f.folded, &doc.toks, k, to).filter(|h| {
            matches!(h.kind, CueKind::Verb | CueKind::NoComment)
                && !doc.ends_with_ta_marbuta(k)
                && !self.after_noun_governor(doc, k)
                && !self.after_conditional(doc, k)
        })
    }

    /// Whether token `k` follows a conditional particle ("إن وجدت", "لو
    /// قال"): a verb there is a supposition, not a report. إن is told from
    /// أن and the unwritten-hamza ان by its seat.
    pub(super) fn after_conditional(&self, doc: &Doc, k: usize) -> bool {
        if k == 0 || !doc.is_word(k - 1) {
            return false;
        }
        let w = doc.word(k - 1);
        let particle = morphology::strip_conjunction(w).unwrap_or(w);
        let (s, e) = doc.span(k - 1, k - 1, 0);
        let seat = morphology::trim_conjunctions(&doc.raw[s..e]).starts_with('إ');
        self.conditionals.contains(particle) && (!self.complementizers.contains(particle) || seat)
    }

    /// Whether token `k` follows a word that governs a noun ("إلى نقل",
    /// "عدم ذكر"): a cue verb's letters there are its verbal noun.
    pub(super) fn after_noun_governor(&self, doc: &Doc, k: usize) -> bool {
        k > 0 && doc.is_word(k - 1) && self.noun_governors.contains(doc.word(k - 1))
    }

    /// An outlet spoken to: لرويترز, لـ«الشرق الأوسط», لشبكة "سي أن أن",
    /// لقناة فوكس سبورتس.
    /// "وقال المصدر للصحيفة", "قالت ميركل للقناة العاشرة": an outlet's noun
    /// with the article after ل is the outlet spoken to, not part of the
    /// speaker's name (after a title it is the title's genitive: "مراسل
    /// للوكالة").
    pub(super) fn outlet_spoken_to(&self, doc: &Doc, k: usize) -> bool {
        // Only ل + ال ("للصحيفة") can name an anaphor; the test spares an
        // allocation per ل-word.
        doc.is_word(k)
            && morphology::has_lam_article(doc.word(k))
            && morphology::restore_article_after_lam(doc.word(k))
                .and_then(|w| self.sources.anaphor(&w))
                .is_some_and(|a| a.kinds.contains(&SourceKind::Outlet))
    }

    pub(super) fn addressee_at(&self, doc: &Doc, i: usize, to: usize) -> Option<Np> {
        let w = doc.word(i);
        if !doc.is_word(i) || !morphology::starts_with_lam(w) || morphology::has_lam_article(w) {
            return None;
        }
        let skip = morphology::lam_len();
        let rest = w.get(skip..).unwrap_or("");
        // The words that follow ل, quotes skipped: "لـ«سبق»" is ل, «, سبق, ».
        let toks: Vec<usize> = (i..to.min(i + 10))
            .take_while(|&k| doc.is_word(k) || doc.punct(k, '"'))
            .filter(|&k| doc.is_word(k) && !(k == i && rest.is_empty()))
            .collect();
        let words: Vec<&str> = toks
            .iter()
            .map(|&k| if k == i { rest } else { doc.word(k) })
            .collect();
        let head = words
            .first()
            .is_some_and(|w| self.sources.is_outlet_head(w));
        // The gazetteer may hold the head too ("وكالة الأنباء الألمانية").
        let named = self.sources.outlet_at(&words, 0, true).or_else(|| {
            self.sources
                .outlet_at(&words, usize::from(head), true)
                .map(|(o, n)| (o, n + usize::from(head)))
        });
        let used = match named {
            Some((_, n)) => n,
            // An outlet head with a name we do not know: "لقناة فوكس سبورتس"
            // (the name ends where a quotation of the words said begins).
            None if head => {
                let unquoted = toks.windows(2).take_while(|w| w[1] == w[0] + 1).count() + 1;
                1 + words[1..unquoted.min(words.len())]
                    .iter()
                    .take(3)
                    .take_while(|w| self.name_like(w))
                    .count()
            }
            None => return None,
        };
        let mut last = *toks.get(used.max(1) - 1)?;
        // "لوكالة الأنباء (ميديافاكس)": a head's bracketed name, after its
        // genitive.
        if head && named.is_none() {
            let bracket = (last + 1..(last + 3).min(to))
                .take_while(|&k| doc.is_word(k) && super::sources::is_definite(doc.word(k)))
                .last()
                .unwrap_or(last)
                + 1;
            if let Some(close) = self
                .quoted_name(doc, bracket, to, true, 1)
                .filter(|_| doc.punct(bracket, '('))
            {
                last = close;
            }
        }
        // "لـ«الشرق الأوسط»": the outlet's words, without the bare ل or the
        // marks around them.
        let first = if rest.is_empty() { *toks.first()? } else { i };
        // The mark that closes a quoted name inside the phrase (لقناة
        // "الجزيرة"), not one that opens the words said after it.
        let open_marks = (first..=last).filter(|&k| doc.punct(k, '"')).count();
        if open_marks % 2 == 1 && doc.punct(last + 1, '"') {
            last += 1;
        }
        Some(Np {
            first,
            last,
            skip: if rest.is_empty() { 0 } else { skip as u32 },
        })
    }

    /// The outlet spoken to, before the verb in its clause: "وفي حديث لشبكة
    /// "سي أن أن" قال", "وفي تصريح لـ«سبق» أوضح".
    pub(super) fn addressee_before(&self, doc: &Doc, a: usize, verb: usize) -> Option<Np> {
        let near = verb.saturating_sub(LOOK_BACK).max(a);
        let opening = (near..verb).rev().find(|&k| {
            doc.is_comma(k) || self.cue_starts(doc, k) && self.verb_at(doc, k, verb).is_some()
        });
        // "وأكد دينو ... لوكالة الأنباء وأشار": after another verb in the
        // clause, the outlet was spoken to by that verb.
        if opening.is_some_and(|k| !doc.is_comma(k)) {
            return None;
        }
        let from = opening.map_or(near, |k| k + 1);
        (from..verb)
            .filter_map(|k| self.addressee_at(doc, k, verb))
            .find(|np| np.last < verb)
    }

    /// A quoted name inside a phrase ("صحيفة "نيويورك تايمز"", "مصادر "دايلي
    /// بيست""): the closing mark's token, when the quote is a name and not
    /// the words said.
    fn quoted_name(
        &self,
        doc: &Doc,
        k: usize,
        to: usize,
        after_head: bool,
        words_before: usize,
    ) -> Option<usize> {
        // "موقع شبكة (أن تي في)": brackets after a head hold its name too;
        // after a longer name, one or two plain words are its acronym or
        // other name ("بعثة الأمم المتحدة لمساعدة العراق (يونامي)"), but not
        // an age, a number or a definite noun ("(45 عاما)", "(الصورة)").
        if doc.punct(k, '(') {
            let close = (k + 1..(k + 7).min(to)).find(|&z| doc.punct(z, ')'))?;
            let inner = k + 1..close;
            let plain = inner.clone().all(|z| {
                let w = doc.word(z);
                doc.is_word(z)
                    && !self.is_stop(w)
                    && !super::sources::is_definite(w)
                    && !w.chars().any(|c| c.is_ascii_digit())
            });
            let alias = words_before >= 2 && inner.len() <= 2;
            let named = !inner.is_empty()
                && (after_head && inner.clone().all(|z| doc.is_word(z)) || plain && alias);
            return named.then_some(close);
        }
        let close = (k + 1..(k + 7).min(to)).find(|&z| doc.punct(z, '"'))?;
        let inner = k + 1..close;
        let words: Vec<&str> = inner
            .clone()
            .filter(|&z| doc.is_word(z))
            .map(|z| doc.word(z))
            .collect();
        let known = self.sources.outlet_at(&words, 0, true).is_some();
        // "حركة «حماس»": a short quoted name after a noun, with no
        // punctuation of its own (a quotation would have some, or be longer).
        let short_name = words_before > 0
            && words.len() <= 2
            && inner.clone().all(|z| doc.is_word(z))
            && words.first().is_some_and(|w| !self.is_complementizer(w))
            && self.verb_at(doc, k + 1, close).is_none();
        (!words.is_empty() && (known || after_head || short_name)).then_some(close)
    }

    /// The source phrase starting at token `i` (the subject after a verb or the
    /// object of a prepositional cue), and the token after it.
    pub(super) fn np_at(&self, doc: &Doc, i: usize, to: usize, skip: u32) -> Option<(Np, usize)> {
        // "وأشار "النقير" إلى أن": a short name in quotation marks.
        if doc.punct(i, '"')
            && let Some(close) = (i + 2..(i + 5).min(to)).find(|&k| doc.punct(k, '"'))
            && (i + 1..close).all(|k| {
                doc.is_word(k) && !self.is_stop(doc.word(k)) && !self.cue_starts(doc, k)
            })
            // Not a quoted adverb: "جزموا "بثقة عالية" أن".
            && !(close > i + 2 && morphology::starts_with_preposition(doc.word(i + 1)))
            && (doc.is_word(close + 1) && self.is_stop(doc.word(close + 1))
                || self.complementizer_at(doc, close + 1)
                || doc.is_comma(close + 1))
        {
            let np = Np {
                first: i + 1,
                last: close - 1,
                skip: 0,
            };
            return Some((np, close + 1));
        }
        let mut k = i;
        while k < to && doc.is_word(k) && self.adverbs.contains(doc.word(k)) {
            k += 1;
        }
        let first = k;
        // A date is no speaker: "أفادت السبت 13 نيسان"; nor is a noun with
        // a possessive ("تحكي قصتها"), unless it is an unnamed source's
        // ("مصادرها").
        // Nor a participle: "وأضاف قائلا" has no subject after the verb.
        if doc.word(first).chars().all(|c| c.is_ascii_digit())
            || self.participle_at(doc, first, to)
            || self.is_content_noun(doc.word(first))
            || (self.possessed_noun(doc, first, false) && first == i)
        {
            return None;
        }
        let mut last = None;
        let mut words = 0;
        let mut head_anonymous = false;
        let mut head_takes_name = false;
        // Words left after an inner preposition: "مصدر في البيت الأبيض".
        let mut inner_left: Option<usize> = None;
        let mut named = false;
        // A title carries its office before the name: allow it more words.
        let titled = self.title_at(doc, first);
        let max = if titled {
            MAX_TITLED_PHRASE
        } else {
            MAX_PHRASE
        };
        while k < to && words < max {
            match doc.toks[k].kind {
                TokKind::Punct('"' | '(') => {
                    // "بحسب مؤسسة “ميزون كابيتال”": a body's name in quotes.
                    let takes = head_takes_name
                        || (words == 1 && self.sources.is_body_head(doc.word(first)));
                    let Some(close) = self.quoted_name(doc, k, to, takes, words) else {
                        break;
                    };
                    words += (k + 1..close).filter(|&z| doc.is_word(z)).count();
                    last = Some(close);
                    named = true;
                    k = close + 1;
                    continue;
                }
                TokKind::Punct(_) => break,
                // After a quoted name only its adjectives go on: "صحيفة
                // "نيويورك تايمز" الأمريكية", not "... لخدمات الاستشارات".
                TokKind::Word if named && !morphology::has_article(doc.word(k)) => break,
                TokKind::Word => {
                    let raw_w = doc.word(k);
                    let w = if k == i && skip > 0 {
                        raw_w.get(skip as usize..).unwrap_or(raw_w)
                    } else {
                        raw_w
                    };
                    let complementizer = if k == i && skip > 0 {
                        self.is_complementizer(w)
                    } else {
                        self.complementizer_at(doc, k)
                    };
                    if complementizer || self.appositions.contains(w) {
                        break;
                    }
                    // "واختتم أمين عام غرفة مكة كلمته": the possessed noun is
                    // the verb's object, after the subject.
                    // "أعلنت الشرطة اعتقال ...": in a phrase that is no title's,
                    // a bare word after a definite noun is no adjective of it
                    // (adjectives take the article too) and starts the object.
                    let after_definite = words > 0
                        && !titled
                        && k > first
                        && doc.is_word(k - 1)
                        && !self.sources.is_house(doc.word(k - 1))
                        && doc.definite_at(k - 1)
                        && !self.name_tails.contains(doc.word(k - 1))
                        && !self.title_at(doc, k - 1)
                        && !self.within_title(doc, k - 1)
                        && !morphology::ends_with_nisba(doc.word(k - 1))
                        && !super::sources::is_definite(w)
                        && morphology::strip_bi_lam_or_and(w).is_none()
                        && inner_left.is_none();
                    // "واتهمت نويرت موسكو", "ونفت روسيا اتفاقا": a state's
                    // name takes no bare word after it, and a state after a
                    // name (not a title's genitive) is the object.
                    let after_state = words == 1
                        && k == first + 1
                        && !super::sources::is_definite(w)
                        && self.sources.is_country_name(doc.word(first));
                    // Only after a one-word name, and not before an adjective
                    // of the state's ("قوات سوريا الديمقراطية", "رئيس وزراء
                    // لبنان" and "نادي أتلتيكو مدريد" are names).
                    let state_object = words == 1
                        && k == first + 1
                        && self.sources.is_country_name(w)
                        && self.name_like_at(doc, first)
                        && !self.title_at(doc, first)
                        && !self.sources.is_body_head(doc.word(first))
                        && !self.sources.is_outlet_head(doc.word(first))
                        && !doc.ends_with_ta_marbuta(first)
                        && !(doc.is_word(k + 1) && doc.definite_at(k + 1));
                    // "واتهمت الدول الأربع قطر", "ويتهم الغرب موسكو": a
                    // definite word takes no genitive, so a state's bare name
                    // after one starts the object.
                    let state_after_definite = words > 0
                        && doc.is_word(k - 1)
                        && doc.definite_at(k - 1)
                        && self.sources.is_bare_state_name(w);
                    if after_definite
                        || after_state
                        || state_object
                        || state_after_definite
                        || words > 0
                            && (self.addressee_at(doc, k, to).is_some()
                                || (self.outlet_spoken_to(doc, k) && !self.title_at(doc, k - 1))
                                || self.cue_starts(doc, k)
                                || self.is_content_noun(w)
                                || self.possessed_noun(doc, k, !plural_pronoun(w)))
                    {
                        break;
                    }
                    if let Some(left) = inner_left {
                        // "في البيت الأبيض", "في روسيا": one noun, then only adjectives.
                        if left == 0 || self.is_stop(w) || (left < 2 && !morphology::has_article(w))
                        {
                            break;
                        }
                        inner_left = Some(left - 1);
                    } else if self.stop_at(doc, k, w) || (words > 0 && self.adverbs.contains(w)) {
                        let inner = head_anonymous
                            && (1..=3).contains(&words)
                            && self.inner_prepositions.contains(w);
                        if !inner {
                            break;
                        }
                        inner_left = Some(2);
                    }
                    if words == 0 {
                        head_anonymous =
                            self.sources.is_anonymous_head(w) || self.sources.is_quantifier(w);
                    }
                    // "مصادر "دايلي بيست"", "مؤسس موقع "ويكيليكس"": a name follows.
                    head_takes_name = self.sources.is_outlet_head(w)
                        || (head_anonymous && words <= 1)
                        || self.sources.is_anonymous_head(w);
                    words += 1;
                    last = Some(k);
                }
                // `tokenize` keeps digits inside words and gives no numbers.
                TokKind::Number => break,
            }
            k += 1;
        }
        let last = self.trim_apposed_title(doc, first, last?);
        Some((
            Np {
                first,
                last,
                skip: if first == i { skip } else { 0 },
            },
            last + 1,
        ))
    }

    /// Whether token `k` inside a phrase after a verb starts the verb's
    /// object rather than going on with its subject: a title after a
    /// definite adjective ("حركة باشينيان الاحتجاجية رئيس الوزراء"), or a
    /// definite noun that is no adjective after a name or an adjective
    /// ("حركة حماس الاحتلال", "منظمة العفو الدولية الشركة"): a name and
    /// an adjective take no genitive.
    pub(super) fn object_starts(&self, doc: &Doc, first: usize, k: usize) -> bool {
        if k <= first || !doc.is_word(k - 1) || !doc.is_word(k) {
            return false;
        }
        let nisba = |x: usize| is_nisba(doc, x);
        let prev = doc.word(k - 1);
        // A body's one-word name ("حركة حماس"); a person's given name may
        // be followed by a family name with the article ("بشار الأسد").
        let after_name = k >= first + 2
            && self.name_like_at(doc, k - 1)
            && !doc.ends_with_ta_marbuta(k - 1)
            && !doc.definite_at(k - 1)
            && !self.names_a_source_head(prev)
            && (self.sources.is_body_head(doc.word(k - 2))
                || self.sources.is_outlet_head(doc.word(k - 2)));
        let after_adjective = doc.definite_at(k - 1) && nisba(k - 1);
        // "بشار الأسد الغرب", "الرئيس بشار الأسد الغرب": after a given name
        // and its family name, at the phrase's start or after a title.
        let after_surname = k >= first + 2
            && (k == first + 2 || self.title_at(doc, k - 3))
            && doc.definite_at(k - 1)
            && !nisba(k - 1)
            && doc.is_word(k - 2)
            && self.name_like_at(doc, k - 2)
            && !doc.definite_at(k - 2)
            && !self.names_a_source_head(doc.word(k - 2));
        (self.title_at(doc, k) && after_adjective && !morphology::starts_with_and(doc.word(k)))
            || (doc.definite_at(k) && !nisba(k) && (after_name || after_adjective || after_surname))
    }

    /// A participle cue at token `k` (قائلا, مؤكدة).
    pub(super) fn participle_at(&self, doc: &Doc, k: usize, to: usize) -> bool {
        self.cues
            .at(&doc.f.folded, &doc.toks, k, to)
            .is_some_and(|c| c.kind == CueKind::Participle)
    }

    /// Whether token `k` bears the preposition `p` that marks a verb's
    /// object ("وأشاد الوزير بصمود الأهالي"). Not a name that starts with
    /// its letter: one in a pedigree ("بندر بن سلطان"), or one the object's
    /// own preposition still follows ("ورحب بايدن بالاتفاق", "وأشاد الرئيس
    /// بشار الأسد بدور الجيش"); nor a source's noun ("بعثة").
    pub(super) fn marks_object(&self, doc: &Doc, p: char, k: usize, b: usize) -> bool {
        let bears = |x: usize| {
            doc.word(x)
                .strip_prefix(p)
                .is_some_and(|r| crate::text::has_chars(r, 3))
        };
        let object_later = (k + 1..(k + 6).min(b))
            .take_while(|&x| {
                (doc.is_word(x) || doc.punct(x, '"')) && !self.complementizer_at(doc, x)
            })
            .any(|x| doc.is_word(x) && bears(x));
        // "حركة باشينيان": a body's noun takes its name after it.
        let named_body = k > 0
            && doc.is_word(k - 1)
            && !doc.definite_at(k - 1)
            && (self.sources.is_body_noun(doc.word(k - 1))
                || self.sources.is_outlet_head(doc.word(k - 1)));
        bears(k)
            && !named_body
            && !self.pedigree.contains(doc.word(k + 1))
            && !self.names_a_source_head(doc.word(k))
            && !self.document_noun(doc.word(k))
            && !object_later
    }

    /// A noun the lexicon knows as the head of a source phrase ("بعثة",
    /// "بلدية", "مصدر"), whatever letter it starts with.
    /// A document's noun as written ("بيان"), not ب before one ("بتحقيق").
    fn document_noun(&self, w: &str) -> bool {
        self.sources.is_document(w)
            && !morphology::strip_bi(w).is_some_and(|r| self.sources.is_document(r))
    }

    pub(super) fn names_a_source_head(&self, w: &str) -> bool {
        self.sources.is_body_head(w)
            || self.sources.is_outlet_head(w)
            || self.sources.is_anonymous_head(w)
            || self.sources.is_title(w)
    }

    /// A verbal or abstract noun: what is said, not who says it.
    pub(super) fn is_content_noun(&self, w: &str) -> bool {
        self.content_nouns.contains(w)
            || readings(w).skip(1).any(|r| self.content_nouns.contains(r))
    }

    /// A common noun with a possessive pronoun ("قصتها", "كلمته",
    /// "تجربتهم"): what is said or done, not who speaks, unless the noun
    /// names a speaker ("مصادرها", "محاميه", "والدته"). With `feminine`,
    /// only the nouns whose ة became ت before the pronoun, the surest sign.
    pub(super) fn possessed_noun(&self, doc: &Doc, k: usize, feminine: bool) -> bool {
        let w = doc.word(k);
        // A noun with the article takes no pronoun: "المتهم" is no المت + هم.
        if super::sources::is_definite(w) {
            return false;
        }
        let stem = morphology::strip_third_person_pronoun(w)
            .or_else(|| morphology::strip_masculine_pronoun(w).filter(|_| doc.ends_with_ha(k)));
        let Some(stem) = stem.filter(|s| crate::text::has_chars(s, 2)) else {
            return false;
        };
        let noun = morphology::restore_ta_marbuta(stem);
        if feminine && noun.is_none() {
            return false;
        }
        let speaker = |n: &str| {
            self.sources.is_anonymous_head(n)
                || self.sources.is_title(n)
                || self.sources.is_relational(n)
        };
        !(speaker(stem) || noun.as_deref().is_some_and(speaker))
    }

    /// "هيربرت ماكماستر مساعد الرئيس ...": a short name, then a title in
    /// apposition; the phrase is the name.
    fn trim_apposed_title(&self, doc: &Doc, first: usize, last: usize) -> usize {
        let head = doc.word(first);
        let plain_name = doc.is_word(first)
            && self.name_like(head)
            && !self.title_at(doc, first)
            && !self.sources.is_anonymous_head(head)
            && !self.sources.is_outlet_head(head)
            && !self.sources.is_quantifier(head);
        if !plain_name {
            return last;
        }
        match (first + 1..=last).find(|&k| self.title_at(doc, k)) {
            Some(t) if t - first <= 3 => t - 1,
            _ => last,
        }
    }

    /// A name in apposition just before the content: "المرشح الرئاسي
    /// الجمهوري حينها، دونالد ترامب، إنه". `comp` is the content's token.
    pub(super) fn apposed_name(&self, doc: &Doc, from: usize, comp: usize) -> Option<Np> {
        let mut e = comp;
        while e > from && doc.is_comma(e - 1) {
            e -= 1;
        }
        let mut s = e;
        while s > from && doc.is_word(s - 1) && e - s < 6 {
            s -= 1;
        }
        if !(s < e && s > from && doc.is_comma(s - 1)) {
            return None;
        }
        let chunk = Np {
            first: s,
            last: e - 1,
            skip: 0,
        };
        // "، العميد محمد سمير، إن": a titled name in apposition is its name.
        if self.title_at(doc, s) {
            let name = self.person_name(doc, chunk);
            return (name.first > s).then_some(name);
        }
        let names = e - s <= 4
            && (s..e).all(|k| {
                self.name_like_at(doc, k)
                    && !plural_pronoun(doc.word(k))
                    && !self.is_content_noun(doc.word(k))
                    && self.addressee_at(doc, k, e).is_none()
                    && self.cues.at(&doc.f.folded, &doc.toks, k, e).is_none()
            });
        names.then_some(chunk)
    }

    /// The name that ends a title phrase after its own complement: "نائب
    /// الممثل الخاص ... في العراق جورجي بوستن في بيان", "المتحدث الإعلامي
    /// بأمانة المنطقة الشرقية محمد بن عبدالعزيز الصفيان، إن". `np` is the
    /// title phrase as read so far; the name ends where the clause goes on
    /// (a comma, a colon or quote, the complement, a cue, an addressee).
    pub(super) fn titled_name_after(&self, doc: &Doc, np: Np, limit: usize) -> Option<Np> {
        // "المتحدث الإعلامي ... بمنطقة عسير، سعيد بن عبد الله النقير قائلا:".
        let apposed = doc.is_comma(np.last + 1);
        let from = np.last + 1 + usize::from(apposed);
        let limit = limit.min(from + 14);
        let boundary = (from..=limit).find(|&k| {
            doc.is_comma(k)
                || doc.punct(k, ':')
                || doc.punct(k, '"')
                || (doc.is_word(k)
                    && (self.complementizer_at(doc, k)
                        || self.cue_starts(doc, k)
                        || (self.statement_prepositions.contains(doc.word(k))
                            && self.cue_starts(doc, k + 1))
                        || self.addressee_at(doc, k, limit).is_some()))
        })?;
        // "… كيلي كيري للمجلس إن": the body spoken to is no part of the name.
        let mut boundary = boundary;
        while boundary > from && morphology::has_lam_article(doc.word(boundary - 1)) {
            boundary -= 1;
        }
        // Back from the boundary over the name: given names are bare, a
        // family name may carry the article ("الصفيان", "آل غالب الشريف").
        let mut s = boundary;
        let mut bare_seen = false;
        let mut family = 0;
        while s > from {
            let k = s - 1;
            let w = doc.word(k);
            if !doc.is_word(k)
                || self.title_at(doc, k)
                || self.stop_at(doc, k, w)
                || self.complementizer_at(doc, k)
                || !crate::text::has_chars(w, 2)
            {
                break;
            }
            let definite = doc.definite_at(k) && !self.sources.is_house(w);
            // At most two family names with the article ("آل غالب الشريف"),
            // not "العام الدراسي الجديد".
            family += usize::from(definite);
            if definite && (bare_seen || family > 2) {
                break;
            }
            bare_seen |= !definite;
            s = k;
        }
        // A name opens with no preposition ("لبدء العام"), بن aside.
        while s < boundary
            && morphology::starts_with_bi_or_lam(doc.word(s))
            && !self.name_words_in_ba.contains(doc.word(s))
        {
            s += 1;
        }
        // Only a name the title's complement leads to: what stands between
        // is a prepositional or definite phrase ("في العراق", "بأمانة
        // المنطقة"), not more words of a name nor a relative clause
        // ("بالجهود التي بذلت ... وشركة أرامكو").
        let complement_only = (from..s).all(|k| {
            let w = doc.word(k);
            !doc.is_word(k)
                || super::sources::is_definite(w)
                || self.is_stop(w)
                || morphology::starts_with_bi_or_lam(w)
                // "في جامعة القاهرة": a noun in construct.
                || doc.ends_with_ta_marbuta(k)
        }) && !(from..s).any(|k| self.appositions.contains(doc.word(k)));
        // Right after a preposition the run opens with its object: "في
        // لندن جون سميث", "في جامعة كورنيل ينس اوهلين" (a noun in ة governs
        // one more word).
        if s > from && self.is_stop(doc.word(s - 1)) && boundary - s > 2 {
            let governs = doc.ends_with_ta_marbuta(s);
            s += 1 + usize::from(governs && boundary - s > 3);
        }
        let words = boundary - s;
        let after_title = s > from || apposed;
        (bare_seen && (2..=6).contains(&words) && after_title && complement_only).then_some(Np {
            first: s,
            last: boundary - 1,
            skip: 0,
        })
    }

    /// Where a phrase in apposition starting at `k` ends: the next comma,
    /// complementizer or colon, within six words.
    pub(super) fn apposition_end(&self, doc: &Doc, k: usize) -> usize {
        (k..(k + 7).min(doc.toks.len()))
            .find(|&x| doc.is_comma(x) || doc.punct(x, ':') || self.complementizer_at(doc, x))
            .unwrap_or(k)
    }

    /// A subject before its verb: the words right before it ("لافروف ذكر"),
    /// a titled name ("سبق لوزير الخارجية سيرغي لافروف وذكر"), the subject of
    /// a clause opened earlier ("أن دائرة الأمن الداخلي ... زعمت"), or the
    /// phrase that opens the sentence ("The Washington Post، وفي إطار ...، ذكرت").
    pub(super) fn subject_before(&self, doc: &Doc, a: usize, verb: usize) -> Option<Np> {
        // "وكانت صحيفة "هآرتس" قد ذكرت", "وكان مسؤول أميركي كبير قال":
        // كان, its subject, perhaps قد, the verb.
        let before_verb = if verb > a && self.perfect_particles.contains(doc.word(verb - 1)) {
            verb - 1
        } else {
            verb
        };
        if before_verb > a + 1 {
            let aux = (before_verb.saturating_sub(10).max(a)..before_verb - 1)
                .rev()
                .find(|&k| self.kana_forms.contains(morphology::trim_and(doc.word(k))));
            if let Some(k) = aux
                && let Some((np, next)) = self.np_at(doc, k + 1, before_verb, 0)
                && next >= before_verb
                && self.names_source(doc, np)
            {
                return Some(np);
            }
        }
        // "...، وشدد على أن": a verb joined by و after a comma goes on with
        // the same speaker; what stands before it is the last clause's content.
        if morphology::starts_with_conjunction(doc.word(verb)) && verb > a && doc.is_comma(verb - 1)
        {
            return None;
        }
        // "لكنه توقع", "إلا أنه نفى": the particle carries the subject.
        if verb > a && self.pronoun_subjects.contains(doc.word(verb - 1)) {
            return None;
        }
        // Back over the words right before the verb, but not past another
        // reporting verb ("تروي تجربتها فقالت": that verb's object).
        let mut k = verb;
        while k > a
            && doc.is_word(k - 1)
            && !self.is_stop(doc.word(k - 1))
            && !self.complementizer_at(doc, k - 1)
            && self.verb_at(doc, k - 1, verb).is_none()
            && verb - k < 5
        {
            k -= 1;
        }
        let opened = |k: usize| {
            k == a
                || !doc.is_word(k - 1)
                || self.complementizer_at(doc, k - 1)
                || self.clause_openers.contains(doc.word(k - 1))
        };
        if k < verb && opened(k) {
            let np = Np {
                first: k,
                last: verb - 1,
                skip: 0,
            };
            if self.names_source(doc, np) {
                return Some(np);
            }
        }
        let from = verb.saturating_sub(6).max(a);
        if let Some(t) = (from..verb).find(|&k| self.title_at(doc, k))
            && (t..verb).all(|k| doc.is_word(k) && !self.stop_at(doc, k, doc.word(k)))
        {
            let w = doc.word(t);
            let skip = if morphology::starts_with_lam(w) && !morphology::has_lam_article(w) {
                morphology::lam_len() as u32
            } else {
                0
            };
            return Some(Np {
                first: t,
                last: verb - 1,
                skip,
            });
        }
        if let Some(c) = (verb.saturating_sub(LOOK_BACK).max(a)..verb)
            .rev()
            .find(|&k| doc.is_word(k) && self.complementizer_at(doc, k))
            && let Some((np, _)) = self.np_at(doc, c + 1, verb, 0)
            && self.names_source(doc, np)
            && (np.last + 1..verb).all(|k| !doc.is_word(k) || self.verb_at(doc, k, verb).is_none())
            // "أن النظام الإيراني قد أوكل ...، كما يؤكد": a conjunction that
            // opens a clause parts the verb from that subject.
            && !self.clause_openers.contains(doc.word(verb - 1))
        {
            return Some(np);
        }
        if verb - a > ASIDE_REACH {
            return None;
        }
        let (np, _) = self.np_at(doc, a, verb, 0)?;
        // "The Washington Post، وفي إطار ...، ذكرت", "بشرى التي حاولت ...
        // قالت": the opening phrase, then an aside or a relative clause.
        let aside = (np.last + 1..verb).any(|k| doc.is_comma(k))
            || self.appositions.contains(doc.word(np.last + 1));
        (aside && np.first == a && self.names_source(doc, np)).then_some(np)
    }

    /// The document a speaker spoke in, right after its phrase: "وقالت
    /// الحركة في بيان" gives بيان, so that "البيان" later is the speaker's.
    pub(super) fn medium_after<'d>(&self, doc: &'d Doc, np: Np) -> Option<&'d str> {
        let noun = np.last + 2;
        let w = doc.word(noun);
        (self.in_medium(doc, np.last + 1)
            && !super::sources::is_definite(w)
            && self.sources.is_document(w))
        .then_some(w)
    }

    /// Whether others join the phrase later in its clause: "شخص على معرفة
    /// مفصلة بالاتصال واثنين آخرين", "مسؤول وثلاثة آخرون".
    pub(super) fn joined_by_others(&self, doc: &Doc, np: Np) -> bool {
        (np.last + 1..(np.last + 10).min(doc.toks.len()))
            .take_while(|&k| doc.is_word(k))
            .any(|k| {
                morphology::strip_and(doc.word(k)).is_some_and(|r| self.sources.is_quantifier(r))
                    && self.others.contains(doc.word(k + 1))
            })
    }

    /// Whether "في بيان", "في شكواه", "عبر تغريدة" starts at token `k`: the
    /// document or words a speaker spoke in.
    pub(super) fn in_medium(&self, doc: &Doc, k: usize) -> bool {
        let noun = doc.word(k + 1);
        let owned = morphology::strip_singular_pronoun(noun);
        // Before a pronoun ى is written ا ("شكواه") and ة is written ت
        // ("كلمته"); folding writes them ي and ه.
        let document = |w: &str| {
            self.sources.is_document(w)
                || morphology::restore_maqsura(w).is_some_and(|r| self.sources.is_document(&r))
                || morphology::restore_ta_marbuta(w).is_some_and(|r| self.sources.is_document(&r))
        };
        doc.is_word(k)
            && self.medium_prepositions.contains(doc.word(k))
            && doc.is_word(k + 1)
            && (document(noun) || owned.is_some_and(document))
    }

    /// Read a phrase's source kind. Folding writes أ as ا, so a name such as
    /// ألكسندر looks definite; the original letters tell.
    pub(super) fn read_np(&self, doc: &Doc, np: Np) -> super::sources::Reading {
        let key = (np.first, np.last, np.skip);
        if let Some(r) = doc.readings.borrow().get(&key) {
            return r.clone();
        }
        let r = self.read_np_uncached(doc, np);
        doc.readings.borrow_mut().insert(key, r.clone());
        r
    }

    fn read_np_uncached(&self, doc: &Doc, np: Np) -> super::sources::Reading {
        let mut r = self.sources.read(&doc.np_words(np));
        let (s, _) = doc.span(np.first, np.first, np.skip);
        // ... but "أهمية", "إجراء" are verbal nouns, not names.
        let w = doc.word(np.first);
        let hamza_initial = doc.raw[s..].starts_with(['أ', 'إ'])
            && !w.ends_with('ه')
            && !w.ends_with('ء')
            && doc.np_words(np).len() > 1;
        if !r.listed && hamza_initial && r.canonical.is_none() {
            r.kind = crate::model::SourceKind::Person;
            r.number = Some(crate::lexicon::Number::Sg);
        }
        // "المدرب السابق لمنتخب انجلترا": a title phrase with no name in it
        // is a role, all of it.
        let words = doc.np_words(np).len();
        if r.role_words > 0 && r.role_words < words && self.person_name(doc, np).first == np.first {
            r.role_words = words;
        }
        r
    }

    pub(super) fn names_source(&self, doc: &Doc, np: Np) -> bool {
        let words = doc.np_words(np);
        let Some(&first) = words.first() else {
            return false;
        };
        self.read_np(doc, np).canonical.is_some()
            || (!self.is_stop(first)
                && self.verb_at(doc, np.first, np.first + 1).is_none()
                && !self.is_complementizer(first))
    }

    /// "مصدر الصحيفة", "مصادر دايلي بيست", "أحد مصادرها": the owner as an
    /// outer link, the unnamed source inside it.
    pub(super) fn possessive_links(
        &self,
        doc: &Doc,
        np: Np,
        agreement: Agreement,
    ) -> Vec<LinkDraft> {
        let link = |speaker, agreement| LinkDraft {
            cue: None,
            speaker,
            agreement,
            shown: true,
        };
        let mut h = np.first;
        while h < np.last && doc.is_word(h) && self.sources.is_quantifier(doc.word(h)) {
            h += 1;
        }
        let head = doc.word(h);
        // "الصفحة الرسمية للمتحدث العسكري": the account's owner speaks.
        if self.sources.is_account(head)
            && let Some(o) = (h + 1..=np.last).find(|&o| morphology::starts_with_lam(doc.word(o)))
        {
            // "للمتحدث" keeps its letters (ل + ال); "لوزير" drops the ل.
            let skip = if morphology::has_lam_article(doc.word(o)) {
                0
            } else {
                morphology::lam_len() as u32
            };
            let owner = Np {
                first: o,
                last: np.last,
                skip,
            };
            return vec![link(Speaker::Phrase(owner), agreement)];
        }
        let pronoun = morphology::owner_pronoun(head)
            .filter(|&(stem, _, _)| doc.ends_with_ha(h) && self.sources.is_anonymous_head(stem));
        if let Some((_, gender, number)) = pronoun {
            let plural = number == Number::Pl;
            return vec![
                link(Speaker::Pronoun { gender, plural }, Agreement::default()),
                link(Speaker::Phrase(np), agreement),
            ];
        }
        if h < np.last && !morphology::has_article(head) && self.sources.is_anonymous_head(head) {
            let mut o = h + 1;
            while o <= np.last && doc.punct(o, '"') {
                o += 1;
            }
            // The owner follows in construct: "مصدر الصحيفة", not "مسئول بوزارة".
            let construct = !morphology::starts_with_bi_or_lam(doc.word(o))
                || self.sources.outlet_at(&[doc.word(o)], 0, true).is_some();
            if o <= np.last && !self.is_stop(doc.word(o)) && construct {
                let mut end = o;
                while end < np.last && !doc.punct(end + 1, '"') && doc.is_word(end + 1) {
                    end += 1;
                }
                if doc.punct(end + 1, '"') {
                    end += 1;
                }
                let owner = Np {
                    first: o,
                    last: end,
                    skip: 0,
                };
                let r = self.sources.read(&doc.np_words(owner));
                let is_owner = r.canonical.is_some()
                    || r.anaphor
                        .as_ref()
                        .is_some_and(|a| a.kinds.contains(&SourceKind::Outlet))
                    || r.kind == SourceKind::Official;
                if is_owner {
                    let head_np = Np {
                        first: np.first,
                        last: h,
                        skip: np.skip,
                    };
                    let owner = Np {
                        first: h + 1,
                        ..owner
                    };
                    return vec![
                        link(Speaker::Phrase(owner), Agreement::default()),
                        link(Speaker::SourceOfPrevious(head_np), agreement),
                    ];
                }
            }
        }
        vec![link(Speaker::Phrase(self.person_name(doc, np)), agreement)]
    }

    /// The name inside a titled phrase, which is what the source's words
    /// are. The role is a title with its genitive and adjectives; once a
    /// definite word has closed it, the next indefinite word opens the name:
    /// "وزير الخارجية الروسي سيرغي لافروف" → "سيرغي لافروف", "رئيس جهاز الأمن
    /// القومي اليمني علي الأحمدي" → "علي الأحمدي", "مدير عام إدارة العلاقات
    /// العامة بأمانة المنطقة محمد بن عبدالعزيز الصفيان" → "محمد بن عبدالعزيز
    /// الصفيان". A later title ends the name ("فيصل بن سلمان أمير المنطقة").
    pub(super) fn person_name(&self, doc: &Doc, np: Np) -> Np {
        // A name holds no word with a preposition and article ("بالجهود",
        // "للجبيل" after the name is the role's or the verb's).
        let mut toks: Vec<usize> = (np.first..=np.last).filter(|&k| doc.is_word(k)).collect();
        let title = |k: usize| self.title_at(doc, k);
        let definite = |k: usize| doc.definite_at(k);
        let article = |k: usize| morphology::has_article_after_preposition(doc.word(k));
        if let Some(cut) = toks.iter().rposition(|&k| !article(k)) {
            toks.truncate(cut + 1);
        }
        if toks.len() < 2 || !title(toks[0]) {
            return np;
        }
        // "متحدث عسكري", "مسؤول أمريكي": one bare word after a bare title is
        // its adjective, not a name (but "د. أحمد").
        let bare_title = !definite(toks[0]) && crate::text::has_chars(doc.word(toks[0]), 3);
        if toks.len() == 2 && bare_title && !definite(toks[1]) {
            return np;
        }
        let closed = toks.iter().position(|&k| definite(k)).unwrap_or(0);
        let office = self.title_words_at(doc, toks[0]);
        let mut start = None;
        // The noun a prepositional noun of the role governs ("لمنتخب انجلترا").
        let mut governed = false;
        for (n, &k) in toks.iter().enumerate().skip(closed.max(office)) {
            let w = doc.word(k);
            // "ويزور الرئيس الفرنسي واشنطن لمحاولة ...": a state's name after
            // a role closed by its adjective is the verb's object, never the
            // person's name.
            if n > 0 && definite(toks[n - 1]) && self.sources.is_bare_state_name(w) {
                return Np {
                    last: toks[n - 1],
                    ..np
                };
            }
            if self.within_title(doc, k) || std::mem::take(&mut governed) {
                continue;
            }
            // "المبعوث الأممي إلى سوريا", "مراسل الجزيرة في لندن جون سميث":
            // a preposition's object is no name.
            if self.stop_at(doc, k, w) {
                governed = true;
                continue;
            }
            // "رئيس الهيئة الملكية للجبيل وينبع": a last word joined by و
            // is a place coordinated in the role; a name has more words
            // ("وزير الخارجية وليد المعلم").
            // So is a word joined by و before a definite one ("وزير الطرق
            // وبناء المدن").
            // And a second role joined by و ("كبير مستشاري البيت الأبيض وصهر
            // ترامب") is no name either.
            let coordinated = morphology::strip_and(w).is_some_and(|rest| {
                n + 1 == toks.len()
                    || toks.get(n + 1).is_some_and(|&x| definite(x))
                    || self.sources.is_title(rest)
                    || self.sources.is_relational(rest)
            });
            let name_word = !self.stop_at(doc, k, w)
                && !self.is_content_noun(w)
                && !definite(k)
                && !coordinated
                && crate::text::has_chars(w, 2);
            if definite(k) || title(k) || !name_word {
                continue;
            }
            // A preposition's noun is part of the role: ل when a definite
            // word follows ("لعمار الخيرية", not "لوريتا لينش") or when ل is
            // joined to a Latin name ("لـGSMA"); ب when more of the phrase
            // follows ("بأمانة المنطقة", not "بشار الأسد").
            // So is ل after an adjective of a definite title ("المدرب السابق
            // لمنتخب انجلترا"; but "المدرب لوران بلان", and after a title in
            // construct, "وزيرة العدل لوريتا لينش").
            let after_lam = morphology::strip_lam(w).and_then(|r| r.chars().next());
            let after_adjective =
                n > 1 && definite(toks[n - 1]) && definite(toks[n - 2]) && !title(toks[n - 1]);
            // An outlet spoken to ("لرويترز") is no name either.
            let prepositional = self.addressee_at(doc, k, np.last + 1).is_some()
                || (after_lam.is_some()
                    && (toks.get(n + 1).is_some_and(|&x| definite(x))
                        || after_adjective
                        || after_lam.is_some_and(|c| !crate::text::is_arabic_letter(c))))
                || (morphology::starts_with_bi(w)
                    && toks[n + 1..].iter().any(|&x| !definite(x))
                    && toks
                        .get(n + 1)
                        .is_none_or(|&x| !self.pedigree.contains(doc.word(x))));
            if !prepositional {
                start = Some(n);
                break;
            }
            governed = !definite(k);
        }
        let Some(start) = start else { return np };
        // The name ends at the next title, at a definite verbal noun
        // ("عبدالله بن فهد التهنئة لخادم ...": the object after it), or at
        // a bare word after the family name ("عبدالله الشربتلي بمركز").
        // "عبد الرشيد دوستم": the article after a compound name's head is
        // the given name's, and the family name comes after it.
        let surname = |k: usize| {
            let w = doc.word(k);
            let after_head = k > 0 && self.name_heads.contains(doc.word(k - 1));
            definite(k) && !self.sources.is_house(w) && !after_head && !self.name_tails.contains(w)
        };
        let end = (start + 1..toks.len())
            .find(|&n| {
                let k = toks[n];
                title(k)
                    || (definite(k) && doc.ends_with_ta_marbuta(k))
                    || (surname(toks[n - 1]) && !definite(k))
                    // "بشار الأسد الغرب": a noun after the family name is
                    // the verb's object.
                    || (n >= 2
                        && surname(toks[n - 1])
                        && !definite(toks[n - 2])
                        && definite(k)
                        && !is_nisba(doc, k))
                    // "رامي عبد الرحمن لوكالة فرانس برس": whom it was said to.
                    || self.addressee_at(doc, k, np.last + 1).is_some()
                    // "دونالد ترامب إعلان عقوبات": a verbal noun is the object.
                    || self.is_content_noun(doc.word(k))
                    || self.cue_starts(doc, k)
            })
            .unwrap_or(toks.len());
        Np {
            first: toks[start],
            last: toks[end - 1],
            skip: 0,
        }
    }

    /// Whether token `k` belongs to a title phrase begun before it: one of
    /// its words, or the noun completing a phrase that ends in construct
    /// ("أمير منطقة تبوك": تبوك is the office's, not a name).
    /// So is the genitive of a body's noun in the office's construct chain:
    /// "أمين عام غرفة مكة", "رئيس مجلس إدارة نادي الهلال".
    /// A bare title of one word is in construct with a noun in ة or a
    /// body's noun: "وزير خارجية روسيا" (but "مساعد غالي" is a name).
    pub(super) fn within_title(&self, doc: &Doc, k: usize) -> bool {
        // "مدير مدرسة أسامة بن زيد": a word in a pedigree is a name.
        if self.pedigree.contains(doc.word(k + 1)) {
            return false;
        }
        // "سفير روسيا ألكسندر شولغين": a state is a genitive of the title too.
        let common_noun = || {
            doc.ends_with_ta_marbuta(k)
                || self.sources.is_body_noun(doc.word(k))
                || self.sources.is_state_name(doc.word(k))
        };
        let inside =
            (k.saturating_sub(MAX_TITLE_WORDS)..k).any(|t| t + self.title_words(doc, t) > k);
        let construct = match self.title_ending_at(doc, k) {
            0 => false,
            n => !super::sources::is_definite(doc.word(k - 1)) && (n >= 2 || common_noun()),
        };
        inside || construct || self.construct_of_body(doc, k)
    }

    /// The length of a title phrase that ends right before token `k`, or 0.
    fn title_ending_at(&self, doc: &Doc, k: usize) -> usize {
        (k.saturating_sub(MAX_TITLE_WORDS)..k)
            .map(|t| (t, self.title_words(doc, t)))
            .find(|&(t, n)| n > 0 && t + n == k)
            .map_or(0, |(_, n)| n)
    }

    /// Whether token `k` is the genitive of a bare noun in a chain of nouns
    /// in construct that a title opens: a body's common noun ("غرفة",
    /// "مجلس") or a noun in ة ("خارجية", "منطقة"), which a name seldom is.
    fn construct_of_body(&self, doc: &Doc, k: usize) -> bool {
        let mut j = k;
        while j > 0 && doc.is_word(j - 1) && k - j < MAX_TITLE_WORDS {
            let w = doc.word(j - 1);
            let in_construct = self.sources.is_body_noun(w) || doc.ends_with_ta_marbuta(j - 1);
            if super::sources::is_definite(w) || !in_construct {
                return false;
            }
            j -= 1;
            if self.title_ending_at(doc, j) > 0 {
                return true;
            }
        }
        false
    }

    /// "عن X" after a source: whom that source was passing on.
    pub(super) fn an_link(
        &self,
        doc: &Doc,
        k: usize,
        b: usize,
        stance: Stance,
    ) -> Option<(LinkDraft, usize)> {
        if !(doc.is_word(k) && self.about_prepositions.contains(doc.word(k))) {
            return None;
        }
        let (np, next) = self.np_at(doc, k + 1, b, 0)?;
        let span = doc.span(k, k, 0);
        let cue = CueHit {
            first: k,
            last: k,
            kind: CueKind::Preposition,
            stance,
            agreement: Agreement::default(),
            clitic: 0,
            complement: Default::default(),
            object: None,
            accusative: false,
            quoting: true,
            genitive: false,
        };
        // A possessive owner (عن مصدرها) is the source before it: keep the
        // unnamed source only.
        let mut link = self.possessive_links(doc, np, Agreement::default()).pop()?;
        link.cue = Some((cue, span.0, span.1));
        Some((link, next))
    }
}

/// A link of a pedigree ("بندر بن سلطان"): the word before it is a name.
/// A word ending in a pronoun that is never a name's ending ("قولهم",
/// "تجربتها"; unlike ه, which ends عبدالله too).
fn plural_pronoun(w: &str) -> bool {
    !super::sources::is_definite(w)
        && morphology::strip_third_person_pronoun(w).is_some_and(|s| crate::text::has_chars(s, 3))
}

/// Whether token `k` has the ending of a relative adjective (nisba: السوري،
/// الدولية، المصريين), which follows a noun without being its genitive.
pub(super) fn is_nisba(doc: &Doc, k: usize) -> bool {
    let w = doc.word(k);
    morphology::ends_with_nisba(w)
        || (doc.ends_with_ta_marbuta(k) && morphology::ends_with_feminine_nisba(w))
        || morphology::is_nisba_plural(w)
}
