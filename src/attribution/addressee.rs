//! Who a speaker spoke to or through: the outlet or body after ل ("قال
//! لرويترز", "وقال للمجلس"), which is a link of the chain or no part of it,
//! never the speaker.

use super::*;

impl Attributor {
    /// An outlet spoken to: لرويترز, لـ«الشرق الأوسط», لشبكة "سي أن أن",
    /// لقناة فوكس سبورتس.
    /// "وقال المصدر للصحيفة", "قالت ميركل للقناة العاشرة": an outlet's noun
    /// with the article after ل is the outlet spoken to, not part of the
    /// speaker's name (after a title it is the title's genitive: "مراسل
    /// للوكالة").
    pub(super) fn outlet_spoken_to(&self, doc: &ArticleView, k: usize) -> bool {
        // Only ل + ال ("للصحيفة") can name an anaphor; the test spares an
        // allocation per ل-word.
        doc.is_word(k)
            && morphology::has_lam_article(doc.word(k))
            && morphology::restore_article_after_lam(doc.word(k))
                .and_then(|w| self.sources.anaphor(&w))
                .is_some_and(|a| a.kinds.contains(&SourceKind::Outlet))
    }

    pub(super) fn addressee_at(&self, doc: &ArticleView, i: usize, to: usize) -> Option<Np> {
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
            clitic_bytes: if rest.is_empty() { 0 } else { skip as u32 },
        })
    }

    /// The outlet spoken to, before the verb in its clause: "وفي حديث لشبكة
    /// "سي أن أن" قال", "وفي تصريح لـ«سبق» أوضح".
    pub(super) fn addressee_before(&self, doc: &ArticleView, a: usize, verb: usize) -> Option<Np> {
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
    pub(super) fn quoted_name(
        &self,
        doc: &ArticleView,
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

    /// The document a speaker spoke in, right after its phrase: "وقالت
    /// الحركة في بيان" gives بيان, so that "البيان" later is the speaker's.
    pub(super) fn medium_after<'d>(&self, doc: &'d ArticleView, np: Np) -> Option<&'d str> {
        let noun = np.last + 2;
        let w = doc.word(noun);
        (self.in_medium(doc, np.last + 1)
            && !super::sources::is_definite(w)
            && self.sources.is_document(w))
        .then_some(w)
    }

    /// Whether others join the phrase later in its clause: "شخص على معرفة
    /// مفصلة بالاتصال واثنين آخرين", "مسؤول وثلاثة آخرون".
    pub(super) fn joined_by_others(&self, doc: &ArticleView, np: Np) -> bool {
        (np.last + 1..(np.last + 10).min(doc.toks.len()))
            .take_while(|&k| doc.is_word(k))
            .any(|k| {
                morphology::strip_and(doc.word(k)).is_some_and(|r| self.sources.is_quantifier(r))
                    && self.others.contains(doc.word(k + 1))
            })
    }

    /// Whether "في بيان", "في شكواه", "عبر تغريدة" starts at token `k`: the
    /// document or words a speaker spoke in.
    pub(super) fn in_medium(&self, doc: &ArticleView, k: usize) -> bool {
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
}
