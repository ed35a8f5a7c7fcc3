//! Styles. With NO_COLOR no colour is used at all (emphasis only); otherwise the 16 basic
//! colours, so 16-colour terminals look right.

use crate::track::{Light, Status};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;
use ratatui::widgets::{Block, Borders};

/// Borders in ASCII for `--ascii`.
const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// Draw borders with ASCII (`+ - |`): box-drawing characters are East Asian
    /// "ambiguous" width, and CJK terminals set to draw them wide break every border.
    pub ascii: bool,
}

impl Theme {
    /// Colour unless NO_COLOR is set (to anything non-empty).
    pub fn from_env(no_color: Option<&str>) -> Theme {
        Theme {
            color: no_color.is_none_or(str::is_empty),
            ascii: false,
        }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// A bordered block in the theme's border style.
    pub fn block(self) -> Block<'static> {
        let block = Block::default().borders(Borders::ALL);
        if self.ascii {
            block.border_set(ASCII_BORDER)
        } else {
            block
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn selected(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The characters a search matched.
    pub fn matched(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn info(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn light(self, light: Light) -> Style {
        self.fg(match light {
            Light::Red => Color::Red,
            Light::Yellow => Color::Yellow,
            Light::Blue => Color::Blue,
            Light::Green => Color::Green,
            Light::Grey => Color::DarkGray,
        })
    }

    pub fn status(self, status: Status) -> Style {
        self.fg(match status {
            Status::NotStarted => Color::DarkGray,
            Status::InProgress => Color::Cyan,
            Status::Done => Color::Green,
            Status::Paused => Color::Yellow,
        })
    }

    pub fn bar(self) -> Style {
        self.fg(Color::Cyan)
    }
}
