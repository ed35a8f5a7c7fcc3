//! Text helpers that know nothing of plans, SQL or terminals.
pub mod lang;
pub mod pinyin;
pub mod sanitize;
pub mod width;
pub mod zh;
