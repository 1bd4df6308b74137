//! The same-outputs guard: the summary, keywords and every sentence's scores of each fixture
//! and each document of the shared data, under three configurations, hashed per document and
//! compared with `tests/data/outputs.tsv`. A refactoring must leave every line unchanged; a
//! change in behaviour rewrites the file (`TALKHIS_BLESS=1`) and says why in its commit.
//!
//! The fixtures in the repository are always checked. The shared corpora are checked when
//! `TALKHIS_DATA` names their folder (`docs/EVALUATION.md`; `.ci/run` sets it; a relative path
//! is taken from the workspace root), and skipped with a message otherwise, so that a fresh
//! clone without them still passes. The file holds hashes only, never corpus text.
//!
//! ```text
//! TALKHIS_DATA=/path/to/data cargo test --release -p talkhis-tests --test outputs
//! TALKHIS_DATA=/path/to/data TALKHIS_BLESS=1 cargo test --release -p talkhis-tests --test outputs
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use talkhis::{Budget, Config, Keywords, Summarizer, Summary};
use talkhis_eval::data;

/// The CLI's scratch (`cli/src/process.rs`), so that every document fits as it does there.
type Scratch = Summarizer<16_384, 65_536>;

/// The recorded outputs, relative to this file.
const RECORD: &str = "data/outputs.tsv";

/// The fixtures of the repository, relative to its root: folders are read for `*.txt`.
const FIXTURES: [&str; 4] = ["tests/data", "benches/data", "embedded/texts", "fuzz/seeds"];

/// The configurations each document runs under: the defaults, every switch that is off by
/// default turned on with a word budget, and a ratio budget with frequency weights.
fn configs() -> [Config; 3] {
    [
        Config::new(),
        Config::new()
            .with_budget(Budget::Words(120))
            .with_fill(false)
            .with_headline_eligible(false)
            .with_lead_sentences(2)
            .with_redundancy(500)
            .with_keywords(20),
        Config::new()
            .with_budget(Budget::Ratio(250))
            .with_topic_threshold(0)
            .with_phrase_weight(0)
            .with_keyword_position_decay(0),
    ]
}

/// FNV-1a, 64 bits: stable across Rust versions, unlike `DefaultHasher`.
fn fnv(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// Every output of `text` under `config`, as text: spans (start, length) and scores.
fn outputs(scratch: &mut Scratch, text: &str, config: &Config, out: &mut String) {
    let mut doc = match scratch.analyze(text, config) {
        Ok(doc) => doc,
        Err(e) => {
            let _ = writeln!(out, "error {e:?}");
            return;
        }
    };
    let summary: Summary<'_, 64> = doc.summary();
    let keywords: Keywords<'_, 32> = doc.keywords();
    let _ = writeln!(out, "total {} {}", summary.total_sentences, summary.total_words);
    for s in &summary.sentences {
        let _ = writeln!(out, "s {} {} {}", s.start, s.text.len(), s.score.0);
    }
    for k in &keywords.keywords {
        let _ = writeln!(out, "k {} {} {} {}", k.start, k.text.len(), k.score.0, k.count);
    }
    for s in doc.scores() {
        let _ = writeln!(
            out,
            "x {} {} {} {} {} {} {} {} {} {} {}",
            s.index,
            s.start,
            s.text.len(),
            s.words,
            s.content_words,
            u8::from(s.headline),
            u8::from(s.eligible),
            s.content.0,
            s.position.0,
            s.bonus.0,
            s.total.0,
        );
    }
}

/// The hash of every output of `text`, under every configuration.
fn digest(scratch: &mut Scratch, text: &str) -> String {
    let mut out = String::new();
    for config in configs() {
        outputs(scratch, text, &config, &mut out);
        out.push_str("--\n");
    }
    format!("{:016x}", fnv(out.as_bytes()))
}

/// The `*.txt` files below `dir`, sorted.
fn texts(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            texts(&path, found);
        } else if path.extension().is_some_and(|e| e == "txt") {
            found.push(path);
        }
    }
}

/// Hashes every text below each of `roots` into `into`, keyed by prefix and relative path.
fn hash_all(
    roots: &[(String, PathBuf)],
    scratch: &mut Scratch,
    into: &mut BTreeMap<String, String>,
) {
    for (prefix, root) in roots {
        let mut found = Vec::new();
        texts(root, &mut found);
        for path in found {
            let bytes = std::fs::read(&path).expect("readable");
            let text = String::from_utf8_lossy(&bytes);
            let rel =
                path.strip_prefix(root).expect("below root").to_string_lossy().replace('\\', "/");
            into.insert(format!("{prefix}{rel}"), digest(scratch, &text));
        }
    }
}

#[test]
fn outputs_match_the_record() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = here.parent().expect("workspace root");
    let mut roots: Vec<(String, PathBuf)> =
        FIXTURES.iter().map(|f| (format!("repo:{f}/"), repo.join(f))).collect();
    // A relative path is taken from the workspace root (`talkhis_eval::data::folder`).
    let data = data::folder();
    if let Some(dir) = &data {
        assert!(dir.is_dir(), "TALKHIS_DATA: {} is not a folder", dir.display());
    }
    match &data {
        Some(dir) => roots.push(("data:".to_owned(), dir.clone())),
        None => data::say("outputs: TALKHIS_DATA unset, checking the repository's fixtures only"),
    }
    // A thread of its own: an unoptimized build makes the scratch on the stack before boxing.
    let now = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let mut scratch = Box::new(Scratch::new());
            let mut now = BTreeMap::new();
            hash_all(&roots, &mut scratch, &mut now);
            now
        })
        .expect("thread")
        .join()
        .expect("hashing");

    let record_path = here.join(RECORD);
    let record_text = std::fs::read_to_string(&record_path).unwrap_or_default();
    let record: BTreeMap<String, String> = record_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();

    if std::env::var_os("TALKHIS_BLESS").is_some() {
        assert!(data.is_some(), "TALKHIS_BLESS needs TALKHIS_DATA, so that the record is whole");
        let mut file = String::from(
            "# Hashes of every output of each text (tests/outputs.rs): path, then FNV-1a 64.\n",
        );
        for (k, v) in &now {
            let _ = writeln!(file, "{k}\t{v}");
        }
        std::fs::write(&record_path, file).expect("writable record");
        return;
    }

    let mut differ = Vec::new();
    for (path, hash) in &now {
        match record.get(path) {
            Some(old) if old == hash => {}
            Some(old) => differ.push(format!("{path}: {old} -> {hash}")),
            None => differ.push(format!("{path}: not recorded")),
        }
    }
    if data.is_some() {
        let missing = record.keys().filter(|k| !now.contains_key(*k));
        differ.extend(missing.map(|k| format!("{k}: recorded, not found")));
    }
    assert!(
        differ.is_empty(),
        "{} of {} texts differ from {RECORD}:\n{}",
        differ.len(),
        now.len(),
        differ.join("\n")
    );
    println!("outputs: {} texts match {RECORD}", now.len());
}
