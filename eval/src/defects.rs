//! `talkhis eval defects`: what trips an Arabic reader in the summaries and keyword lists of
//! real articles, counted. ROUGE on EASC rewards the opening sentences and says nothing of a
//! summary sentence that starts with a comma or a keyword list of `عام | العام`; these counts
//! do, on any folder of articles (web news as `ant-dev` has it, wrapped newspaper text as
//! EASC has it).
//!
//! Six kinds, each judged on the text alone, with rules of its own (not the core's: a counter
//! that shared the core's rule would find nothing to count):
//!
//! | kind | a summary sentence or keyword list … |
//! |---|---|
//! | `punctuation_start` | a sentence starts with punctuation that cannot open one (`،`, `.`, `)`, `؟` …) |
//! | `cut_mid_line` | a sentence begins or ends inside a line, or inside a hard-wrapped paragraph, where no punctuation ends a sentence |
//! | `furniture` | a sentence is web-page furniture: "read also", app and follow lines, print and share, photo credits, disclaimers, a bare dateline |
//! | `shared_word_pairs` | two keywords of one list share a word (`عاصي الرحباني` and `عاصي`) |
//! | `generic_keywords` | a keyword says nothing of the topic: time words, ordinals, counts, quantities, reporting verbs (`عام`, `المرة`, `الأولى`, `قال`) |
//! | `clitic_keywords` | a keyword carries a clitic a reader would not index (`لفيلم` where the text also has `فيلم`), or a phrase starts or ends with a function word |
//!
//! The first three are counted on the summaries (3 sentences by default) and the last three on
//! the keyword lists (top 10); the boundary kinds are also counted over every sentence of the
//! documents (`all_punctuation_start`, `all_cut_mid_line`), which judges the splitter itself.
//!
//! Words are compared after the normalization of `EVALUATION.md` (no marks, folded alef, yeh
//! and teh marbuta), so `أيضاً` and `ايضا` are one word.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use rayon::prelude::*;
use serde::Serialize;
use talkhis::{Config, Keywords, Summary};
use walkdir::WalkDir;

use super::scratch::{MAX_KEYWORDS, SUMMARY_SENTENCES, too_large, with_scratch};
use super::tokens::tokens;

/// Characters that end a sentence where a reader ends one.
const TERMINAL: &[char] = &['.', '!', '?', '؟', '…', ':', '؛', '!'];

/// Characters that may close a sentence after its terminal punctuation.
const CLOSING: &[char] = &['"', '”', '»', ')', ']', '\'', '’', '}'];

/// Punctuation no sentence starts with.
const NOT_AN_OPENING: &[char] =
    &['،', '؛', ',', ';', ':', '.', '!', '?', '؟', ')', ']', '}', '»', '”', '…'];

/// Lines shorter than this many words may stand alone without punctuation (titles,
/// subheadings); longer ones that do are taken for the lines of a hard-wrapped paragraph.
const WRAPPED_LINE_WORDS: usize = 8;

/// The widest line a hard wrap makes, in characters: wraps are made for terminals and print
/// columns (EASC's newspaper articles wrap at 70-80), while a paragraph held on one line and
/// lacking its final full stop (a list of dated events in web news) runs to hundreds.
const WRAP_MAX_CHARS: usize = 120;

/// Cues that open a line of web-page furniture wherever they stand, in normalized words (see
/// the module doc).
const FURNITURE_CUES: &[&str] = &[
    "اقرا ايضا",
    "اقرا المزيد",
    "شاهد ايضا",
    "طالع ايضا",
    "انظر ايضا",
    "للمزيد",
    "تابعونا",
    "يمكنكم استلام",
    "حمل تطبيق",
    "لتحميل تطبيق",
    "مصدر الصوره",
    "جميع المقالات المنشوره تمثل راي كتابها",
    "جميع الحقوق محفوظه",
    "حقوق النشر",
    "كلمات مفتاحيه",
    "اخبار ذات صله",
    "مواضيع ذات صله",
];

/// Cues that open furniture only on a short line (`طباعة`, `شارك`, `المصدر: …`): as the first
/// word of a sentence they are ordinary verbs and nouns (`شارك آلاف …`).
const SHORT_LINE_CUES: &[&str] = &[
    "شارك",
    "تابع",
    "تابعوا",
    "طباعه",
    "ارسل",
    "اشترك",
    "المصدر",
    "الصوره",
    "صوره",
    "تصوير",
    "الصور",
];

/// The most words of a short line.
const SHORT_LINE_WORDS: usize = 6;

/// Week days and months: with a digit, a short line of them is a dateline.
const DATE_WORDS: &[&str] = &[
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
];

/// Words that say nothing of an article's topic: time words, ordinals, counts, quantities and
/// reporting verbs, normalized. A keyword made only of these is generic.
const GENERIC: &[&str] = &[
    // time
    "عام",
    "العام",
    "عاما",
    "اعوام",
    "الاعوام",
    "العامين",
    "سنه",
    "السنه",
    "سنوات",
    "السنوات",
    "يوم",
    "اليوم",
    "يوما",
    "ايام",
    "الايام",
    "اسبوع",
    "الاسبوع",
    "شهر",
    "الشهر",
    "اشهر",
    "الشهور",
    "امس",
    "غدا",
    "الحالي",
    "الماضي",
    "المقبل",
    "الجاري",
    "الحاليه",
    "الماضيه",
    "المقبله",
    "الوقت",
    "وقت",
    "الفتره",
    "فتره",
    "مساء",
    "صباح",
    "عمره",
    "عمرها",
    "عمر",
    // ordinals and counts
    "الاول",
    "الاولي",
    "اول",
    "اولي",
    "الثاني",
    "الثانيه",
    "الثالث",
    "الثالثه",
    "الاخير",
    "الاخيره",
    "المره",
    "مره",
    "مرات",
    "المرات",
    // quantities
    "الف",
    "الاف",
    "مليون",
    "ملايين",
    "مليار",
    "مليارات",
    "المئه",
    "بالمئه",
    "نسبه",
    "عدد",
    "العدد",
    "اكثر",
    "اقل",
    "نحو",
    "حوالي",
    // reporting
    "قال",
    "قالت",
    "اضاف",
    "اضافت",
    "اكد",
    "اكدت",
    "اوضح",
    "اوضحت",
    "اشار",
    "اشارت",
    "ذكر",
    "ذكرت",
    "اعلن",
    "اعلنت",
    "افاد",
    "افادت",
    "تابع",
    "وفق",
    "وفقا",
    "بحسب",
    "حسب",
    "الشائعه",
    "بشكل",
    "خلال",
    "بشان",
];

/// Function words no keyword phrase should start or end with, normalized.
const FUNCTION_WORDS: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "ان",
    "او",
    "ثم",
    "قد",
    "لا",
    "ما",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "بعد",
    "قبل",
    "حتي",
    "بين",
    "عند",
    "كل",
    "غير",
    "منذ",
    "لدي",
    "ضد",
    "حول",
    "و",
    "ب",
    "ل",
    "لم",
    "لن",
    "كان",
    "كانت",
    "هو",
    "هي",
];

/// Proclitics a keyword's first word may carry, longest first.
const PROCLITICS: &[&str] = &[
    "وبال", "وكال", "ولل", "فال", "وال", "بال", "كال", "لل", "وب", "ول", "وك", "فب", "فل", "و",
    "ف", "ب", "ل", "ك",
];

/// The counts of one run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    /// Articles read.
    pub articles: usize,
    /// Summary sentences judged.
    pub sentences: usize,
    /// Keywords judged.
    pub keywords: usize,
    /// See the module doc.
    pub punctuation_start: usize,
    /// See the module doc.
    pub cut_mid_line: usize,
    /// See the module doc.
    pub furniture: usize,
    /// See the module doc.
    pub shared_word_pairs: usize,
    /// See the module doc.
    pub generic_keywords: usize,
    /// See the module doc.
    pub clitic_keywords: usize,
    /// Sentences of the whole documents (not only the summaries), judged for their boundaries.
    pub all_sentences: usize,
    /// `punctuation_start` over every sentence of the documents.
    pub all_punctuation_start: usize,
    /// `cut_mid_line` over every sentence of the documents.
    pub all_cut_mid_line: usize,
}

/// The kinds, in report order, with their counts.
fn kinds(c: &Counts) -> [(&'static str, usize); 8] {
    [
        ("punctuation_start", c.punctuation_start),
        ("cut_mid_line", c.cut_mid_line),
        ("furniture", c.furniture),
        ("shared_word_pairs", c.shared_word_pairs),
        ("generic_keywords", c.generic_keywords),
        ("clitic_keywords", c.clitic_keywords),
        ("all_punctuation_start", c.all_punctuation_start),
        ("all_cut_mid_line", c.all_cut_mid_line),
    ]
}

/// One defect found, for `--examples`.
#[derive(Clone, Debug, Serialize)]
pub struct Example {
    /// The kind (a [`Counts`] field name).
    pub kind: &'static str,
    /// The article.
    pub path: String,
    /// The sentence, keyword or pair.
    pub text: String,
}

/// Whether the summary sentence `text[start..end]` starts with punctuation that opens none.
fn punctuation_start(sentence: &str) -> bool {
    sentence.trim_start().starts_with(NOT_AN_OPENING)
}

/// Whether `s`, trimmed of closing quotes and brackets, ends with terminal punctuation.
fn ends_sentence(s: &str) -> bool {
    s.trim_end().trim_end_matches(CLOSING).trim_end().ends_with(TERMINAL)
}

/// The line of `text` that holds byte `at` or ends there: from the previous newline
/// (exclusive) to the next.
fn line_at(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// Whether `line`, followed by `next`, looks like a line of a hard-wrapped paragraph: long,
/// but no wider than a hard wrap makes lines ([`WRAP_MAX_CHARS`]), with no punctuation to end
/// it, and followed by a line no much longer (a title or subheading on a line of its own is
/// followed by a paragraph held on one long line).
fn wrapped(line: &str, next: &str) -> bool {
    let (line, next) = (line.trim(), next.trim());
    line.split_whitespace().count() >= WRAPPED_LINE_WORDS
        && line.chars().count() <= WRAP_MAX_CHARS
        && !ends_sentence(line)
        && !next.is_empty()
        && next.chars().count() * 2 <= line.chars().count() * 3
}

/// Whether the summary sentence `text[start..end]` begins or ends where a reader would not cut:
/// inside a line with no punctuation there, or at the break of a hard-wrapped paragraph. The
/// document's first line (its title) may end bare.
fn cut_mid_line(text: &str, start: usize, end: usize) -> bool {
    let sentence = &text[start..end];
    let first_line = !text[..start].contains('\n');
    if !ends_sentence(sentence) {
        let after = text[end..].trim_start_matches([' ', '\t']);
        if let Some(rest) = after.strip_prefix('\n') {
            // At a line end: cut if the line is one of a wrapped paragraph that goes on.
            let next = rest.split('\n').next().unwrap_or("");
            if !first_line && wrapped(line_at(text, end), next) {
                return true;
            }
        } else if !after.is_empty() {
            return true; // ends inside a line, with no punctuation
        }
    }
    if start > 0 {
        let before = text[..start].trim_end_matches([' ', '\t']);
        if let Some(rest) = before.strip_suffix('\n') {
            // At a line start: cut if the line before is one of a wrapped paragraph.
            let previous = rest.rsplit('\n').next().unwrap_or("");
            if wrapped(previous, line_at(text, start)) {
                return true;
            }
        } else if !before.is_empty() && !ends_sentence(before) {
            return true; // starts inside a line, after no punctuation
        }
    }
    false
}

/// Whether `sentence` is web-page furniture: it opens with a cue of [`FURNITURE_CUES`], or is
/// short and opens with one of [`SHORT_LINE_CUES`], or is a short line of a date (a week day
/// or month and a digit).
fn furniture(sentence: &str) -> bool {
    let words = tokens(sentence);
    let opens = |cue: &&str| {
        let cue: Vec<&str> = cue.split(' ').collect();
        words.len() >= cue.len() && words.iter().zip(&cue).all(|(w, c)| w == c)
    };
    let cue = FURNITURE_CUES.iter().any(opens)
        || (words.len() <= SHORT_LINE_WORDS && SHORT_LINE_CUES.iter().any(opens));
    let dateline = words.len() <= 8
        && sentence.chars().any(|c| c.is_numeric())
        && words.iter().any(|w| DATE_WORDS.contains(&w.as_str()));
    cue || dateline
}

/// The number of pairs of `keywords` that share a normalized word.
fn shared_word_pairs(keywords: &[Vec<String>]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (i, a) in keywords.iter().enumerate() {
        for (j, b) in keywords.iter().enumerate().skip(i + 1) {
            if a.iter().any(|w| b.contains(w)) {
                pairs.push((i, j));
            }
        }
    }
    pairs
}

/// Whether a keyword (normalized words) is made only of [`GENERIC`] words.
fn generic(words: &[String]) -> bool {
    !words.is_empty() && words.iter().all(|w| GENERIC.contains(&w.as_str()))
}

/// Whether a keyword (normalized words) carries a clitic a reader would not index: its first
/// word is a proclitic and a word of at least three letters that the document also has bare
/// (`لفيلم`, `بحلول`), or, for a phrase, its first or last word is a function word.
fn clitic(words: &[String], document: &HashSet<String>) -> bool {
    let Some(first) = words.first() else { return false };
    let bare = PROCLITICS.iter().any(|p| {
        first.strip_prefix(p).is_some_and(|rest| {
            rest.chars().count() >= 3
                && (document.contains(rest)
                    || (p.ends_with("ال") && document.contains(&format!("ال{rest}"))))
        })
    });
    let edge = words.len() > 1
        && [words.first(), words.last()]
            .into_iter()
            .flatten()
            .any(|w| FUNCTION_WORDS.contains(&w.as_str()));
    bare || edge
}

/// The defects of one article.
fn judge(path: &Path, text: &str, config: &Config) -> Result<(Counts, Vec<Example>)> {
    let name = path.display().to_string();
    let (sentences, keywords, all) = with_scratch(|s| {
        let mut doc = s.analyze(text, config).map_err(|e| anyhow!("{name}: {}", too_large(e)))?;
        let all: Vec<(usize, usize)> =
            doc.scores().map(|s| (s.start, s.start + s.text.len())).collect();
        let summary: Summary<'_, SUMMARY_SENTENCES> = doc.summary();
        let keywords: Keywords<'_, MAX_KEYWORDS> = doc.keywords();
        let sentences: Vec<(usize, usize)> =
            summary.sentences.iter().map(|s| (s.start, s.start + s.text.len())).collect();
        let keywords: Vec<String> = keywords.keywords.iter().map(|k| k.text.to_owned()).collect();
        Ok::<_, anyhow::Error>((sentences, keywords, all))
    })?;
    let mut counts = Counts {
        articles: 1,
        sentences: sentences.len(),
        all_sentences: all.len(),
        ..Counts::default()
    };
    counts.keywords = keywords.len();
    let mut examples = Vec::new();
    let mut found = |kind: &'static str, text: String| {
        examples.push(Example { kind, path: name.clone(), text });
    };
    for &(start, end) in &sentences {
        let sentence = &text[start..end];
        if punctuation_start(sentence) {
            counts.punctuation_start += 1;
            found("punctuation_start", sentence.to_owned());
        }
        if cut_mid_line(text, start, end) {
            counts.cut_mid_line += 1;
            found("cut_mid_line", sentence.to_owned());
        }
        if furniture(sentence) {
            counts.furniture += 1;
            found("furniture", sentence.to_owned());
        }
    }
    for &(start, end) in &all {
        if punctuation_start(&text[start..end]) {
            counts.all_punctuation_start += 1;
            found("all_punctuation_start", text[start..end].to_owned());
        }
        if cut_mid_line(text, start, end) {
            counts.all_cut_mid_line += 1;
            found("all_cut_mid_line", text[start..end].to_owned());
        }
    }
    let words: Vec<Vec<String>> = keywords.iter().map(|k| tokens(k)).collect();
    for (i, j) in shared_word_pairs(&words) {
        counts.shared_word_pairs += 1;
        found("shared_word_pairs", format!("{} | {}", keywords[i], keywords[j]));
    }
    let document: HashSet<String> = tokens(text).into_iter().collect();
    for (keyword, w) in keywords.iter().zip(&words) {
        if generic(w) {
            counts.generic_keywords += 1;
            found("generic_keywords", keyword.clone());
        }
        if clitic(w, &document) {
            counts.clitic_keywords += 1;
            found("clitic_keywords", keyword.clone());
        }
    }
    Ok((counts, examples))
}

/// The articles under `path`: the file itself, or, in a folder, every `article.txt` below it
/// (the layout of ANT and of converted EASC), else every `*.txt`; sorted.
///
/// # Errors
///
/// When a folder cannot be listed.
pub fn articles(path: &Path) -> Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    // Symbolic links below `path` are not followed (a link to a folder is not entered).
    let mut all = Vec::new();
    for entry in WalkDir::new(path) {
        let entry = entry.with_context(|| format!("listing {}", path.display()))?;
        if !entry.file_type().is_dir() && entry.path().extension().is_some_and(|e| e == "txt") {
            all.push(entry.into_path());
        }
    }
    let named: Vec<PathBuf> =
        all.iter().filter(|p| p.file_name().is_some_and(|n| n == "article.txt")).cloned().collect();
    let mut chosen = if named.is_empty() { all } else { named };
    chosen.sort();
    Ok(chosen)
}

/// Counts the defects of every article under `paths` (see [`articles`]) with `config`.
///
/// # Errors
///
/// When a path cannot be read, is not UTF-8, or an article does not fit the scratch space.
pub fn count(paths: &[PathBuf], config: &Config) -> Result<(Counts, Vec<Example>)> {
    let mut files = Vec::new();
    for path in paths {
        files.extend(articles(path)?);
    }
    let judged: Vec<(Counts, Vec<Example>)> = files
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            judge(path, text.strip_prefix('\u{FEFF}').unwrap_or(&text), config)
        })
        .collect::<Result<_>>()?;
    let mut total = Counts::default();
    let mut examples = Vec::new();
    for (c, e) in judged {
        total.articles += c.articles;
        total.sentences += c.sentences;
        total.keywords += c.keywords;
        total.punctuation_start += c.punctuation_start;
        total.cut_mid_line += c.cut_mid_line;
        total.furniture += c.furniture;
        total.shared_word_pairs += c.shared_word_pairs;
        total.generic_keywords += c.generic_keywords;
        total.clitic_keywords += c.clitic_keywords;
        total.all_sentences += c.all_sentences;
        total.all_punctuation_start += c.all_punctuation_start;
        total.all_cut_mid_line += c.all_cut_mid_line;
        examples.extend(e);
    }
    Ok((total, examples))
}

/// The `eval defects --json` object.
#[derive(Serialize)]
struct Report<'a> {
    paths: Vec<String>,
    counts: &'a Counts,
    per_1000_articles: serde_json::Map<String, serde_json::Value>,
    examples: &'a [Example],
}

/// What `talkhis eval defects` is asked.
#[derive(Clone, Debug)]
pub struct DefectsOptions {
    /// Articles: files, or folders (see [`articles`]).
    pub paths: Vec<PathBuf>,
    /// One JSON object instead of a table.
    pub json: bool,
    /// How many cases of each kind to show.
    pub examples: usize,
    /// Scoring configuration.
    pub config: Config,
}

/// Runs `talkhis eval defects`: counts, per 1,000 articles, and up to `examples` cases of each
/// kind, written to `out`.
///
/// # Errors
///
/// As [`count`], and when `out` cannot be written.
pub fn run(options: &DefectsOptions, out: &mut impl Write) -> Result<()> {
    let DefectsOptions { paths, json, examples, config } = options;
    let (json, examples) = (*json, *examples);
    let (counts, found) = count(paths, config)?;
    let mut shown = Vec::new();
    for (kind, _) in kinds(&counts) {
        shown.extend(found.iter().filter(|e| e.kind == kind).take(examples).cloned());
    }
    let per = |n: usize| n as f64 * 1000.0 / counts.articles.max(1) as f64;
    if json {
        let per_1000_articles =
            kinds(&counts).iter().map(|&(k, n)| (k.to_owned(), per(n).into())).collect();
        let report = Report {
            paths: paths.iter().map(|p| p.display().to_string()).collect(),
            counts: &counts,
            per_1000_articles,
            examples: &shown,
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
    } else {
        let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        writeln!(
            out,
            "defects: {} ({} articles, {} summary sentences of {}, {} keywords)",
            paths.join(", "),
            counts.articles,
            counts.sentences,
            counts.all_sentences,
            counts.keywords
        )?;
        writeln!(out)?;
        writeln!(out, "{:<20} {:>7} {:>14}", "kind", "count", "per 1,000 art.")?;
        for (kind, n) in kinds(&counts) {
            writeln!(out, "{kind:<20} {n:>7} {:>14.1}", per(n))?;
        }
        if !shown.is_empty() {
            writeln!(out)?;
            for e in &shown {
                writeln!(out, "{:<20} {}: {}", e.kind, e.path, e.text.replace('\n', " ⏎ "))?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    fn words(keyword: &str) -> Vec<String> {
        tokens(keyword)
    }

    #[test]
    fn punctuation_start_cases() {
        for (name, sentence, expected) in [
            ("comma after a quoted question", "، وقالت الخبيرة إن اللوحة أصلية.", true),
            ("closing bracket", ") وأضاف المصدر", true),
            ("full stop", ". وقال", true),
            ("opening quote", "\"إبداء حسن النية قبل بدء أي مشاورات\"", false),
            ("opening bracket of a dateline", "(CNN)-- هدد الرئيس الأمريكي", false),
            ("a letter", "قال الرئيس", false),
            ("spaces first", "  ، ثم", true),
        ] {
            assert_eq!(punctuation_start(sentence), expected, "{name}");
        }
    }

    #[test]
    fn cut_mid_line_cases() {
        let wrapped = "العنوان\nارتفع معدل التضخم في المملكة خلال الشهر الماضي بنسبة 2.3%\n\
                       لتكاليف المعيشة في المدن الكبرى حسب بيانات الهيئة العامة للإحصاء\n\nفقرة.";
        let line1 = wrapped.find("ارتفع").unwrap();
        let line1_end = wrapped[line1..].find('\n').unwrap() + line1;
        let line2 = line1_end + 1;
        let line2_end = wrapped[line2..].find('\n').unwrap() + line2;
        let subtitle = "العنوان\nالسعودية تتوعد بالرد على أي إجراء ضدها بـ\"إجراء أكبر\"\n\
                        ونقلت وكالة الأنباء السعودية الرسمية عن مصدر سعودي مسؤول قوله إن المملكة \
                        ترفض أي تهديدات ومحاولات للنيل منها عبر التلويح بفرض عقوبات اقتصادية.";
        let sub = subtitle.find("السعودية").unwrap();
        let sub_end = subtitle[sub..].find('\n').unwrap() + sub;
        let paragraphs = "في 10 سبتمبر من عام 1991 وصلت القوات العربية المشتركة إلى الكويت بعد أسابيع من \
                          المعارك في الصحراء وتمكنت من تحرير المدينة بالكامل بمساعدة الحلفاء الغربيين \
                          الذين قدموا الدعم الجوي والبحري طوال فترة العمليات العسكرية\n\
                          في 9 سبتمبر تم افتتاح المترو في مدينة دبي بدولة الإمارات العربية المتحدة بعد \
                          سنوات من العمل على إنشاء الخطوط والمحطات الجديدة في مختلف أنحاء المدينة";
        let first_end = paragraphs.find('\n').unwrap();
        let prose = "قال الوزير إن الخطة جاهزة. وأضاف أن التنفيذ يبدأ غدا، على ان يستمر عاما.";
        let piece = prose.find("على ان").unwrap();
        for (name, text, start, end, expected) in [
            ("a wrapped line that the paragraph continues", wrapped, line1, line1_end, true),
            ("the next wrapped line, after a wrapped one", wrapped, line2, line2_end, true),
            ("the title may end bare", wrapped, 0, "العنوان".len(), false),
            ("a subheading before a paragraph on one line", subtitle, sub, sub_end, false),
            ("a paragraph on one line without its full stop", paragraphs, 0, first_end, false),
            ("the paragraph after a subheading", subtitle, sub_end + 1, subtitle.len(), false),
            ("a whole sentence", prose, 0, prose.find(" وأضاف").unwrap(), false),
            ("a piece that starts after a comma", prose, piece, prose.len(), true),
            (
                "a piece that ends at a comma",
                prose,
                prose.find("وأضاف").unwrap(),
                prose.find(" على").unwrap(),
                true,
            ),
        ] {
            assert_eq!(cut_mid_line(text, start, end), expected, "{name}: {:?}", &text[start..end]);
        }
    }

    #[test]
    fn furniture_cases() {
        for (name, sentence, expected) in [
            ("read also", "اقرأ أيضاً: الحكومة تعلن خطة جديدة", true),
            ("read also, bare alef", "اقرا ايضا: الحكومة تعلن", true),
            ("watch also", "شاهد أيضا: لحظة وصول الوفد", true),
            (
                "app promotion",
                "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق",
                true,
            ),
            ("print", "طباعة", true),
            ("dateline", "الإثنين 16/نوفمبر/2015 - 11:49 م", true),
            ("disclaimer", "** جميع المقالات المنشورة تمثل رأي كتابها فقط.", true),
            (
                "a sentence with a date",
                "أعلنت الوزارة يوم الإثنين 16 نوفمبر أنها ستفتتح المتحف الجديد في العاصمة",
                false,
            ),
            ("news", "قال الرئيس إن الاتفاق سيوقع قريبا.", false),
            ("share", "شارك", true),
            ("photo credit", "تصوير: أحمد علي", true),
            ("a verb that is also a cue", "شارك آلاف الأكراد في إحياء الذكرى الثلاثين للهجوم", false),
        ] {
            assert_eq!(furniture(sentence), expected, "{name}");
        }
    }

    #[test]
    fn keyword_list_cases() {
        let list: Vec<Vec<String>> =
            ["يوهانسون", "ترشح يوهانسون", "اللجنة الأولمبية", "الأولمبية الدولية", "موسكو"]
                .iter()
                .map(|k| words(k))
                .collect();
        assert_eq!(shared_word_pairs(&list), [(0, 1), (2, 3)]);

        for (name, keyword, expected) in [
            ("year", "عام", true),
            ("the year, hamza", "العام", true),
            ("the first, alef maqsura", "الأولى", true),
            ("time", "المرة", true),
            ("a topic", "الإرهاب", false),
            ("a phrase with one topical word", "العام المالي", false),
        ] {
            assert_eq!(generic(&words(keyword)), expected, "{name}");
        }

        let document = set(&["فيلم", "دور", "العرض", "حلول", "بلد", "وزير"]);
        for (name, keyword, expected) in [
            ("li + bare form in the text", "لفيلم", true),
            ("li on a phrase", "لدور العرض", true),
            ("bi + bare form", "بحلول", true),
            ("a letter of the word, not a clitic", "بلد", false),
            ("wa of the word itself", "وزير", false),
            ("phrase ending with a function word", "توحيد في", true),
            ("plain phrase", "دور العرض", false),
        ] {
            assert_eq!(clitic(&words(keyword), &document), expected, "{name}");
        }
    }

    /// A folder's articles: every `article.txt` below it when there is one, else every
    /// `*.txt`; sorted by path, whatever order the folder lists them in.
    #[test]
    fn articles_of_a_folder() {
        let root = std::env::temp_dir().join(format!("talkhis-articles-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let write = |file: &str| {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        };
        let found = || -> Vec<String> {
            let all = articles(&root).unwrap();
            all.iter()
                .map(|p| p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/"))
                .collect()
        };
        for file in ["b/notes.txt", "a/z/notes.txt", "a/notes.txt", "a/readme.md"] {
            write(file);
        }
        assert_eq!(found(), ["a/notes.txt", "a/z/notes.txt", "b/notes.txt"]);
        for file in ["b/article.txt", "a/z/article.txt", "a/article.txt"] {
            write(file);
        }
        assert_eq!(found(), ["a/article.txt", "a/z/article.txt", "b/article.txt"]);
        assert_eq!(articles(&root.join("a/readme.md")).unwrap(), [root.join("a/readme.md")]);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
