//! Word generators for long constructed texts, shared by `tests/hostile.rs` and
//! `benches/src/worst_case.rs` (which includes this file by path).

/// Word `i` of a family of distinct five-letter words, made only of letters that no affix,
/// clitic or stopword uses, so that each is a content term of its own.
pub fn distinct_word(mut i: usize, out: &mut String) {
    const LETTERS: [char; 15] =
        ['ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ق'];
    for _ in 0..5 {
        out.push(LETTERS[i % LETTERS.len()]);
        i /= LETTERS.len();
    }
}

/// The words of `text` written in Arabic letters only, for long texts of real vocabulary.
pub fn arabic_words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .filter(|w| w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c)))
        .collect()
}
