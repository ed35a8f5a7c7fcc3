//! Item detail: the full text wrapped, departments, owner, status, progress, milestones,
//! notes timeline, history, and the glossary terms that occur in the text.

use super::super::labels::{self, Lang};
use super::super::view::View;
use super::super::widgets::{cells, item_table};
use crate::plan::Role;
use crate::store::ItemDetail;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use std::cell::Cell;

/// Characters of the plan text shown while it is folded (about two lines at 80 columns).
const FOLDED_BODY: usize = 76;
/// Notes shown above the plan text; the older ones follow it.
const LATEST_NOTES: usize = 3;

#[derive(Debug, Clone, Default)]
pub struct DetailScreen {
    pub detail: Option<ItemDetail>,
    /// The first line shown. Kept in range by `render` (as ratatui's table keeps its
    /// offset): never past the last page, and moved to the selected milestone when `follow`.
    scroll: Cell<u16>,
    /// Bring the selected milestone into view at the next draw (after Tab or a new item).
    follow: Cell<bool>,
    /// The milestone the milestone keys act on (Tab cycles), an index into the list.
    pub milestone: usize,
    /// The plan text unfolded (`z`); folded, the tracking facts fill the screen.
    pub body_open: bool,
}

impl DetailScreen {
    /// The first line shown.
    pub fn scroll(&self) -> u16 {
        self.scroll.get()
    }

    /// Fold or unfold the plan text.
    pub fn toggle_body(&mut self) {
        self.body_open = !self.body_open;
    }

    /// The milestone under the cursor.
    pub fn selected_milestone(&self) -> Option<&crate::store::Milestone> {
        self.detail.as_ref()?.milestones.get(self.milestone)
    }

    /// Show a newly loaded item: the cursor starts on its first open milestone.
    pub fn show(&mut self, detail: crate::store::ItemDetail) {
        let same = self
            .detail
            .as_ref()
            .is_some_and(|d| d.row.id == detail.row.id);
        if !same {
            self.scroll.set(0);
            self.body_open = false;
            self.follow.set(true);
            self.milestone = detail
                .milestones
                .iter()
                .position(|m| m.done_on.is_none())
                .unwrap_or(0);
        }
        self.milestone = self
            .milestone
            .min(detail.milestones.len().saturating_sub(1));
        self.detail = Some(detail);
    }
}

fn heading(text: &str, view: &View<'_>) -> Line<'static> {
    Line::from(Span::styled(format!("【{text}】"), view.theme.title()))
}

impl DetailScreen {
    pub fn lines(&self, view: &View<'_>) -> Vec<Line<'static>> {
        self.laid_out(view).0
    }

    /// The lines, and the index of the selected milestone's line (to keep it in view).
    fn laid_out(&self, view: &View<'_>) -> (Vec<Line<'static>>, usize) {
        let Some(d) = &self.detail else {
            let hint = view.lang.pick(
                "在“事项”页选择一项后按 Enter",
                "Select an item on the Items screen and press Enter",
            );
            return (vec![Line::from(hint)], 0);
        };
        let lang = view.lang;
        let row = &d.row;
        let mut lines = vec![
            Line::from(Span::styled(
                format!(
                    "#{} {} {}",
                    row.id,
                    item_table::number(row.box_number, row.number.as_deref()),
                    row.title
                ),
                view.theme.title(),
            )),
            Line::from(format!(
                "{} | {}{}",
                row.plan,
                row.box_title
                    .as_deref()
                    .map(|b| format!("专栏{} {b} | ", row.box_number.unwrap_or_default()))
                    .unwrap_or_default(),
                row.chapter.as_deref().unwrap_or("")
            )),
            Line::from(vec![
                Span::raw(format!("{}: ", labels::STATUS.get(lang))),
                cells::status(row.status, lang, view.theme),
                Span::raw(format!("   {}: ", labels::OWNER.get(lang))),
                Span::raw(row.owner.clone().unwrap_or_else(|| "-".into())),
                Span::raw(format!("   {}: ", labels::LIGHT.get(lang))),
                cells::light(row.health.light, lang, view.theme),
            ]),
            Line::from({
                let mut spans = vec![Span::raw(format!("{}: ", labels::PROGRESS.get(lang)))];
                spans.extend(cells::progress(row.progress, 24, view.theme));
                spans.push(Span::raw(format!(
                    "   {}: {}%  {}",
                    labels::SCHEDULED.get(lang),
                    row.health.scheduled,
                    cells::pace(row.health.pace, lang)
                )));
                spans
            }),
        ];
        lines.push(Line::from(vec![
            Span::raw(format!("{}: ", lang.pick("为什么", "Why"))),
            Span::styled(
                crate::track::health::explain(
                    &row.health,
                    row.status,
                    row.progress,
                    &view.data.thresholds,
                    lang,
                ),
                view.theme.light(row.health.light),
            ),
        ]));
        if let Some(project) = &row.project {
            lines.push(project_line(project, lang));
        }
        lines.push(departments_line(d, lang));
        let mut cursor_line = lines.len();
        lines.push(heading(labels::MILESTONES.get(lang), view));
        for (index, m) in d.milestones.iter().enumerate() {
            let cursor = if index == self.milestone {
                cursor_line = lines.len();
                ">"
            } else {
                " "
            };
            let done = m
                .done_on
                .map(|d| format!(" {} {d}", lang.pick("完成于", "done")))
                .unwrap_or_default();
            let moved = if m.due_on != m.original_due {
                format!(" ({} {})", lang.pick("原定", "was"), m.original_due)
            } else {
                String::new()
            };
            lines.push(Line::from(format!(
                "{cursor} [{}] {}{moved}{done}  {}",
                m.id, m.due_on, m.title
            )));
            for e in &m.extensions {
                lines.push(Line::from(format!(
                    "      {} {} → {}: {} ({})",
                    lang.pick("延期", "extended"),
                    e.from_due,
                    e.to_due,
                    e.reason,
                    e.who
                )));
            }
        }
        // The latest notes first, above the plan text; the older ones after it.
        let mut notes: Vec<&crate::store::Note> = d.notes.iter().collect();
        notes.sort_by(|a, b| b.at.cmp(&a.at));
        let (latest, older) = notes.split_at(notes.len().min(LATEST_NOTES));
        lines.push(heading(labels::NOTES.get(lang), view));
        for n in latest {
            push_note(&mut lines, n, view);
        }
        lines.push(heading(lang.pick("正文", "Plan text"), view));
        let chars = d.body.chars().count();
        if self.body_open || chars <= FOLDED_BODY {
            lines.extend(d.body.lines().map(|l| Line::from(l.to_string())));
        } else {
            let start: String = d.body.chars().take(FOLDED_BODY).collect();
            lines.extend(start.lines().map(|l| Line::from(l.to_string())));
            lines.push(Line::from(Span::styled(
                match lang {
                    Lang::Zh => format!("  ……全文 {chars} 字，按 z 展开"),
                    Lang::En => format!("  … {chars} characters in all, z to unfold"),
                },
                view.theme.dim(),
            )));
        }
        if !older.is_empty() {
            lines.push(heading(lang.pick("更早的备注", "Earlier notes"), view));
            for n in older {
                push_note(&mut lines, n, view);
            }
        }
        if !d.glossary.is_empty() {
            lines.push(heading(labels::GLOSSARY.get(lang), view));
            for (term, definition) in &d.glossary {
                lines.push(Line::from(format!("  {term}：{definition}")));
            }
        }
        lines.push(heading(labels::HISTORY.get(lang), view));
        for h in d.history.iter().take(30) {
            let at = h.at.get(..16).unwrap_or(&h.at).replace('T', " ");
            // In words of the session's language ("状态：未开始 → 已完成"), never the
            // stored names (item.status).
            let made = super::super::changes::made(h, lang);
            let made = made.strip_prefix(&format!("#{} ", row.id)).unwrap_or(&made);
            lines.push(Line::from(format!("  {at} {} {made}", h.who)));
        }
        (lines, cursor_line)
    }

    /// Draw from `scroll`, kept in range: the last page is never past the end (`G`), and
    /// after Tab or a new item the selected milestone is brought into view.
    pub fn render(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width.saturating_sub(2));
        let height = usize::from(area.height.saturating_sub(2)).max(1);
        let (lines, cursor) = self.laid_out(view);
        let cursor = wrapped(lines[..cursor.min(lines.len())].to_vec(), width).len();
        let lines = wrapped(lines, width);
        let last_page = lines.len().saturating_sub(height);
        let mut scroll = usize::from(self.scroll.get()).min(last_page);
        if self.follow.replace(false) {
            if cursor < scroll {
                scroll = cursor;
            } else if cursor >= scroll + height {
                scroll = (cursor + 1 - height).min(last_page);
            }
        }
        let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
        self.scroll.set(scroll);
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(view.theme.block().title(labels::DETAIL.get(view.lang)))
            .render(area, buf);
    }
}

/// The lines cut to `width` cells where Unicode's line breaking rules allow
/// (`text::width::wrap`: never a line that starts with 。 or ，); a line of one style
/// keeps it on every piece.
pub fn wrapped(lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if line.width() <= width {
            out.push(line);
            continue;
        }
        let style = match line.spans.as_slice() {
            [one] => one.style.patch(line.style),
            _ => line.style,
        };
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        out.extend(
            crate::text::width::wrap(&text, width)
                .into_iter()
                .map(|piece| Line::from(Span::styled(piece, style))),
        );
    }
    out
}

/// `项目: 阶段 续建 | 总投资 120 | 年度计划投资 30 | 年度完成投资 12.5 (41.7%)` (亿元).
fn project_line(p: &crate::track::project::Project, lang: Lang) -> Line<'static> {
    use crate::track::fields::ItemField;
    let amount = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| v.to_string());
    let mut parts = vec![format!(
        "{} {}",
        ItemField::ProjectStage.label().get(lang),
        p.stage
            .map_or("-", |s| lang.pick(s.label_zh(), s.label_en()))
    )];
    for (field, value) in [
        (ItemField::InvestTotal, p.invest_total),
        (ItemField::InvestYearPlan, p.invest_year_plan),
        (ItemField::InvestYearDone, p.invest_year_done),
    ] {
        parts.push(format!("{} {}", field.label().get(lang), amount(value)));
    }
    let rate = p
        .completion_rate
        .map(|r| format!(" ({r:.1}%)"))
        .unwrap_or_default();
    Line::from(format!(
        "{}: {}{rate}  [{}]",
        lang.pick("项目", "Project"),
        parts.join(" | "),
        lang.pick("亿元，P 修改", "亿元, P to edit")
    ))
}

/// `牵头：省发展改革委  配合：省财政厅、省住建厅` on one line (full names in the CLI's `show`).
fn departments_line(d: &ItemDetail, lang: Lang) -> Line<'static> {
    let names = |role: Role| {
        let names: Vec<&str> = d
            .departments
            .iter()
            .filter(|l| l.role == role)
            .map(|l| l.short.as_str())
            .collect();
        if names.is_empty() {
            "-".to_string()
        } else {
            names.join(lang.pick("、", ", "))
        }
    };
    Line::from(format!(
        "{}: {}   {}: {}",
        lang.pick("牵头", "Lead"),
        names(Role::Lead),
        lang.pick("配合", "Co"),
        names(Role::Co)
    ))
}

fn push_note(lines: &mut Vec<Line<'static>>, n: &crate::store::Note, view: &View<'_>) {
    lines.push(Line::from(Span::styled(
        format!(
            "  {} {}",
            n.at.get(..16).unwrap_or(&n.at).replace('T', " "),
            n.author
        ),
        view.theme.dim(),
    )));
    lines.extend(n.text.lines().map(|l| Line::from(format!("    {l}"))));
}

impl super::Navigate for DetailScreen {
    /// Scroll the text.
    fn move_by(&mut self, delta: isize, _ctx: &super::Ctx<'_>) {
        let scroll = i64::from(self.scroll.get()) + delta as i64;
        self.scroll.set(scroll.clamp(0, i64::from(u16::MAX)) as u16);
    }

    /// The next milestone, for the milestone keys.
    fn focus_next(&mut self, _ctx: &super::Ctx<'_>) {
        let count = self.detail.as_ref().map_or(0, |d| d.milestones.len());
        self.milestone = if count == 0 {
            0
        } else {
            (self.milestone + 1) % count
        };
        self.follow.set(true);
    }
}
