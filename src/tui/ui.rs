//! Draw the whole frame from the app state (never from the store).

use super::app::App;
use super::keymap;
use super::labels;
use super::mode::Mode;
use super::screens::ScreenId;
use super::widgets::status_line::{self, Tone};
use super::widgets::{help, input, tab_bar, too_small};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};

pub fn render(app: &App, frame: &mut Frame<'_>) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let lang = app.session.lang;
    if !too_small::fits(area) {
        too_small::render(lang, area, buf);
        return;
    }
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let view = app.view();
    let right = format!("{} {}", app.session.user, app.session.today);
    tab_bar::render(app.screen, lang, app.session.theme, &right, top, buf);
    let screens = &app.screens;
    match app.screen {
        ScreenId::Overview => screens.overview.render(&view, body, buf),
        ScreenId::Items => screens.items.render(&view, body, buf),
        ScreenId::Detail => screens.detail.render(&view, body, buf),
        ScreenId::ByChapter => screens.by_chapter.render(&view, body, buf),
        ScreenId::ByDepartment => screens.by_department.render(&view, body, buf),
        ScreenId::Indicators => screens.indicators.render(&view, body, buf),
        ScreenId::ByOwner => screens.by_owner.render(&view, body, buf),
        ScreenId::Changes => screens.changes.render(&view, body, buf),
    }
    match &app.mode {
        Mode::Help => help::render(
            &keymap::help(app.screen, lang),
            lang,
            app.session.theme,
            body,
            buf,
        ),
        Mode::Input(input_state) => {
            let suggestions = input_state
                .date_preview(app.session.today, lang)
                .unwrap_or_else(|| input_state.matching().join("  "));
            input::render(
                &input_state.textarea,
                &input_state.prompt(lang),
                &suggestions,
                app.session.theme,
                body,
                buf,
            );
        }
        Mode::Confirm { question, .. } | Mode::LeadChoice { question, .. } => {
            status_line::render(question, Tone::Hint, app.session.theme, bottom, buf)
        }
        Mode::Rules => {
            let title = lang.pick("预警灯规则", "Light rules");
            help::overlay(&rules_rows(app), title, app.session.theme, body, buf)
        }
        Mode::Status(id) => {
            let current = app.data.item(*id).map(|i| i.status);
            let rows: Vec<(String, String)> = crate::track::Status::ALL
                .iter()
                .enumerate()
                .map(|(n, s)| {
                    let mark = if Some(*s) == current { " *" } else { "" };
                    (
                        (n + 1).to_string(),
                        format!("{}{mark}", lang.pick(s.label_zh(), s.label_en())),
                    )
                })
                .collect();
            let title = match lang {
                labels::Lang::Zh => format!("#{id} 状态（数字键选择，Esc 取消）"),
                labels::Lang::En => format!("#{id} status (a number picks, Esc cancels)"),
            };
            help::overlay(&rows, &title, app.session.theme, body, buf)
        }
        Mode::Normal => {}
    }
    // Edits waiting for another process's lock stay in sight, right on the bottom line.
    let bottom = if app.queue.is_empty() {
        bottom
    } else {
        let badge = match lang {
            super::labels::Lang::Zh => format!(" 待保存 {} ", app.queue.len()),
            super::labels::Lang::En => format!(" {} waiting ", app.queue.len()),
        };
        let width = (crate::text::width::display_width(&badge) as u16).min(bottom.width);
        let right = ratatui::layout::Rect {
            x: bottom.x + bottom.width - width,
            width,
            ..bottom
        };
        status_line::render(&badge, Tone::Error, app.session.theme, right, buf);
        ratatui::layout::Rect {
            width: bottom.width - width,
            ..bottom
        }
    };
    if !matches!(app.mode, Mode::Confirm { .. } | Mode::LeadChoice { .. }) {
        match &app.message {
            Some((tone, text)) => status_line::render(text, *tone, app.session.theme, bottom, buf),
            None => {
                let hints = match &app.mode {
                    Mode::Input(input) => {
                        keymap::input_hints(input.note_of().is_some(), lang).into()
                    }
                    _ => keymap::hints(app.screen, lang, usize::from(bottom.width)),
                };
                status_line::render(&hints, Tone::Hint, app.session.theme, bottom, buf)
            }
        }
    }
}

/// The rules overlay: on the Detail screen why its item has its light, then the rules.
fn rules_rows(app: &App) -> Vec<(String, String)> {
    let lang = app.session.lang;
    let mut rows = Vec::new();
    if app.screen == ScreenId::Detail
        && let Some(d) = &app.screens.detail.detail
    {
        let row = &d.row;
        let why = crate::track::health::explain(
            &row.health,
            row.status,
            row.progress,
            &app.data.thresholds,
            lang,
        );
        rows.push((format!("#{}", row.id), why));
    }
    rows.extend(
        crate::track::health::light_rules(&app.data.thresholds, lang)
            .into_iter()
            .map(|line| (String::new(), line)),
    );
    rows
}
