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

#[derive(Debug, Clone, Default)]
pub struct DetailScreen {
    pub detail: Option<ItemDetail>,
    pub scroll: u16,
    /// The milestone the milestone keys act on (Tab cycles), an index into the list.
    pub milestone: usize,
}

impl DetailScreen {
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
            self.scroll = 0;
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
        let Some(d) = &self.detail else {
            return vec![Line::from(view.lang.pick(
                "在“事项”页选择一项后按 Enter",
                "Select an item on the Items screen and press Enter",
            ))];
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
        if let Some(project) = &row.project {
            lines.push(project_line(project, lang));
        }
        lines.push(Line::from(""));
        lines.extend(d.body.lines().map(|l| Line::from(l.to_string())));
        lines.push(Line::from(""));
        lines.push(heading(labels::DEPARTMENTS.get(lang), view));
        for link in &d.departments {
            let role = match (link.role, lang) {
                (Role::Lead, Lang::Zh) => "牵头",
                (Role::Co, Lang::Zh) => "配合",
                (Role::Lead, Lang::En) => "lead",
                (Role::Co, Lang::En) => "co",
            };
            lines.push(Line::from(format!(
                "  {role}  {}（{}）[{}]",
                link.short, link.official, link.origin
            )));
        }
        lines.push(heading(labels::MILESTONES.get(lang), view));
        for (index, m) in d.milestones.iter().enumerate() {
            let cursor = if index == self.milestone { ">" } else { " " };
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
        lines.push(heading(labels::NOTES.get(lang), view));
        for n in &d.notes {
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
        if !d.glossary.is_empty() {
            lines.push(heading(labels::GLOSSARY.get(lang), view));
            for (term, definition) in &d.glossary {
                lines.push(Line::from(format!("  {term}：{definition}")));
            }
        }
        lines.push(heading(labels::HISTORY.get(lang), view));
        for h in d.history.iter().take(30) {
            let at = h.at.get(..16).unwrap_or(&h.at).replace('T', " ");
            lines.push(Line::from(format!(
                "  {at} {} {}.{}: {} → {}",
                h.who,
                h.entity,
                h.field,
                short(h.old.as_deref()),
                short(h.new.as_deref())
            )));
        }
        lines
    }

    pub fn render(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width.saturating_sub(2));
        Paragraph::new(wrapped(self.lines(view), width))
            .scroll((self.scroll, 0))
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

fn short(value: Option<&str>) -> String {
    let value = value.unwrap_or("-");
    crate::text::width::truncate(value, 30).into_owned()
}

impl super::Navigate for DetailScreen {
    /// Scroll the text.
    fn move_by(&mut self, delta: isize, _ctx: &super::Ctx<'_>) {
        let scroll = i64::from(self.scroll) + delta as i64;
        self.scroll = scroll.clamp(0, i64::from(u16::MAX)) as u16;
    }

    /// The next milestone, for the milestone keys.
    fn focus_next(&mut self, _ctx: &super::Ctx<'_>) {
        let count = self.detail.as_ref().map_or(0, |d| d.milestones.len());
        self.milestone = if count == 0 {
            0
        } else {
            (self.milestone + 1) % count
        };
    }
}
