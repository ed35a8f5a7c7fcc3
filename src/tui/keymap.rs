//! The key bindings: one table that maps keys to actions and also produces the help
//! screen (`?`). Only key presses count (not releases or repeats).

use super::action::{Action, AskKind};
use super::labels::L;
use super::screens::ScreenId;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::sync::LazyLock;

pub mod help;
pub use help::{help, hints, input_hints};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    /// Screens that list or show items (Items, Detail).
    ItemScreens,
    Screen(ScreenId),
    /// Every screen but this one.
    Except(ScreenId),
    /// The roll-up screens (按章节, 按单位, 按负责人).
    Rollups,
}

pub struct Binding {
    pub scope: Scope,
    /// The keys, in the order the help shows them.
    codes: Vec<Key>,
    pub action: Action,
    pub help: L,
    /// A word or two for the key-hint line at the bottom; `None`: only in the help.
    pub hint: Option<L>,
}

/// A key press a binding answers to.
#[derive(Debug, Clone, Copy)]
struct Key {
    code: KeyCode,
    modifiers: KeyModifiers,
    /// Shown in the help (an alias, such as = for +, is not).
    shown: bool,
}

impl Key {
    /// The key as the help writes it: `j`, `Down`, `Ctrl-R`, `Space`.
    fn name(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Backspace => "BS".into(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::NONE,
        shown: true,
    }
}

fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
        shown: true,
    }
}

fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
        shown: true,
    }
}

/// A key that works but is not shown in the help.
fn alias(key: Key) -> Key {
    Key {
        shown: false,
        ..key
    }
}

fn bind(scope: Scope, codes: Vec<Key>, action: Action, help: L) -> Binding {
    Binding {
        scope,
        codes,
        action,
        help,
        hint: None,
    }
}

impl Binding {
    /// Shown on the key-hint line as `keys hint`.
    fn hinted(self, hint: L) -> Binding {
        Binding {
            hint: Some(hint),
            ..self
        }
    }
}

static BINDINGS: LazyLock<Vec<Binding>> = LazyLock::new(|| {
    use Scope::*;
    let mut table = vec![
        bind(
            Screen(ScreenId::Overview),
            vec![ch('q')],
            Action::Quit,
            L(
                "退出（有未保存的修改时先询问）",
                "quit (asks when edits are waiting)",
            ),
        )
        .hinted(L("退出", "quit")),
        bind(
            Except(ScreenId::Overview),
            vec![ch('q'), key(KeyCode::Esc)],
            Action::Back,
            L("返回上一页", "back"),
        )
        .hinted(L("返回", "back")),
        bind(
            Screen(ScreenId::Overview),
            vec![key(KeyCode::Esc)],
            Action::Back,
            L("关闭提示（不退出）", "close a message (never quits)"),
        ),
        bind(
            Global,
            vec![ctrl('c')],
            Action::Quit,
            L("退出（需要时先询问）", "quit (asks if needed)"),
        ),
        bind(
            Global,
            vec![ctrl('o')],
            Action::ToggleMouse,
            L(
                "鼠标开 / 关（关闭后可选择文字复制）",
                "mouse on / off (off: select text)",
            ),
        ),
        bind(
            Global,
            vec![ch('?')],
            Action::ToggleHelp,
            L("显示快捷键", "show key bindings"),
        )
        .hinted(L("帮助", "help")),
        bind(
            Global,
            vec![ch('w')],
            Action::ToggleRules,
            L("预警灯规则（详情页：为何此灯）", "light rules (and why)"),
        )
        .hinted(L("灯规则", "rules")),
        bind(
            Global,
            vec![ch('j'), key(KeyCode::Down)],
            Action::Down,
            L("下移", "move down"),
        ),
        bind(
            Global,
            vec![ch('k'), key(KeyCode::Up)],
            Action::Up,
            L("上移", "move up"),
        ),
        bind(
            Global,
            vec![key(KeyCode::PageDown), ctrl('d')],
            Action::PageDown,
            L("下翻页", "page down"),
        ),
        bind(
            Global,
            vec![key(KeyCode::PageUp), ctrl('u')],
            Action::PageUp,
            L("上翻页", "page up"),
        ),
        bind(
            Global,
            vec![ch('g'), key(KeyCode::Home)],
            Action::Top,
            L("到顶部", "go to top"),
        ),
        bind(
            Global,
            vec![ch('G'), key(KeyCode::End)],
            Action::Bottom,
            L("到底部", "go to bottom"),
        ),
        bind(
            Global,
            vec![key(KeyCode::Enter)],
            Action::Open,
            L("打开 / 下钻", "open / drill in"),
        )
        .hinted(L("打开", "open")),
        bind(
            Screen(ScreenId::Overview),
            vec![key(KeyCode::Left), alias(ch('h'))],
            Action::Column(-1),
            L(
                "左一列（按红灯、逾期等计数打开）",
                "column left (open a count)",
            ),
        ),
        bind(
            Screen(ScreenId::Overview),
            vec![key(KeyCode::Right), alias(ch('l'))],
            Action::Column(1),
            L("右一列", "column right"),
        ),
        bind(
            Global,
            vec![
                key(KeyCode::Tab),
                ch('h'),
                ch('l'),
                alias(key(KeyCode::Left)),
                alias(key(KeyCode::Right)),
            ],
            Action::FocusNext,
            L("切换焦点 / 下一节点", "focus / next milestone"),
        ),
        bind(Global, vec![ch('r')], Action::Reload, L("刷新", "reload")),
        bind(
            Global,
            vec![ch('u')],
            Action::Undo,
            L("撤销我的上一次修改", "undo my last change"),
        ),
        bind(
            Global,
            vec![ch('U'), ctrl('r')],
            Action::Redo,
            L("重做我撤销的修改", "redo what I undid"),
        ),
        bind(
            Global,
            vec![ch(':'), ch('#')],
            Action::Ask(AskKind::Command),
            L("命令；:12 打开第 12 项", "command; :12 opens #12"),
        ),
        bind(
            ItemScreens,
            vec![ch('/')],
            Action::Ask(AskKind::Search),
            L("搜索（中文或拼音）", "search (Chinese or pinyin)"),
        )
        .hinted(L("搜索", "search")),
        bind(
            ItemScreens,
            vec![ch('f')],
            Action::Ask(AskKind::Filter),
            L("筛选", "filter"),
        )
        .hinted(L("筛选", "filter")),
        bind(
            Screen(ScreenId::Items),
            vec![ch('F')],
            Action::ClearFilters,
            L("清除全部筛选", "clear all filters"),
        ),
        bind(
            ItemScreens,
            vec![ch('o')],
            Action::Ask(AskKind::Owner),
            L("设置负责人", "set owner"),
        )
        .hinted(L("负责人", "owner")),
        bind(
            ItemScreens,
            vec![ch('t')],
            Action::PickStatus,
            L("选择状态", "pick the status"),
        )
        .hinted(L("状态", "status")),
        bind(
            ItemScreens,
            vec![ch('+'), alias(ch('=')), ch('-')],
            Action::ProgressStep(10),
            L("进度 +/-10", "progress +/-10"),
        ),
        bind(
            ItemScreens,
            vec![ch('p')],
            Action::Ask(AskKind::Progress),
            L("输入进度", "type progress"),
        )
        .hinted(L("进度", "progress")),
        bind(
            ItemScreens,
            vec![ch('P')],
            Action::Ask(AskKind::Project),
            L("项目阶段与投资", "project stage, money"),
        ),
        bind(
            ItemScreens,
            vec![ch('L')],
            Action::Ask(AskKind::Lead),
            L("设置牵头单位", "set lead department"),
        ),
        bind(
            ItemScreens,
            vec![ch('C')],
            Action::Ask(AskKind::Co),
            L("添加配合单位", "add co-department"),
        ),
        bind(
            ItemScreens,
            vec![ch('m')],
            Action::Ask(AskKind::Milestone),
            L("添加节点", "add milestone"),
        ),
        bind(
            ItemScreens,
            vec![ch('M')],
            Action::CompleteNextMilestone,
            L("完成所选节点（可写日期）", "complete milestone"),
        ),
        bind(
            Screen(ScreenId::Detail),
            vec![ch('E')],
            Action::Ask(AskKind::Extend),
            L("所选节点延期", "extend milestone"),
        ),
        bind(
            ItemScreens,
            vec![ch('n')],
            Action::Ask(AskKind::Note),
            L("添加备注", "add note"),
        )
        .hinted(L("备注", "note")),
        bind(
            Screen(ScreenId::Items),
            vec![ch('z')],
            Action::ToggleFold,
            L(
                "折叠 / 展开树中的规划或章节",
                "fold / unfold a plan or chapter",
            ),
        ),
        bind(
            Screen(ScreenId::Detail),
            vec![ch('z')],
            Action::ToggleBody,
            L("展开 / 收起正文", "fold the plan text"),
        )
        .hinted(L("正文", "text")),
        bind(
            Screen(ScreenId::Items),
            vec![ch('s')],
            Action::CycleSort,
            L("排序", "sort"),
        ),
        bind(
            Rollups,
            vec![ch('s')],
            Action::CycleSort,
            L(
                "排序：红灯多、逾期多、事项多的在前",
                "sort: most red, most overdue, most items first",
            ),
        )
        .hinted(L("排序", "sort")),
        bind(
            Screen(ScreenId::Items),
            vec![ch(' ')],
            Action::ToggleSelect,
            L("选择 / 取消", "select / unselect"),
        ),
        bind(
            Screen(ScreenId::Items),
            vec![ch('a')],
            Action::Ask(AskKind::BulkOwner),
            L("批量指定负责人", "bulk-assign owner"),
        ),
        bind(
            Screen(ScreenId::Detail),
            vec![ch('N')],
            Action::Ask(AskKind::EditNote),
            L("修改或删除我最近的备注", "edit or remove my latest note"),
        ),
        bind(
            Screen(ScreenId::Detail),
            vec![ch('D')],
            Action::RemoveMilestone,
            L("删除所选节点（先询问）", "remove milestone (asks)"),
        ),
        bind(
            Screen(ScreenId::Detail),
            vec![ch('X')],
            Action::Ask(AskKind::RemoveDepartment),
            L("移除一个单位（先询问）", "take a department off (asks)"),
        ),
        bind(
            Screen(ScreenId::Detail),
            vec![ch('R')],
            Action::Ask(AskKind::RenameMilestone),
            L("修改所选节点名称", "rename milestone"),
        ),
        bind(
            Global,
            vec![ch('x')],
            Action::Ask(AskKind::Export),
            L("导出本页（{formats}）", "export ({formats})"),
        )
        .hinted(L("导出", "export")),
        bind(
            Screen(ScreenId::Indicators),
            vec![ch('v')],
            Action::Ask(AskKind::Indicator),
            L("录入指标值", "record a value"),
        ),
        bind(
            Screen(ScreenId::Overview),
            vec![ch('c')],
            Action::OpenChanges(None),
            L(
                "变化：本月以来谁改了什么",
                "changes: who changed what this month",
            ),
        ),
        bind(
            Screen(ScreenId::Changes),
            vec![ch('['), ch(']')],
            Action::ShiftChanges(-1),
            L("起始日期前移 / 后移一个月", "start a month earlier / later"),
        )
        .hinted(L("换月", "month")),
    ];
    for screen in ScreenId::ALL {
        let digit = char::from(b'1' + screen.index() as u8);
        table.push(bind(
            Global,
            vec![ch(digit)],
            Action::Switch(screen),
            L("切换页面", "switch screen"),
        ));
    }
    table
});

fn applies(scope: Scope, screen: ScreenId) -> bool {
    match scope {
        Scope::Global => true,
        Scope::ItemScreens => matches!(screen, ScreenId::Items | ScreenId::Detail),
        Scope::Screen(s) => s == screen,
        Scope::Except(s) => s != screen,
        Scope::Rollups => matches!(
            screen,
            ScreenId::ByChapter | ScreenId::ByDepartment | ScreenId::ByOwner
        ),
    }
}

/// The action bound to a key press on a screen.
pub fn lookup(screen: ScreenId, event: KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let modifiers = event.modifiers - KeyModifiers::SHIFT;
    BINDINGS
        .iter()
        .filter(|b| applies(b.scope, screen))
        .find(|b| {
            b.codes
                .iter()
                .any(|k| k.code == event.code && k.modifiers == modifiers)
        })
        .map(|b| match (&b.action, event.code) {
            (Action::ProgressStep(_), KeyCode::Char('-')) => Action::ProgressStep(-10),
            (Action::ShiftChanges(_), KeyCode::Char(']')) => Action::ShiftChanges(1),
            (action, _) => action.clone(),
        })
}

#[cfg(test)]
mod tests;
