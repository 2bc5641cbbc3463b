//! Affix rules of Arabic words (the article and its clitic forms, pronoun
//! suffixes, plural endings), read from `src/lexicon/` so that no stage
//! spells them out in code.
