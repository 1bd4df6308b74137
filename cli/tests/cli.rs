//! Integration tests that run the real `talkhis` binary: outputs, the JSON schema, postcard,
//! every kind of bad input with its exit code, batches, `config`, `eval` and `tune`.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use serde::Deserialize;
use talkhis_eval::data::corpus;

/// The sample article (a copy of a shared sample; see tests/data/README.md).
fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/sample.txt")
}

fn sample() -> String {
    fs::read_to_string(sample_path()).expect("tests/data/sample.txt")
}

/// The binary under test.
fn talkhis() -> Command {
    assert_cmd::cargo::cargo_bin_cmd!("talkhis")
}

/// Runs `talkhis args…`, returning (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    run_with(talkhis().args(args))
}

fn run_with(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("run talkhis");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// `text` with every whitespace run as one space (how text output prints a sentence).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// The documented JSON schema, strictly: an unknown or missing field fails the test.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    path: Option<String>,
    total_sentences: u32,
    total_words: u32,
    sentences: Option<Vec<SentenceJson>>,
    keywords: Vec<KeywordJson>,
    explain: Option<Vec<ExplainJson>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SentenceJson {
    text: String,
    start: usize,
    end: usize,
    score: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeywordJson {
    text: String,
    start: usize,
    score: f64,
    count: u16,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExplainJson {
    index: u32,
    text: String,
    start: usize,
    end: usize,
    words: u16,
    content_words: u16,
    headline: bool,
    eligible: bool,
    chosen: bool,
    content: f64,
    position: f64,
    bonus: f64,
    total: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorDoc {
    path: Option<String>,
    error: ErrorBody,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorBody {
    kind: String,
    message: String,
}

/// One JSON record: a document or an error.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Record {
    Doc(Doc),
    Error(ErrorDoc),
}

/// Checks that every span of `doc` indexes `text`.
fn check_spans(doc: &Doc, text: &str) {
    for s in doc.sentences.iter().flatten() {
        assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()), "sentence span {s:?}");
        assert!(s.score >= 0.0);
    }
    for k in &doc.keywords {
        let end = k.start + k.text.len();
        assert_eq!(text.get(k.start..end), Some(k.text.as_str()), "keyword span {k:?}");
        assert!(k.count >= 1 && k.score > 0.0, "{k:?}");
    }
    for e in doc.explain.iter().flatten() {
        assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()), "explain span {e:?}");
    }
}

#[test]
fn sample_text_prints_sentences_of_the_input_in_order() {
    let text = sample();
    let flat = one_line(&text);
    let (code, out, err) = run(&[sample_path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "default budget is 3 sentences:\n{out}");
    let mut at = 0;
    for line in &lines {
        // Logical order, unchanged bytes: each line is a piece of the input, in order.
        let found = flat[at..].find(line).unwrap_or_else(|| panic!("{line:?} not in the input"));
        at += found + line.len();
    }
    let (code, same, _) = run(&["summarize", sample_path().to_str().unwrap()]);
    assert_eq!((code, same), (0, out), "summarize is the default subcommand");
}

#[test]
fn keywords_text_and_count() {
    let text = sample();
    let cases: &[(&str, &[&str], usize)] = &[
        ("default ten", &[], 10),
        ("-k 3", &["-k", "3"], 3),
        ("--keywords 0", &["--keywords", "0"], 0),
    ];
    let path = sample_path();
    for (name, extra, expected) in cases {
        let mut args = vec!["keywords", path.to_str().unwrap()];
        args.extend_from_slice(extra);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "case {name:?}: {err}");
        assert_eq!(out.lines().count(), *expected, "case {name:?}:\n{out}");
        for line in out.lines() {
            assert!(text.contains(line), "case {name:?}: {line:?} is not a span of the input");
        }
    }
}

#[test]
fn json_schema_round_trip() {
    let text = sample();
    let path = sample_path();
    let (code, out, err) =
        run(&["--format", "json", "--explain", "--sentences", "2", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let doc: Doc = serde_json::from_str(&out).expect("documented schema");
    check_spans(&doc, &text);
    assert_eq!(doc.path.as_deref(), path.to_str());
    let sentences = doc.sentences.as_ref().expect("summarize has sentences");
    assert_eq!(sentences.len(), 2);
    assert!(sentences.windows(2).all(|w| w[0].end <= w[1].start), "document order");
    assert_eq!(doc.keywords.len(), 10);
    let explain = doc.explain.as_ref().expect("--explain");
    assert_eq!(explain.len() as u32, doc.total_sentences);
    assert!(doc.total_words > 0);
    for (i, e) in explain.iter().enumerate() {
        assert_eq!(e.index as usize, i);
        let chosen = sentences.iter().any(|s| s.start == e.start);
        assert_eq!(e.chosen, chosen, "row {i}");
        assert!(!e.chosen || e.eligible, "row {i}: chosen but not eligible");
        assert!(e.words >= e.content_words);
        assert!(e.content >= 0.0 && e.position >= 0.0 && e.bonus >= 0.0 && e.total >= 0.0);
    }
    assert!(explain.iter().filter(|e| e.headline).count() <= 1);

    // Keywords only: no sentences, no explain; standard input: no path.
    let (code, out, err) =
        run_with(talkhis().args(["keywords", "--format", "jsonl"]).write_stdin(text.clone()));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "jsonl is one line");
    let doc: Doc = serde_json::from_str(&out).expect("documented schema");
    assert!(doc.path.is_none() && doc.sentences.is_none() && doc.explain.is_none());
    check_spans(&doc, &text);
}

#[test]
fn length_options() {
    let path = sample_path();
    let p = path.to_str().unwrap();
    // (sentences, words as the core counts them, the document's words)
    let length = |args: &[&str]| -> (usize, u32, u32) {
        let mut all = vec!["--format", "json", "--explain", p];
        all.extend_from_slice(args);
        let (code, out, err) = run(&all);
        assert_eq!(code, 0, "{args:?}: {err}");
        let doc: Doc = serde_json::from_str(&out).unwrap();
        let explain = doc.explain.unwrap();
        let words = explain.iter().filter(|e| e.chosen).map(|e| u32::from(e.words)).sum();
        (doc.sentences.unwrap().len(), words, doc.total_words)
    };
    let (n, _, _) = length(&["--sentences", "1"]);
    assert_eq!(n, 1);
    let (n, words, total) = length(&["--words", "50"]);
    assert!(n >= 1 && words >= 50 && total >= 50, "the last sentence may cross: {words}");
    let (n, words, _) = length(&["--words", "100", "--fill", "false"]);
    assert!(n == 1 || words <= 100, "--fill false stays within the budget: {n}, {words}");
    let (_, words, total) = length(&["--ratio", "0.5"]);
    assert!(words >= total / 2, "{words} of {total}");
    let (n, _, _) = length(&["--ratio", "0"]);
    assert_eq!(n, 0);
}

#[test]
fn usage_errors_exit_2() {
    let path = sample_path();
    let p = path.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bad_key = dir.path().join("bad.toml");
    fs::write(&bad_key, "position_decai = 3\n").unwrap();
    let bad_value = dir.path().join("value.toml");
    fs::write(&bad_value, "position_decay = 70000\n").unwrap();
    let d = dir.path().to_str().unwrap();
    let cases: &[(&str, Vec<&str>, &str)] = &[
        ("unknown option", vec!["--no-such-option", p], "--no-such-option"),
        ("two budgets", vec!["--sentences", "2", "--words", "40", p], "cannot be used with"),
        ("ratio above 1", vec!["--ratio", "1.5", p], "from 0 to 1"),
        ("weight not a number", vec!["--position-decay", "fast", p], "position-decay"),
        ("weight out of range", vec!["--position-decay", "70000", p], "position-decay"),
        ("bool weight", vec!["--fill", "maybe", p], "--fill"),
        ("too many keywords", vec!["-k", "100000", p], "keywords"),
        ("config is a directory", vec!["--config", d, p], d),
        ("config missing", vec!["--config", "/no/such/file.toml", p], "/no/such/file.toml"),
        ("config unknown key", vec!["--config", bad_key.to_str().unwrap(), p], "position_decai"),
        ("config bad value", vec!["--config", bad_value.to_str().unwrap(), p], "position_decay"),
        ("stdin twice", vec!["-", "-"], "once"),
        ("postcard batch", vec!["--format", "postcard", p, p], "one document"),
    ];
    for (name, args, needle) in cases {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "case {name:?}: stdout {out:?} stderr {err:?}");
        assert!(err.contains(needle), "case {name:?}: {err:?} should mention {needle:?}");
        assert!(out.is_empty(), "case {name:?}: {out:?}");
    }
}

#[test]
fn help_documents_exit_codes_and_schema() {
    for args in [&["--help"][..], &["summarize", "--help"], &["keywords", "--help"]] {
        let (code, out, _) = run(args);
        assert_eq!(code, 0);
        for needle in
            ["Exit codes", "0  success", "1  an input failed", "2  usage", "\"sentences\""]
        {
            assert!(out.contains(needle), "{args:?}: no {needle:?}");
        }
    }
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--position-decay") && out.contains("--explain"));
}

#[test]
fn bad_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample();
    // Invalid UTF-8 right after the headline, at an offset computed, not counted.
    let cut = text.find('\n').unwrap();
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(cut, 0xFF);
    let invalid = dir.path().join("invalid.txt");
    fs::write(&invalid, &bytes).unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let blank = dir.path().join("blank.txt");
    fs::write(&blank, " \n\t\n   \n").unwrap();
    let no_txt = dir.path().join("no-txt");
    fs::create_dir(&no_txt).unwrap();
    fs::write(no_txt.join("notes.md"), "نص").unwrap();
    // 20,000 short sentences: past the default 16,384.
    let huge = dir.path().join("huge.txt");
    fs::write(&huge, "هذه جملة قصيرة. ".repeat(20_000)).unwrap();
    let missing = dir.path().join("missing.txt");

    let s = |p: &Path| p.to_str().unwrap().to_owned();
    let invalid_msg = format!("invalid UTF-8 at byte {cut}");
    let strings = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    /// (case, args, exit code, stdout lines, what stderr must contain)
    type Case = (&'static str, Vec<String>, i32, usize, Vec<String>);
    let cases: Vec<Case> = vec![
        ("missing file", vec![s(&missing)], 1, 0, vec![s(&missing), "no such file".into()]),
        // A folder makes a batch, whose default format (jsonl) has a record for the error.
        (
            "folder without .txt",
            vec![s(&no_txt)],
            1,
            1,
            vec![s(&no_txt), "no file matching *.txt".into()],
        ),
        (
            "invalid UTF-8",
            vec![s(&invalid)],
            1,
            0,
            vec![s(&invalid), invalid_msg.clone(), "--lossy".into()],
        ),
        ("--lossy", vec!["--lossy".into(), s(&invalid)], 0, 3, vec![]),
        ("empty file", vec![s(&empty)], 0, 0, vec![]),
        ("whitespace only", vec![s(&blank)], 0, 0, vec![]),
        ("empty keywords", strings(&["keywords", &s(&empty)]), 0, 0, vec![]),
        ("empty standard input", vec!["-".into()], 0, 0, vec![]),
        (
            "beyond capacity",
            vec![s(&huge)],
            1,
            0,
            vec![s(&huge), "more than 16384 sentences".into(), "--large".into()],
        ),
        // One line: the other sentences repeat it and the redundancy check skips them.
        ("--large fits", vec!["--large".into(), s(&huge)], 0, 1, vec![]),
    ];
    for (name, args, code, lines, needles) in &cases {
        let (got, out, err) = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(got, *code, "case {name:?}: stderr {err:?}");
        assert_eq!(out.lines().count(), *lines, "case {name:?}: {out:?}");
        for needle in needles {
            assert!(err.contains(needle), "case {name:?}: {err:?} should mention {needle:?}");
        }
        if *code == 0 {
            assert!(err.is_empty(), "case {name:?}: {err:?}");
        }
    }

    // The JSON formats report a failed input as a record too.
    let (code, out, _) = run(&["--format", "json", s(&invalid).as_str()]);
    assert_eq!(code, 1);
    let Record::Error(e) = serde_json::from_str(&out).unwrap() else { panic!("{out}") };
    assert_eq!(e.error.kind, "invalid-utf8");
    assert!(e.error.message.contains(&invalid_msg));
    assert_eq!(e.path.as_deref(), invalid.to_str());
}

#[test]
fn output_to_a_directory_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, out, err) = run(&["-o", d, sample_path().to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(err.contains(d) && err.contains("is a directory"), "{err}");
}

#[test]
fn too_large_even_for_large_names_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huger.txt");
    fs::write(&huge, "جملة. ".repeat(70_000)).unwrap();
    let (code, out, err) = run(&["--large", "--format", "jsonl", huge.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("more than 65535 sentences") && err.contains("split"), "{err}");
    let Record::Error(e) = serde_json::from_str(&out).unwrap() else { panic!("{out}") };
    assert_eq!(e.error.kind, "too-large");
}

#[test]
fn postcard_decodes_with_the_core() {
    // The CLI encodes `Summary<'_, 1024>` and `Keywords<'_, 256>`; postcard does not store the
    // capacity, so any N at least the number of items decodes. We decode with the same N.
    const N: usize = 1024;
    const K: usize = 256;
    let text = sample();
    let path = sample_path();
    let p = path.to_str().unwrap();
    let (code, json, _) = run(&["--format", "json", p]);
    assert_eq!(code, 0);
    let doc: Doc = serde_json::from_str(&json).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("summary.postcard");
    let (code, out, err) = run(&["--format", "postcard", "-o", file.to_str().unwrap(), p]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let bytes = fs::read(&file).unwrap();
    let summary: talkhis::Summary<'_, N> = postcard::from_bytes(&bytes).expect("decodes");
    let expected = doc.sentences.unwrap();
    assert_eq!(summary.sentences.len(), expected.len());
    for (got, want) in summary.sentences.iter().zip(&expected) {
        assert_eq!((got.text, got.start), (want.text.as_str(), want.start));
        assert_eq!(&text[got.start..got.start + got.text.len()], got.text);
    }
    assert_eq!(
        (summary.total_sentences, summary.total_words),
        (doc.total_sentences, doc.total_words)
    );

    // To standard output (not a terminal here), keywords.
    let out = talkhis().args(["keywords", "--format", "postcard", p]).output().unwrap();
    assert!(out.status.success());
    let keywords: talkhis::Keywords<'_, K> = postcard::from_bytes(&out.stdout).expect("decodes");
    let texts: Vec<&str> = keywords.keywords.iter().map(|k| k.text).collect();
    let expected: Vec<&str> = doc.keywords.iter().map(|k| k.text.as_str()).collect();
    assert_eq!(texts, expected);
}

#[test]
fn batch_over_a_folder_with_one_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let text = sample();
    fs::write(root.join("b.txt"), &text).unwrap();
    fs::write(root.join("a.txt"), text.replace("موسكو", "باريس")).unwrap();
    fs::create_dir(root.join("sub")).unwrap();
    fs::write(root.join("sub/c.txt"), "جملة واحدة عن الطاقة الشمسية في المدن العربية.").unwrap();
    fs::write(root.join("sub/ignored.md"), "ليس نصا").unwrap();
    fs::write(root.join("broken.txt"), b"\xC3\x28 invalid").unwrap();
    let r = root.to_str().unwrap();

    let (code, out, err) = run(&[r]);
    assert_eq!(code, 1, "one input failed: {err}");
    let records: Vec<Record> = out.lines().map(|l| serde_json::from_str(l).expect(l)).collect();
    let paths: Vec<String> = records
        .iter()
        .map(|r| match r {
            Record::Doc(d) => d.path.clone().unwrap(),
            Record::Error(e) => e.path.clone().unwrap(),
        })
        .collect();
    let expected: Vec<String> = ["a.txt", "b.txt", "broken.txt", "sub/c.txt"]
        .iter()
        .map(|f| root.join(f).display().to_string())
        .collect();
    assert_eq!(paths, expected, "sorted, recursive, *.txt only");
    let Record::Error(e) = &records[2] else { panic!("{:?}", records[2]) };
    assert_eq!(e.error.kind, "invalid-utf8");
    assert!(e.error.message.contains("at byte 0"), "{e:?}");
    for r in &records {
        if let Record::Doc(d) = r {
            let text = fs::read_to_string(d.path.as_ref().unwrap()).unwrap();
            check_spans(d, &text);
        }
    }
    assert!(err.contains("broken.txt") && err.contains("4 documents, 1 failed"), "{err}");
    assert!(err.contains("MB/s"), "{err}");

    // json: one array; text: headers; -q: no summary line.
    let (code, out, _) = run(&["--format", "json", "-q", r]);
    assert_eq!(code, 1);
    let all: Vec<Record> = serde_json::from_str(&out).expect("a JSON array");
    assert_eq!(all.len(), 4);
    let (code, out, err) = run(&["keywords", "--format", "text", "-q", r]);
    assert_eq!(code, 1);
    assert_eq!(out.matches("==> ").count(), 3, "headers for the three good files:\n{out}");
    assert!(err.contains("broken.txt") && !err.contains("documents"), "{err}");
}

#[test]
fn broken_pipe_ends_quietly() {
    let path = sample_path();
    let p = path.to_str().unwrap();
    // 300 copies of the article: far more output than a pipe buffer holds.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("talkhis"))
        .args(std::iter::repeat_n(p, 300))
        .arg("-q")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn config_prints_toml_that_reads_back() {
    let (code, defaults, err) = run(&["config"]);
    assert_eq!(code, 0, "{err}");
    let table: toml::Table = toml::from_str(&defaults).expect("valid TOML");
    assert!(table.contains_key("position_decay") && table.contains_key("budget"));
    let config: talkhis::Config = toml::from_str(&defaults).expect("a complete Config");
    assert_eq!(config, talkhis::Config::new());

    // Flags override; the printed file read back with --config gives the same file.
    let (code, tuned, _) = run(&["config", "--position-decay", "321", "--fill", "false"]);
    assert_eq!(code, 0);
    let config: talkhis::Config = toml::from_str(&tuned).unwrap();
    assert_eq!(config, talkhis::Config::new().with_position_decay(321).with_fill(false));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tuned.toml");
    fs::write(&file, &tuned).unwrap();
    let (code, again, _) = run(&["config", "--config", file.to_str().unwrap()]);
    assert_eq!((code, again), (0, tuned));
}

#[test]
fn weights_reach_the_core() {
    let path = sample_path();
    let p = path.to_str().unwrap();
    let bonuses = |args: &[&str]| -> Vec<f64> {
        let mut all = vec!["--format", "json", "--explain", p];
        all.extend_from_slice(args);
        let (code, out, err) = run(&all);
        assert_eq!(code, 0, "{err}");
        let doc: Doc = serde_json::from_str(&out).unwrap();
        doc.explain.unwrap().iter().map(|e| e.bonus).collect()
    };
    assert!(bonuses(&[]).iter().any(|&b| b > 0.0), "the default has a lead bonus");
    assert!(bonuses(&["--lead-bonus", "0"]).iter().all(|&b| b == 0.0));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    fs::write(&file, "lead_bonus = 0\n").unwrap();
    assert!(bonuses(&["--config", file.to_str().unwrap()]).iter().all(|&b| b == 0.0));
    assert!(
        bonuses(&["--config", file.to_str().unwrap(), "--lead-bonus", "700"]).contains(&0.7),
        "flags override the file"
    );

    let (code, table, _) = run(&["--explain", p]);
    assert_eq!(code, 0);
    assert!(table.contains("position") && table.contains("total"), "{table}");
    let rows = table
        .lines()
        .filter(|l| l.trim_start_matches('\u{200E}').trim_start().starts_with(char::is_numeric))
        .count();
    let (_, json, _) = run(&["--format", "json", p]);
    let doc: Doc = serde_json::from_str(&json).unwrap();
    assert_eq!(rows as u32, doc.total_sentences, "one row per sentence:\n{table}");
}

/// A tiny EASC-layout corpus written by hand: two articles, each with references equal to its
/// opening, so Lead scores 100 on every measure.
fn tiny_easc(root: &Path) {
    let docs = [
        (
            "t1",
            "environment",
            "ارتفعت درجات الحرارة في المدن العربية هذا الصيف. \
             وقال خبراء إن موجات الحر ستتكرر. \
             ودعت الحكومات إلى ترشيد استهلاك المياه والكهرباء.",
            "ارتفعت درجات الحرارة في المدن العربية هذا الصيف.",
        ),
        (
            "t2",
            "sport",
            "فاز المنتخب الوطني بكأس البطولة بعد مباراة صعبة. \
             وسجل اللاعبون ثلاثة أهداف في الشوط الثاني. \
             واحتفل الجمهور بالفوز في الشوارع حتى الصباح.",
            "فاز المنتخب الوطني بكأس البطولة بعد مباراة صعبة.",
        ),
    ];
    let mut manifest = String::from("doc_id\tcategory\tsource\n");
    for (id, category, article, reference) in docs {
        manifest.push_str(&format!("{id}\t{category}\tWikipedia\n"));
        fs::create_dir(root.join(id)).unwrap();
        fs::write(root.join(id).join("article.txt"), article).unwrap();
        fs::write(root.join(id).join("ref-A.txt"), reference).unwrap();
        fs::write(root.join(id).join("ref-B.txt"), reference).unwrap();
    }
    fs::write(root.join("manifest.tsv"), manifest).unwrap();
}

#[test]
fn eval_summaries_on_a_tiny_corpus() {
    let dir = tempfile::tempdir().unwrap();
    tiny_easc(dir.path());
    let d = dir.path().to_str().unwrap();
    let (code, out, err) = run(&["eval", "summaries", d, "--json", "--resamples", "200"]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["documents"], 2);
    for metric in ["rouge1", "rouge2", "rouge_l"] {
        for part in ["p", "r", "f"] {
            let lead = report["lead"][metric][part].as_f64().unwrap();
            assert!((lead - 100.0).abs() < 1e-9, "Lead {metric} {part} = {lead}");
            let ours = report["talkhis"][metric][part].as_f64().unwrap();
            assert!((0.0..=100.0).contains(&ours), "talkhis {metric} {part} = {ours}");
        }
    }
    let categories = report["categories"].as_array().unwrap();
    let names: Vec<&str> = categories.iter().map(|c| c["category"].as_str().unwrap()).collect();
    assert_eq!(names, ["environment", "sport"]);
    let diff = report["difference_r1_f"]["mean"].as_f64().unwrap();
    let ours = report["talkhis"]["rouge1"]["f"].as_f64().unwrap();
    assert!((diff - (ours - 100.0)).abs() < 1e-9);
    let [lo, hi] = [0, 1].map(|i| report["talkhis_r1_f_ci95"][i].as_f64().unwrap());
    assert!(lo <= ours + 1e-9 && ours <= hi + 1e-9, "{lo} <= {ours} <= {hi}");

    let (code, out, err) = run(&["eval", "summaries", d, "--position-decay", "0"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Lead") && out.contains("talkhis") && out.contains("sport"), "{out}");

    let (code, _, err) = run(&["eval", "summaries", dir.path().join("t1").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("manifest.tsv"), "{err}");
}

#[test]
fn eval_and_tune_keywords_on_a_tiny_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let docs = [
        (
            "A1",
            "الطاقة الشمسية مستقبل الطاقة. وتستثمر الدول في الطاقة الشمسية والرياح.",
            "الطاقة\nالطاقة الشمسية\n",
        ),
        ("A2", "المياه ثروة. ويهدد الجفاف موارد المياه في المنطقة.", "المياه\nالجفاف\n"),
    ];
    let mut manifest = String::from("doc_id\tsplit\n");
    for (id, text, gold) in docs {
        manifest.push_str(&format!("{id}\ttrain\n"));
        fs::create_dir(root.join(id)).unwrap();
        fs::write(root.join(id).join("document.txt"), text).unwrap();
        fs::write(root.join(id).join("keyphrases-frequency-pure.txt"), gold).unwrap();
    }
    fs::write(root.join("manifest.tsv"), manifest).unwrap();
    let d = root.to_str().unwrap();
    let (code, out, err) = run(&["eval", "keywords", d, "--json", "-k", "5"]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((report["documents"].as_u64(), report["k"].as_u64()), (Some(2), Some(5)));
    for mode in ["exact", "partial"] {
        for part in ["p", "r", "f"] {
            let v = report[mode][part].as_f64().unwrap();
            assert!((0.0..=100.0).contains(&v), "{mode} {part} = {v}");
        }
    }
    let exact = report["exact"]["f"].as_f64().unwrap();
    assert!(exact > 0.0, "the most frequent word of each document is a gold phrase");
    assert!(report["partial"]["f"].as_f64().unwrap() >= exact);

    let (code, out, err) = run(&[
        "tune",
        "keywords",
        d,
        "--folds",
        "2",
        "--params",
        "keyword_position_decay",
        "--rounds",
        "1",
    ]);
    assert_eq!(code, 0, "{err}");
    for needle in
        ["fold 1/2", "fold 2/2", "cross-validated", "final search", "configurations scored"]
    {
        assert!(out.contains(needle), "no {needle:?} in\n{out}");
    }
    let (code, _, err) = run(&["tune", "keywords", d, "--params", "no_such_weight"]);
    assert_eq!(code, 2);
    assert!(err.contains("no_such_weight"), "{err}");
}

#[test]
fn tune_summaries_on_a_tiny_corpus() {
    let dir = tempfile::tempdir().unwrap();
    tiny_easc(dir.path());
    let d = dir.path().to_str().unwrap();
    let (code, out, err) = run(&[
        "tune",
        "summaries",
        d,
        "--folds",
        "2",
        "--params",
        "position_decay,lead_bonus",
        "--grid",
        "position_decay=0,500,5000",
        "--verbose",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("try position_decay = 5000"), "{out}");
    assert!(out.contains("R1-F") && out.contains("Lead"), "{out}");

    // More folds than documents is a usage error, found once the corpus is read.
    let (code, out, err) = run(&["tune", "summaries", d, "--folds", "3"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("2 documents cannot make 3 folds"), "{err}");
}

/// The full protocol through the binary: Lead must reproduce the reference figures of
/// `docs/EVALUATION.md` (R1-F 51.19, R2-F 43.25, RL-F 46.53). Needs `$TALKHIS_DATA/easc-dev`.
#[test]
fn eval_summaries_reproduces_lead_on_easc_dev() {
    let Some(dir) = corpus("easc-dev", "eval_summaries_reproduces_lead_on_easc_dev") else {
        return;
    };
    assert!(dir.join("manifest.tsv").exists(), "EASC dev corpus not found at {}", dir.display());
    let (code, out, err) =
        run(&["eval", "summaries", dir.to_str().unwrap(), "--json", "--resamples", "1000"]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["documents"], 102);
    for (metric, expected) in [("rouge1", 51.19), ("rouge2", 43.25), ("rouge_l", 46.53)] {
        let got = report["lead"][metric]["f"].as_f64().unwrap();
        assert!((got - expected).abs() <= 0.005, "Lead {metric} F: {got:.4}, expected {expected}");
    }
    let categories = report["categories"].as_array().unwrap();
    let docs: u64 = categories.iter().map(|c| c["documents"].as_u64().unwrap()).sum();
    assert_eq!(docs, 102);
}

/// `eval summaries` reads EASC as its public distribution lays it out
/// (`EASC-UTF-8/Articles/TopicN/…`, `EASC-UTF-8/MTurk/TopicN/D01NN.M.250.A.k.X`), and scores
/// it exactly as the converted layout of the same topics. Needs `$TALKHIS_DATA/easc-raw-sample`
/// (topics 1, 2 and 4) and `$TALKHIS_DATA/easc-dev`.
#[test]
fn eval_summaries_reads_the_public_easc_layout_as_the_converted_one() {
    let test = "eval_summaries_reads_the_public_easc_layout_as_the_converted_one";
    let (Some(raw), Some(dev)) = (corpus("easc-raw-sample", test), corpus("easc-dev", test)) else {
        return;
    };
    // The same three topics in the converted layout: their folders and manifest rows.
    let converted = tempfile::tempdir().unwrap();
    let manifest = fs::read_to_string(dev.join("manifest.tsv")).unwrap();
    let ids = ["topic001", "topic002", "topic004"];
    let rows: Vec<&str> = manifest
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || ids.iter().any(|id| l.starts_with(&format!("{id}\t"))))
        .map(|(_, l)| l)
        .collect();
    assert_eq!(rows.len(), 4, "manifest rows of {ids:?}");
    fs::write(converted.path().join("manifest.tsv"), rows.join("\n") + "\n").unwrap();
    for id in ids {
        let to = converted.path().join(id);
        fs::create_dir(&to).unwrap();
        for entry in fs::read_dir(dev.join(id)).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
    let eval = |dir: &Path| {
        let (code, out, err) =
            run(&["eval", "summaries", dir.to_str().unwrap(), "--json", "--resamples", "200"]);
        assert_eq!(code, 0, "{err}");
        let mut report: serde_json::Value = serde_json::from_str(&out).unwrap();
        report.as_object_mut().unwrap().remove("corpus");
        report
    };
    let (from_raw, from_converted) = (eval(&raw), eval(converted.path()));
    assert_eq!(from_raw["documents"], 3);
    assert_eq!(from_raw, from_converted);
    // Both subfolder and the EASC-UTF-8 folder itself are accepted.
    assert_eq!(eval(&raw.join("EASC-UTF-8")), from_converted);
}

/// A folder in neither EASC layout is refused with a message naming both.
#[test]
fn eval_summaries_names_both_layouts_when_the_folder_is_neither() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(&["eval", "summaries", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("manifest.tsv") && err.contains("EASC-UTF-8/Articles"), "{err}");
}

#[test]
fn output_file_is_replaced_only_by_a_run_that_produced_something() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary.txt");
    fs::write(&out, "earlier results\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let (code, _, stderr) = run(&["-o", out.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        fs::read_to_string(&out).unwrap(),
        "earlier results\n",
        "a failed run keeps the file"
    );
    let (code, _, stderr) = run(&["-o", out.to_str().unwrap(), sample_path().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let written = fs::read_to_string(&out).unwrap();
    assert!(written.lines().count() == 3 && sample().contains(written.lines().next().unwrap()));
    let leftovers: Vec<_> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind: {leftovers:?}");
}

/// `eval defects` counts what trips a reader, on a folder of articles, through the binary.
#[test]
fn eval_defects_counts_a_folder_of_articles() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("a")).unwrap();
    fs::write(dir.path().join("a/article.txt"), sample()).unwrap();
    fs::write(dir.path().join("a/title.txt"), "not an article: the folder has article.txt")
        .unwrap();
    let (code, out, err) =
        run(&["eval", "defects", dir.path().to_str().unwrap(), "--json", "--examples", "50"]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["counts"]["articles"], 1);
    assert_eq!(report["counts"]["sentences"], 3);
    assert_eq!(report["counts"]["keywords"], 10);
    let per = &report["per_1000_articles"];
    for kind in ["punctuation_start", "cut_mid_line", "furniture", "shared_word_pairs"] {
        let n = report["counts"][kind].as_u64().unwrap();
        assert_eq!(per[kind].as_f64().unwrap(), n as f64 * 1000.0, "{kind}");
    }
    // Every example names the article it comes from.
    for e in report["examples"].as_array().unwrap() {
        assert!(e["path"].as_str().unwrap().ends_with("article.txt"), "{e}");
    }
    let (code, _, err) = run(&["eval", "defects"]);
    assert_eq!(code, 2, "a path is required: {err}");
}
