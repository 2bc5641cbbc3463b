//! Names and titles inside a source phrase: a title's name after it ("وزير
//! الخارجية سيرغي لافروف"), a name in apposition, the owner of an unnamed
//! source ("مصادر الصحيفة"), and where a title ends.

use super::*;
use crate::lexicon::Number;

/// A link of a pedigree ("بندر بن سلطان"): the word before it is a name.
/// A word ending in a pronoun that is never a name's ending ("قولهم",
/// "تجربتها"; unlike ه, which ends عبدالله too).
pub(super) fn plural_pronoun(w: &str) -> bool {
    !super::sources::is_definite(w)
        && morphology::strip_third_person_pronoun(w).is_some_and(|s| crate::text::has_chars(s, 3))
}

impl Attributor {
    /// "هيربرت ماكماستر مساعد الرئيس ...": a short name, then a title in
    /// apposition; the phrase is the name.
    pub(super) fn trim_apposed_title(&self, doc: &ArticleView, first: usize, last: usize) -> usize {
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
    pub(super) fn apposed_name(&self, doc: &ArticleView, from: usize, comp: usize) -> Option<Np> {
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
            clitic_bytes: 0,
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
    pub(super) fn titled_name_after(&self, doc: &ArticleView, np: Np, limit: usize) -> Option<Np> {
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
            // Window most two family names with the article ("آل غالب الشريف"),
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
            clitic_bytes: 0,
        })
    }

    /// Where a phrase in apposition starting at `k` ends: the next comma,
    /// complementizer or colon, within six words.
    pub(super) fn apposition_end(&self, doc: &ArticleView, k: usize) -> usize {
        (k..(k + 7).min(doc.toks.len()))
            .find(|&x| doc.is_comma(x) || doc.punct(x, ':') || self.complementizer_at(doc, x))
            .unwrap_or(k)
    }

    /// The name inside a titled phrase, which is what the source's words
    /// are. The role is a title with its genitive and adjectives; once a
    /// definite word has closed it, the next indefinite word opens the name:
    /// "وزير الخارجية الروسي سيرغي لافروف" → "سيرغي لافروف", "رئيس جهاز الأمن
    /// القومي اليمني علي الأحمدي" → "علي الأحمدي", "مدير عام إدارة العلاقات
    /// العامة بأمانة المنطقة محمد بن عبدالعزيز الصفيان" → "محمد بن عبدالعزيز
    /// الصفيان". A later title ends the name ("فيصل بن سلمان أمير المنطقة").
    pub(super) fn person_name(&self, doc: &ArticleView, np: Np) -> Np {
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
            clitic_bytes: 0,
        }
    }

    /// Whether token `k` belongs to a title phrase begun before it: one of
    /// its words, or the noun completing a phrase that ends in construct
    /// ("أمير منطقة تبوك": تبوك is the office's, not a name).
    /// So is the genitive of a body's noun in the office's construct chain:
    /// "أمين عام غرفة مكة", "رئيس مجلس إدارة نادي الهلال".
    /// A bare title of one word is in construct with a noun in ة or a
    /// body's noun: "وزير خارجية روسيا" (but "مساعد غالي" is a name).
    pub(super) fn within_title(&self, doc: &ArticleView, k: usize) -> bool {
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
    pub(super) fn title_ending_at(&self, doc: &ArticleView, k: usize) -> usize {
        (k.saturating_sub(MAX_TITLE_WORDS)..k)
            .map(|t| (t, self.title_words(doc, t)))
            .find(|&(t, n)| n > 0 && t + n == k)
            .map_or(0, |(_, n)| n)
    }

    /// Whether token `k` is the genitive of a bare noun in a chain of nouns
    /// in construct that a title opens: a body's common noun ("غرفة",
    /// "مجلس") or a noun in ة ("خارجية", "منطقة"), which a name seldom is.
    pub(super) fn construct_of_body(&self, doc: &ArticleView, k: usize) -> bool {
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

    /// "مصدر الصحيفة", "مصادر دايلي بيست", "أحد مصادرها": the owner as an
    /// outer link, the unnamed source inside it.
    pub(super) fn possessive_links(
        &self,
        doc: &ArticleView,
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
                clitic_bytes: skip,
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
                    clitic_bytes: 0,
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
                        clitic_bytes: np.clitic_bytes,
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

    /// "عن X" after a source: whom that source was passing on.
    pub(super) fn an_link(
        &self,
        doc: &ArticleView,
        k: usize,
        b: usize,
        stance: Stance,
    ) -> Option<(LinkDraft, usize)> {
        if !(doc.is_word(k) && self.about_prepositions.contains(doc.word(k))) {
            return None;
        }
        let (np, next) = self.np_at(doc, k + 1, b, 0)?;
        let span = doc.span(k, k, 0);
        let cue = CueHit::implied(k, CueKind::Preposition, stance);
        // A possessive owner (عن مصدرها) is the source before it: keep the
        // unnamed source only.
        let mut link = self.possessive_links(doc, np, Agreement::default()).pop()?;
        link.cue = Some((cue, span.0, span.1));
        Some((link, next))
    }
}

impl Attributor {
    /// Marks as no title (for `title_at`) every token with no title written
    /// inside it, found in one pass over the text: `title_at` is asked of
    /// every token, and reading each word's forms against the titles was
    /// the costliest part of attribution.
    pub(super) fn rule_out_titles(&self, doc: &ArticleView) {
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
    pub(super) fn cue_starts(&self, doc: &ArticleView, k: usize) -> bool {
        memo(&doc.cue_starts, k, 0, || {
            self.cues
                .at(&doc.f.folded, &doc.toks, k, doc.toks.len())
                .is_some()
        })
    }

    /// Whether token `k` is a title (الرئيس, وزيرة), memoised.
    pub(super) fn title_at(&self, doc: &ArticleView, k: usize) -> bool {
        memo(&doc.cue_starts, k, TITLE_MEMO, || {
            self.title_words_at(doc, k) > 0
        })
    }

    /// `title_words_at`, asked only where the memo says a title starts.
    pub(super) fn title_words(&self, doc: &ArticleView, k: usize) -> usize {
        if self.title_at(doc, k) {
            self.title_words_at(doc, k)
        } else {
            0
        }
    }

    /// How many words the title at `k` spans (`SourceLexicon::title_length`).
    pub(super) fn title_words_at(&self, doc: &ArticleView, k: usize) -> usize {
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
}
