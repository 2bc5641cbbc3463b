//! What a source phrase names: an outlet, a person, an official body, an
//! anonymous source, a group or a document, read from its head word, its
//! titles and the gazetteers.

use super::*;
use crate::arabic::morphology;
use crate::lexicon::{Gender, Number};
use crate::model::SourceKind;

impl SourceLexicon {
    /// Read a source phrase given as folded words.
    pub fn read(&self, words: &[&str]) -> Reading {
        let mut r = Reading {
            kind: SourceKind::Person,
            canonical: None,
            anaphor: None,
            gender: None,
            number: None,
            role_words: 0,
            listed: true,
            new_referent: false,
        };
        let Some(&first) = words.first() else {
            return r;
        };
        // A noun, perhaps an adjective, then "another": in a longer phrase
        // the word ends a second conjunct ("بي بي سي ووسائل إعلام أخرى").
        r.new_referent = (2..=3).contains(&words.len())
            && !is_definite(first)
            && words.last().is_some_and(|w| Self::in_set(&self.another, w));
        // "مواطن سوداني يدعى إبراهيم": the described person, by name.
        if let Some(n) = words.iter().position(|w| self.is_naming(w))
            && n > 0
            && n + 1 < words.len()
        {
            r.role_words = n + 1;
            r.number = Some(Number::Sg);
            r.gender = Some(if words[n].starts_with('ت') {
                Gender::F
            } else {
                Gender::M
            });
            return r;
        }
        // The gazetteer wins where the name heads the phrase or follows an
        // outlet's noun ("موقع شبكة CNN"); after any other noun it is a
        // place or a thing: "أمين عام غرفة مكة", "جامعة الرياض", and
        // "الفارس عبدالله" is a person, though فارس names an agency too.
        let head_is_outlet = self.is_outlet_head(first);
        if !head_is_outlet
            && !self.is_title(first)
            && let Some(st) = self.state_opening(words)
        {
            r.kind = SourceKind::Official;
            r.canonical = Some(self.state_canonical[st].clone());
            r.gender = Some(Gender::F);
            r.number = Some(Number::Sg);
            return r;
        }
        for i in 0..words.len() {
            let named_here = i == 0 && (head_is_outlet || !self.is_title(first))
                || i > 0 && (head_is_outlet || self.is_outlet_head(words[i - 1]));
            if !named_here {
                continue;
            }
            // An ambiguous name ("الرياض", "الألمانية") only right after a
            // head in construct: "صحيفة الرياض", but "البوابة العربية" is an
            // adjective.
            let after_head =
                i == 0 || self.is_outlet_head(words[i - 1]) && !is_definite(words[i - 1]);
            if let Some((o, _)) = self.outlet_at(words, i, after_head) {
                r.kind = SourceKind::Outlet;
                r.canonical = Some(self.canonical(o).to_string());
                r.gender = Some(if head_is_outlet {
                    gender_of_noun(first)
                } else {
                    Gender::F
                });
                return r;
            }
        }
        let mut h = 0;
        while h + 1 < words.len() && self.is_quantifier(words[h]) {
            h += 1;
        }
        let head = words[h];
        // "بعض", "العديد", "بعض ممن سافروا": a quantifier with no head
        // names unnamed people.
        let headless = self.is_quantifier(head) || (h > 0 && self.partitives.contains(head));
        if headless && !words[0].chars().all(|c| c.is_ascii_digit()) {
            r.kind = SourceKind::Anonymous;
            r.number = Some(Number::Pl);
            return r;
        }
        if let Some(a) = self.anaphor(head).filter(|_| words.len() - h <= 2) {
            r.kind = a.kinds.first().copied().unwrap_or(SourceKind::Person);
            r.gender = Some(a.gender);
            r.number = Some(a.number);
            r.anaphor = Some(a);
            if self.is_title(head) {
                // "الرئيس الأميركي": a role as well as a pointer back.
                r.role_words = self.role_length(&words[h..]);
            }
            return r;
        }
        r.number = Some(number_of_noun(head, h > 0));
        r.gender = Some(gender_of_noun(head));
        // A broken plural the lexicon knows with the article: "مصادر" as
        // "المصادر".
        if !morphology::has_article(head)
            && let Some(a) = self.anaphors.get(&morphology::with_article(head))
        {
            r.number = Some(a.number);
        }
        // A body's name heads the phrase or ends a chain of nouns in
        // construct ("وكالات الاستخبارات", "معلومات أجهزة الاستخبارات"); after
        // a preposition it is a place: "تعديلات بمقار المراكز".
        let titled = self.opens_with_title(&words[h..]);
        let in_construct = |i: usize| {
            words[h..i]
                .iter()
                .all(|w| !is_definite(w) && !morphology::starts_with_preposition(w))
        };
        let official =
            !titled && (h..words.len()).any(|i| self.official_at(words, i) && in_construct(i));
        if self.is_anonymous_head(head) {
            r.kind = SourceKind::Anonymous;
        } else if self.is_document(head) {
            // "وذكرت تقارير", "وبحسب تقارير": reports with no author and no
            // article to point back with are unnamed sources, like "مصادر".
            let plural = morphology::is_sound_plural(head)
                || self
                    .anaphor(&morphology::with_article(head))
                    .is_some_and(|a| a.number == Number::Pl);
            r.kind = if words.len() == 1 && !is_definite(head) && plural {
                SourceKind::Anonymous
            } else {
                SourceKind::Document
            };
        } else if Self::in_set(&self.group, head) {
            // "أربعة أعضاء في الكونغرس": people, whatever body they sit in.
            r.kind = SourceKind::Group;
        } else if official {
            // "وكالات الاستخبارات": an official body, though وكالة heads outlets.
            r.kind = SourceKind::Official;
        } else if head_is_outlet {
            r.kind = SourceKind::Outlet;
        } else if titled {
            r.kind = SourceKind::Person;
            r.gender = Some(gender_of_noun(head));
            r.number = Some(Number::Sg);
            r.role_words = if self.relational_title(&words[h..]) {
                // "محامي فلين" is Flynn's lawyer, not Flynn: all of it is the role.
                words.len() - h
            } else {
                self.role_length(&words[h..])
            };
        } else if h == 0 && self.family_name(words) {
            // "الحريري", "آل الشيخ": a family name, though it has the article.
            r.kind = SourceKind::Person;
            r.gender = None;
            r.number = Some(Number::Sg);
            r.listed = false;
        } else if morphology::has_article(head) && h == 0 && words.len() <= 3 {
            // An unlisted definite noun: "المعلومات", "السياسيون المحنكون".
            r.kind = if r.number == Some(Number::Pl) {
                SourceKind::Group
            } else {
                SourceKind::Document
            };
            r.listed = false;
        } else {
            // A name: its endings say nothing of number ("ستيفين").
            r.kind = SourceKind::Person;
            r.gender = None;
            r.number = Some(Number::Sg);
            r.listed = false;
        }
        r
    }

    pub(super) fn official_at(&self, words: &[&str], i: usize) -> bool {
        let Some(first) = words.get(i) else {
            return false;
        };
        self.official.get(bare(first)).is_some_and(|bodies| {
            bodies.iter().any(|o| {
                i + o.len() <= words.len()
                    && o.iter()
                        .enumerate()
                        .skip(1)
                        .all(|(k, ow)| bare(words[i + k]) == ow)
            })
        })
    }

    /// How many leading words form a title or role: "الرئيس الروسي", "وزير
    /// الخارجية الأمريكي", up to the first word that looks like a name.
    /// The role is a title with its genitive and adjectives; once a
    /// definite word has closed it, the next plain word opens the name
    /// ("رئيس جهاز الأمن القومي اليمني | علي الأحمدي"); with no name, the whole
    /// phrase is the role ("رئيس جهاز الأمن القومي"). Mirrors the span rule of
    /// `person_name` in phrases.rs.
    pub(super) fn role_length(&self, words: &[&str]) -> usize {
        let definite = |w: &str| is_definite(w);
        let closed = words.iter().position(|w| definite(w)).unwrap_or(0).max(1);
        // "لعمار الخيرية", "لشؤون الأمن": ل with a definite word after it is
        // a preposition's phrase, still the role ("لوريتا لينش" is a name).
        let prepositional = |i: usize| {
            morphology::starts_with_lam(words[i]) && words.get(i + 1).is_some_and(|n| definite(n))
        };
        words
            .iter()
            .enumerate()
            .skip(closed)
            .find(|&(i, w)| {
                !definite(w)
                    && !self.is_title(w)
                    && !prepositional(i)
                    && crate::text::has_chars(w, 2)
            })
            .map_or(words.len(), |(i, _)| i)
    }

    /// A family name alone: a nisba with the article ("الحريري", "المالكي"),
    /// or a house ("آل الشيخ", folded "ال الشيخ").
    pub(super) fn family_name(&self, words: &[&str]) -> bool {
        match words {
            [w] => {
                morphology::has_article(w)
                    && morphology::ends_with_nisba(w)
                    && !morphology::ends_with_nisba_construct(w)
                    && crate::text::has_chars(w, 5)
            }
            [house, _] => self.is_house(house),
            _ => false,
        }
    }

    /// An indefinite title right before a name is a relation, not an
    /// apposition: "محامي فلين", "مؤسس موقع" (but "وزير الخارجية X",
    /// "الرئيس X").
    pub fn relational_title(&self, words: &[&str]) -> bool {
        let definite = |w: &str| is_definite(w);
        match words {
            [title, next, ..] => {
                Self::in_set(&self.relational, title)
                    && !definite(title)
                    && !definite(next)
                    && !self.is_title(next)
            }
            _ => false,
        }
    }

    /// A noun of relation to a person: "محامي", "والدة", "مستشار".
    pub fn is_relational(&self, w: &str) -> bool {
        Self::in_set(&self.relational, w)
    }
}
