//! Resolution across sentences: which entity each source phrase, generic
//! noun (الصحيفة, المصدر), role noun (الرئيس الأميركي), possessive pronoun
//! (مصادرها) or dropped subject (وأضاف) stands for.

use rustc_hash::FxHashMap as HashMap;

use super::cues::Agreement;
use super::sources::{AnaphorRule, Reading, bare};
use crate::arabic::morphology;
use crate::lexicon::{Gender, Number};
use crate::model::SourceKind;

#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: SourceKind,
    pub name: String,
    /// Folded name words, without ال and clitics, for matching.
    key: Vec<String>,
    /// Folded role words ("الرئيس الروسي") of a person.
    roles: Vec<Vec<String>>,
    pub aliases: Vec<String>,
    /// Original byte spans.
    pub mentions: Vec<(usize, usize)>,
    pub gender: Option<Gender>,
    pub number: Option<Number>,
    /// Set once a chain link points at it: only cited entities become sources.
    pub cited: bool,
    last_seen: usize,
}

impl Entity {
    /// Whether one of its names holds this bare folded word ("الصحيفة
    /// الأمريكية" needs أمريكية; "الوزارة" needs وزارة).
    fn names_word(&self, word: &str) -> bool {
        self.key.iter().any(|k| k == word)
            || self
                .folded_names()
                .any(|n| n.split_whitespace().any(|w| bare(w) == word))
    }

    /// Whether one of its names begins with this bare folded word.
    fn headed_by(&self, word: &str) -> bool {
        self.folded_names()
            .any(|n| n.split_whitespace().next().is_some_and(|w| bare(w) == word))
    }

    /// Its name and aliases, folded.
    fn folded_names(&self) -> impl Iterator<Item = String> + '_ {
        self.aliases
            .iter()
            .chain([&self.name])
            .map(|a| crate::text::fold_str(a))
    }
}

#[derive(Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    /// Who has spoken, in text order, with the agreement of their verb.
    speakers: Vec<(usize, Agreement)>,
    /// The last unnamed source each outlet cited: "مصدر الصحيفة" is it.
    cited_by: HashMap<usize, usize>,
    /// Documents spoken in, by bare noun, with their speaker: after "وقالت
    /// الحركة في بيان", "البيان" is the movement's.
    media: Vec<(String, usize)>,
    clock: usize,
}

/// Whether two folded name words are one name in two spellings:
/// خودوركوفسكي/خدروكوفسكي, بوتين/بوتن.
fn same_name_word(a: &str, b: &str) -> bool {
    let (a, b) = (bare(a), bare(b));
    if a == b || skeleton(a).eq(skeleton(b)) {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    la >= 7 && lb >= 7 && similar::TextDiff::from_chars(a, b).ratio() >= 0.85
}

/// A name without the long vowels inside it, which transliterations add
/// or drop (بوتين/بوتن, خودوركوفسكي/خدروكوفسكي); the first and last
/// letters stay, so احمد and احمدي stay apart.
fn skeleton(w: &str) -> impl Iterator<Item = char> + '_ {
    // Compared for every pair of name words: no string is built.
    let last = w.char_indices().next_back().map_or(0, |(i, _)| i);
    w.char_indices()
        .filter(move |&(i, c)| i == 0 || i == last || !morphology::is_long_vowel(c))
        .map(|(_, c)| c)
}

/// A dropped subject agrees with a speaker when gender and number allow it;
/// non-human plurals (المصادر) take feminine singular verbs.
pub(super) fn agrees(speaker: Agreement, verb: Agreement) -> bool {
    let gender_ok = match (speaker.gender, verb.gender) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    let number_ok = match (speaker.number, verb.number) {
        (Some(Number::Pl), Some(Number::Sg)) => verb.gender == Some(Gender::F),
        (Some(Number::Sg), Some(Number::Pl)) => false,
        (Some(a), Some(Number::Du)) => a == Number::Du,
        _ => true,
    };
    gender_ok && number_ok
}

impl Registry {
    fn touch(&mut self, e: usize) -> usize {
        self.clock += 1;
        self.entities[e].last_seen = self.clock;
        e
    }

    fn most_recent(&self, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| ok(e))
            .max_by_key(|(_, e)| e.last_seen)
            .map(|(i, _)| i)
    }

    fn add(&mut self, kind: SourceKind, name: &str, key: Vec<String>, r: &Reading) -> usize {
        self.entities.push(Entity {
            kind,
            name: name.to_string(),
            key,
            roles: Vec::new(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            gender: r.gender,
            number: r.number,
            cited: false,
            last_seen: 0,
        });
        self.touch(self.entities.len() - 1)
    }

    fn note(&mut self, e: usize, display: &str, span: Option<(usize, usize)>) {
        let ent = &mut self.entities[e];
        if let Some(s) = span
            && !ent.mentions.contains(&s)
        {
            ent.mentions.push(s);
        }
        if display != ent.name && !ent.aliases.iter().any(|a| a == display) {
            ent.aliases.push(display.to_string());
        }
        self.touch(e);
    }

    /// Register a person named with a role, seen anywhere in the text, so that
    /// the role alone can point to them later.
    pub fn person_with_role(
        &mut self,
        role: &[&str],
        name: &[&str],
        display: &str,
        span: (usize, usize),
    ) {
        let r = Reading {
            kind: SourceKind::Person,
            canonical: None,
            anaphor: None,
            gender: None,
            number: Some(Number::Sg),
            role_words: role.len(),
            listed: true,
            new_referent: false,
        };
        let e = self
            .find_person(name)
            .unwrap_or_else(|| self.add(SourceKind::Person, display, key_of(name), &r));
        let role: Vec<String> = role.iter().map(|w| bare(w).to_string()).collect();
        if !role.is_empty() && !self.entities[e].roles.contains(&role) {
            self.entities[e].roles.push(role);
        }
        if display.chars().count() > self.entities[e].name.chars().count() {
            let old = std::mem::replace(&mut self.entities[e].name, display.to_string());
            self.entities[e].aliases.retain(|a| a != display);
            if !self.entities[e].aliases.contains(&old) {
                self.entities[e].aliases.push(old);
            }
        }
        self.note(e, display, Some(span));
    }

    /// A person by name: the same family name, or words of a fuller name
    /// seen before ("نصرة" after "نصرة أحمد").
    fn find_person(&self, name: &[&str]) -> Option<usize> {
        let last = name.last()?;
        let by_last = self.most_recent(|e| {
            e.kind == SourceKind::Person && e.key.last().is_some_and(|k| same_name_word(k, last))
        });
        // "آل غالب" after "عبدالله بن شاكر آل غالب الشريف": part of a fuller name.
        by_last.or_else(|| {
            self.most_recent(|e| {
                e.kind == SourceKind::Person
                    && e.key.len() > name.len()
                    && e.key
                        .windows(name.len())
                        .any(|run| run.iter().zip(name).all(|(k, w)| bare(k) == bare(w)))
            })
        })
    }

    /// The person named earlier with this role; a form of address before
    /// it ("سمو رئيس الهيئة") may be dropped.
    fn find_role(&self, role: &[&str]) -> Option<usize> {
        self.find_role_exactly(role).or_else(|| {
            role.get(1..)
                .filter(|r| r.len() > 1)
                .and_then(|r| self.find_role_exactly(r))
        })
    }

    /// Whether entity `e` was named with all of these words as its role,
    /// a form of address before them aside.
    fn holds_role(&self, e: usize, words: &[&str]) -> bool {
        let same = |r: &Vec<String>, w: &[&str]| {
            r.len() == w.len() && r.iter().zip(w).all(|(a, b)| same_name_word(a, bare(b)))
        };
        self.entities[e]
            .roles
            .iter()
            .any(|r| same(r, words) || words.get(1..).is_some_and(|w| same(r, w)))
    }

    fn find_role_exactly(&self, role: &[&str]) -> Option<usize> {
        // Not when a noun in construct names another office: "رئيس مكتب
        // الاتصالات" is not "رئيس البلاد".
        let other_office = role.get(1).is_some_and(|w| !super::sources::is_definite(w));
        let role: Vec<&str> = role.iter().map(|w| bare(w)).collect();
        let same_title = |r: &Vec<String>| r.first().map(String::as_str) == role.first().copied();
        let agrees = |r: &Vec<String>| r.iter().zip(&role).all(|(a, b)| same_name_word(a, b));
        // "الرئيس الأميركي" is not the one also called "الرئيس الروسي".
        let agreeing = self.most_recent(|e| {
            e.kind == SourceKind::Person
                && e.roles.iter().any(|r| same_title(r) && agrees(r))
                && !e.roles.iter().any(|r| same_title(r) && !agrees(r))
        });
        // "المتحدث العسكري" after "المتحدث الرسمي للقوات المسلحة ... محمد سمير":
        // when one person alone holds the title, the words around it may vary.
        let holders: Vec<usize> = (0..self.entities.len())
            .filter(|&e| {
                self.entities[e].kind == SourceKind::Person
                    && self.entities[e]
                        .roles
                        .iter()
                        .any(|r| same_title(r) && (!other_office || agrees(r)))
            })
            .collect();
        agreeing.or(if holders.len() == 1 {
            Some(holders[0])
        } else {
            None
        })
    }

    /// Resolve a source phrase standing at byte `at` to an entity; `span`
    /// is recorded as a mention when the phrase is shown.
    pub fn mention(
        &mut self,
        r: &Reading,
        words: &[&str],
        display: &str,
        at: Option<usize>,
        span: Option<(usize, usize)>,
    ) -> usize {
        let e = self.lookup(r, words, display, at.or(span.map(|(s, _)| s)));
        self.note(e, display, span);
        e
    }

    /// The dignitary an honorific pronoun stands for: among the people named
    /// before `at` with one of the titles it honours, the article's leading
    /// one — the most mentioned so far, then the first named ("وقال سموه"
    /// after "رفع صاحب السمو الأمير سعود ... شكره للملك سلمان").
    fn honored(&self, rule: &AnaphorRule, at: usize) -> Option<usize> {
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.kind == SourceKind::Person
                    && e.gender.is_none_or(|g| g == rule.gender)
                    && e.roles.iter().flatten().any(|w| {
                        rule.honors
                            .iter()
                            .any(|h| h.split(' ').any(|h| h == bare(w)))
                    })
            })
            .filter_map(|(i, e)| {
                let before: Vec<usize> =
                    e.mentions.iter().map(|m| m.0).filter(|&m| m < at).collect();
                let first = *before.iter().min()?;
                Some((before.len(), std::cmp::Reverse(first), i))
            })
            .max()
            .map(|(_, _, i)| i)
    }

    fn lookup(&mut self, r: &Reading, words: &[&str], display: &str, at: Option<usize>) -> usize {
        if r.new_referent {
            return self.add(r.kind, display, key_of(words), r);
        }
        // "سموه" reads as the title سمو too; as a pronoun it is a person's.
        if let Some(a) = r.anaphor.as_ref().filter(|a| !a.honors.is_empty())
            && let Some(e) = at.and_then(|at| self.honored(a, at))
        {
            return e;
        }
        if (r.kind == SourceKind::Person
            || r.anaphor
                .as_ref()
                .is_some_and(|a| a.kinds.contains(&SourceKind::Person)))
            && r.role_words > 0
            && let Some(e) = self.find_role(words)
            // "سمو رئيس الهيئة الملكية للجبيل وينبع": longer than the role
            // the lexicon reads, but all of it a role seen before.
            && (words.len() <= r.role_words || self.holds_role(e, words))
        {
            // "الرئيس الأميركي": the person named earlier with that role.
            return e;
        }
        // "البيان" after "وقالت الحركة في بيان": the one who issued it.
        if r.anaphor.is_some()
            && r.kind == SourceKind::Document
            && words.len() == 1
            && let Some(&(_, e)) = self.media.iter().rev().find(|(n, _)| n == bare(words[0]))
        {
            return e;
        }
        if let Some(a) = &r.anaphor {
            let kinds = a.kinds.clone();
            // "المصادر" is not the one "شخص" of the sentence before.
            let number_ok = |e: &Entity| {
                !matches!(
                    (a.number, e.number),
                    (Number::Pl, Some(Number::Sg)) | (Number::Sg, Some(Number::Pl))
                )
            };
            // "الصحيفة الأمريكية": a modifier must fit the antecedent's names.
            let modifiers: Vec<&str> = words.iter().skip(1).map(|w| bare(w)).collect();
            let fits = |e: &Entity| modifiers.iter().all(|m| e.names_word(m));
            // "الجيش" is not any official body: a body's noun must be in its
            // antecedent's name ("الوزارة" after "وزارة الداخلية").
            let head = words.first().map(|w| bare(w)).unwrap_or("");
            let body_fits =
                |e: &Entity| kinds != [SourceKind::Official] || a.any_body || e.names_word(head);
            // "الوزير" is not the coach named before: a person known by
            // another title is not this one.
            let role_fits = |e: &Entity| {
                r.role_words == 0
                    || e.kind != SourceKind::Person
                    || e.roles.is_empty()
                    || e.roles
                        .iter()
                        .any(|ro| ro.first().is_some_and(|t| same_name_word(t, head)))
            };
            // "التقارير" after "تقارير صحيفة الفاينانشيال تايمز": an entity
            // once named by a phrase this very noun headed, whatever its kind.
            if let Some(e) = self.most_recent(|e| {
                (kinds.contains(&e.kind) || e.kind != SourceKind::Person && e.headed_by(head))
                    && e.cited
                    && number_ok(e)
                    && fits(e)
                    && body_fits(e)
                    && role_fits(e)
            }) {
                return e;
            }
            let e = self.add(r.kind, display, key_of(words), r);
            // "المتهم" named by its title alone holds that title: "الوزير"
            // later is someone else.
            if r.role_words > 0 {
                self.entities[e].roles.push(vec![head.to_string()]);
            }
            return e;
        }
        // "القيادي" after "مصدر قيادي كبير", "المعلومات" after "معلومات أجهزة
        // الاستخبارات": a definite noun repeating a cited source's word.
        let definite = words
            .first()
            .is_some_and(|w| morphology::has_article(w) || morphology::has_lam_article(w));
        // A generic noun (an anaphor, an unlisted noun, a role like القيادي),
        // not a name such as البيت الأبيض.
        let generic =
            r.anaphor.is_some() || !r.listed || (r.kind == SourceKind::Person && r.role_words > 0);
        if definite
            && generic
            && r.canonical.is_none()
            && words.len() <= 2
            && let Some(e) = self.most_recent(|e| {
                e.cited && e.key.len() > 1 && e.key.iter().any(|k| k == bare(words[0]))
            })
        {
            return e;
        }
        // "الأحمدي" after "علي الأحمدي": a family name the lexicon does not know.
        if !r.listed
            && r.canonical.is_none()
            && r.anaphor.is_none()
            && let Some(e) = self.find_person(words)
        {
            return e;
        }
        if let Some(c) = &r.canonical {
            let key = canonical_key(r.kind, c);
            if let Some(e) = self.entities.iter().position(|e| e.key == key) {
                return e;
            }
            return self.add(r.kind, c, key, r);
        }
        if r.kind == SourceKind::Person {
            let name = &words[r.role_words.min(words.len())..];
            if name.is_empty() {
                // A role with no name and no one named with it: an unnamed
                // person ("متحدثة باسم السفارة", "محامي فلين").
                return self.add(SourceKind::Anonymous, display, key_of(words), r);
            }
            if let Some(e) = self.find_person(name) {
                return e;
            }
            return self.add(SourceKind::Person, display, key_of(name), r);
        }
        let key = key_of(words);
        if let Some(e) = self
            .entities
            .iter()
            .position(|e| e.kind == r.kind && e.key == key)
        {
            return e;
        }
        self.add(r.kind, display, key, r)
    }

    /// The entity a phrase names if the article has named it already: a
    /// gazetteer's entry, or a person by name.
    pub fn known(&self, r: &Reading, words: &[&str]) -> Option<usize> {
        if let Some(c) = &r.canonical {
            let key = canonical_key(r.kind, c);
            return self.entities.iter().position(|e| e.key == key);
        }
        if r.kind == SourceKind::Person && r.role_words == 0 {
            return self.find_person(words);
        }
        None
    }

    /// Record that entity `e` speaks as several ("شخص ... واثنين آخرين"):
    /// "المصادر" may point back to it.
    pub fn plural(&mut self, e: usize) {
        self.entities[e].number = Some(Number::Pl);
    }

    /// Record that entity `e` spoke in the document `noun` ("في بيان").
    pub fn medium(&mut self, noun: &str, e: usize) {
        self.media.push((bare(noun).to_string(), e));
    }

    /// The unnamed source an owner cited before ("مصدر الصحيفة"), if any.
    pub fn source_of(&self, owner: usize) -> Option<usize> {
        self.cited_by.get(&owner).copied()
    }

    /// Record that `owner` passed on what `inner` said.
    pub fn cites(&mut self, owner: usize, inner: usize) {
        if self.entities[inner].kind == SourceKind::Anonymous {
            self.cited_by.insert(owner, inner);
        }
    }

    /// Whom a possessive pronoun (مصادرها, مصدره) points to.
    pub fn owner(&self, gender: Option<Gender>, plural: bool) -> Option<usize> {
        self.most_recent(|e| {
            e.cited
                && matches!(
                    e.kind,
                    SourceKind::Outlet | SourceKind::Official | SourceKind::Person
                )
                && (plural || gender.is_none() || e.gender.is_none() || e.gender == gender)
        })
    }

    pub fn note_mention(&mut self, e: usize, display: &str, span: (usize, usize)) {
        self.note(e, display, Some(span));
    }

    /// Mark an entity as cited without making it a speaker (an outlet quoted
    /// through, an owner of an unnamed source).
    pub fn cite(&mut self, e: usize) {
        self.entities[e].cited = true;
        self.touch(e);
    }

    pub fn speaker(&mut self, e: usize, agreement: Agreement) {
        self.entities[e].cited = true;
        let ent = &mut self.entities[e];
        let agreement = Agreement {
            gender: agreement.gender.or(ent.gender),
            number: match (agreement.number, ent.number) {
                // A verb before its subject is singular whatever the subject.
                (Some(Number::Sg), Some(n)) => Some(n),
                (a, b) => a.or(b),
            },
        };
        if ent.gender.is_none() {
            ent.gender = agreement.gender;
        }
        self.speakers.push((e, agreement));
        self.touch(e);
    }

    /// Someone who acts in the text without being quoted: a subjectless
    /// verb after it may go on with them, and only then are they cited.
    pub fn actor(&mut self, e: usize) {
        let ent = &self.entities[e];
        let agreement = Agreement {
            gender: ent.gender,
            number: ent.number,
        };
        self.speakers.push((e, agreement));
        self.touch(e);
    }

    /// The latest speaker a subjectless verb at byte `at` agrees with
    /// (وأضاف, وأضافت).
    pub fn dropped_subject(&mut self, verb: Agreement, at: usize) -> Option<usize> {
        let recent = self.speakers.iter().rev().take(12);
        let e = recent
            .clone()
            .find(|(_, a)| agrees(*a, verb))
            .map(|(e, _)| *e)
            // No speaker agrees: the latest cited source of that gender, else
            // the latest speaker ("وقالت" after a report we could not read).
            .or_else(|| {
                self.most_recent(|e| {
                    e.cited
                        && matches!(
                            e.kind,
                            SourceKind::Person | SourceKind::Anonymous | SourceKind::Official
                        )
                        && verb.gender.is_none_or(|g| e.gender == Some(g))
                })
            })
            .or_else(|| recent.clone().map(|(e, _)| *e).next())
            // No one has spoken yet: the person named last before the verb
            // ("بحضور أمينها العام الدكتور عبدالله ... مشيرا أن").
            .or_else(|| self.named_before(at, verb))?;
        Some(self.touch(e))
    }

    /// The person named with a role whose latest mention ends nearest
    /// before byte `at`, within `NAMED_NEAR`, of the verb's gender; none
    /// for a plural verb.
    fn named_before(&self, at: usize, verb: Agreement) -> Option<usize> {
        if verb.number.is_some_and(|n| n != Number::Sg) {
            return None;
        }
        (0..self.entities.len())
            .filter(|&e| {
                let ent = &self.entities[e];
                ent.kind == SourceKind::Person
                    && !ent.roles.is_empty()
                    && verb
                        .gender
                        .is_none_or(|g| ent.gender.is_none_or(|eg| eg == g))
            })
            .filter_map(|e| {
                let near = |m: &&(usize, usize)| m.1 <= at && at - m.1 <= NAMED_NEAR;
                let before = self.entities[e].mentions.iter().filter(near);
                before.map(|m| m.0).max().map(|start| (start, e))
            })
            .max()
            .map(|(_, e)| e)
    }
}

/// How far before a subjectless verb, in bytes (about 150 Arabic
/// letters), a person named with a role may still be its subject.
const NAMED_NEAR: usize = 300;

/// The key of a gazetteer's entry (an outlet, a state): one entity per entry.
fn canonical_key(kind: SourceKind, name: &str) -> Vec<String> {
    vec![format!("{kind:?}:{name}")]
}

fn key_of(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| bare(w).to_string()).collect()
}
