//! Batch runs that never hang and never balloon, through the real binary: named pipes,
//! sockets, devices and broken links in folders, endless streams named on the command line,
//! files past `--max-bytes`, and a file that changes while it is read. Every run is under
//! the wall-clock guard of `common::run_guarded`, so a hang fails the test instead of
//! hanging CI.

#![cfg(unix)]

mod common;

use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{FileExt, OpenOptionsExt, symlink};
use std::os::unix::net::UnixListener;
use std::path::Path;
use std::process::Command as Process;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

use common::{paths, run, run_guarded, sample, talkhis};
use serde_json::Value;

/// Makes a named pipe at `path` with mkfifo(1).
fn mkfifo(path: &Path) {
    let status = Process::new("mkfifo").arg(path).status().expect("mkfifo(1)");
    assert!(status.success());
}

/// Waits in a thread to open the pipe `path` for writing, which succeeds only once a reader
/// opens it: the receiver hears of it. Returns the receiver.
fn watch_opened(path: &Path) -> mpsc::Receiver<()> {
    let (tx, rx) = mpsc::channel();
    let path = path.to_path_buf();
    thread::spawn(move || {
        if let Ok(mut pipe) = fs::OpenOptions::new().write(true).open(&path) {
            let _ = tx.send(());
            let _ = pipe.write_all(b"");
        }
    });
    rx
}

/// Releases a writer blocked in [`watch_opened`], so that its thread ends.
fn release(path: &Path) {
    let _ = fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path);
}

#[test]
fn a_folder_of_special_files_is_summarized_like_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("a.txt"), sample()).unwrap();
    fs::write(root.join("b.txt"), sample()).unwrap();
    let clean = run(&["keywords", root.to_str().unwrap()]);
    assert_eq!(clean.code, 0, "{}", clean.stderr);

    mkfifo(&root.join("fifo.txt"));
    let _socket = UnixListener::bind(root.join("socket.txt")).unwrap();
    symlink("/dev/urandom", root.join("urandom.txt")).unwrap();
    symlink("/dev/zero", root.join("zero.txt")).unwrap();
    symlink("loop.txt", root.join("loop.txt")).unwrap();
    symlink("nowhere.txt", root.join("dangling.txt")).unwrap();
    symlink("a.txt", root.join("c.txt")).unwrap(); // a link to a regular file is read
    fs::create_dir(root.join("sub")).unwrap();
    symlink(root.join("sub"), root.join("sub/up.txt")).unwrap(); // a link to a folder: not entered
    fs::write(root.join("sub/d.txt"), sample()).unwrap();
    let opened = watch_opened(&root.join("fifo.txt"));

    let r = run(&["keywords", root.to_str().unwrap()]);
    let fifo_opened = opened.try_recv().is_ok();
    release(&root.join("fifo.txt"));
    assert!(!fifo_opened, "the walk opened the named pipe");
    assert_eq!(r.code, 0, "special files are skipped, not failures: {}", r.stderr);
    let at = |rel: &str| root.join(rel).display().to_string();
    assert_eq!(paths(&r.stdout), vec![at("a.txt"), at("b.txt"), at("c.txt"), at("sub/d.txt")]);
    for (file, what) in [
        ("fifo.txt", "a named pipe (FIFO)"),
        ("socket.txt", "a socket"),
        ("urandom.txt", "a character device"),
        ("zero.txt", "a character device"),
        ("loop.txt", "a symbolic link loop"),
        ("dangling.txt", "a dangling symbolic link"),
    ] {
        let line = format!("talkhis: warning: {}: skipped, {what}\n", at(file));
        assert!(r.stderr.contains(&line), "no {line:?} in {}", r.stderr);
    }
    assert!(
        r.stderr.contains("4 documents, 0 failed, 6 skipped (not regular files)"),
        "{}",
        r.stderr
    );
    // About the time of the articles alone: nothing was read from the devices.
    assert!(
        r.took < clean.took * 4 + Duration::from_secs(5),
        "{:?} with the special files, {:?} without",
        r.took,
        clean.took
    );
}

#[test]
fn named_paths_are_read_as_streams_under_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();

    // (args, what standard error must name)
    let cases: Vec<(Vec<String>, Vec<&str>)> = vec![
        (
            vec!["/dev/zero".into()],
            vec![
                "/dev/zero: document too large",
                "more than 16777216 bytes",
                "--max-bytes",
                "--large",
            ],
        ),
        (
            vec!["--large".into(), "/dev/zero".into()],
            vec!["/dev/zero: document too large", "more than 67108864 bytes", "--max-bytes"],
        ),
        (
            vec!["--max-bytes".into(), "1M".into(), "/dev/urandom".into()],
            vec![
                "/dev/urandom: document too large",
                "more than 1048576 bytes (--max-bytes 1048576)",
            ],
        ),
    ];
    for (args, needles) in &cases {
        let r = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(r.code, 1, "{args:?}: {r:?}");
        assert!(r.stdout.is_empty(), "{args:?}");
        for needle in needles {
            assert!(r.stderr.contains(needle), "{args:?}: {:?} lacks {needle:?}", r.stderr);
        }
    }

    // A named pipe named on the command line is read, as asked, to its end.
    let fifo = root.join("named.txt");
    mkfifo(&fifo);
    let writer = {
        let fifo = fifo.clone();
        thread::spawn(move || fs::write(fifo, sample()))
    };
    let r = run(&["-n", "1", fifo.to_str().unwrap()]);
    release(&fifo); // a writer still waiting for a reader would never end
    let written = writer.join().unwrap();
    assert_eq!((r.code, r.stdout.lines().count()), (0, 1), "{r:?}");
    assert!(written.is_ok(), "{written:?}");

    // … and an endless one stops at the cap.
    let endless = root.join("endless.txt");
    mkfifo(&endless);
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (endless, stop) = (endless.clone(), Arc::clone(&stop));
        thread::spawn(move || {
            let mut pipe = fs::OpenOptions::new().write(true).open(endless).unwrap();
            let text = sample();
            while !stop.load(Ordering::Relaxed) && pipe.write_all(text.as_bytes()).is_ok() {}
        })
    };
    let r = run(&["--max-bytes", "2M", endless.to_str().unwrap()]);
    stop.store(true, Ordering::Relaxed);
    release(&endless);
    writer.join().unwrap();
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("more than 2097152 bytes (--max-bytes 2097152)"), "{}", r.stderr);

    // A socket, a loop and a dangling link named on the command line fail at once.
    let _socket = UnixListener::bind(root.join("socket.txt")).unwrap();
    symlink("loop.txt", root.join("loop.txt")).unwrap();
    symlink("nowhere.txt", root.join("dangling.txt")).unwrap();
    for (file, needle) in [
        ("socket.txt", "cannot read"),
        ("loop.txt", "cannot read"),
        ("dangling.txt", "no such file"),
    ] {
        let path = root.join(file);
        let r = run(&[path.to_str().unwrap()]);
        assert_eq!(r.code, 1, "{file}: {r:?}");
        assert!(r.stderr.contains(&format!("{}: {needle}", path.display())), "{}", r.stderr);
    }
}

#[test]
fn a_regular_file_past_the_cap_fails_from_its_size_alone() {
    let dir = tempfile::tempdir().unwrap();
    // A sparse 1 GB file: no disk and no time to make, all NUL bytes if it were read.
    let big = dir.path().join("big.txt");
    fs::File::create(&big).unwrap().set_len(1 << 30).unwrap();
    let b = big.to_str().unwrap();
    for args in [vec![b], vec!["--large", b], vec!["--max-bytes", "1000", b]] {
        let r = run(&args);
        assert_eq!(r.code, 1, "{args:?}: {r:?}");
        assert!(r.stderr.contains(&format!("{b}: document too large")), "{}", r.stderr);
        assert!(r.took < Duration::from_secs(20), "{args:?} read the file? {:?}", r.took);
    }
    // In a batch: its error record, the others complete.
    fs::write(dir.path().join("a.txt"), sample()).unwrap();
    let r = run(&[dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 1, "{r:?}");
    let records: Vec<Value> = r.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 2);
    assert!(records[0]["keywords"].is_array(), "{}", records[0]);
    assert_eq!(records[1]["error"]["kind"], "too-large");

    // The cap is exact: N bytes are read, N + 1 are not.
    let text = "ق".repeat(500); // 1000 bytes
    let at_cap = dir.path().join("cap.txt");
    fs::write(&at_cap, &text).unwrap();
    let r = run(&["--max-bytes", "1000", at_cap.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{r:?}");
    let r = run(&["--max-bytes", "999", at_cap.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{r:?}");
    let r = run_guarded(talkhis().args(["--max-bytes", "999", "-"]).write_stdin(text));
    assert!(r.code == 1 && r.stderr.contains("<stdin>: document too large"), "{r:?}");
    // The files the CLI reads for itself are capped too, and never block a walk.
    for (args, needle) in [
        (vec!["--config", "/dev/zero", "config"], "config /dev/zero: larger than 1048576 bytes"),
        (vec!["--files-from", "/dev/zero"], "--files-from /dev/zero: longer than 67108864 bytes"),
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
    }
    for bad in ["0", "4G", "5000000000", "lots"] {
        let r = run(&["--max-bytes", bad, at_cap.to_str().unwrap()]);
        assert_eq!(r.code, 2, "--max-bytes {bad}: {r:?}");
        assert!(r.stderr.contains("--max-bytes"), "{}", r.stderr);
    }
}

/// Max resident set of `talkhis args…` in KiB, from `/usr/bin/time -f %M`; `None` without it.
fn max_rss_kib(args: &[&str]) -> Option<u64> {
    let bin = assert_cmd::cargo::cargo_bin!("talkhis");
    let out = Process::new("/usr/bin/time")
        .args(["-f", "rss=%M"])
        .arg(bin)
        .args(args)
        .stdout(std::process::Stdio::null())
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    err.lines().find_map(|l| l.strip_prefix("rss=")).and_then(|n| n.trim().parse().ok())
}

#[test]
fn memory_stays_bounded_by_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    symlink("/dev/urandom", root.join("u.txt")).unwrap();
    fs::File::create(root.join("big.txt")).unwrap().set_len(1 << 30).unwrap();
    fs::write(root.join("a.txt"), sample()).unwrap();
    // The README's bound: threads × (2 × cap + 48 MB of word slots + scratch) plus the
    // binary; 2 threads and the default cap make well under 256 MiB.
    for args in [vec!["/dev/zero"], vec!["/dev/urandom"], vec![root.to_str().unwrap()]] {
        let Some(rss) = max_rss_kib(&args) else {
            eprintln!("skipped: no /usr/bin/time to measure memory");
            return;
        };
        assert!(rss < 256 << 10, "{args:?}: max RSS {rss} KiB");
    }
}

#[test]
fn a_file_that_changes_while_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // 4 MB of articles; a thread cuts the file at a moving point and writes the rest back,
    // so at any moment it is a prefix of `full` or all of it.
    let full: String = sample().repeat(300);
    let path = dir.path().join("moving.txt");
    fs::write(&path, &full).unwrap();
    let p = path.to_str().unwrap();
    let whole = run(&["--format", "json", p]);
    let whole: Value = serde_json::from_str(&whole.stdout).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let mutator = {
        let (path, stop, full) = (path.clone(), Arc::clone(&stop), full.clone());
        thread::spawn(move || {
            let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
            let mut cut = 0usize;
            while !stop.load(Ordering::Relaxed) {
                cut = (cut + 987_654) % full.len();
                file.set_len(cut as u64).unwrap();
                file.write_all_at(&full.as_bytes()[cut..], cut as u64).unwrap();
            }
        })
    };
    let (mut cut_short, mut failed) = (0, 0);
    for _ in 0..8 {
        let r = run(&["--format", "json", p]);
        // A read that ends inside a letter is invalid UTF-8 (exit 1); anything else is a
        // result of the bytes read.
        assert!(r.code == 0 || r.code == 1, "{r:?}");
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        let doc: Value = serde_json::from_str(&r.stdout).unwrap();
        if doc.get("error").is_some() {
            failed += 1;
            continue;
        }
        let read = doc["total_words"].as_u64().unwrap();
        assert!(read <= whole["total_words"].as_u64().unwrap());
        cut_short += usize::from(doc["total_words"] != whole["total_words"]);
        for s in doc["sentences"].as_array().unwrap() {
            let start = usize::try_from(s["start"].as_u64().unwrap()).unwrap();
            let end = usize::try_from(s["end"].as_u64().unwrap()).unwrap();
            let text = s["text"].as_str().unwrap();
            assert_eq!(full.get(start..end), Some(text), "span {start}..{end} is the text read");
        }
    }
    stop.store(true, Ordering::Relaxed);
    mutator.join().unwrap();
    eprintln!("8 runs: {cut_short} read a shorter text, {failed} ended inside a letter");
    let mut check = String::new();
    fs::File::open(&path).unwrap().read_to_string(&mut check).unwrap();
    assert_eq!(check, full, "the mutator leaves the whole text");
}
