//! Source phrases in a clause: the subject after a verb or before it, the
//! object of a prepositional cue, the outlet spoken to (لرويترز), a name in
//! apposition, and possessives (مصدر الصحيفة, مصادرها).

use super::cues::{CueHit, readings};
use super::*;
use super::{ArticleView, Attributor, Np};
use crate::arabic::morphology;
use crate::arabic::tokens::TokKind;
use crate::model::CueKind;

/// Most words a source phrase runs to.
pub(super) const MAX_PHRASE: usize = 8;
pub(super) const MAX_TITLED_PHRASE: usize = 16;
/// Tokens before a verb searched for its speaker's clause (a complementizer,
/// the outlet spoken to): well past the longest phrase, and bounded so that
/// a sentence with a cue every few words costs linear time, not quadratic.
pub(super) const LOOK_BACK: usize = 40;
/// Tokens from a sentence's start to its verb across which a subject set off
/// by an aside ("الوزير، الذي ...، قال") is still read.
pub(super) const ASIDE_REACH: usize = 80;

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
    pub(super) fn name_like_at(&self, doc: &ArticleView, k: usize) -> bool {
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
    pub(super) fn stop_at(&self, doc: &ArticleView, k: usize, w: &str) -> bool {
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
    pub(super) fn complementizer_at(&self, doc: &ArticleView, k: usize) -> bool {
        self.is_complementizer(doc.word(k)) && !doc.original_starts_with(k, 'آ')
    }

    pub(super) fn is_subordinator(&self, w: &str) -> bool {
        self.subordinators.contains(w)
            || morphology::strip_and(w).is_some_and(|r| self.subordinators.contains(r))
    }

    /// A reporting verb (not a phrase) at token `k`.
    pub(super) fn verb_at(&self, doc: &ArticleView, k: usize, to: usize) -> Option<CueHit> {
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
    pub(super) fn after_conditional(&self, doc: &ArticleView, k: usize) -> bool {
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
    pub(super) fn after_noun_governor(&self, doc: &ArticleView, k: usize) -> bool {
        k > 0 && doc.is_word(k - 1) && self.noun_governors.contains(doc.word(k - 1))
    }

    /// The source phrase starting at token `i` (the subject after a verb or the
    /// object of a prepositional cue), and the token after it.
    pub(super) fn np_at(
        &self,
        doc: &ArticleView,
        i: usize,
        to: usize,
        skip: u32,
    ) -> Option<(Np, usize)> {
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
                clitic_bytes: 0,
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
            || self.heads_nothing(doc.word(first))
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
        // An outlet's name from the gazetteer is read whole, whatever its
        // words look like ("الفايننشال تايمز": a bare word after a definite
        // one), at the phrase's start or after its head ("صحيفة ...").
        let named_to = self.outlet_name_end(doc, first, to, false).or_else(|| {
            (doc.is_word(first) && self.sources.is_outlet_head(doc.word(first)))
                .then(|| self.outlet_name_end(doc, first + 1, to, true))
                .flatten()
        });
        while k < to && words < max {
            if let Some(end) = named_to
                && k <= end
            {
                if doc.is_word(k) {
                    words += 1;
                    last = Some(k);
                }
                k += 1;
                continue;
            }
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
                    // "محمد هنيدي ضيفاً": an accusative word after a head
                    // that is not one ends the phrase, except inside a title
                    // ("المنتخب حديثاً") and after a number, whose counted
                    // noun it is ("نحو 50 خبيراً").
                    let object_or_adverb = words > 0
                        && !titled
                        && doc.written_accusative(k)
                        && !doc.written_accusative(first)
                        && !(doc.is_word(k - 1) && doc.word(k - 1).chars().any(char::is_numeric));
                    // "أشرف زكي لـ"العربية.نت"": after a name, a preposition
                    // written apart introduces whom it was said to; after a
                    // title, a body or a document it introduces whose
                    // ("المديرة العامة لـ", "دراسة لـ").
                    let bare_preposition = words > 0
                        && w.chars().count() == 1
                        && morphology::starts_with_preposition(w)
                        && doc.is_word(k - 1)
                        && self.name_like_at(doc, k - 1)
                        && !doc.definite_at(k - 1)
                        && !self.names_a_source_head(doc.word(k - 1))
                        && !self.document_noun(doc.word(k - 1))
                        && !self.title_at(doc, k - 1)
                        && !self.within_title(doc, k - 1);
                    if after_definite
                        || after_state
                        || object_or_adverb
                        || bare_preposition
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
        let last = self.named_after(doc, last, to).unwrap_or(last);
        Some((
            Np {
                first,
                last,
                clitic_bytes: if first == i { skip } else { 0 },
            },
            last + 1,
        ))
    }

    /// The last token of a gazetteer outlet name of two words or more that
    /// starts at token `from` (words only, before `to`).
    fn outlet_name_end(
        &self,
        doc: &ArticleView,
        from: usize,
        to: usize,
        after_head: bool,
    ) -> Option<usize> {
        let toks: Vec<usize> = (from..to)
            .take_while(|&k| doc.is_word(k))
            .take(MAX_PHRASE)
            .collect();
        let words: Vec<&str> = toks.iter().map(|&k| doc.word(k)).collect();
        let (_, n) = self.sources.outlet_at(&words, 0, after_head)?;
        (n >= 2).then(|| toks[n - 1])
    }

    /// The last word of the name a naming word gives right after a phrase
    /// ("شاهد عيان يدعى يوسف نجاح"): up to three name-like words, ending
    /// at a comma, a cue, a complementizer or the first word that is none.
    fn named_after(&self, doc: &ArticleView, last: usize, to: usize) -> Option<usize> {
        let naming = last + 1;
        if naming + 1 >= to || !doc.is_word(naming) || !self.sources.is_naming(doc.word(naming)) {
            return None;
        }
        let name_word = |k: usize| {
            doc.is_word(k)
                && self.name_like_at(doc, k)
                && !self.is_stop(doc.word(k))
                && !self.complementizer_at(doc, k)
                && !self.cue_starts(doc, k)
        };
        (naming + 1..(naming + 4).min(to))
            .take_while(|&k| name_word(k))
            .last()
    }

    /// Whether token `k` inside a phrase after a verb starts the verb's
    /// object rather than going on with its subject: a title after a
    /// definite adjective ("حركة باشينيان الاحتجاجية رئيس الوزراء"), or a
    /// definite noun that is no adjective after a name or an adjective
    /// ("حركة حماس الاحتلال", "منظمة العفو الدولية الشركة"): a name and
    /// an adjective take no genitive.
    pub(super) fn object_starts(&self, doc: &ArticleView, first: usize, k: usize) -> bool {
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
            || noun_after_adjective(doc, k)
            || (doc.definite_at(k) && !nisba(k) && (after_name || after_surname))
    }

    /// A participle cue at token `k` (قائلا, مؤكدة).
    pub(super) fn participle_at(&self, doc: &ArticleView, k: usize, to: usize) -> bool {
        self.cues
            .at(&doc.f.folded, &doc.toks, k, to)
            .is_some_and(|c| c.kind == CueKind::Participle)
    }

    /// Whether token `k` bears the preposition `p` that marks a verb's
    /// object ("وأشاد الوزير بصمود الأهالي"). Not a name that starts with
    /// its letter: one in a pedigree ("بندر بن سلطان"), or one the object's
    /// own preposition still follows ("ورحب بايدن بالاتفاق", "وأشاد الرئيس
    /// بشار الأسد بدور الجيش"); nor a source's noun ("بعثة").
    pub(super) fn marks_object(&self, doc: &ArticleView, p: char, k: usize, b: usize) -> bool {
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
    pub(super) fn document_noun(&self, w: &str) -> bool {
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
    pub(super) fn possessed_noun(&self, doc: &ArticleView, k: usize, feminine: bool) -> bool {
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

    /// A subject before its verb: the words right before it ("لافروف ذكر"),
    /// a titled name ("سبق لوزير الخارجية سيرغي لافروف وذكر"), the subject of
    /// a clause opened earlier ("أن دائرة الأمن الداخلي ... زعمت"), or the
    /// phrase that opens the sentence ("The Washington Post، وفي إطار ...، ذكرت").
    pub(super) fn subject_before(&self, doc: &ArticleView, a: usize, verb: usize) -> Option<Np> {
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
                clitic_bytes: 0,
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
                clitic_bytes: skip,
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

    /// Read a phrase's source kind. Folding writes أ as ا, so a name such as
    /// ألكسندر looks definite; the original letters tell.
    pub(super) fn read_np(&self, doc: &ArticleView, np: Np) -> super::sources::Reading {
        let key = (np.first, np.last, np.clitic_bytes);
        if let Some(r) = doc.readings.borrow().get(&key) {
            return r.clone();
        }
        let r = self.read_np_uncached(doc, np);
        doc.readings.borrow_mut().insert(key, r.clone());
        r
    }

    pub(super) fn read_np_uncached(&self, doc: &ArticleView, np: Np) -> super::sources::Reading {
        let name = doc.np_name_words(np);
        let words: Vec<&str> = name.iter().map(|w| w.as_ref()).collect();
        let mut r = self.sources.read(&words);
        let (s, _) = doc.span(np.first, np.first, np.clitic_bytes);
        // ... but "أهمية", "إجراء" are verbal nouns, not names.
        let w = doc.word(np.first);
        let hamza_initial = doc.raw[s..].starts_with(['أ', 'إ'])
            && !w.ends_with('ه')
            && !w.ends_with('ء')
            && words.len() > 1;
        if !r.listed && hamza_initial && r.canonical.is_none() {
            r.kind = crate::model::SourceKind::Person;
            r.number = Some(crate::lexicon::Number::Sg);
        }
        // "المدرب السابق لمنتخب انجلترا": a title phrase with no name in it
        // is a role, all of it.
        let named = words.iter().any(|w| self.sources.is_naming(w));
        let words = words.len();
        if r.role_words > 0
            && r.role_words < words
            && !named
            && self.person_name(doc, np).first == np.first
        {
            r.role_words = words;
        }
        r
    }

    pub(super) fn names_source(&self, doc: &ArticleView, np: Np) -> bool {
        let words = doc.np_words(np);
        let Some(&first) = words.first() else {
            return false;
        };
        self.read_np(doc, np).canonical.is_some()
            || (!self.is_stop(first)
                && !self.heads_nothing(first)
                && self.verb_at(doc, np.first, np.first + 1).is_none()
                && !self.is_complementizer(first))
    }

    /// A function word that opens no noun phrase: a particle or adverb
    /// (`not_heads`), a subordinator or a negator, also behind و.
    pub(super) fn heads_nothing(&self, w: &str) -> bool {
        let bare = morphology::trim_and(w);
        [w, bare].iter().any(|x| {
            self.not_heads.contains(x)
                || self.subordinators.contains(x)
                || self.negators.contains(x)
        })
    }
}

/// Whether token `k` has the ending of a relative adjective (nisba: السوري،
/// الدولية، المصريين), which follows a noun without being its genitive.
/// Whether token `k` is a definite noun (no nisba) right after a definite
/// nisba adjective: a name and an adjective take no genitive, so it starts
/// something else, the verb's object ("منظمة العفو الدولية الشركة").
pub(super) fn noun_after_adjective(doc: &ArticleView, k: usize) -> bool {
    k > 0
        && doc.definite_at(k)
        && !is_nisba(doc, k)
        && doc.definite_at(k - 1)
        && is_nisba(doc, k - 1)
}

pub(super) fn is_nisba(doc: &ArticleView, k: usize) -> bool {
    let w = doc.word(k);
    morphology::ends_with_nisba(w)
        || (doc.ends_with_ta_marbuta(k) && morphology::ends_with_feminine_nisba(w))
        || morphology::is_nisba_plural(w)
}
