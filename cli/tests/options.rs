//! The command-line behaviour a user expects, through the real binary: options before or
//! after the subcommand, one range check for flags and `--config` files, choosing inputs
//! (`--glob`, `--files-from`, `-0`), control characters in text output, the explain legend,
//! grammatical counts, the progress bar, completions and the manual page.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command as Process;

use common::{paths, run, run_guarded, sample, sample_path, talkhis};
use serde_json::Value;

#[test]
fn options_go_before_or_after_the_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), sample()).unwrap();
    let d = dir.path().to_str().unwrap();
    let p = sample_path();
    let p = p.to_str().unwrap();

    // `talkhis -q keywords -k 1 DIR` is `talkhis keywords -q -k 1 DIR`.
    let before = run(&["-q", "keywords", "-k", "1", d]);
    let after = run(&["keywords", "-q", "-k", "1", d]);
    assert_eq!(before.code, 0, "{}", before.stderr);
    assert_eq!((&before.stdout, &before.stderr), (&after.stdout, &after.stderr));
    assert!(before.stderr.is_empty(), "-q before the subcommand: {}", before.stderr);
    let doc: Value = serde_json::from_str(before.stdout.trim()).unwrap();
    assert_eq!(doc["keywords"].as_array().unwrap().len(), 1);
    assert!(doc.get("sentences").is_none(), "keywords, not a summary: {doc}");

    // `--format json keywords FILE`: one pretty JSON object of keywords.
    let r = run(&["--format", "json", "keywords", p]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(r.stdout.lines().count() > 1 && doc.get("sentences").is_none(), "{}", r.stdout);

    // `--config r.toml config` and a weight flag before `config`.
    let conf = dir.path().join("r.toml");
    fs::write(&conf, "position_decay = 321\n").unwrap();
    let r = run(&["--config", conf.to_str().unwrap(), "config"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("position_decay = 321"), "{}", r.stdout);
    let r = run(&["--lead-bonus", "100", "config", "--lead-bonus", "200"]);
    assert!(r.stdout.contains("lead_bonus = 200"), "the one after wins: {}", r.stdout);

    // Before `summarize` too, joined with what comes after.
    let r = run(&["-k", "2", "summarize", "--format", "json", "-n", "1", p]);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["keywords"].as_array().unwrap().len(), 2);
    assert_eq!(doc["sentences"].as_array().unwrap().len(), 1);

    // The scoring configuration before `eval` and `tune` is theirs: here a missing file.
    for sub in [&["eval", "summaries"][..], &["tune", "keywords"]] {
        let mut args = vec!["--config", "/no/such/c.toml"];
        args.extend_from_slice(sub);
        args.push(d);
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert!(r.stderr.contains("config /no/such/c.toml: no such file"), "{}", r.stderr);
    }

    // An option the subcommand does not take is refused, naming it.
    for (args, needle) in [
        (vec!["-n", "2", "keywords", p], "--sentences"),
        (vec!["--explain", "keywords", p], "--explain"),
        (vec!["-q", "eval", "summaries", d], "--quiet"),
        (vec!["--format", "json", "config"], "--format"),
        (vec!["--glob", "*.md", "man"], "--glob"),
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn out_of_range_is_refused_the_same_way_from_flags_and_config_files() {
    let dir = tempfile::tempdir().unwrap();
    let p = sample_path();
    let p = p.to_str().unwrap();
    // (key, flag, value out of range, its range, a value in range)
    let cases = [
        ("keywords", "--keywords", "1000", "0..=256", "256"),
        ("redundancy", "--redundancy", "5000", "0..=1000", "1000"),
        ("phrase_min_count", "--phrase-min-count", "1", "2..=65535", "2"),
        ("min_words", "--min-words", "-1", "0..=65535", "0"),
        ("position_decay", "--position-decay", "70000", "0..=65535", "65535"),
    ];
    for (key, flag, bad, range, good) in cases {
        let file = dir.path().join(format!("{key}.toml"));
        fs::write(&file, format!("{key} = {bad}\n")).unwrap();
        let f = file.to_str().unwrap();
        for (how, args) in [("file", vec!["--config", f, p]), ("flag", vec![flag, bad, p])] {
            let r = run(&args);
            assert_eq!(r.code, 2, "{key} {how}: {r:?}");
            assert!(r.stdout.is_empty(), "{key} {how}: {}", r.stdout);
            for needle in [&key.replace('_', "-")[..], bad, range] {
                let err = r.stderr.replace('_', "-");
                assert!(err.contains(needle), "{key} {how}: {:?} lacks {needle:?}", r.stderr);
            }
        }
        fs::write(&file, format!("{key} = {good}\n")).unwrap();
        for args in [vec!["--config", f, p], vec![flag, good, p]] {
            let r = run(&args);
            assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        }
    }
    // The budget of a file is held to the ranges of -n and -r.
    for (budget, needle) in [
        ("{ Sentences = 5000 }", "Sentences = 5000 is not in 0..=1024"),
        ("{ Ratio = 1001 }", "1001"),
    ] {
        let file = dir.path().join("budget.toml");
        fs::write(&file, format!("budget = {budget}\n")).unwrap();
        let r = run(&["--config", file.to_str().unwrap(), p]);
        assert_eq!(r.code, 2, "{budget}: {r:?}");
        assert!(r.stderr.contains(needle) && r.stderr.contains("budget.toml"), "{}", r.stderr);
    }
}

/// The ANT layout: `title.txt`, `abstract.txt` and `article.txt` in a folder per document.
fn ant_layout(root: &Path) {
    let text = sample();
    for topic in ["t1", "t2"] {
        fs::create_dir_all(root.join(topic)).unwrap();
        for file in ["title.txt", "abstract.txt", "article.txt"] {
            fs::write(root.join(topic).join(file), &text).unwrap();
        }
    }
}

#[test]
fn glob_chooses_the_files_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    ant_layout(dir.path());
    fs::write(dir.path().join("notes.md"), sample()).unwrap();
    let d = dir.path().to_str().unwrap();
    let at = |rel: &str| dir.path().join(rel).display().to_string();
    let cases: &[(&[&str], Vec<String>)] = &[
        (
            &[],
            ["t1/abstract.txt", "t1/article.txt", "t1/title.txt"]
                .iter()
                .map(|r| at(r))
                .collect::<Vec<_>>(),
        ),
        (&["--glob", "article.txt"], vec![at("t1/article.txt"), at("t2/article.txt")]),
        (&["--glob", "*/article.txt"], vec![at("t1/article.txt"), at("t2/article.txt")]),
        (
            &["--glob", "t2/*"],
            vec![at("t2/abstract.txt"), at("t2/article.txt"), at("t2/title.txt")],
        ),
        (&["--glob", "*.MD"], vec![at("notes.md")]),
    ];
    for (glob, expected) in cases {
        let mut args = vec!["keywords", "-q", "-k", "1"];
        args.extend_from_slice(glob);
        args.push(d);
        let r = run(&args);
        assert_eq!(r.code, 0, "{glob:?}: {}", r.stderr);
        let got = paths(&r.stdout);
        if glob.is_empty() {
            assert_eq!(got.len(), 6, "the default *.txt: every .txt, not notes.md: {got:?}");
            assert_eq!(got[..3], expected[..], "sorted");
        } else {
            assert_eq!(&got, expected, "{glob:?}");
        }
    }
    let r = run(&["--glob", "[", d]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("--glob"), "{}", r.stderr);
    let r = run(&["--glob", "*.pdf", d]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("no file matching *.pdf"), "{}", r.stderr);
}

#[test]
fn files_from_reads_a_list_of_paths() {
    let dir = tempfile::tempdir().unwrap();
    ant_layout(dir.path());
    let at = |rel: &str| dir.path().join(rel).display().to_string();
    // A name with a newline in it can only come through a NUL-separated list.
    let odd = at("odd\nname.txt");
    fs::write(&odd, sample()).unwrap();

    // One path a line (CR LF too), blank lines passed over; a listed folder is walked.
    let list = dir.path().join("list.txt");
    fs::write(&list, format!("{}\r\n\n{}\n", at("t2/title.txt"), at("t1"))).unwrap();
    let l = list.to_str().unwrap();
    let want =
        vec![at("t2/title.txt"), at("t1/abstract.txt"), at("t1/article.txt"), at("t1/title.txt")];
    let r = run(&["keywords", "-k", "1", "--files-from", l]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(paths(&r.stdout), want);
    assert!(r.stderr.contains("4 documents, 0 failed"), "{}", r.stderr);

    // From standard input, after the paths of the command line.
    let r = run_guarded(
        talkhis()
            .args(["keywords", "-q", "-k", "1", "--files-from", "-", &at("t2/article.txt")])
            .write_stdin(format!("{}\n", at("t2/abstract.txt"))),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(paths(&r.stdout), vec![at("t2/article.txt"), at("t2/abstract.txt")]);

    // NUL-separated, as `find -print0` writes it.
    let r = run_guarded(
        talkhis()
            .args(["keywords", "-q", "-k", "1", "--files-from", "-", "-0"])
            .write_stdin(format!("{odd}\0{}\0", at("t1/title.txt"))),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(paths(&r.stdout), vec![odd.clone(), at("t1/title.txt")]);

    // A list of one path is still a batch (one JSON line), so scripts see one format.
    fs::write(&list, format!("{}\n", at("t1/title.txt"))).unwrap();
    let r = run(&["-q", "--files-from", l]);
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);

    // A missing listed file fails like a missing path; usage errors are exit 2.
    fs::write(&list, format!("{}\n", at("missing.txt"))).unwrap();
    let r = run(&["--files-from", l]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("missing.txt: no such file"), "{}", r.stderr);
    for (args, needle) in [
        (vec!["-0", l], "--files-from"),
        (vec!["--files-from", "/no/such/list"], "/no/such/list"),
        (vec!["--files-from", "-", "-"], "once"),
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn text_output_escapes_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    // ESC sequences, NUL, BEL and a C1 control inside sentences, and a bad byte for --lossy.
    let mut input = "تقرير: الحكومة تعلن \u{1b}[2J خطة جديدة لدعم الطاقة الشمسية في المدن \
                     العربية الكبرى.\n"
        .as_bytes()
        .to_vec();
    input.extend_from_slice("وقال الوزير إن\0 الخطة تشمل\u{7} بناء محطات\u{9b} كبيرة".as_bytes());
    input.push(0xFF);
    input.extend_from_slice(" في عشر مدن خلال العام المقبل.\n".as_bytes());
    // A file name with an ESC in it, for the `==> path <==` header.
    let file = dir.path().join("a\u{1b}]0;title\u{7}.txt");
    fs::write(&file, &input).unwrap();
    fs::write(dir.path().join("b.txt"), sample()).unwrap();
    let f = file.to_str().unwrap();

    for args in [
        vec!["--lossy", f],
        vec!["--lossy", "--explain", f],
        vec!["--lossy", "--format", "text", dir.path().to_str().unwrap()],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        let hidden = |text: &str| text.chars().any(|c| c.is_control() && c != '\n' && c != '\t');
        assert!(!hidden(&r.stdout), "{args:?}: a control character reached the output");
        assert!(!hidden(&r.stderr), "{args:?}: a control character reached standard error");
        assert!(r.stdout.contains("\\u{1b}[2J") && r.stdout.contains("\\u{0}"), "{}", r.stdout);
        assert!(r.stdout.contains('\u{FFFD}'), "{}", r.stdout);
    }
    let r = run(&["--lossy", "--format", "text", dir.path().to_str().unwrap()]);
    assert!(r.stdout.contains("a\\u{1b}]0;title\\u{7}.txt <=="), "{}", r.stdout);

    // JSON escapes them its own way and keeps the text exact.
    let r = run(&["--lossy", "--format", "json", f]);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let texts: String =
        doc["sentences"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert!(texts.contains("\u{1b}[2J") && texts.contains('\0'), "{texts:?}");
}

/// The flags column of each row of an `--explain` table.
fn flag_column(table: &str) -> Vec<String> {
    table
        .lines()
        .map(|l| l.trim_start_matches('\u{200E}'))
        .filter(|l| l.trim_start().starts_with(char::is_numeric))
        .map(|l| l.chars().skip(5).take(4).collect())
        .collect()
}

#[test]
fn explain_legend_names_only_the_flags_used() {
    let p = sample_path();
    let p = p.to_str().unwrap();
    for args in [
        vec!["--explain", p],
        vec!["--explain", "--min-words", "1000", p],
        vec!["--explain", "-n", "0", "--headline-eligible", "false", p],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let legend = r.stdout.lines().find(|l| l.contains("flags:")).unwrap_or_default();
        let flags = flag_column(&r.stdout);
        assert!(!flags.is_empty(), "{}", r.stdout);
        for (mark, name) in [('*', "* chosen"), ('H', "H headline"), ('-', "- not eligible")] {
            let used = flags.iter().any(|f| f.contains(mark));
            assert_eq!(legend.contains(name), used, "{args:?}: {mark:?} used {used}: {legend:?}");
        }
    }
    // With --min-words 1000 no sentence has enough content words, so all are eligible but
    // the page's furniture (`طباعة`), which has none (issue 18).
    let r = run(&["--explain", "--min-words", "1000", p]);
    let flags = flag_column(&r.stdout);
    assert_eq!(flags.iter().filter(|f| f.contains('-')).count(), 1, "{}", r.stdout);
    assert!(r.stdout.lines().any(|l| l.contains(" -  ") && l.ends_with("طباعة")), "{}", r.stdout);
}

#[test]
fn counts_are_grammatical() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), sample()).unwrap();
    let d = dir.path().to_str().unwrap();
    let r = run(&["keywords", d]);
    assert!(r.stderr.contains("talkhis: 1 document, 0 failed"), "{}", r.stderr);
    fs::write(dir.path().join("b.txt"), sample()).unwrap();
    let r = run(&["keywords", d]);
    assert!(r.stderr.contains("talkhis: 2 documents, 0 failed"), "{}", r.stderr);
}

#[test]
fn fill_false_keeps_the_best_sentence_and_help_says_so() {
    let p = sample_path();
    let p = p.to_str().unwrap();
    let r = run(&["-w", "20", "--fill", "false", "--format", "json", "--explain", p]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let chosen: Vec<u64> = doc["explain"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["chosen"] == Value::Bool(true))
        .map(|e| e["words"].as_u64().unwrap())
        .collect();
    assert!(chosen.len() == 1 && chosen[0] > 20, "the best sentence alone, past 20: {chosen:?}");
    // The help on one line (it wraps to the terminal's width).
    let help = run(&["--help"]).stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    for says in [
        "-w, --words <N> About N words: whole sentences, the last one may cross N; with --fill \
         false a sentence that would cross N is skipped, but the best sentence is always taken",
        "--fill <BOOL> Whether the last sentence may cross a word budget (true or false); with \
         false the best sentence is still taken",
    ] {
        assert!(help.contains(says), "--help does not say {says:?}: {help}");
    }
}

#[test]
fn completions_for_each_shell() {
    // (shell, a line every script of that shell has)
    for (shell, needle) in [
        ("bash", "complete -F _talkhis"),
        ("zsh", "#compdef talkhis"),
        ("fish", "complete -c talkhis"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains(needle), "{shell}: no {needle:?}");
        for word in ["keywords", "files-from", "max-bytes", "position-decay"] {
            assert!(r.stdout.contains(word), "{shell}: {word} is not completed");
        }
    }
    // bash can parse its script.
    let r = run(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("talkhis.bash");
    fs::write(&script, &r.stdout).unwrap();
    if let Ok(out) = Process::new("bash").arg("-n").arg(&script).output() {
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let r = run(&["completions", "tcsh"]);
    assert_eq!(r.code, 2, "{r:?}");
}

#[test]
fn man_page() {
    let r = run(&["man"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(".TH talkhis 1"), "roff with a title line");
    for needle in
        [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", "keywords", "files\\-from", "Exit codes"]
    {
        assert!(r.stdout.contains(needle), "the man page lacks {needle:?}");
    }
    // Rendered by man(1) where there is one.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("talkhis.1");
    fs::write(&page, &r.stdout).unwrap();
    if let Ok(out) = Process::new("man").arg("-l").arg(&page).env("MANWIDTH", "80").output()
        && out.status.success()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("SYNOPSIS") && text.contains("max-bytes"), "{text}");
    }
}

/// `script(1)` runs a command on a pseudo-terminal, so that its standard output and standard
/// error are both a terminal, as in an interactive shell (`TERM` set: without it, as in CI,
/// the bar is never drawn; `SHELL` set: script runs the command with the user's shell, and
/// shells differ in how they start it). `None` where it is missing.
fn on_a_terminal(command: &str) -> Option<String> {
    let out = Process::new("script")
        .args(["-qec", command, "/dev/null"])
        .env("TERM", "xterm")
        .env("SHELL", "/bin/sh")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_list_typed_on_a_terminal_is_announced() {
    use std::io::{Read, Write};
    let bin = assert_cmd::cargo::cargo_bin!("talkhis").display().to_string();
    let p = sample_path().display().to_string();
    // `--foreground`: timeout otherwise moves the program into a process group of its own,
    // a background group on the terminal wherever the shell forks for it (a `SHELL` that
    // does not exec its last command, as on one CI machine), and reading the terminal from
    // a background group stops the program (SIGTTIN) until the timeout kills it.
    let command = format!("timeout --foreground 60 '{bin}' keywords -k 1 --files-from -");
    let Ok(mut child) = Process::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("SHELL", "/bin/sh")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("skipped: no script(1) to make a terminal");
        return;
    };
    // The screen is read as it comes, so that the path is typed only once the prompt is
    // shown: typed earlier, it can reach the pseudo-terminal before script(1) has set it up
    // and be lost (a loaded CI machine lost it once).
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen = Vec::new();
    let announced = |s: &[u8]| String::from_utf8_lossy(s).contains("reading the paths");
    while !announced(&screen) {
        match rx.recv_timeout(std::time::Duration::from_secs(60)) {
            Ok(chunk) => screen.extend(chunk),
            Err(_) => break,
        }
    }
    let shown = String::from_utf8_lossy(&screen).into_owned();
    assert!(announced(&screen), "the prompt is shown: {shown}");
    // The path typed, then Ctrl-D at the start of a line: the end of the list.
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(format!("{p}\n").as_bytes()).unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(100));
    stdin.write_all(b"\x04").unwrap();
    stdin.flush().unwrap();
    // Standard input stays open until the run ends, so that script(1) does not end early.
    let status = child.wait().unwrap();
    drop(stdin);
    while let Ok(chunk) = rx.recv() {
        screen.extend(chunk);
    }
    reader.join().unwrap();
    let screen = String::from_utf8_lossy(&screen);
    assert!(status.success(), "{screen}");
    assert!(screen.contains(&format!("{{\"path\":\"{p}\"")), "the typed path was read: {screen}");
}

#[test]
fn progress_bar_never_mixes_with_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample();
    for i in 0..300 {
        fs::write(dir.path().join(format!("{i:03}.txt")), &text).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin!("talkhis").display().to_string();
    let d = dir.path().display().to_string();
    let out_file = dir.path().join("out.jsonl");
    // Output and progress on one terminal: every line is JSON or the closing summary.
    let Some(screen) = on_a_terminal(&format!("timeout --foreground 120 '{bin}' keywords '{d}'"))
    else {
        eprintln!("skipped: no script(1) to make a terminal");
        return;
    };
    let lines: Vec<&str> = screen.lines().map(|l| l.trim_end_matches('\r')).collect();
    assert_eq!(lines.iter().filter(|l| l.starts_with('{')).count(), 300, "{screen}");
    for line in &lines {
        let json = line.starts_with('{') && serde_json::from_str::<Value>(line).is_ok();
        let summary = line.starts_with("talkhis: 300 documents, 0 failed");
        assert!(json || summary, "bar text mixed with the output: {line:?}");
    }
    // Output to a file: standard error shows the bar, the file is clean JSON lines.
    let screen = on_a_terminal(&format!(
        "timeout --foreground 120 '{bin}' keywords '{d}' > '{}'",
        out_file.display()
    ))
    .unwrap_or_default();
    assert!(screen.contains("/300 documents"), "the bar is drawn on standard error: {screen}");
    let written = fs::read_to_string(&out_file).unwrap();
    assert_eq!(written.lines().count(), 300);
    for line in written.lines() {
        serde_json::from_str::<Value>(line).unwrap_or_else(|e| panic!("{e}: {line:?}"));
    }
}
