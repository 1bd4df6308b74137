//! Hostile inputs through the real `talkhis` binary, from files and from standard input.
//!
//! The core's table (`tests/hostile.rs`) says what the library gives; this one says what a
//! person or a script sees: a clear message and an exit code, and never a partial write
//! presented as complete. A document that fails prints nothing on standard output in text
//! and postcard formats (the message goes to standard error, the exit code is 1); in JSON
//! formats its record carries the error; the other documents of a batch are complete.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The sample article (see tests/data/README.md).
fn sample() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/sample.txt");
    fs::read_to_string(path).expect("tests/data/sample.txt")
}

/// The binary under test.
fn talkhis() -> Command {
    assert_cmd::cargo::cargo_bin_cmd!("talkhis")
}

/// What one run gave.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn stdout(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }
}

/// Where the input comes from.
#[derive(Clone, Copy, Debug)]
enum Via {
    /// A file named on the command line.
    File,
    /// Standard input.
    Stdin,
}

const BOTH: [Via; 2] = [Via::File, Via::Stdin];

/// Runs `talkhis args… INPUT` with `input` in a file or on standard input.
fn run(args: &[&str], input: &[u8], via: Via) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("input.txt");
    let mut cmd = talkhis();
    cmd.args(args);
    match via {
        Via::File => {
            fs::write(&path, input).unwrap();
            cmd.arg(&path);
        }
        Via::Stdin => {
            cmd.arg("-").write_stdin(input.to_vec());
        }
    }
    let out = cmd.output().expect("run talkhis");
    Run {
        code: out.status.code().expect("an exit code, not a signal"),
        stdout: out.stdout,
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// How the name of the input appears in messages.
fn input_name(via: Via) -> &'static str {
    match via {
        Via::File => "input.txt",
        Via::Stdin => "<stdin>",
    }
}

/// What standard output must hold, with exit code 0 and nothing on standard error.
enum Out {
    /// Nothing: no sentence to show.
    Nothing,
    /// This many lines.
    Lines(usize),
    /// One line: the whole input, its whitespace runs made single spaces.
    Whole,
    /// What the sample article gives, once `clean` maps this output.
    LikeSample(fn(&str) -> String),
}

/// One hostile input: (name, input, expected output of `talkhis` and `talkhis keywords`).
struct Case {
    name: &'static str,
    input: Vec<u8>,
    summary: Out,
    keywords: Out,
}

fn case(name: &'static str, input: impl Into<Vec<u8>>, summary: Out, keywords: Out) -> Case {
    Case { name, input: input.into(), summary, keywords }
}

/// Bidi controls and zero-width characters.
const INVISIBLE: [char; 6] =
    ['\u{200F}', '\u{200E}', '\u{202B}', '\u{202C}', '\u{200C}', '\u{200D}'];

/// The sample with an invisible character after every word that a space follows.
fn invisible_sample() -> String {
    let mut out = String::new();
    let mut prev = ' ';
    for (i, c) in sample().chars().enumerate() {
        if c == ' ' && prev.is_alphabetic() {
            out.push(INVISIBLE[i % INVISIBLE.len()]);
        }
        out.push(c);
        prev = c;
    }
    out
}

fn cases() -> Vec<Case> {
    let sample = sample();
    let vocabulary: Vec<&str> = sample
        .split_whitespace()
        .filter(|w| w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c)))
        .collect();
    let megabyte: String =
        (0..110_000).map(|i| vocabulary[i % vocabulary.len()]).collect::<Vec<_>>().join(" ");
    assert!(megabyte.len() > 1 << 20);
    vec![
        case("empty", "", Out::Nothing, Out::Nothing),
        case(
            "whitespace only",
            " \t\n\r\n\u{00A0}\u{3000}\u{2028}".repeat(100),
            Out::Nothing,
            Out::Nothing,
        ),
        case("only newlines", "\n".repeat(100_000), Out::Nothing, Out::Nothing),
        case(
            "only punctuation",
            "، ؛ : « » - ( ) ... ؟! . ".repeat(50),
            Out::Nothing,
            Out::Nothing,
        ),
        case(
            "only diacritics",
            "\u{064B}\u{064E}\u{064F}\u{0650}\u{0651}\u{0652}\u{0640} ".repeat(200),
            Out::Nothing,
            Out::Nothing,
        ),
        case("1 MB without punctuation or newline", megabyte, Out::Whole, Out::Lines(10)),
        case("one 10,000-letter word", "ب".repeat(10_000), Out::Nothing, Out::Nothing),
        case("NUL bytes only", "\0".repeat(10_000), Out::Nothing, Out::Nothing),
        case(
            "bidi controls and zero-width characters",
            invisible_sample(),
            Out::LikeSample(|s| s.chars().filter(|c| !INVISIBLE.contains(c)).collect()),
            Out::LikeSample(|s| s.chars().filter(|c| !INVISIBLE.contains(c)).collect()),
        ),
        case("emoji", "🙂 👍🏽 🇸🇦 👨\u{200D}👩\u{200D}👧 ".repeat(100), Out::Nothing, Out::Nothing),
        case(
            "combining marks",
            "\u{0301}\u{0336}\u{20DD} ".repeat(100),
            Out::Nothing,
            Out::Nothing,
        ),
        case(
            "Latin only",
            "The committee approved the new budget on Monday. Critics said the budget was too \
             small. The final vote of the regional council came late.",
            Out::Lines(3),
            Out::Lines(10),
        ),
        case(
            "Arabic-Indic digits only",
            "٠١٢٣٤٥٦٧٨٩ ٢٠١٥ ٤.٥ ١٢/١١/٢٠١٥",
            Out::Nothing,
            Out::Nothing,
        ),
        case(
            "CR LF line ends",
            sample.replace('\n', "\r\n"),
            Out::LikeSample(unchanged),
            Out::LikeSample(unchanged),
        ),
        case(
            "lone CR line ends",
            sample.replace('\n', "\r"),
            Out::LikeSample(unchanged),
            Out::LikeSample(unchanged),
        ),
        case(
            "byte-order mark",
            format!("\u{FEFF}{sample}"),
            Out::LikeSample(|s| s.replace('\u{FEFF}', "")),
            Out::LikeSample(|s| s.replace('\u{FEFF}', "")),
        ),
    ]
}

fn unchanged(s: &str) -> String {
    s.to_owned()
}

/// Checks one run against what it must give.
fn check(what: &str, run: &Run, expect: &Out, input: &[u8], args: &[&str], via: Via) {
    assert_eq!(run.code, 0, "{what}: {}", run.stderr);
    assert!(run.stderr.is_empty(), "{what}: {}", run.stderr);
    let out = run.stdout();
    match expect {
        Out::Nothing => assert_eq!(out, "", "{what}"),
        Out::Lines(n) => assert_eq!(out.lines().count(), *n, "{what}: {out}"),
        Out::Whole => {
            let text = std::str::from_utf8(input).unwrap();
            let whole = text.split_whitespace().collect::<Vec<_>>().join(" ") + "\n";
            assert!(out == whole, "{what}: the whole text, on one line");
        }
        Out::LikeSample(clean) => {
            let want = self::run(args, sample().as_bytes(), via).stdout();
            assert!(!want.is_empty());
            assert_eq!(clean(&out), want, "{what}");
        }
    }
}

#[test]
fn hostile_inputs_summarize_and_keywords() {
    for case in cases() {
        for via in BOTH {
            for (args, expect) in [(&[][..], &case.summary), (&["keywords"][..], &case.keywords)] {
                let what = format!("{} via {via:?}, args {args:?}", case.name);
                let got = run(args, &case.input, via);
                check(&what, &got, expect, &case.input, args, via);
            }
        }
    }
}

/// 100,000 one-word sentences, with the offset of sentence `index` (0-based).
fn one_word_sentences(index: usize) -> (String, usize) {
    let words = ["خبر", "كلمة", "جملة", "مدينة"];
    let mut text = String::new();
    let mut at = 0;
    for i in 0..100_000 {
        if i == index {
            at = text.len();
        }
        text.push_str(words[i % words.len()]);
        text.push_str(". ");
    }
    (text, at)
}

/// 70,000 distinct terms (more than the default 65,536), with the offset of the first word
/// past the limit.
fn distinct_terms() -> (String, usize) {
    const LETTERS: [char; 15] =
        ['ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ق'];
    let mut text = String::new();
    let mut at = 0;
    for i in 0..70_000 {
        if i == 65_536 {
            at = text.len();
        }
        let mut n = i;
        for _ in 0..5 {
            text.push(LETTERS[n % LETTERS.len()]);
            n /= LETTERS.len();
        }
        text.push_str(if i % 10 == 9 { ". " } else { " " });
    }
    (text, at)
}

/// A capacity error: exit code 1, no summary on standard output, and a message naming the
/// input, the limit, the byte, and what to do.
#[test]
fn beyond_capacity_prints_no_summary() {
    let (sentences, at) = one_word_sentences(16_384);
    let (large, large_at) = one_word_sentences(65_535);
    assert_eq!(sentences, large);
    let (terms, terms_at) = distinct_terms();
    // (case, input, extra args, what the message must say)
    let cases: [(&str, &str, &[&str], String); 4] = [
        (
            "sentences",
            &sentences,
            &[],
            format!("more than 16384 sentences (at byte {at}); rerun with --large"),
        ),
        (
            "sentences, --large",
            &sentences,
            &["--large"],
            format!("more than 65535 sentences (at byte {large_at}); that is the most"),
        ),
        (
            "terms",
            &terms,
            &[],
            format!("more than 65536 distinct terms (at byte {terms_at}); rerun with --large"),
        ),
        (
            "sentences, --explain",
            &sentences,
            &["--explain"],
            format!("more than 16384 sentences (at byte {at})"),
        ),
    ];
    for (name, input, args, message) in cases {
        for via in BOTH {
            // `--explain` is an option of `summarize` only.
            let modes: &[&[&str]] =
                if args.contains(&"--explain") { &[&[]] } else { &[&[], &["keywords"]] };
            for mode in modes {
                let args: Vec<&str> = mode.iter().chain(args).copied().collect();
                let got = run(&args, input.as_bytes(), via);
                let what = format!("{name} via {via:?}, args {args:?}");
                assert_eq!(got.code, 1, "{what}: {}", got.stderr);
                assert!(got.stdout.is_empty(), "{what}: nothing on stdout: {}", got.stdout());
                assert!(got.stderr.starts_with("talkhis: "), "{what}: {}", got.stderr);
                let line = format!("{}: document too large: {message}", input_name(via));
                assert!(
                    got.stderr.contains(&line),
                    "{what}: {:?} should contain {line:?}",
                    got.stderr
                );
            }
        }
    }
}

/// In JSON formats the failing document's record carries the error; postcard writes nothing.
#[test]
fn beyond_capacity_in_json_and_postcard() {
    let (input, at) = one_word_sentences(16_384);
    for via in BOTH {
        for format in ["json", "jsonl"] {
            let got = run(&["--format", format], input.as_bytes(), via);
            assert_eq!(got.code, 1, "{format} via {via:?}");
            let out = got.stdout();
            if format == "jsonl" {
                assert_eq!(out.lines().count(), 1, "one record: {out}");
            }
            let record: Value = serde_json::from_str(&out).expect("a JSON record");
            assert_eq!(record["error"]["kind"], "too-large", "{record}");
            let message = record["error"]["message"].as_str().unwrap();
            assert!(
                message.contains(&format!("more than 16384 sentences (at byte {at})")),
                "{message}"
            );
            assert!(
                record.get("sentences").is_none() && record.get("keywords").is_none(),
                "{record}"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("summary.postcard");
        let o = out.to_str().unwrap();
        let got = run(&["--format", "postcard", "-o", o], input.as_bytes(), via);
        assert_eq!(got.code, 1, "postcard via {via:?}");
        assert!(got.stderr.contains("more than 16384 sentences"), "{}", got.stderr);
        assert!(!out.exists(), "no partial postcard: a failed run creates no file");
        let text = dir.path().join("summary.txt");
        let got = run(&["-o", text.to_str().unwrap()], input.as_bytes(), via);
        assert_eq!(got.code, 1, "text to a file via {via:?}");
        assert!(!text.exists(), "no partial summary: a failed run creates no file");
    }
}

/// A batch of hostile files: one record per file, in order; the failing one carries its
/// error, the others are complete; exit code 1 and a count on standard error.
#[test]
fn hostile_batch() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (huge, at) = one_word_sentences(16_384);
    let files: [(&str, Vec<u8>); 7] = [
        ("a-empty.txt", Vec::new()),
        ("b-nul.txt", vec![0; 1000]),
        ("c-huge.txt", huge.into_bytes()),
        ("d-invalid.txt", b"\xD8\xA7\xFF".to_vec()),
        ("e-sample.txt", sample().into_bytes()),
        ("f-crlf.txt", sample().replace('\n', "\r\n").into_bytes()),
        ("g-emoji.txt", "🙂 ".repeat(100).into_bytes()),
    ];
    for (name, bytes) in &files {
        fs::write(root.join(name), bytes).unwrap();
    }
    let r = root.to_str().unwrap();
    let out = talkhis().args(["--format", "jsonl", r]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("7 documents, 2 failed"), "{stderr}");
    assert!(stderr.contains("c-huge.txt: document too large") && stderr.contains("d-invalid.txt"));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let records: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).expect(l)).collect();
    assert_eq!(records.len(), files.len(), "one line per document");
    for ((name, bytes), record) in files.iter().zip(&records) {
        assert_eq!(record["path"], root.join(name).display().to_string());
        match *name {
            "c-huge.txt" => {
                assert_eq!(record["error"]["kind"], "too-large");
                let message = record["error"]["message"].as_str().unwrap();
                assert!(message.contains(&format!("(at byte {at})")), "{message}");
            }
            "d-invalid.txt" => assert_eq!(record["error"]["kind"], "invalid-utf8"),
            _ => {
                assert!(record.get("error").is_none(), "{record}");
                let text = std::str::from_utf8(bytes).unwrap();
                for s in record["sentences"].as_array().unwrap() {
                    let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
                    assert_eq!(text.get(start as usize..end as usize), s["text"].as_str());
                }
            }
        }
    }
    let summaries = |r: &Value| r["sentences"].as_array().map(Vec::len);
    assert_eq!(summaries(&records[4]), summaries(&records[5]), "CR LF summarizes like LF");

    // Text format: a header and the summary for each good file, nothing for the failed ones.
    let out = talkhis().args(["-q", r]).arg("--format").arg("text").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let headers: Vec<PathBuf> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("==> ")?.strip_suffix(" <=="))
        .map(PathBuf::from)
        .collect();
    let good = ["a-empty.txt", "b-nul.txt", "e-sample.txt", "f-crlf.txt", "g-emoji.txt"];
    assert_eq!(headers, good.map(|f| root.join(f)), "{stdout}");
}

/// A summary cut at the CLI's 1,024 sentences says so on standard error.
#[test]
fn summary_cut_at_the_cli_limit_warns() {
    let input: String =
        (0..3000).map(|i| format!("الجملة رقم {i} عن موضوع مختلف تماما. ")).collect();
    for via in BOTH {
        let got = run(&["--ratio", "1", "--redundancy", "1000"], input.as_bytes(), via);
        assert_eq!(got.code, 0, "{}", got.stderr);
        assert_eq!(got.stdout().lines().count(), 1024);
        assert!(got.stderr.starts_with("talkhis: warning: "), "{}", got.stderr);
        let warning = format!("{}: summary cut at 1024 sentences", input_name(via));
        assert!(got.stderr.contains(&warning), "{}", got.stderr);
    }
}
