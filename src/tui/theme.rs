//! Styles. With NO_COLOR no colour is used at all (emphasis only); otherwise the 16 basic
//! colours, so 16-colour terminals look right.

use crate::track::{Light, Status};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless NO_COLOR is set (to anything non-empty).
    pub fn from_env(no_color: Option<&str>) -> Theme {
        Theme {
            color: no_color.is_none_or(str::is_empty),
        }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
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
