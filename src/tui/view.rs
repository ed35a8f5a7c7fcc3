//! What every screen needs to draw: the loaded data and the presentation settings.

use super::labels::Lang;
use super::snapshot::Snapshot;
use super::theme::Theme;
use chrono::NaiveDate;

pub struct View<'a> {
    pub data: &'a Snapshot,
    pub lang: Lang,
    pub theme: Theme,
    pub today: NaiveDate,
    pub user: &'a str,
}
