#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Hostile text never reaches a terminal raw (R12). Every code point of C0, DEL, C1, the
//! bidi controls and the invisible format characters, plus OSC 0 (title), OSC 8 (link),
//! OSC 52 (clipboard), CSI 2J, DCS, APC, PM, SOS and a run of 1 000 combining marks, go into
//! every field a plan or a user can set:
//!
//! - through the public ways in: `plantrack import` of two plan texts (plan title, chapter
//!   heading, box title, item titles and bodies, task group, departments in a 责任单位
//!   clause, glossary term and definition) under a hostile file name, and the CLI (owner,
//!   typed department, milestone title, extension reason, note, indicator value, the user
//!   name of `--user`), and the workbench's input lines (typed and pasted);
//! - straight into the database file, bypassing every input check (another tool, an older
//!   version, a restored backup): then only the output boundaries stand between the data
//!   and the terminal.
//!
//! Then every workbench screen is drawn through ratatui's real `CrosstermBackend` into a
//! byte buffer, and every CLI read command, export and error path is run; the bytes are
//! parsed with a VT parser (`vte`): no OSC, DCS, APC, PM or SOS; no control character
//! outside the backend's own CSI sequences (cursor position, colours, cursor visibility);
//! no bidi or format character and no pile of combining marks in the printed text.

use crate::support::tui as tui_support;

use plantrack::store::Store;
use plantrack::text::sanitize::{MARKER, is_terminal_safe};
use plantrack::tui::{self, App, Lang, Session, Theme};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::rc::Rc;
use tui_support::{keys, today};

const TODAY: &str = "2026-11-23";

// ---------------------------------------------------------------------------------------
// The hostile payloads

/// Bidi controls (§3.3).
const BIDI: &[char] = &[
    '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];
/// Invisible format characters (§3.3).
const FORMAT: &[char] = &[
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}',
];
/// Terminal escape sequences that act: set the title, a hyperlink, write the clipboard,
/// clear the screen, colour, device control (sixel), application program command, privacy
/// message, start of string, and the 8-bit CSI.
const ESCAPES: &str = "\u{1b}]0;PWNED\u{7}\
    \u{1b}]8;;http://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\\
    \u{1b}]52;c;cm0gLXJmIH4K\u{7}\
    \u{1b}[2J\u{1b}[31m\u{1b}[?1049l\
    \u{1b}Pq#0;2;0;0;0#1!6~-\u{1b}\\\
    \u{1b}_apc-payload\u{1b}\\\
    \u{1b}^pm-payload\u{1b}\\\
    \u{1b}Xsos-payload\u{1b}\\\
    \u{9b}2J";
/// Control-string introducers among the C1 controls (DCS, SOS, OSC, PM, APC).
const INTRODUCERS: &[char] = &['\u{90}', '\u{98}', '\u{9D}', '\u{9E}', '\u{9F}'];

/// Every C0 control, DEL and every C1 control but those in `except`. Each control-string
/// introducer is closed with ST at once, so that it swallows nothing after it and every
/// following code point is tested on its own.
fn controls(except: &[char]) -> String {
    let mut out = String::new();
    for cp in (0u32..0x20).chain(0x7F..0xA0) {
        let c = char::from_u32(cp).unwrap();
        if except.contains(&c) {
            continue;
        }
        out.push(c);
        if INTRODUCERS.contains(&c) {
            out.push('\u{9C}');
        }
    }
    out
}

/// Everything at once: controls (but `except`), bidi and format characters, the escape
/// sequences and 1 000 combining marks on one letter.
fn hostile(except: &[char]) -> String {
    let mut out = String::from("<");
    out.push_str(&controls(except));
    out.push('>');
    out.extend(BIDI);
    out.extend(FORMAT);
    out.push_str(ESCAPES);
    out.push('Z');
    out.push_str(&"\u{0301}".repeat(1000));
    out
}

/// For a line of a plan text: no NUL (a binary file), no line breaks, no TAB (TAB separates
/// table cells, a legitimate use).
fn in_plan_line() -> String {
    hostile(&['\0', '\t', '\n', '\r', '\u{85}'])
}

/// For a command-line argument: no NUL (impossible in argv).
fn in_argument() -> String {
    hostile(&['\0'])
}

/// For a plan title: plan titles are short lines without punctuation, so only the escape
/// sequences, a few controls, bidi, format and combining characters.
fn in_title() -> String {
    format!(
        "\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{202E}\u{200B}\u{7}\u{7f}\u{9b}31m{}",
        "\u{0301}".repeat(1000)
    )
}

/// Everything, NUL and line breaks included: for the database written directly.
fn raw() -> String {
    hostile(&[])
}

// ---------------------------------------------------------------------------------------
// What a terminal would do with the bytes

#[derive(Default, Debug)]
struct Parsed {
    printed: String,
    executed: Vec<u8>,
    csi: Vec<String>,
    esc: Vec<String>,
    osc: Vec<String>,
    dcs: usize,
}

impl vte::Perform for Parsed {
    fn print(&mut self, c: char) {
        self.printed.push(c);
    }

    fn execute(&mut self, byte: u8) {
        self.executed.push(byte);
    }

    fn hook(&mut self, _params: &vte::Params, _intermediates: &[u8], _ignore: bool, _c: char) {
        self.dcs += 1;
    }

    fn osc_dispatch(&mut self, params: &[&[u8]], _bell_terminated: bool) {
        let shown: Vec<String> = params
            .iter()
            .map(|p| String::from_utf8_lossy(p).into_owned())
            .collect();
        self.osc.push(shown.join(";"));
    }

    fn csi_dispatch(
        &mut self,
        params: &vte::Params,
        intermediates: &[u8],
        _ignore: bool,
        action: char,
    ) {
        let params: Vec<String> = params
            .iter()
            .map(|p| p.iter().map(u16::to_string).collect::<Vec<_>>().join(":"))
            .collect();
        self.csi.push(format!(
            "{}{}{action}",
            String::from_utf8_lossy(intermediates),
            params.join(";")
        ));
    }

    fn esc_dispatch(&mut self, intermediates: &[u8], _ignore: bool, byte: u8) {
        self.esc.push(format!(
            "{}{}",
            String::from_utf8_lossy(intermediates),
            byte as char
        ));
    }
}

fn parse(bytes: &[u8]) -> Parsed {
    let mut parser = vte::Parser::new();
    let mut parsed = Parsed::default();
    parser.advance(&mut parsed, bytes);
    parsed
}

/// Control strings vte swallows without a callback (SOS, PM, APC), and every other
/// introducer, looked for in the raw bytes.
fn control_string_introducers(bytes: &[u8]) -> usize {
    bytes
        .windows(2)
        .filter(|w| w[0] == 0x1B && matches!(w[1], b'X' | b'^' | b'_' | b'P' | b']'))
        .count()
}

/// The printed text is what a reader sees: nothing invisible, nothing reordering, no
/// control, no pile of combining marks.
fn printed_problems(printed: &str, problems: &mut Vec<String>) {
    let is_bad = |c: &char| BIDI.contains(c) || FORMAT.contains(c) || c.is_control();
    let chars: Vec<char> = printed.chars().collect();
    let bad: BTreeSet<String> = chars
        .iter()
        .filter(|c| is_bad(c))
        .map(|&c| format!("U+{:04X}", u32::from(c)))
        .collect();
    if !bad.is_empty() {
        let context: Vec<String> = chars
            .iter()
            .enumerate()
            .filter(|(_, c)| is_bad(c))
            .take(3)
            .map(|(at, _)| {
                let around: String = chars[at.saturating_sub(12)..(at + 12).min(chars.len())]
                    .iter()
                    .collect();
                format!("{around:?}")
            })
            .collect();
        problems.push(format!("printed {bad:?} in {context:?}"));
    }
    if !is_terminal_safe(printed) {
        problems.push("printed text fails is_terminal_safe".into());
    }
}

/// Control strings, control characters and escape sequences other than `allowed` CSIs.
fn sequence_problems(bytes: &[u8], parsed: &Parsed, problems: &mut Vec<String>) {
    if !parsed.osc.is_empty() {
        problems.push(format!("OSC {:?}", parsed.osc));
    }
    if parsed.dcs > 0 {
        problems.push(format!("{} DCS", parsed.dcs));
    }
    let strings = control_string_introducers(bytes);
    if strings > 0 {
        problems.push(format!("{strings} control strings (APC/PM/SOS/DCS/OSC)"));
    }
    if !parsed.esc.is_empty() {
        problems.push(format!("ESC sequences {:?}", parsed.esc));
    }
}

/// What is wrong with the bytes a ratatui frame wrote: anything but text and the backend's
/// own CSI sequences.
fn frame_problems(bytes: &[u8]) -> Vec<String> {
    let parsed = parse(bytes);
    let mut problems = Vec::new();
    sequence_problems(bytes, &parsed, &mut problems);
    if !parsed.executed.is_empty() {
        problems.push(format!("control characters {:?}", parsed.executed));
    }
    // What CrosstermBackend writes: cursor position (H), colours and attributes (m), cursor
    // hidden or shown (?25l / ?25h). Anything else came from the data.
    let foreign: BTreeSet<&String> = parsed
        .csi
        .iter()
        .filter(|s| {
            !(s.ends_with('H') && !s.starts_with('?')
                || s.ends_with('m') && !s.starts_with('?')
                || s.as_str() == "?25l"
                || s.as_str() == "?25h")
        })
        .collect();
    if !foreign.is_empty() {
        problems.push(format!("CSI sequences {foreign:?}"));
    }
    printed_problems(&parsed.printed, &mut problems);
    problems
}

/// What is wrong with bytes a CLI command wrote to stdout or stderr, or an exported text
/// file: any escape sequence at all; any control but LF, TAB and the CR of CRLF (CSV).
fn text_problems(bytes: &[u8]) -> Vec<String> {
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes); // CSV's BOM
    let parsed = parse(bytes);
    let mut problems = Vec::new();
    sequence_problems(bytes, &parsed, &mut problems);
    if !parsed.csi.is_empty() {
        problems.push(format!("CSI {:?}", parsed.csi));
    }
    if bytes.contains(&0x1B) {
        problems.push("an ESC byte".into());
    }
    let bad: BTreeSet<u8> = parsed
        .executed
        .iter()
        .copied()
        .filter(|b| !matches!(b, b'\n' | b'\t' | b'\r'))
        .collect();
    if !bad.is_empty() {
        problems.push(format!("control characters {bad:?}"));
    }
    let lone_cr = bytes
        .iter()
        .enumerate()
        .filter(|&(at, &b)| b == b'\r' && bytes.get(at + 1) != Some(&b'\n'))
        .count();
    if lone_cr > 0 {
        problems.push(format!("{lone_cr} CR not followed by LF"));
    }
    printed_problems(&parsed.printed, &mut problems);
    problems
}

fn assert_frame_clean(bytes: &[u8], what: &str) {
    let problems = frame_problems(bytes);
    assert!(problems.is_empty(), "{what}: {problems:#?}");
}

fn assert_text_clean(bytes: &[u8], what: &str) {
    let problems = text_problems(bytes);
    assert!(problems.is_empty(), "{what}: {problems:#?}");
}

fn json_strings<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k);
                json_strings(v, out);
            }
        }
        _ => {}
    }
}

/// Remove the fields that hold user names (`who`, `author`).
fn strip_user_names(value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(strip_user_names),
        Value::Object(map) => {
            map.remove("who");
            map.remove("author");
            map.values_mut().for_each(strip_user_names);
        }
        _ => {}
    }
}

/// What a JSON reader decodes (`jq -r`) is terminal-safe too.
fn assert_json_decodes_clean(bytes: &[u8], what: &str) {
    let value: Value = serde_json::from_slice(bytes)
        .unwrap_or_else(|e| panic!("{what}: not one JSON document: {e}"));
    let mut strings = Vec::new();
    json_strings(&value, &mut strings);
    for s in strings {
        assert!(is_terminal_safe(s), "{what}: JSON string {s:?}");
    }
}

// ---------------------------------------------------------------------------------------
// The database and the binary

struct Db {
    dir: tempfile::TempDir,
    path: PathBuf,
}

/// The hostile records of a database: item ids and what the CLI added.
struct Hostile {
    /// Items whose text came from the hostile plans.
    items: Vec<i64>,
    /// The item the CLI edits went to.
    edited: i64,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hostile.db");
        drop(Store::open(&path, "setup").unwrap());
        Db { dir, path }
    }

    fn run<I, S>(&self, user: &str, args: I) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        Command::new(env!("CARGO_BIN_EXE_plantrack"))
            .arg("--db")
            .arg(&self.path)
            .arg("--user")
            .arg(user)
            .args(args)
            .env_remove("PLANTRACK_DB")
            .env_remove("COLUMNS")
            .env_remove("NO_COLOR")
            .env("PLANTRACK_TODAY", TODAY)
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .output()
            .unwrap()
    }

    /// Run as a hostile user; expect success; check both streams; stdout.
    fn ok<I, S>(&self, args: I) -> Vec<u8>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<S> = args.into_iter().collect();
        let shown: Vec<String> = args
            .iter()
            .map(|a| format!("{:?}", a.as_ref()).chars().take(60).collect())
            .collect();
        let out = self.run(&hostile_user(), &args);
        let what = format!("plantrack {}", shown.join(" "));
        assert_text_clean(&out.stderr, &format!("{what}: stderr"));
        assert!(
            out.status.success(),
            "{what}: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        assert_text_clean(&out.stdout, &format!("{what}: stdout"));
        out.stdout
    }

    /// Run as a hostile user a write that may be refused (a name with a line break or
    /// over its limit is); either way both streams are clean and nothing panics.
    fn tried<I, S>(&self, args: I) -> bool
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<S> = args.into_iter().collect();
        let shown: Vec<String> = args
            .iter()
            .map(|a| format!("{:?}", a.as_ref()).chars().take(60).collect())
            .collect();
        let out = self.run(&hostile_user(), &args);
        let what = format!("plantrack {}", shown.join(" "));
        assert_text_clean(&out.stderr, &format!("{what}: stderr"));
        assert_text_clean(&out.stdout, &format!("{what}: stdout"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{what}: {err}");
        match out.status.code() {
            Some(0) => true,
            Some(1) => {
                assert!(err.contains("nothing was saved"), "{what}: {err}");
                false
            }
            other => panic!("{what}: exit {other:?}\n{err}"),
        }
    }

    fn json<I, S>(&self, args: I) -> Value
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        serde_json::from_slice(&self.ok(args)).unwrap()
    }

    /// Write two hostile plan texts, import them and make every CLI edit with hostile text.
    fn fill(&self) -> Hostile {
        let h = in_plan_line();
        let title = in_title();
        // Enough ordinary text that the importer does not take the file for binary junk
        // (more than 1% control characters): one long preamble paragraph.
        let preamble = format!(
            "{}\n\n",
            "推进新型城镇化高质量发展，完善基础设施和公共服务设施。".repeat(1500)
        );
        let boxes = format!(
            "恶意{title}甲规划\n\n{preamble}第一章 总则{h}\n\n专栏1 恶意{h}专栏\n\n\
             1．恶意{h}工程。正文{h}内容。\n\n2．普通工程二。推进城镇老旧小区改造。\n\n\
             名 词 解 释\n\n1.恶意{h}术语：恶意{h}定义。\n"
        );
        let tasks = format!(
            "恶意{title}乙方案\n\n{preamble}二、重点任务\n\n（一）恶意任务组{h}\n\n\
             1.恶意{h}任务。任务正文{h}。（责任单位：省恶意{h}厅、省发展改革委）\n\n\
             2.普通任务二。完善制度。（责任单位：省财政厅）\n"
        );
        let name_a = self
            .dir
            .path()
            .join("甲\u{1b}]0;PWNED\u{7}\u{202E}txt.规划\u{9b}31m.txt");
        let name_b = self.dir.path().join("乙\u{1b}[2J方案.txt");
        std::fs::write(&name_a, boxes).unwrap();
        std::fs::write(&name_b, tasks).unwrap();
        self.ok([OsStr::new("import"), name_a.as_os_str(), name_b.as_os_str()]);

        let items: Vec<i64> = self
            .json(["list", "--json", "--all"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["title"].as_str().unwrap().starts_with("恶意"))
            .map(|i| i["id"].as_i64().unwrap())
            .collect();
        assert_eq!(items.len(), 2, "the two hostile items were imported");
        let task = items
            .iter()
            .copied()
            .find(|&id| self.json(["show", &id.to_string(), "--json"])["kind"] == "task")
            .expect("the hostile task");
        let detail = self.json(["show", &task.to_string(), "--json"]);
        let departments = detail["departments"].to_string();
        assert!(departments.contains("恶意"), "{departments}");
        assert!(departments.contains(MARKER), "{departments}");

        let a = in_argument();
        let id = task.to_string();
        // One-line names refuse what `a` holds (line breaks, more than their limit); the
        // database gets hostile names below anyway (`poison`).
        self.tried(["set", &id, "--owner", &a]);
        self.tried(["dept", &id, "--co", &format!("省恶意{a}局")]);
        self.tried(["milestone", "add", &id, "--due", "2026-12-31", &a]);
        self.ok(["milestone", "add", &id, "--due", "2026-12-31", "恶意节点"]);
        let detail = self.json(["show", &id, "--json"]);
        let milestone = detail["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["origin"] == "user")
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        if !self.tried([
            "milestone",
            "extend",
            &format!("M{milestone}"),
            "--to",
            "2027-06-30",
            "--reason",
            &a,
        ]) {
            self.ok([
                "milestone",
                "extend",
                &format!("M{milestone}"),
                "--to",
                "2027-06-30",
                "--reason",
                "恶意原因",
            ]);
        }
        self.ok(["note", &id, &a]);
        self.ok(["note", &id, &format!("第一行{a}\n第二行\r\n第三行")]);
        self.tried(["indicator", "record", "I1", "--period", "2025", &a]);
        self.tried([
            "indicator",
            "record",
            "I2",
            "--period",
            "2025",
            &format!("6{a}4.1"),
        ]);
        self.ok(["indicator", "record", "I2", "--period", "2024", "64.1"]);
        // Glossary, box title and chapter came in with the plans; check they are there.
        let glossary = self.json(["show", &items[0].to_string(), "--json"]);
        assert!(
            glossary.to_string().contains("恶意") && glossary.to_string().contains(MARKER),
            "{glossary}"
        );
        Hostile {
            items,
            edited: task,
        }
    }

    /// Overwrite text in the database directly with everything hostile, NUL and line breaks
    /// included: what another tool or an older version might have written.
    fn poison(&self, hostile: &Hostile) {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        let r = raw();
        let ids = hostile
            .items
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let statements = [
            format!(
                "UPDATE item SET title = ?1 || title, body = ?1 || body, owner = ?1, \
                 chapter = ?1 || chapter, section = ?1, grp = ?1 WHERE id IN ({ids})"
            ),
            "UPDATE plan SET title = ?1 || title, short_name = ?1 || short_name, \
             issuer = ?1, sources = json_array(?1) WHERE title LIKE '恶意%'"
                .into(),
            "UPDATE plan_box SET title = ?1 || title, chapter = ?1 || chapter".into(),
            "UPDATE outline_node SET title = ?1 || title".into(),
            "UPDATE department SET official = ?1 || official, short = ?1 || short \
             WHERE official LIKE '%恶意%'"
                .into(),
            "UPDATE milestone SET title = ?1 || title, plan_phrase = ?1 WHERE origin = 'user'"
                .into(),
            "UPDATE extension SET reason = ?1, who = ?1".into(),
            "UPDATE note SET text = ?1 || text, author = ?1 || author".into(),
            "UPDATE indicator SET name = ?1 || name, unit = ?1, category = ?1, \
             baseline_value = ?1, target_value = ?1 WHERE id IN (1, 2)"
                .into(),
            "UPDATE indicator_value SET value = ?1 || value, who = ?1".into(),
            "UPDATE glossary SET term = ?1 || term, definition = ?1 || definition".into(),
            // (History first: LIKE stops at the NUL of the poisoned name.)
            "UPDATE history SET old = ?1, new = ?1 || new WHERE change_id IN \
             (SELECT id FROM change WHERE who LIKE 'mallory%')"
                .into(),
            "UPDATE change SET who = ?1 || who WHERE who LIKE 'mallory%'".into(),
        ];
        for sql in statements {
            let n = conn
                .execute(&sql, [&r])
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
            assert!(n > 0, "nothing to poison: {sql}");
        }
    }
}

/// `--user` is a field too: a user name with escape sequences and controls.
fn hostile_user() -> String {
    format!(
        "mallory{}",
        "\u{1b}]0;PWNED\u{7}\u{1b}[31m\u{202E}\u{200B}\u{9b}2J\u{7}"
    )
}

// ---------------------------------------------------------------------------------------
// The workbench

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The bytes a terminal would receive, kept where the test can read them.
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Sink {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

type Screen = Terminal<CrosstermBackend<Sink>>;

/// A terminal that writes what a real one would receive into a buffer (a fixed viewport:
/// there is no tty to ask for its size).
fn terminal(width: u16, height: u16) -> (Screen, Sink) {
    let sink = Sink::default();
    let terminal = Terminal::with_options(
        CrosstermBackend::new(sink.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )
    .unwrap();
    (terminal, sink)
}

struct Workbench {
    app: App,
    store: Store,
    /// One terminal kept across all steps: every frame after the first is a diff.
    running: (Screen, Sink),
    frames: usize,
    printed: String,
}

impl Workbench {
    fn open(db: &Path, lang: Lang) -> Workbench {
        let mut store = Store::open(db, "alice").unwrap();
        let mut app = App::new(Session {
            lang,
            theme: Theme {
                color: true,
                ascii: false,
            },
            today: today(),
            user: "alice".into(),
            journal: None,
            export_dir: std::env::temp_dir(),
        });
        tui::start(&mut app, &mut store);
        Workbench {
            app,
            store,
            running: terminal(100, 30),
            frames: 0,
            printed: String::new(),
        }
    }

    fn keys(&mut self, spec: &str) {
        keys(&mut self.app, &mut self.store, spec);
    }

    fn event(&mut self, event: Event) {
        tui::handle_event(&mut self.app, &mut self.store, event);
    }

    /// Draw the current state in full at two sizes and as a diff on the running terminal;
    /// check every byte.
    fn check(&mut self, what: &str) {
        for (width, height) in [(80, 24), (160, 48)] {
            let (mut fresh, sink) = terminal(width, height);
            fresh.draw(|frame| tui::draw(&self.app, frame)).unwrap();
            let bytes = sink.take();
            assert_frame_clean(&bytes, &format!("{what} at {width}×{height}"));
            self.printed.push_str(&parse(&bytes).printed);
        }
        let (running, sink) = &mut self.running;
        running.draw(|frame| tui::draw(&self.app, frame)).unwrap();
        let bytes = sink.take();
        assert_frame_clean(&bytes, &format!("{what}, drawn as a diff"));
        self.frames += 3;
    }

    /// Open an input line with `open`, paste and type hostile text into it, draw, then
    /// close it with `close`.
    fn input_line(&mut self, open: &str, close: &str, what: &str) {
        self.keys(open);
        self.event(Event::Paste(raw()));
        for c in ['甲', 'a', '\u{202E}', '\u{200B}', '\u{0301}', '乙'] {
            self.event(key(KeyCode::Char(c)));
        }
        self.check(&format!("{what}: input line open"));
        self.keys(close);
        self.check(&format!("{what}: after the input line"));
    }

    /// Every screen: overview, items, the detail of each hostile item, both roll-ups (lead
    /// and co departments), indicators, help, and input lines with hostile text.
    fn every_screen(&mut self, hostile: &Hostile) {
        self.check("overview");
        self.keys("2");
        self.check("items");
        self.keys("/恶意<Enter>");
        self.check("items, searched");
        for n in 0..hostile.items.len() {
            self.keys("2");
            self.keys(&"<Down>".repeat(n));
            self.keys("<Enter>");
            self.check(&format!("detail of hostile item {n}"));
            for _ in 0..12 {
                self.keys("<Down>");
            }
            self.check(&format!("detail of hostile item {n}, scrolled"));
        }
        self.keys("3");
        self.check("detail");
        self.keys("4");
        self.check("by chapter");
        self.keys("<Enter>");
        self.check("by chapter, drilled in");
        self.keys("5");
        self.check("by department");
        self.keys("<Tab>");
        self.check("by department, co-responsible");
        self.keys("6");
        self.check("indicators");
        self.keys("?");
        self.check("help");
        self.keys("<Esc>");
        self.keys("2");
        self.input_line("o", "<Esc>", "owner");
        self.input_line("/", "<Esc>", "search");
        self.input_line("f", "<Esc>", "filter");
        self.input_line(":", "<Esc>", "command");
        self.input_line("m", "<Esc>", "milestone");
        // Saved: a note with pasted hostile text, and a lead department typed.
        self.input_line("n", "<C-s>", "note");
        self.input_line("L", "<Enter>", "lead department");
        self.keys("<Enter>");
        self.check("detail after the edits");
        self.keys("1");
        self.check("overview after the edits");
    }
}

/// Draw every screen, in both languages, and check the bytes.
fn check_workbench(db: &Path, hostile: &Hostile, expect_markers: bool) -> usize {
    let mut frames = 0;
    for lang in [Lang::Zh, Lang::En] {
        let mut bench = Workbench::open(db, lang);
        bench.every_screen(hostile);
        frames += bench.frames;
        assert!(
            bench.printed.contains("恶意"),
            "the hostile items were never on screen"
        );
        if expect_markers {
            assert!(
                bench.printed.contains(MARKER),
                "no visible marker where something was removed"
            );
        }
    }
    frames
}

// ---------------------------------------------------------------------------------------
// The command line

/// Every read command, export and error path; returns how many outputs were checked.
fn check_cli(db: &Db, hostile: &Hostile) -> usize {
    let mut checked = 0;
    let ids: Vec<String> = hostile.items.iter().map(i64::to_string).collect();
    let edited = hostile.edited.to_string();
    let mut runs: Vec<Vec<String>> = vec![
        vec!["list".into()],
        vec!["list".into(), "--all".into()],
        vec!["list".into(), "--text".into(), "恶意".into()],
        vec!["list".into(), "--dept".into(), "省发展改革委".into()],
        vec!["history".into()],
        vec!["history".into(), edited.clone()],
        vec!["departments".into()],
        vec!["indicator".into(), "list".into()],
        vec!["milestone".into(), "list".into()],
        vec!["config".into()],
    ];
    for id in &ids {
        runs.push(vec!["show".into(), id.clone()]);
    }
    for by in ["plan", "chapter", "department", "co-department", "owner"] {
        for format in ["table", "csv", "json"] {
            runs.push(
                ["summary", "--by", by, "--format", format]
                    .map(String::from)
                    .to_vec(),
            );
        }
    }
    let json_runs: Vec<Vec<String>> = vec![
        vec!["list".into(), "--json".into(), "--all".into()],
        vec!["history".into(), "--json".into()],
        vec!["history".into(), edited.clone(), "--json".into()],
        vec!["departments".into(), "--json".into()],
        vec!["indicator".into(), "list".into(), "--json".into()],
        vec!["show".into(), ids[0].clone(), "--json".into()],
        vec!["show".into(), edited.clone(), "--json".into()],
    ];
    for args in &runs {
        db.ok(args);
        checked += 2;
    }
    for args in &json_runs {
        db.ok(args);
        checked += 2;
    }

    // Exports, to stdout and to files named with escapes.
    for format in ["csv", "md", "json"] {
        let out = db.ok(["export", "--format", format, "-o", "-"]);
        assert!(!out.is_empty(), "export {format}");
        checked += 2;
        let file = db
            .dir
            .path()
            .join(format!("导出\u{1b}]0;PWNED\u{7}\u{202E}.{format}"));
        db.ok([
            OsStr::new("export"),
            OsStr::new("--format"),
            OsStr::new(format),
            OsStr::new("-o"),
            file.as_os_str(),
        ]);
        let written = std::fs::read(&file).unwrap();
        assert_text_clean(&written, &format!("exported {format} file"));
        checked += 3;
    }
    let xlsx = db.dir.path().join("导出\u{1b}[2J.xlsx");
    db.ok([
        OsStr::new("export"),
        OsStr::new("--format"),
        OsStr::new("xlsx"),
        OsStr::new("-o"),
        xlsx.as_os_str(),
    ]);
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "xlsx");
    checked += 2;
    let dump = db.ok(["dump"]);
    checked += 2;
    serde_json::from_slice::<Value>(&dump).expect("dump is JSON");

    // The import report of the hostile files, text and JSON.
    let files: Vec<PathBuf> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert_eq!(files.len(), 2);
    for json in [false, true] {
        let mut args: Vec<&OsStr> = vec![OsStr::new("import"), OsStr::new("--dry-run")];
        if json {
            args.push(OsStr::new("--json"));
        }
        args.extend(files.iter().map(|f| f.as_os_str()));
        let out = db.ok(&args);
        checked += 2;
        if json {
            assert_json_decodes_clean(&out, "import --dry-run --json");
        }
    }

    // Error paths: messages name files, items and values, and are clean too.
    let evil_dir = db.dir.path().join("缺失\u{1b}]0;PWNED\u{7}\u{202E}目录");
    let missing = evil_dir.join("plan\u{1b}[2J.txt");
    let empty = db.dir.path().join("空\u{1b}]52;c;eA==\u{7}\u{9b}31m.txt");
    std::fs::write(&empty, b"").unwrap();
    let binary = db.dir.path().join("二进制\u{1b}Pq\u{1b}\\.txt");
    std::fs::write(&binary, b"\x00\x01\x02\x1b]0;PWNED\x07").unwrap();
    let errors: Vec<Vec<&OsStr>> = vec![
        vec![OsStr::new("import"), missing.as_os_str()],
        vec![OsStr::new("import"), empty.as_os_str()],
        vec![OsStr::new("import"), binary.as_os_str()],
        vec![
            OsStr::new("import"),
            OsStr::new("--dry-run"),
            binary.as_os_str(),
        ],
        vec![
            OsStr::new("import"),
            OsStr::new("--dry-run"),
            OsStr::new("--json"),
            missing.as_os_str(),
        ],
        vec![OsStr::new("show"), OsStr::new("99999")],
        vec![
            OsStr::new("show"),
            OsStr::new("\u{1b}]0;PWNED\u{7}12\u{202E}"),
        ],
        vec![
            OsStr::new("dept"),
            OsStr::new(&edited),
            OsStr::new("--remove"),
            OsStr::new("不存在\u{1b}[2J\u{202E}单位"),
        ],
        vec![
            OsStr::new("milestone"),
            OsStr::new("extend"),
            OsStr::new("M\u{1b}]0;PWNED\u{7}9"),
            OsStr::new("--to"),
            OsStr::new("2027-01-01"),
            OsStr::new("--reason"),
            OsStr::new("x"),
        ],
        vec![
            OsStr::new("set"),
            OsStr::new(&edited),
            OsStr::new("--progress"),
            OsStr::new("4\u{1b}[2J0"),
        ],
        vec![OsStr::new("export"), OsStr::new("-o"), missing.as_os_str()],
        vec![OsStr::new("--db"), missing.as_os_str(), OsStr::new("list")],
        vec![OsStr::new("--db"), binary.as_os_str(), OsStr::new("list")],
    ];
    for args in &errors {
        let out = db.run(&hostile_user(), args);
        let what = format!("failing {args:?}");
        assert_text_clean(&out.stdout, &format!("{what}: stdout"));
        assert_text_clean(&out.stderr, &format!("{what}: stderr"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{what} succeeded");
        assert!(!err.contains("panicked"), "{what}: {err}");
        assert!(!err.trim().is_empty(), "{what}: no message");
        checked += 2;
    }
    checked
}

// ---------------------------------------------------------------------------------------
// The tests

/// Hostile text through every way in: it is stored cleaned, with a visible marker where
/// something was removed, and no screen or command lets any of it act on a terminal.
#[test]
fn hostile_input_never_reaches_the_terminal() {
    let started = std::time::Instant::now();
    let db = Db::new();
    let hostile = db.fill();
    // What was stored is clean, with markers. (Not the user names: `--user` is stored as
    // given; the output boundaries below make it safe.)
    let shown = db.json(["show", &hostile.edited.to_string(), "--json"]);
    let stored = shown.to_string();
    // One-line names with line breaks are refused at the store's door (the owner stays
    // empty); what multi-line fields and plan texts hold is stored with markers.
    assert!(shown["owner"].is_null(), "{stored}");
    for part in ["title", "body", "notes", "departments"] {
        let mut value = shown[part].clone();
        strip_user_names(&mut value);
        assert_json_decodes_clean(value.to_string().as_bytes(), part);
        assert!(
            value.to_string().contains(MARKER),
            "{part} has no marker: {stored}"
        );
    }
    let frames = check_workbench(&db.path, &hostile, true);
    let outputs = check_cli(&db, &hostile);
    let store = Store::open(&db.path, "checker").unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    println!(
        "{frames} frames and {outputs} CLI outputs checked in {:?}",
        started.elapsed()
    );
}

/// The same with the database written behind plantrack's back (another tool, an older
/// version), every control character included: the output boundaries of the command line
/// alone keep the terminal safe.
#[test]
fn hostile_database_contents_never_reach_the_terminal_from_the_cli() {
    let started = std::time::Instant::now();
    let db = Db::new();
    let hostile = db.fill();
    db.poison(&hostile);
    let outputs = check_cli(&db, &hostile);
    println!("{outputs} CLI outputs checked in {:?}", started.elapsed());
}

/// The same for the workbench. ratatui 0.30 draws a zero-width grapheme (bidi control,
/// ZWSP, BOM) into the cell before it in lists and tables, and a grapheme with 1 000
/// combining marks whole in paragraphs, so the workbench cleans everything it loads
/// (`tui/display.rs`) rather than trusting what another program wrote to the database.
#[test]
fn hostile_database_contents_never_reach_the_terminal_from_the_workbench() {
    let started = std::time::Instant::now();
    let db = Db::new();
    let hostile = db.fill();
    db.poison(&hostile);
    let frames = check_workbench(&db.path, &hostile, false);
    println!("{frames} frames checked in {:?}", started.elapsed());
}

/// The checker itself catches what it must: a frame drawn with raw symbols, and CLI bytes
/// with an escape sequence, a control or an invisible character, are refused.
#[test]
fn the_checks_catch_a_leak() {
    let (mut leaky, sink) = terminal(20, 3);
    leaky
        .draw(|frame| {
            frame.buffer_mut()[(0, 0)].set_symbol("\u{1b}]0;PWNED\u{7}");
            frame.buffer_mut()[(0, 1)].set_symbol("a\u{202E}");
            frame.buffer_mut()[(0, 2)].set_symbol("\u{1b}[2J");
        })
        .unwrap();
    let problems = frame_problems(&sink.take());
    // The OSC, its introducer, CSI 2J, U+202E, and the text failing is_terminal_safe.
    assert_eq!(problems.len(), 5, "{problems:#?}");
    let (mut clean, sink) = terminal(20, 2);
    clean
        .draw(|frame| {
            frame.buffer_mut()[(0, 0)].set_symbol("〓");
        })
        .unwrap();
    assert_eq!(frame_problems(&sink.take()), Vec::<String>::new());
    for bad in [
        &b"a\x1b[2Jb"[..],
        b"a\x07b",
        "a\u{202E}b".as_bytes(),
        "a\u{200B}b".as_bytes(),
        "a\u{9b}2Jb".as_bytes(),
        b"a\x1b_apc\x1b\\b",
        b"a\x1bXsos\x1b\\b",
        b"a\rb",
        "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}".as_bytes(),
    ] {
        assert!(!text_problems(bad).is_empty(), "{bad:?} went unnoticed");
    }
    assert_eq!(
        text_problems("\u{FEFF}行一\r\n行二\t〓\n".as_bytes()),
        Vec::<String>::new()
    );
}
