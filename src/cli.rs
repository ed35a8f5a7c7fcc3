//! The command-line grammar (clap derive). No logic: `commands/` acts on what is parsed here.
//!
//! Values whose rules belong to the domain (dates, statuses, progress, lights) are taken as
//! text and checked in `commands/`, which names the flag in its message; only the shape of
//! IDs (`12` or `#12`) and fixed keyword sets are checked here.

mod backup;
mod export;
mod ids;
mod people;
mod report;
mod returns;

pub use backup::{BackupArgs, DumpArgs, LoadArgs};
pub use export::{ExportArgs, ExportFormat};
pub use ids::{parse_indicator_id, parse_item_id, parse_milestone_id};
pub use people::{PeopleArgs, PeopleCommand};
pub use report::{ReportArgs, ReportFormat};
pub use returns::{ReturnsCollectArgs, ReturnsCommand, ReturnsExportArgs};

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "plantrack",
    version,
    about = "Track the implementation of Chinese government plans (规划实施跟踪)",
    after_help = "Without a command, the workbench (TUI) opens.\n\
                  Items are shown with their ID (#12); every command accepts 12 or #12.\n\
                  Read commands take --json for one JSON document on stdout."
)]
pub struct Cli {
    /// Database file (default: plantrack.db in the user's data directory).
    #[arg(long, global = true, env = "PLANTRACK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Who is recorded as the author of changes (default: $USER, then $LOGNAME).
    #[arg(long, global = true, env = "PLANTRACK_USER", value_name = "NAME")]
    pub user: Option<String>,

    /// Language of the workbench's labels: zh or en (default: from the locale).
    #[arg(long, global = true, value_name = "zh|en")]
    pub lang: Option<String>,

    /// Draw the workbench's borders with ASCII (+ - |), for terminals that draw box-drawing
    /// characters two cells wide (an "ambiguous width" setting common with CJK fonts).
    #[arg(long, global = true)]
    pub ascii: bool,

    /// No progress bar for long work (import, export, compact, backup, load); a bar is
    /// shown only when stderr is a terminal in any case.
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,

    /// Where the workbench writes exports named without a directory (default: the
    /// directory it was started in).
    #[arg(long, global = true, env = "PLANTRACK_EXPORT_DIR", value_name = "DIR")]
    pub export_dir: Option<PathBuf>,

    /// Without a subcommand, the workbench (TUI) opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List items (专栏项目 and 重点任务) with filters.
    List(ListArgs),
    /// Everything about one item.
    Show(ShowArgs),
    /// Set an item's owner, status, progress, dates or project fields.
    Set(SetArgs),
    /// Link a department to an item as lead (牵头) or co-responsible (配合), or unlink it.
    Dept(DeptArgs),
    /// Milestones (节点): add, complete, extend (延期), remove, list those due.
    #[command(subcommand)]
    Milestone(MilestoneCommand),
    /// Add a note (备注) to an item.
    Note(NoteArgs),
    /// Indicators (指标): list them, record actual values.
    #[command(subcommand)]
    Indicator(IndicatorCommand),
    /// Changes made (of one item, or of everything but imports).
    History(HistoryArgs),
    /// Undo your last change (shows it and asks first on a terminal; each undo goes one
    /// step further back).
    Undo(UndoArgs),
    /// Re-apply the change you undid last (while you have changed nothing else since).
    Redo(UndoArgs),
    /// Roll-up counts by plan, chapter, department or owner (汇总).
    Summary(SummaryArgs),
    /// Give every item of a box or chapter the same owner or department.
    Assign(AssignArgs),
    /// Import plan texts into the database; with --dry-run, only report what they contain.
    Import(ImportArgs),
    /// The department directory (short and official names, aliases).
    Departments(JsonArgs),
    /// Who logins are: `people` lists them, `people set LOGIN NAME [--dept D]` says who
    /// one is (wangmin → 王敏, 省住建厅), `people remove LOGIN` forgets it.
    People(PeopleArgs),
    /// Show the thresholds of the warning lights, or set one (KEY VALUE).
    Config(ConfigArgs),
    /// Write the items (filters as in `list`) and roll-ups to an Excel, CSV, Markdown or
    /// JSON file.
    Export(ExportArgs),
    /// The period report (月报): per department and chapter, 较上期, to .docx, .xlsx or .md.
    Report(ReportArgs),
    /// Department returns (督查报表): a workbook per department to fill in, and collecting
    /// the filled-in workbooks back.
    #[command(subcommand)]
    Returns(ReturnsCommand),
    /// Copy the database to FILE: a consistent snapshot, taken while others keep working.
    Backup(BackupArgs),
    /// Rewrite the database file in order (VACUUM): after large imports, so the workbench
    /// starts fast from a cold disk. `import` does it by itself after a bulk load.
    Compact,
    /// Write the whole tracking state as JSON (for `load` into another database).
    Dump(DumpArgs),
    /// Load a `dump` into this database, replacing its tracking state.
    Load(LoadArgs),
}

#[derive(Debug, clap::Args)]
pub struct UndoArgs {
    /// Only show what would be undone (or redone); change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask, even on a terminal.
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// 牵头
    #[value(alias = "牵头")]
    Lead,
    /// 配合
    #[value(alias = "配合")]
    Co,
}

#[derive(Debug, clap::Args)]
pub struct JsonArgs {
    /// Print one JSON document instead of the table.
    #[arg(long)]
    pub json: bool,
}

/// The item filters of `list`, shared by `export`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Plan key (hn-czh-14) or part of its short name.
    #[arg(long, value_name = "P")]
    pub plan: Option<String>,
    /// Part of the chapter name.
    #[arg(long, value_name = "C")]
    pub chapter: Option<String>,
    /// Box (专栏) number.
    #[arg(long = "box", value_name = "N")]
    pub box_number: Option<u32>,
    /// A department, by any of its names (省发改委 = 省发展改革委).
    #[arg(long, value_name = "NAME")]
    pub dept: Option<String>,
    /// With --dept: only items it leads (lead) or supports (co).
    #[arg(long, requires = "dept")]
    pub role: Option<RoleArg>,
    /// Owner (负责人), exactly.
    #[arg(long, value_name = "O")]
    pub owner: Option<String>,
    /// not_started|in_progress|done|paused or 未开始|进行中|已完成|暂停.
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
    /// red|yellow|blue|green|grey or 红|黄|蓝|绿|灰.
    #[arg(long, value_name = "L")]
    pub light: Option<String>,
    /// Only late items: a milestone overdue, or the period over and not done.
    #[arg(long)]
    pub overdue: bool,
    /// Only items without an owner.
    #[arg(long)]
    pub unassigned: bool,
    /// Only my items: those whose owner is me (by the name `people` gives my login).
    #[arg(long)]
    pub mine: bool,
    /// Chinese text in the title or body, or pinyin of the title (czt, changzhutan).
    #[arg(long, value_name = "T")]
    pub text: Option<String>,
    /// Include items a re-import no longer found in the plan text.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Print one JSON array of items instead of the table.
    #[arg(long)]
    pub json: bool,
    /// As of the end of DATE (YYYY-MM-DD), rebuilt from the history.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    #[arg(value_name = "ID", value_parser = parse_item_id)]
    pub id: i64,
    /// Print one JSON object instead of the text.
    #[arg(long)]
    pub json: bool,
    /// As of the end of DATE (YYYY-MM-DD), rebuilt from the history.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    #[arg(value_name = "ID", value_parser = parse_item_id)]
    pub id: i64,
    /// Owner (负责人).
    #[arg(long, value_name = "NAME", conflicts_with = "no_owner")]
    pub owner: Option<String>,
    /// Clear the owner.
    #[arg(long)]
    pub no_owner: bool,
    /// not_started|in_progress|done|paused or 未开始|进行中|已完成|暂停.
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
    /// Progress in percent: 40 or 40%.
    #[arg(long, value_name = "N")]
    pub progress: Option<String>,
    /// Start date of the item (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// Due date of the item (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// Project stage: 前期|新开工|续建|竣工 or preparation|new_start|continuing|completed.
    #[arg(long, value_name = "STAGE")]
    pub stage: Option<String>,
    /// Total investment (总投资, 亿元).
    #[arg(long, value_name = "X")]
    pub invest_total: Option<String>,
    /// Investment planned this year (年度计划投资, 亿元).
    #[arg(long, value_name = "X")]
    pub invest_plan: Option<String>,
    /// Investment done this year (年度完成投资, 亿元).
    #[arg(long, value_name = "X")]
    pub invest_done: Option<String>,
    /// Refuse any field someone changed after STAMP (the `stamp` that `show --json`
    /// prints): for a script that read the item first. Without it the edit applies to
    /// the item as it is now.
    #[arg(long, value_name = "STAMP")]
    pub if_unchanged_since: Option<i64>,
}

#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("action").required(true).args(["lead", "co", "remove"])))]
pub struct DeptArgs {
    #[arg(value_name = "ID", value_parser = parse_item_id)]
    pub id: i64,
    /// Make NAME the lead department (the previous lead becomes co-responsible).
    #[arg(long, value_name = "NAME")]
    pub lead: Option<String>,
    /// Add NAME as a co-responsible department.
    #[arg(long, value_name = "NAME")]
    pub co: Option<String>,
    /// Unlink NAME from the item.
    #[arg(long, value_name = "NAME")]
    pub remove: Option<String>,
    /// Add NAME to the department directory when no department has that name (without
    /// it, such a name is refused: a typo would stay in the directory for good).
    #[arg(long)]
    pub new_department: bool,
    /// Refuse when someone changed this department's link after STAMP (see `set`).
    #[arg(long, value_name = "STAMP")]
    pub if_unchanged_since: Option<i64>,
}

#[derive(Debug, Subcommand)]
pub enum MilestoneCommand {
    /// Add a milestone to an item: milestone add ID --due DATE TITLE...
    Add {
        #[arg(value_name = "ID", value_parser = parse_item_id)]
        id: i64,
        /// Due date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        due: String,
        /// Title, words joined with spaces.
        #[arg(value_name = "TITLE", required = true, num_args = 1.., allow_hyphen_values = true)]
        title: Vec<String>,
    },
    /// Mark a milestone done (on today, or --on DATE).
    Done {
        #[arg(value_name = "MID", value_parser = parse_milestone_id)]
        id: i64,
        /// Completion date (YYYY-MM-DD); default today.
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Extend (延期) a milestone to a later date, with a reason.
    Extend {
        #[arg(value_name = "MID", value_parser = parse_milestone_id)]
        id: i64,
        /// New due date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: String,
        /// Why it is extended (kept with who and when).
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Remove a milestone (needs --yes; undo brings it back).
    Rm {
        #[arg(value_name = "MID", value_parser = parse_milestone_id)]
        id: i64,
        /// Confirm the removal.
        #[arg(long)]
        yes: bool,
    },
    /// Milestones due and not done (all, or from/to a date).
    List {
        /// First due date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last due date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct NoteArgs {
    #[arg(value_name = "ID", value_parser = parse_item_id)]
    pub id: i64,
    /// The note, words joined with spaces; `-` reads it from stdin (multi-line notes).
    #[arg(value_name = "TEXT", required = true, num_args = 1.., allow_hyphen_values = true)]
    pub text: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum IndicatorCommand {
    /// Indicators with baseline, target and recorded values.
    List {
        /// Plan key or part of its short name.
        #[arg(long, value_name = "P")]
        plan: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record an actual value: indicator record IID --period 2025 VALUE.
    Record {
        #[arg(value_name = "IID", value_parser = parse_indicator_id)]
        id: i64,
        /// A year (2025) or a date (2025-06-30).
        #[arg(long, value_name = "YEAR|DATE")]
        period: String,
        #[arg(value_name = "VALUE", allow_hyphen_values = true)]
        value: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// Only changes of this item.
    #[arg(value_name = "ID", value_parser = parse_item_id)]
    pub id: Option<i64>,
    /// Most entries shown.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryBy {
    /// 按规划
    Plan,
    /// 按章节
    Chapter,
    /// 按牵头单位
    #[value(alias = "lead")]
    Department,
    /// 按配合单位
    #[value(alias = "co")]
    CoDepartment,
    /// 按负责人
    Owner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Table,
    Csv,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct SummaryArgs {
    /// What to group by.
    #[arg(long, value_name = "BY")]
    pub by: SummaryBy,
    /// Plan key or part of its short name.
    #[arg(long, value_name = "P")]
    pub plan: Option<String>,
    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub format: SummaryFormat,
    /// As of the end of DATE (YYYY-MM-DD), rebuilt from the history.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("scope").required(true).args(["box_number", "chapter"])))]
#[command(group(ArgGroup::new("assignment").required(true).args(["owner", "lead", "co"])))]
pub struct AssignArgs {
    /// Box (专栏) number.
    #[arg(long = "box", value_name = "N")]
    pub box_number: Option<u32>,
    /// Part of the chapter name.
    #[arg(long, value_name = "C")]
    pub chapter: Option<String>,
    /// Plan key or part of its short name.
    #[arg(long, value_name = "P")]
    pub plan: String,
    /// Owner (负责人) for every item.
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Lead department for every item.
    #[arg(long, value_name = "DEPT")]
    pub lead: Option<String>,
    /// Co-responsible department for every item.
    #[arg(long, value_name = "DEPT")]
    pub co: Option<String>,
    /// Add the department named by --lead/--co to the directory when no department has
    /// that name (without it, such a name is refused).
    #[arg(long)]
    pub new_department: bool,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Parse and report only, with the mapping to what is tracked when the database
    /// exists; nothing is written (no database is created).
    #[arg(long)]
    pub dry_run: bool,
    /// With --dry-run: print exactly one JSON object {"plans": [...]} instead of the report.
    #[arg(long)]
    pub json: bool,
    /// Import without showing the preview and asking first (the question is only asked
    /// when standard input is a terminal).
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Decide an uncertain match: ID=+N when tracked item ID is item N of the text (the
    /// numbers the mapping shows), ID=new when it is none of them. Repeatable.
    #[arg(long = "map", value_name = "ID=+N|ID=new")]
    pub map: Vec<String>,
    /// Plan text files (UTF-8, UTF-16 with BOM, or GB18030/GBK).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// pace_tolerance, yellow_lag or due_soon_days.
    #[arg(value_name = "KEY", requires = "value")]
    pub key: Option<String>,
    /// The new value (a whole number).
    #[arg(value_name = "VALUE")]
    pub value: Option<String>,
    /// Print the thresholds as one JSON object.
    #[arg(long, conflicts_with = "value")]
    pub json: bool,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn grammar_is_consistent() {
        Cli::command().debug_assert();
    }
}
