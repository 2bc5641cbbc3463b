//! Lexicons and gazetteers: data files embedded at compile time, which a user
//! may extend or replace with `--lexicon FILE`. Stages compile what they need
//! from this into their own matchers.

use serde::Deserialize;
use std::path::Path;

use crate::io::yaml;
use crate::model::{SourceKind, Stance};

const CUES: &str = include_str!("cues.yaml");
const SOURCES: &str = include_str!("sources.yaml");
const OUTLETS: &str = include_str!("outlets.yaml");
const BLOCKS: &str = include_str!("blocks.yaml");
const GRAMMAR: &str = include_str!("grammar.yaml");
const STATES: &str = include_str!("states.yaml");

/// Surface forms of a word by agreement: who the verb or participle agrees with.
#[derive(Deserialize, Debug, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct Forms {
    #[serde(default)]
    pub ms: Vec<String>,
    #[serde(default)]
    pub fs: Vec<String>,
    #[serde(default)]
    pub mp: Vec<String>,
    #[serde(default)]
    pub fp: Vec<String>,
    #[serde(default)]
    pub du: Vec<String>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Verb {
    pub lemma: String,
    pub stance: Stance,
    pub forms: Forms,
    #[serde(default)]
    pub passive: Vec<String>,
    /// The verb is a cue only when one of these phrases follows in its clause.
    #[serde(default)]
    pub complement: Vec<String>,
    /// The clitic preposition that marks the verb's object ("أشاد بـ",
    /// "رحب بـ"): a word bearing it ends the subject.
    #[serde(default)]
    pub object: Option<char>,
    /// The verb takes a noun object before its preposition's ("اتهم X
    /// بـ"): a phrase right before that preposition is the object.
    #[serde(default)]
    pub accusative: bool,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Participle {
    pub lemma: String,
    pub stance: Stance,
    pub forms: Forms,
}

fn assert_stance() -> Stance {
    Stance::Assert
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Phrase {
    pub phrase: String,
    #[serde(default = "assert_stance")]
    pub stance: Stance,
    /// "X نقلا عن Y": the phrase's object is quoted by the speaker (an
    /// inner link), not the one who relays the speaker (an outer link).
    #[serde(default)]
    pub quoting: bool,
    /// A verbal noun whose genitive says the words ("إعلان الجيش أن"): the
    /// phrase right after it is the speaker.
    #[serde(default)]
    pub genitive: bool,
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    M,
    F,
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Number {
    Sg,
    Du,
    Pl,
}

/// A generic definite noun that points back to an earlier source.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Anaphor {
    pub noun: String,
    pub kinds: Vec<SourceKind>,
    pub gender: Gender,
    pub number: Number,
    /// For an honorific pronoun (سموه, معاليه), the titles of those it may
    /// stand for: the article's leading dignitary with such a title, whether
    /// or not anyone has quoted them yet.
    #[serde(default)]
    pub honors: Vec<String>,
    /// An official body's noun that stands for any body ("المنظمة" for the
    /// United Nations); other bodies' nouns need their word in the
    /// antecedent's name ("الجيش" is not the ministry named before).
    #[serde(default)]
    pub any_body: bool,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Outlet {
    pub name: String,
    #[serde(default)]
    pub kind: Option<String>,
    pub names: Vec<String>,
    /// Names that are also common words: an outlet only after an outlet head
    /// noun or a reporting cue.
    #[serde(default)]
    pub ambiguous: Vec<String>,
}

/// A state as a speaker: its country, its capital and other spellings are
/// one source ("قالت موسكو" is Russia).
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub name: String,
    pub names: Vec<String>,
}

/// Everything a lexicon file may hold. The built-in files each fill some keys;
/// a user's file may fill any of them.
#[derive(Deserialize, Debug, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Keys whose built-in lists a user's file replaces instead of extending.
    #[serde(default)]
    pub replace: Vec<String>,
    // cues.yaml
    #[serde(default)]
    pub verbs: Vec<Verb>,
    #[serde(default)]
    pub participles: Vec<Participle>,
    #[serde(default)]
    pub prepositions: Vec<Phrase>,
    #[serde(default)]
    pub nominals: Vec<Phrase>,
    #[serde(default)]
    pub no_comment: Vec<Phrase>,
    #[serde(default)]
    pub editorial: Vec<String>,
    // sources.yaml
    #[serde(default)]
    pub outlet_heads: Vec<String>,
    #[serde(default)]
    pub anonymous: Vec<String>,
    #[serde(default)]
    pub official: Vec<String>,
    #[serde(default)]
    pub group: Vec<String>,
    #[serde(default)]
    pub document: Vec<String>,
    #[serde(default)]
    pub norms: Vec<String>,
    #[serde(default)]
    pub norm_elatives: Vec<String>,
    #[serde(default)]
    pub accounts: Vec<String>,
    #[serde(default)]
    pub person_titles: Vec<String>,
    #[serde(default)]
    pub anaphors: Vec<Anaphor>,
    #[serde(default)]
    pub pronoun_subjects: Vec<String>,
    // outlets.yaml
    #[serde(default)]
    pub outlets: Vec<Outlet>,
    // states.yaml
    #[serde(default)]
    pub states: Vec<State>,
    // grammar.yaml
    #[serde(default)]
    pub complementizers: Vec<String>,
    #[serde(default)]
    pub np_stops: Vec<String>,
    #[serde(default)]
    pub not_heads: Vec<String>,
    #[serde(default)]
    pub adverbs: Vec<String>,
    #[serde(default)]
    pub quantifiers: Vec<String>,
    #[serde(default)]
    pub appositions: Vec<String>,
    #[serde(default)]
    pub negators: Vec<String>,
    #[serde(default)]
    pub subordinators: Vec<String>,
    #[serde(default)]
    pub conditionals: Vec<String>,
    #[serde(default)]
    pub noun_governors: Vec<String>,
    #[serde(default)]
    pub content_nouns: Vec<String>,
    #[serde(default)]
    pub headline_labels: Vec<String>,
    #[serde(default)]
    pub naming_words: Vec<String>,
    #[serde(default)]
    pub non_cues: Vec<String>,
    #[serde(default)]
    pub relational_titles: Vec<String>,
    #[serde(default)]
    pub name_tails: Vec<String>,
    #[serde(default)]
    pub name_heads: Vec<String>,
    #[serde(default)]
    pub demonstratives: Vec<String>,
    #[serde(default)]
    pub partitives: Vec<String>,
    #[serde(default)]
    pub content_breaks: Vec<String>,
    #[serde(default)]
    pub clause_openers: Vec<String>,
    #[serde(default)]
    pub pedigree: Vec<String>,
    #[serde(default)]
    pub kinship: Vec<String>,
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    #[serde(default)]
    pub verb_preludes: Vec<String>,
    #[serde(default)]
    pub resumptive_heads: Vec<String>,
    #[serde(default)]
    pub resumptive_links: Vec<String>,
    #[serde(default)]
    pub resumptive_asserts: Vec<String>,
    #[serde(default)]
    pub house_words: Vec<String>,
    #[serde(default)]
    pub name_like_stops: Vec<String>,
    #[serde(default)]
    pub inner_prepositions: Vec<String>,
    #[serde(default)]
    pub medium_prepositions: Vec<String>,
    #[serde(default)]
    pub statement_prepositions: Vec<String>,
    #[serde(default)]
    pub about_prepositions: Vec<String>,
    #[serde(default)]
    pub perfect_particles: Vec<String>,
    #[serde(default)]
    pub kana_forms: Vec<String>,
    #[serde(default)]
    pub others: Vec<String>,
    #[serde(default)]
    pub another: Vec<String>,
    #[serde(default)]
    pub side_openers: Vec<String>,
    #[serde(default)]
    pub contrast_pronoun_hosts: Vec<String>,
    #[serde(default)]
    pub exceptives: Vec<String>,
    #[serde(default)]
    pub exceptive_complements: Vec<String>,
    #[serde(default)]
    pub relative_ma: Vec<String>,
    #[serde(default)]
    pub relative_ma_fused: Vec<String>,
    #[serde(default)]
    pub object_openers: Vec<String>,
    #[serde(default)]
    pub name_words_in_ba: Vec<String>,
    // blocks.yaml
    #[serde(default)]
    pub boilerplate: Vec<String>,
    #[serde(default)]
    pub section_heads: Vec<String>,
    #[serde(default)]
    pub section_labels: Vec<String>,
    #[serde(default)]
    pub caption_credits: Vec<String>,
    #[serde(default)]
    pub date_words: Vec<String>,
    #[serde(default)]
    pub abbreviations: Vec<String>,
}

/// Append `extra` to `base`, or replace it when the user asked to.
fn merge<T>(base: &mut Vec<T>, extra: Vec<T>, key: &str, replace: &[String]) {
    if replace.iter().any(|k| k == key) {
        *base = extra;
    } else {
        base.extend(extra);
    }
}

/// Why a user's lexicon file cannot be used.
#[derive(Debug)]
pub enum LexiconError {
    Unreadable(std::path::PathBuf, std::io::Error),
    /// Not YAML, or keys and values a lexicon does not have.
    Invalid(std::path::PathBuf, String),
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LexiconError::Unreadable(p, e) => {
                write!(f, "{}: cannot read lexicon: {e}", p.display())
            }
            LexiconError::Invalid(p, e) => write!(
                f,
                "{}: invalid lexicon: {e}; see src/lexicon/*.yaml for the keys",
                p.display()
            ),
        }
    }
}

impl std::error::Error for LexiconError {}

impl From<LexiconError> for String {
    fn from(e: LexiconError) -> String {
        e.to_string()
    }
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::default();
        for (name, text) in [
            ("cues.yaml", CUES),
            ("sources.yaml", SOURCES),
            ("blocks.yaml", BLOCKS),
            ("grammar.yaml", GRAMMAR),
            ("states.yaml", STATES),
        ] {
            // The built-in files are tested; failing here is a build defect.
            let part: Lexicon = yaml::from_str(text)
                .unwrap_or_else(|e| panic!("built-in lexicon {name} is invalid: {e}"));
            lex.absorb(part);
        }
        lex.outlets = yaml::from_str(OUTLETS)
            .unwrap_or_else(|e| panic!("built-in lexicon outlets.yaml is invalid: {e}"));
        lex
    }

    /// The built-in lexicon extended (or partly replaced) by a user's file.
    pub fn load(path: Option<&Path>) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::builtin();
        if let Some(path) = path {
            let text = std::fs::read_to_string(path)
                .map_err(|e| LexiconError::Unreadable(path.to_path_buf(), e))?;
            let user: Lexicon = yaml::from_str(&text)
                .map_err(|e| LexiconError::Invalid(path.to_path_buf(), e.to_string()))?;
            lex.absorb(user);
        }
        Ok(lex)
    }

    fn absorb(&mut self, o: Lexicon) {
        let r = o.replace;
        // Each list merges under its own key, the name a `replace` entry uses.
        macro_rules! merge_lists {
            ($($field:ident),* $(,)?) => {
                $(merge(&mut self.$field, o.$field, stringify!($field), &r);)*
            };
        }
        merge_lists!(
            verbs,
            participles,
            prepositions,
            nominals,
            no_comment,
            editorial,
            outlet_heads,
            anonymous,
            official,
            group,
            document,
            norms,
            norm_elatives,
            accounts,
            person_titles,
            anaphors,
            pronoun_subjects,
            outlets,
            states,
            complementizers,
            np_stops,
            not_heads,
            adverbs,
            quantifiers,
            appositions,
            negators,
            subordinators,
            conditionals,
            noun_governors,
            content_nouns,
            headline_labels,
            naming_words,
            non_cues,
            relational_titles,
            name_tails,
            name_heads,
            partitives,
            clause_openers,
            auxiliaries,
            pedigree,
            kinship,
            verb_preludes,
            content_breaks,
            resumptive_heads,
            resumptive_asserts,
            resumptive_links,
            demonstratives,
            house_words,
            name_like_stops,
            inner_prepositions,
            medium_prepositions,
            statement_prepositions,
            about_prepositions,
            perfect_particles,
            kana_forms,
            others,
            another,
            side_openers,
            contrast_pronoun_hosts,
            exceptives,
            exceptive_complements,
            relative_ma,
            relative_ma_fused,
            object_openers,
            name_words_in_ba,
            boilerplate,
            section_heads,
            section_labels,
            caption_credits,
            date_words,
            abbreviations,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses_and_has_the_core_cues() {
        let lex = Lexicon::builtin();
        let has_verb = |w: &str| {
            lex.verbs
                .iter()
                .any(|v| v.forms.ms.iter().any(|f| f == w) || v.forms.fs.iter().any(|f| f == w))
        };
        for w in ["قال", "أكد", "كشف", "ذكر", "نفى", "زعم", "قالت"] {
            assert!(has_verb(w), "missing reporting verb {w}");
        }
        assert!(lex.prepositions.iter().any(|p| p.phrase == "نقلا عن"));
        assert!(
            lex.outlets
                .iter()
                .any(|o| o.names.iter().any(|n| n == "رويترز"))
        );
        assert!(lex.boilerplate.iter().any(|b| b == "مقالات ذات صلة"));
    }
}
