//! The key bindings: one table that maps keys to actions and also produces the help
//! screen (`?`). Only key presses count (not releases or repeats).

use super::action::{Action, AskKind};
use super::labels::{L, Lang};
use super::screens::ScreenId;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::sync::LazyLock;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    /// Screens that list or show items (Items, Detail).
    ItemScreens,
    Screen(ScreenId),
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static str,
    codes: Vec<(KeyCode, KeyModifiers)>,
    pub action: Action,
    pub help: L,
}

fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), KeyModifiers::NONE)
}

fn key(code: KeyCode) -> (KeyCode, KeyModifiers) {
    (code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn bind(
    scope: Scope,
    keys: &'static str,
    codes: Vec<(KeyCode, KeyModifiers)>,
    action: Action,
    help: L,
) -> Binding {
    Binding {
        scope,
        keys,
        codes,
        action,
        help,
    }
}

static BINDINGS: LazyLock<Vec<Binding>> = LazyLock::new(|| {
    use Scope::*;
    let mut table = vec![
        bind(
            Global,
            "q Esc",
            vec![ch('q'), key(KeyCode::Esc)],
            Action::Back,
            L("返回 / 退出", "back / quit"),
        ),
        bind(
            Global,
            "Ctrl-C",
            vec![ctrl('c')],
            Action::Quit,
            L("立即退出", "quit now"),
        ),
        bind(
            Global,
            "?",
            vec![ch('?')],
            Action::ToggleHelp,
            L("显示快捷键", "show key bindings"),
        ),
        bind(
            Global,
            "j Down",
            vec![ch('j'), key(KeyCode::Down)],
            Action::Down,
            L("下移", "move down"),
        ),
        bind(
            Global,
            "k Up",
            vec![ch('k'), key(KeyCode::Up)],
            Action::Up,
            L("上移", "move up"),
        ),
        bind(
            Global,
            "PgDn Ctrl-D",
            vec![key(KeyCode::PageDown), ctrl('d')],
            Action::PageDown,
            L("下翻页", "page down"),
        ),
        bind(
            Global,
            "PgUp Ctrl-U",
            vec![key(KeyCode::PageUp), ctrl('u')],
            Action::PageUp,
            L("上翻页", "page up"),
        ),
        bind(
            Global,
            "g Home",
            vec![ch('g'), key(KeyCode::Home)],
            Action::Top,
            L("到顶部", "go to top"),
        ),
        bind(
            Global,
            "G End",
            vec![ch('G'), key(KeyCode::End)],
            Action::Bottom,
            L("到底部", "go to bottom"),
        ),
        bind(
            Global,
            "Enter",
            vec![key(KeyCode::Enter)],
            Action::Open,
            L("打开 / 下钻", "open / drill in"),
        ),
        bind(
            Global,
            "Tab h l",
            vec![
                key(KeyCode::Tab),
                ch('h'),
                ch('l'),
                key(KeyCode::Left),
                key(KeyCode::Right),
            ],
            Action::FocusNext,
            L("切换焦点 / 选择节点", "switch focus / select milestone"),
        ),
        bind(
            Global,
            "r",
            vec![ch('r')],
            Action::Reload,
            L("刷新", "reload"),
        ),
        bind(
            Global,
            "u",
            vec![ch('u')],
            Action::Undo,
            L("撤销我的上一次修改", "undo my last change"),
        ),
        bind(
            Global,
            "U Ctrl-R",
            vec![ch('U'), ctrl('r')],
            Action::Redo,
            L("重做我撤销的修改", "redo what I undid"),
        ),
        bind(
            Global,
            ":",
            vec![ch(':')],
            Action::Ask(AskKind::Command),
            L("命令", "command palette"),
        ),
        bind(
            ItemScreens,
            "/",
            vec![ch('/')],
            Action::Ask(AskKind::Search),
            L("搜索（中文或拼音）", "search (Chinese or pinyin)"),
        ),
        bind(
            ItemScreens,
            "f",
            vec![ch('f')],
            Action::Ask(AskKind::Filter),
            L("筛选", "filter"),
        ),
        bind(
            ItemScreens,
            "o",
            vec![ch('o')],
            Action::Ask(AskKind::Owner),
            L("设置负责人", "set owner"),
        ),
        bind(
            ItemScreens,
            "t",
            vec![ch('t')],
            Action::CycleStatus,
            L("切换状态", "cycle status"),
        ),
        bind(
            ItemScreens,
            "+ -",
            vec![ch('+'), ch('='), ch('-')],
            Action::ProgressStep(10),
            L("进度 +/-10", "progress +/-10"),
        ),
        bind(
            ItemScreens,
            "p",
            vec![ch('p')],
            Action::Ask(AskKind::Progress),
            L("输入进度", "type progress"),
        ),
        bind(
            ItemScreens,
            "P",
            vec![ch('P')],
            Action::Ask(AskKind::Project),
            L(
                "项目阶段与投资（阶段 总投资 年度计划 年度完成）",
                "project stage and investment (stage total plan done)",
            ),
        ),
        bind(
            ItemScreens,
            "L",
            vec![ch('L')],
            Action::Ask(AskKind::Lead),
            L("设置牵头单位", "set lead department"),
        ),
        bind(
            ItemScreens,
            "C",
            vec![ch('C')],
            Action::Ask(AskKind::Co),
            L("添加配合单位", "add co-responsible department"),
        ),
        bind(
            ItemScreens,
            "m",
            vec![ch('m')],
            Action::Ask(AskKind::Milestone),
            L("添加节点", "add milestone"),
        ),
        bind(
            ItemScreens,
            "M",
            vec![ch('M')],
            Action::CompleteNextMilestone,
            L("完成所选节点", "complete the selected milestone"),
        ),
        bind(
            Screen(ScreenId::Detail),
            "E",
            vec![ch('E')],
            Action::Ask(AskKind::Extend),
            L(
                "所选节点延期（新日期 原因）",
                "extend the selected milestone (date reason)",
            ),
        ),
        bind(
            ItemScreens,
            "n",
            vec![ch('n')],
            Action::Ask(AskKind::Note),
            L("添加备注", "add note"),
        ),
        bind(
            Screen(ScreenId::Items),
            "s",
            vec![ch('s')],
            Action::CycleSort,
            L("排序", "sort"),
        ),
        bind(
            Screen(ScreenId::Items),
            "Space",
            vec![ch(' ')],
            Action::ToggleSelect,
            L("选择 / 取消", "select / unselect"),
        ),
        bind(
            Screen(ScreenId::Items),
            "a",
            vec![ch('a')],
            Action::Ask(AskKind::BulkOwner),
            L("批量指定负责人", "bulk-assign owner"),
        ),
        bind(
            Screen(ScreenId::Detail),
            "R",
            vec![ch('R')],
            Action::Ask(AskKind::RenameMilestone),
            L("修改所选节点名称", "rename the selected milestone"),
        ),
        bind(
            Screen(ScreenId::Items),
            "x",
            vec![ch('x')],
            Action::Ask(AskKind::Export),
            L(
                "导出当前视图（xlsx/csv/md/json）",
                "export this view (xlsx/csv/md/json)",
            ),
        ),
        bind(
            Screen(ScreenId::Indicators),
            "v",
            vec![ch('v')],
            Action::Ask(AskKind::Indicator),
            L("录入指标值", "record a value"),
        ),
    ];
    for screen in ScreenId::ALL {
        let digit = char::from(b'1' + screen.index() as u8);
        table.push(bind(
            Global,
            "1-6",
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
                .any(|(code, mods)| *code == event.code && *mods == modifiers)
        })
        .map(|b| match (&b.action, event.code) {
            (Action::ProgressStep(_), KeyCode::Char('-')) => Action::ProgressStep(-10),
            (action, _) => action.clone(),
        })
}

/// The rows of the help screen for `screen`: (keys, description), once per description.
pub fn help(screen: ScreenId, lang: Lang) -> Vec<(&'static str, &'static str)> {
    let mut rows: Vec<(&'static str, &'static str)> = Vec::new();
    for b in BINDINGS.iter().filter(|b| applies(b.scope, screen)) {
        let row = (b.keys, b.help.get(lang));
        if !rows.contains(&row) {
            rows.push(row);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_actions_per_screen() {
        let press = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert!(matches!(
            lookup(ScreenId::Items, press('j')),
            Some(Action::Down)
        ));
        assert!(matches!(
            lookup(ScreenId::Items, press('-')),
            Some(Action::ProgressStep(-10))
        ));
        assert!(matches!(
            lookup(ScreenId::Items, press('2')),
            Some(Action::Switch(ScreenId::Items))
        ));
        assert!(lookup(ScreenId::Overview, press('o')).is_none());
        assert!(matches!(
            lookup(ScreenId::Indicators, press('v')),
            Some(Action::Ask(AskKind::Indicator))
        ));
        assert!(
            help(ScreenId::Items, Lang::En)
                .iter()
                .any(|(_, d)| *d == "set owner")
        );
    }
}
