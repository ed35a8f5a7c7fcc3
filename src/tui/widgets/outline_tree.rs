//! The plan → chapter → box tree of the Items screen.

use super::super::labels;
use super::super::snapshot::TreeNode;
use super::super::view::View;
use crate::text::width::truncate;
use crate::tui::screens::items::fold::Folds;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState, StatefulWidget};

/// The tree's nodes shown (none under a folded node), the cursor on node `selected`; a
/// node with nodes under it is marked `+` folded, `-` open (ASCII: CJK terminals may draw
/// the triangles two cells wide).
pub fn render(
    nodes: &[TreeNode],
    folds: &crate::tui::screens::items::fold::Folds,
    selected: usize,
    focused: bool,
    view: &View<'_>,
    area: Rect,
    buf: &mut Buffer,
) {
    let inner_width = usize::from(area.width.saturating_sub(2));
    // Only the nodes that fit, around the cursor (a province has thousands of nodes).
    let height = usize::from(area.height.saturating_sub(2)).max(1);
    let shown = folds.shown(nodes);
    let at = shown.iter().position(|&n| n == selected).unwrap_or(0);
    let first = super::super::screens::first_shown(at, height);
    let items: Vec<ListItem> = shown
        .iter()
        .skip(first)
        .take(height)
        .map(|&index| {
            let node = &nodes[index];
            let mark = match (node.depth, Folds::has_children(nodes, index)) {
                (0, _) => "",
                (_, false) => " ",
                _ if folds.is_folded(node) => "+",
                _ => "-",
            };
            let indent = format!(
                "{}{mark}",
                "  ".repeat(usize::from(node.depth.saturating_sub(1)))
            );
            let label = if node.depth == 0 {
                labels::ALL_PLANS.get(view.lang).to_string()
            } else {
                node.label.clone()
            };
            let count = format!(" {}", node.count);
            let room = inner_width.saturating_sub(indent.len() + count.len());
            ListItem::new(Line::from(format!(
                "{indent}{}{count}",
                truncate(&label, room)
            )))
        })
        .collect();
    let border = if focused {
        view.theme.title()
    } else {
        view.theme.dim()
    };
    let list = List::new(items)
        .block(view.theme.block().border_style(border))
        .highlight_style(view.theme.selected());
    let mut state = ListState::default().with_selected(Some(at - first));
    StatefulWidget::render(list, area, buf, &mut state);
}
