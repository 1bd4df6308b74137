//! Token normalization, length budget and truncation (`EVALUATION.md`, summaries, steps 1–3).

/// Whether `c` is one of the Arabic marks `EVALUATION.md` step 3 removes: the diacritics
/// U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED, and tatweel U+0640.
fn is_removed_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}'
            | '\u{0640}'
    )
}

/// The letter folding of `EVALUATION.md` step 3: أ إ آ ٱ → ا, ى → ي, ة → ه.
fn fold(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        other => other,
    }
}

/// Splits `text` into normalized tokens exactly as `EVALUATION.md` step 3 prescribes.
///
/// In order: the Arabic diacritics (U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED) and
/// tatweel (U+0640) are deleted; أ إ آ ٱ fold to ا, ى to ي and ة to ه; the text is lowercased;
/// tokens are the maximal runs of characters for which [`char::is_alphanumeric`] holds. The marks
/// are deleted *before* splitting, so a diacritic or a tatweel inside a word never splits it.
/// No stemming and no stopword removal.
#[must_use]
pub fn tokens(text: &str) -> Vec<String> {
    let mut normalized = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| !is_removed_mark(c)) {
        normalized.extend(fold(c).to_lowercase());
    }
    normalized
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The first `b` whitespace-separated words of `text`, joined by single spaces
/// (`EVALUATION.md` step 2, the classic ROUGE `-l` length limit).
///
/// Words are split with [`str::split_whitespace`], the same notion of word as [`budget`] counts;
/// the joiner does not matter to scoring because [`tokens`] splits on whitespace anyway.
#[must_use]
pub fn truncate_words(text: &str, b: usize) -> String {
    text.split_whitespace().take(b).collect::<Vec<_>>().join(" ")
}

/// The length budget B of `EVALUATION.md` step 1: the mean number of whitespace-separated words in
/// `refs`, rounded to the nearest integer with halves rounding up. Zero when `refs` is empty.
#[must_use]
pub fn budget(refs: &[&str]) -> usize {
    if refs.is_empty() {
        return 0;
    }
    let total: usize = refs.iter().map(|r| r.split_whitespace().count()).sum();
    // round(total / n) with .5 up, in exact integer arithmetic: floor((2·total + n) / 2n).
    (2 * total + refs.len()) / (2 * refs.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("empty", "", &[]),
            ("only punctuation", " .،؛ !? ", &[]),
            ("ascii lowercased, punctuation splits", "Hello, WORLD!", &["hello", "world"]),
            ("digits are token characters", "year 2010: x1", &["year", "2010", "x1"]),
            ("arabic-indic digits", "عام ٢٠١٠", &["عام", "٢٠١٠"]),
            ("arabic comma and question mark split", "كتاب،قلم؟", &["كتاب", "قلم"]),
            ("diacritics removed, word not split", "كَتَبَ", &["كتب"]),
            ("shadda and sukun removed", "مُحَمَّدٌ", &["محمد"]),
            ("superscript alef U+0670 removed", "هٰذا", &["هذا"]),
            ("quranic mark U+06D6 removed", "قال\u{06D6}", &["قال"]),
            ("U+0610 removed", "صلى\u{0610}", &["صلي"]),
            ("tatweel removed, word not split", "كـــتاب", &["كتاب"]),
            ("hamza alef above folds", "أحمد", &["احمد"]),
            ("hamza alef below folds", "إسلام", &["اسلام"]),
            ("madda alef folds", "آخر", &["اخر"]),
            ("wasla alef folds", "ٱلله", &["الله"]),
            ("alef maqsura folds to ya", "على", &["علي"]),
            ("ta marbuta folds to ha", "مدرسة", &["مدرسه"]),
            ("diacritized and folded together", "الْمَدْرَسَةُ إِلَى", &["المدرسه", "الي"]),
            ("mixed scripts", "Beethoven بيتهوفن (1770)", &["beethoven", "بيتهوفن", "1770"]),
        ];
        for (name, input, expected) in cases {
            let got = tokens(input);
            assert_eq!(got, *expected, "case {name:?}");
        }
    }

    #[test]
    fn diacritized_and_plain_tokens_are_equal() {
        assert_eq!(tokens("ذَهَبَ الوَلَدُ إلى المَدْرَسَةِ"), tokens("ذهب الولد الى المدرسه"));
    }

    #[test]
    fn truncate_words_table() {
        let cases: &[(&str, &str, usize, &str)] = &[
            ("zero budget", "a b c", 0, ""),
            ("shorter than budget", "a b", 5, "a b"),
            ("exact budget", "a b c", 3, "a b c"),
            ("cut", "a b c d", 2, "a b"),
            ("whitespace collapsed", "  a\n\tb   c ", 2, "a b"),
            ("punctuation stays glued to its word", "قال: نعم، ثم ذهب.", 3, "قال: نعم، ثم"),
            ("empty text", "", 4, ""),
        ];
        for (name, text, b, expected) in cases {
            assert_eq!(truncate_words(text, *b), *expected, "case {name:?}");
        }
    }

    #[test]
    fn budget_table() {
        let cases: &[(&str, &[&str], usize)] = &[
            ("no references", &[], 0),
            ("single reference", &["a b c"], 3),
            ("exact mean", &["a b", "a b c d"], 3),
            // 2 + 3 = 5 words over 2 references: 2.5 rounds up to 3.
            ("half rounds up", &["a b", "a b c"], 3),
            // 1 + 1 + 2 = 4 over 3: 1.33 rounds to 1.
            ("below half rounds down", &["a", "b", "c d"], 1),
            // 1 + 2 + 2 = 5 over 3: 1.67 rounds to 2.
            ("above half rounds up", &["a", "b c", "d e"], 2),
            // 10 + 11 + 11 + 11 + 11 = 54 over 5 = 10.8 → 11; 10·4 + 12 = 52 → 10.4 → 10.
            (
                "five references",
                &[
                    "a b c d e f g h i j",
                    "a b c d e f g h i j k",
                    "a b c d e f g h i j k",
                    "a b c d e f g h i j k",
                    "a b c d e f g h i j k",
                ],
                11,
            ),
            ("whitespace-separated, not tokens", &["قال: نعم،\nثم ذهب."], 4),
        ];
        for (name, refs, expected) in cases {
            assert_eq!(budget(refs), *expected, "case {name:?}");
        }
    }
}
