//! The Markdown brief of `plantrack export --format md`: progress per plan and chapter,
//! what is late (red: overdue milestones or a period over undone; yellow: well behind 序时进度), and a footer with
//! the as-of date and the counting rules. Chinese headings, to paste into a report.
//!
//! Text from the database is escaped so that it reads as text in any Markdown renderer
//! (no tables broken by `|`, no links, emphasis or HTML from a title or a name).

use super::export::{Export, ExportItem, Summary, rules};
use crate::track::health::Light;
use crate::track::rollup::{RollupBy, RollupRow};
use crate::track::status::Status;
use std::io::{self, Write};

/// Text as Markdown shows it literally, on one line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "—".to_string()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

const TABLE_COUNTS: &str =
    "| 项数 | 已完成 | 完成率 | 平均进度 | 红灯 | 黄灯 | 蓝灯 | 绿灯 | 灰灯 | 逾期节点 |";

fn table_header(out: &mut dyn Write, first: &str) -> io::Result<()> {
    writeln!(out, "| {first} {TABLE_COUNTS}")?;
    writeln!(
        out,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
}

fn table_row(out: &mut dyn Write, label: &str, row: &RollupRow) -> io::Result<()> {
    let done = row.status_count(Status::Done);
    let lights: Vec<String> = row.by_light.iter().map(usize::to_string).collect();
    writeln!(
        out,
        "| {label} | {} | {done} | {} | {:.1}% | {} | {} |",
        row.items,
        percent(done, row.items),
        row.mean_progress,
        lights.join(" | "),
        row.overdue_milestones
    )
}

/// `共 12 项，已完成 3 项（25.0%），平均进度 41.5%；红灯 2 项、黄灯 1 项；逾期节点 4 个。`
fn sentence(row: &RollupRow) -> String {
    let done = row.status_count(Status::Done);
    let lights: Vec<String> = Light::ALL
        .iter()
        .filter(|l| row.light_count(**l) > 0)
        .map(|l| format!("{}灯 {} 项", l.label_zh(), row.light_count(*l)))
        .collect();
    format!(
        "共 {} 项，已完成 {done} 项（{}），平均进度 {:.1}%；{}；逾期节点 {} 个。",
        row.items,
        percent(done, row.items),
        row.mean_progress,
        if lights.is_empty() {
            "无预警".to_string()
        } else {
            lights.join("、")
        },
        row.overdue_milestones
    )
}

fn summary(export: &Export, by: RollupBy) -> Option<&Summary> {
    export.summaries.iter().find(|s| s.by == by)
}

/// Who and where of an item: `规划 · 章节；牵头：…；负责人：…`.
fn context(item: &ExportItem) -> String {
    let mut parts = vec![escape(&item.plan)];
    if let Some(chapter) = &item.chapter {
        parts[0] = format!("{} · {}", parts[0], escape(chapter));
    }
    parts.push(format!(
        "牵头：{}",
        item.lead.as_deref().map_or("未指定".to_string(), escape)
    ));
    parts.push(format!(
        "负责人：{}",
        item.owner.as_deref().map_or("未指定".to_string(), escape)
    ));
    parts.join("；")
}

fn late(out: &mut dyn Write, export: &Export) -> io::Result<()> {
    writeln!(out, "## 滞后事项\n")?;
    let red: Vec<&ExportItem> = export
        .items
        .iter()
        .filter(|i| i.health.light == Light::Red)
        .collect();
    writeln!(out, "### 逾期（红灯，{} 项）\n", red.len())?;
    if red.is_empty() {
        writeln!(out, "无。")?;
    }
    for (n, item) in red.iter().enumerate() {
        writeln!(
            out,
            "{}. **\\#{} {}**（{}；进度 {}%）",
            n + 1,
            item.id,
            escape(&item.title),
            context(item),
            item.progress
        )?;
        if let Some(end) = item.health.ended {
            let days = (export.as_of - end).num_days();
            writeln!(out, "    - 期限 {end} 已过，仍未完成（已逾期 {days} 天）")?;
        }
        for m in &item.overdue_milestones {
            let days = (export.as_of - m.due).num_days();
            let original = if m.original_due != m.due {
                format!("，原定 {}", m.original_due)
            } else {
                String::new()
            };
            writeln!(
                out,
                "    - 逾期节点：{}（截止 {}{original}，已逾期 {days} 天）",
                escape(&m.title),
                m.due
            )?;
        }
    }
    let yellow: Vec<&ExportItem> = export
        .items
        .iter()
        .filter(|i| i.health.light == Light::Yellow)
        .collect();
    writeln!(out, "\n### 进度明显滞后（黄灯，{} 项）\n", yellow.len())?;
    if yellow.is_empty() {
        writeln!(out, "无。")?;
    }
    for (n, item) in yellow.iter().enumerate() {
        writeln!(
            out,
            "{}. **\\#{} {}**（{}）：进度 {}%，序时进度 {}%",
            n + 1,
            item.id,
            escape(&item.title),
            context(item),
            item.progress,
            item.health.scheduled
        )?;
    }
    writeln!(out)
}

/// Write the brief.
pub fn write(export: &Export, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# 规划实施进展简报（截至 {}）\n", export.as_of)?;
    writeln!(
        out,
        "范围：{}；共 {} 项。\n",
        escape(&export.scope),
        export.items.len()
    )?;
    if let Some(plans) = summary(export, RollupBy::Plan) {
        writeln!(out, "## 总体情况\n")?;
        writeln!(out, "{}\n", sentence(&plans.total))?;
        table_header(out, "规划")?;
        for row in &plans.rows {
            table_row(out, &escape(&row.key), row)?;
        }
        table_row(out, "**合计**", &plans.total)?;
        writeln!(out)?;
        if let Some(chapters) = summary(export, RollupBy::Chapter) {
            writeln!(out, "## 分规划进展\n")?;
            for plan in &plans.rows {
                writeln!(out, "### {}\n", escape(&plan.key))?;
                writeln!(out, "{}\n", sentence(plan))?;
                table_header(out, "章节")?;
                let prefix = format!("{} / ", plan.key);
                for row in chapters.rows.iter().filter(|r| r.key.starts_with(&prefix)) {
                    table_row(out, &escape(&row.label), row)?;
                }
                writeln!(out)?;
            }
        }
    }
    late(out, export)?;
    writeln!(out, "---\n\n## 统计口径\n")?;
    for (n, rule) in rules(export.as_of, &export.thresholds).iter().enumerate() {
        writeln!(out, "{}. {}", n + 1, escape(rule))?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn markdown_in_data_stays_text() {
        assert_eq!(escape("a|b*c\n[x](y)<b>"), "a\\|b\\*c \\[x\\](y)\\<b\\>");
        assert_eq!(escape("长株潭“十四五”"), "长株潭“十四五”");
    }
}
