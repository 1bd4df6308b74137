//! Loaders for the two evaluation corpora of `EVALUATION.md`: EASC (summaries) and AKEC (keywords).

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// One EASC article with its human extractive summaries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EascDoc {
    /// Directory name and manifest `doc_id`, e.g. `topic001`.
    pub id: String,
    /// Manifest `category`, e.g. `art and music`.
    pub category: String,
    /// Manifest `source`: `Wikipedia` or a newspaper name.
    pub source: String,
    /// Contents of `article.txt`.
    pub article: String,
    /// Contents of the `ref-*.txt` files (`ref-A.txt` … `ref-E.txt`), in file-name order.
    pub references: Vec<String>,
}

/// One AKEC document with its gold keyphrases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AkecDoc {
    /// Directory name and manifest `doc_id`, e.g. `ArtMus01`.
    pub id: String,
    /// Contents of `document.txt`.
    pub document: String,
    /// Lines of `keyphrases-frequency-pure.txt`, trimmed, empty lines skipped, in file order.
    pub gold: Vec<String>,
}

/// Reads a UTF-8 text file, dropping a leading byte-order mark; the error names the path.
fn read_text(path: &Path) -> Result<String> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// A tab-separated manifest: its rows, each reduced to the `columns` (found by header name), in
/// that order.
fn read_manifest<const N: usize>(dir: &Path, columns: [&str; N]) -> Result<Vec<[String; N]>> {
    let path = dir.join("manifest.tsv");
    let text = read_text(&path)?;
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header = lines.next().with_context(|| format!("{}: empty manifest", path.display()))?;
    let header: Vec<&str> = header.split('\t').map(str::trim).collect();
    let mut indices = [0; N];
    for (index, name) in indices.iter_mut().zip(columns) {
        *index = header
            .iter()
            .position(|&h| h == name)
            .with_context(|| format!("{}: no column {name:?} in header", path.display()))?;
    }
    let needed = indices.iter().max().map_or(0, |&m| m + 1);
    lines
        .enumerate()
        .map(|(i, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < needed {
                bail!(
                    "{}: line {} has {} columns, expected {needed}",
                    path.display(),
                    i + 2,
                    fields.len()
                );
            }
            Ok(std::array::from_fn(|k| fields[indices[k]].trim().to_owned()))
        })
        .collect()
}

/// Loads the EASC corpus in `dir`, in either of its two layouts:
///
/// - the converted one (`manifest.tsv` with columns `doc_id`, `category` and `source`, found
///   by header name; `<doc_id>/article.txt` and `<doc_id>/ref-*.txt`), read by
///   [`load_manifest_easc`];
/// - the public distribution's own (`EASC-UTF-8/Articles/TopicN/<Category> (N).txt` and
///   `EASC-UTF-8/MTurk/TopicN/D01NN.M.250.A.<k>.<A-E>`), with `dir` the folder holding
///   `EASC-UTF-8` or that folder itself, read by [`load_raw_easc`].
///
/// Documents are sorted by id.
///
/// # Errors
///
/// When `dir` is in neither layout, a file cannot be read, the manifest lacks a column, or a
/// document has no reference; the message names the offending path.
pub fn load_easc(dir: &Path) -> Result<Vec<EascDoc>> {
    if dir.join("manifest.tsv").exists() {
        return load_manifest_easc(dir);
    }
    for root in [dir.join("EASC-UTF-8"), dir.to_path_buf()] {
        if root.join("Articles").is_dir() && root.join("MTurk").is_dir() {
            return load_raw_easc(&root);
        }
    }
    bail!(
        "{}: not an EASC folder (expected manifest.tsv, or EASC-UTF-8/Articles and \
         EASC-UTF-8/MTurk as the public distribution lays them out)",
        dir.display()
    )
}

/// The EASC corpus in the converted layout of [`load_easc`].
///
/// # Errors
///
/// As [`load_easc`].
pub fn load_manifest_easc(dir: &Path) -> Result<Vec<EascDoc>> {
    let mut docs = read_manifest(dir, ["doc_id", "category", "source"])?
        .into_iter()
        .map(|[id, category, source]| {
            let doc_dir = dir.join(&id);
            let article = read_text(&doc_dir.join("article.txt"))?;
            let mut ref_paths = list(&doc_dir)?;
            ref_paths.retain(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("ref-") && n.ends_with(".txt"))
            });
            if ref_paths.is_empty() {
                bail!("{}: no ref-*.txt reference summary", doc_dir.display());
            }
            let references = ref_paths.iter().map(|p| read_text(p)).collect::<Result<_>>()?;
            Ok(EascDoc { id, category, source, article, references })
        })
        .collect::<Result<Vec<_>>>()?;
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

/// The EASC corpus as its public distribution lays it out: `root` holds `Articles/TopicN/`
/// (one `<Category> (N).txt` each) and `MTurk/TopicN/` (the five human summaries,
/// `D01NN.M.250.A.<k>.<A-E>`). Each text is read as the converted layout stores it (byte-order
/// mark and carriage returns dropped, trimmed, one final newline), so both layouts score the
/// same. The id is `topicNNN` and the category the article's name without its number,
/// lowercased, as in the converted layout's manifest; the source is not in this layout and is
/// left empty.
///
/// # Errors
///
/// When a folder or file cannot be read, a topic has no article or no summary; the message
/// names the offending path.
pub fn load_raw_easc(root: &Path) -> Result<Vec<EascDoc>> {
    let articles = root.join("Articles");
    let mut docs = Vec::new();
    for topic in list(&articles)? {
        let Some(number) = topic
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_prefix("Topic"))
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let mut texts = list(&topic)?;
        texts.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        let [article] = texts.as_slice() else {
            bail!("{}: expected one .txt article, found {}", topic.display(), texts.len());
        };
        let name = article.file_stem().and_then(|n| n.to_str()).unwrap_or_default();
        let category = name.rsplit_once(" (").map_or(name, |(c, _)| c).trim().to_lowercase();
        let refs_dir = root.join("MTurk").join(format!("Topic{number}"));
        let mut ref_paths = list(&refs_dir)?;
        ref_paths.retain(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.contains(".M.250.A."))
        });
        if ref_paths.is_empty() {
            bail!("{}: no D01NN.M.250.A.k.X reference summary", refs_dir.display());
        }
        let references = ref_paths
            .iter()
            .map(|p| read_text(p).map(|t| as_converted(&t)))
            .collect::<Result<_>>()?;
        docs.push(EascDoc {
            id: format!("topic{number:03}"),
            category,
            source: String::new(),
            article: as_converted(&read_text(article)?),
            references,
        });
    }
    if docs.is_empty() {
        bail!("{}: no TopicN folder", articles.display());
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

/// A text of the public EASC files as the converted layout stores it: carriage returns
/// dropped, trimmed, one final newline.
fn as_converted(text: &str) -> String {
    let mut text = text.replace("\r\n", "\n").trim().to_owned();
    text.push('\n');
    text
}

/// The entries of `dir`, sorted by name; the error names the folder.
fn list(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut paths = fs::read_dir(dir)
        .and_then(|entries| {
            entries.map(|e| e.map(|e| e.path())).collect::<std::io::Result<Vec<_>>>()
        })
        .with_context(|| format!("listing {}", dir.display()))?;
    paths.sort();
    Ok(paths)
}

/// Loads the AKEC corpus in `dir`: one document per `doc_id` row of `manifest.tsv`, read from
/// `dir/<doc_id>/document.txt`, with gold keyphrases from
/// `dir/<doc_id>/keyphrases-frequency-pure.txt` (one per line, trimmed, empty lines skipped).
/// Documents are sorted by id.
///
/// # Errors
///
/// When the manifest or a file cannot be read or the manifest has no `doc_id` column; the
/// message names the offending path.
pub fn load_akec(dir: &Path) -> Result<Vec<AkecDoc>> {
    let mut docs = read_manifest(dir, ["doc_id"])?
        .into_iter()
        .map(|[id]| {
            let doc_dir = dir.join(&id);
            let document = read_text(&doc_dir.join("document.txt"))?;
            let gold = read_text(&doc_dir.join("keyphrases-frequency-pure.txt"))?
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
            Ok(AkecDoc { id, document, gold })
        })
        .collect::<Result<Vec<_>>>()?;
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A fresh scratch directory under the system temp dir, removed on drop.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("talkhis-eval-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            Self(dir)
        }

        fn write(&self, rel: &str, text: &str) {
            let path = self.0.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn load_easc_reads_manifest_and_files_sorted_by_id() {
        let s = Scratch::new("easc");
        s.write(
            "manifest.tsv",
            "doc_id\torig\tcategory\tcat_index\tsource\turl\n\
             t2\tx\tsport\t1\tAlwatan Newspaper\t\n\
             t1\tx\tart and music\t2\tWikipedia\thttp://example.invalid\n",
        );
        s.write("t1/article.txt", "\u{FEFF}مقال اول");
        s.write("t1/ref-B.txt", "ملخص ب");
        s.write("t1/ref-A.txt", "ملخص ا");
        s.write("t2/article.txt", "مقال");
        s.write("t2/ref-A.txt", "r");
        let docs = load_easc(&s.0).unwrap();
        assert_eq!(
            docs,
            [
                EascDoc {
                    id: "t1".into(),
                    category: "art and music".into(),
                    source: "Wikipedia".into(),
                    article: "مقال اول".into(),
                    references: vec!["ملخص ا".into(), "ملخص ب".into()],
                },
                EascDoc {
                    id: "t2".into(),
                    category: "sport".into(),
                    source: "Alwatan Newspaper".into(),
                    article: "مقال".into(),
                    references: vec!["r".into()],
                },
            ]
        );
    }

    #[test]
    fn load_easc_errors_name_the_path() {
        let s = Scratch::new("easc-err");
        let err = format!("{:#}", load_easc(&s.0).unwrap_err());
        assert!(err.contains("manifest.tsv"), "{err}");

        s.write("manifest.tsv", "doc_id\tcategory\tsource\nt1\tc\ts\n");
        let err = format!("{:#}", load_easc(&s.0).unwrap_err());
        assert!(err.contains("article.txt"), "{err}");

        s.write("t1/article.txt", "a");
        let err = format!("{:#}", load_easc(&s.0).unwrap_err());
        assert!(err.contains("no ref-") && err.contains("t1"), "{err}");

        s.write("manifest.tsv", "doc_id\tsource\nt1\ts\n");
        let err = format!("{:#}", load_easc(&s.0).unwrap_err());
        assert!(err.contains("\"category\"") && err.contains("manifest.tsv"), "{err}");
    }

    #[test]
    fn load_akec_reads_gold_lines() {
        let s = Scratch::new("akec");
        s.write("manifest.tsv", "doc_id\tsplit\tn_keyphrases\nB\ttrain\t2\nA\ttrain\t1\n");
        s.write("A/document.txt", "نص");
        s.write("A/keyphrases-frequency-pure.txt", "مكافحة الإرهاب\n\n  الأمن \n");
        s.write("B/document.txt", "نص ب");
        s.write("B/keyphrases-frequency-pure.txt", "");
        let docs = load_akec(&s.0).unwrap();
        assert_eq!(
            docs,
            [
                AkecDoc {
                    id: "A".into(),
                    document: "نص".into(),
                    gold: vec!["مكافحة الإرهاب".into(), "الأمن".into()],
                },
                AkecDoc { id: "B".into(), document: "نص ب".into(), gold: vec![] },
            ]
        );
        fs::remove_file(s.0.join("B/keyphrases-frequency-pure.txt")).unwrap();
        let err = format!("{:#}", load_akec(&s.0).unwrap_err());
        assert!(err.contains("keyphrases-frequency-pure.txt"), "{err}");
    }
}
