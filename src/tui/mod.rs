//! The workbench: a ratatui interface over the store. The only module (with main.rs)
//! that names ratatui or crossterm.
//!
//! Data flows one way: key event → action (`event`, `keymap`) → `App::update` (state
//! only) → effect performed on the store (`effect`) → result action → render from state
//! (`ui`). Rendering never touches the store. Every second the loop checks
//! `PRAGMA data_version` and reloads when another process has committed, keeping the
//! cursor and any edit in progress.

mod action;
pub mod app;
mod changes;
mod display;
mod effect;
mod event;
pub mod journal;
mod keymap;
pub mod labels;
mod mode;
mod screens;
mod signals;
mod snapshot;
pub mod theme;
mod ui;
mod view;
mod widgets;

pub use action::Action;
pub use app::{App, Session};
pub use effect::Saved;
pub use keymap::help::help as key_help;
pub use labels::Lang;
pub use mode::{Input, Mode};
pub use screens::ScreenId;
pub use theme::Theme;

use crate::store::Store;
use ratatui::crossterm::event::{self as terminal_event, Event};
use std::time::{Duration, Instant};

/// How often to look for other processes' commits.
const REFRESH_EVERY: Duration = Duration::from_secs(1);
/// How often an edit kept while the database was busy is tried again.
const RETRY_EVERY: Duration = Duration::from_secs(2);
/// How long one save waits for another process's lock before the edit is kept pending
/// (the screen must not freeze for the store's scripted 3 × 5 s).
const SAVE_PATIENCE: Duration = Duration::from_millis(800);
/// Idle time between WAL checkpoints (kept off the keypress path).
const CHECKPOINT_EVERY: Duration = Duration::from_secs(5);
/// Longest wait for a key before checking for others' commits.
const POLL: Duration = Duration::from_millis(250);

/// Run the workbench until the user quits. The terminal is restored on every exit path:
/// normal return, error, panic (ratatui's hook and ours in main.rs) and SIGINT, SIGTERM,
/// SIGHUP, SIGQUIT (`signals`); Ctrl-Z suspends and `fg` resumes.
pub fn run(mut store: Store, session: Session) -> anyhow::Result<()> {
    store.set_patience(SAVE_PATIENCE, 1)?;
    store.defer_checkpoints()?;
    signals::install()?;
    let mut terminal = ratatui::init();
    signals::enter_terminal()?;
    let result = event_loop(&mut terminal, store, session);
    signals::leave_terminal();
    result
}

/// Perform an effect and apply its results until nothing follows.
pub fn dispatch(app: &mut App, store: &mut Store, action: Action) {
    let mut pending = vec![action];
    while let Some(action) = pending.pop() {
        let effect = app.update(action);
        let mut results = effect::perform(effect, store, &app.session);
        results.reverse();
        pending.extend(results);
    }
}

/// Start a session: load the data shown, then save what a previous workbench of this
/// person left waiting in the journal (it was killed, or its SSH link dropped).
pub fn start(app: &mut App, store: &mut Store) {
    dispatch(app, store, Action::Reload);
    match journal::read(app.session.journal.as_deref(), store) {
        Ok(Some(pending)) => {
            store.adopt_changes(&pending.mine);
            dispatch(app, store, Action::Recovered(pending.saves));
        }
        Ok(None) => {}
        Err(e) => {
            let text = match app.session.lang {
                Lang::Zh => format!("无法读取上次未保存修改的记录：{e}"),
                Lang::En => format!("Cannot read the journal of unsaved edits: {e}"),
            };
            dispatch(
                app,
                store,
                Action::Failed(crate::text::sanitize::term_safe(&text).into_owned()),
            );
        }
    }
}

/// Feed one terminal event (used by the loop and by tests).
pub fn handle_event(app: &mut App, store: &mut Store, event: Event) {
    if let Some(action) = event::action_for(app, event) {
        dispatch(app, store, action);
    }
}

/// Render the current state into any backend's frame (used by the loop and by tests).
pub fn draw(app: &App, frame: &mut ratatui::Frame<'_>) {
    ui::render(app, frame);
}

/// Notices commits by other processes (`PRAGMA data_version`), checking at most once
/// per `REFRESH_EVERY`.
pub struct Watcher {
    version: i64,
    checked: Instant,
}

impl Watcher {
    pub fn new(store: &Store) -> anyhow::Result<Watcher> {
        Ok(Watcher {
            version: store.data_version()?,
            checked: Instant::now(),
        })
    }

    /// Reload the app if another process committed since the last check. Returns whether
    /// it did. The cursor and any open input are kept (`Action::OthersChanged`).
    pub fn refresh(
        &mut self,
        app: &mut App,
        store: &mut Store,
        force: bool,
    ) -> anyhow::Result<bool> {
        if !force && self.checked.elapsed() < REFRESH_EVERY {
            return Ok(false);
        }
        self.checked = Instant::now();
        let now = store.data_version()?;
        if now == self.version {
            return Ok(false);
        }
        self.version = now;
        dispatch(app, store, Action::OthersChanged);
        Ok(true)
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut store: Store,
    session: Session,
) -> anyhow::Result<()> {
    let mut app = App::new(session);
    start(&mut app, &mut store);
    let mut watcher = Watcher::new(&store)?;
    let mut retried = Instant::now();
    let mut checkpointed = Instant::now();
    let mut dirty = true;
    let mut mouse = app.mouse;
    while !app.quit {
        if signals::take_resumed() {
            // Back from Ctrl-Z: the screen is the shell's, draw all of it again.
            terminal.clear()?;
            dirty = true;
        }
        if dirty {
            let size = terminal.size()?;
            app.size = (size.width, size.height);
            terminal.draw(|frame| draw(&app, frame))?;
            signals::after_frame(); // debug builds: PLANTRACK_DEBUG_PANIC=1 panics here
            dirty = false;
        }
        if terminal_event::poll(POLL)? {
            // Take a burst of keys before redrawing (typing fast, pasting).
            loop {
                handle_event(&mut app, &mut store, terminal_event::read()?);
                if app.quit || !terminal_event::poll(Duration::ZERO)? {
                    break;
                }
            }
            dirty = true;
            if app.mouse != mouse {
                mouse = app.mouse;
                signals::set_mouse(mouse)?;
            }
        } else if checkpointed.elapsed() >= CHECKPOINT_EVERY {
            // Idle: nobody is waiting for a frame. A failure here costs nothing (the
            // next writer's checkpoint or this one, later, does the work).
            checkpointed = Instant::now();
            let _ = store.checkpoint();
        }
        dirty |= watcher.refresh(&mut app, &mut store, false)?;
        if !app.queue.is_empty() && retried.elapsed() >= RETRY_EVERY {
            retried = Instant::now();
            dispatch(&mut app, &mut store, Action::Tick);
            dirty = true;
        }
    }
    Ok(())
}
