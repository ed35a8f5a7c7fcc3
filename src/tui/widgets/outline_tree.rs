//! The plan → chapter → box tree of the Items screen.

use super::super::labels;
use super::super::snapshot::TreeNode;
use super::super::view::View;
use crate::text::width::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState, StatefulWidget};

pub fn render(
    nodes: &[TreeNode],
    selected: usize,
    focused: bool,
    view: &View<'_>,
    area: Rect,
    buf: &mut Buffer,
) {
    let inner_width = usize::from(area.width.saturating_sub(2));
    // Only the nodes that fit, around the cursor (a province has thousands of nodes).
    let height = usize::from(area.height.saturating_sub(2)).max(1);
    let first = super::super::screens::first_shown(selected, height);
    let items: Vec<ListItem> = nodes
        .iter()
        .skip(first)
        .take(height)
        .map(|node| {
            let indent = "  ".repeat(usize::from(node.depth.saturating_sub(1)));
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
    let mut state = ListState::default().with_selected(Some(selected - first));
    StatefulWidget::render(list, area, buf, &mut state);
}
