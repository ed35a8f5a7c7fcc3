//! The workbench's shared labels (headings, screen names, column headers), in Chinese and
//! English. Messages that belong to one screen or one action are written where they are
//! made, with `Lang::pick`; every one has both languages.

pub use crate::text::lang::Lang;

/// A label in both languages.
#[derive(Debug, Clone, Copy)]
pub struct L(pub &'static str, pub &'static str);

impl L {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.0, self.1)
    }
}

pub const APP: L = L("规划实施跟踪", "plantrack");
pub const OVERVIEW: L = L("总览", "Overview");
pub const ITEMS: L = L("事项", "Items");
pub const DETAIL: L = L("详情", "Detail");
pub const BY_CHAPTER: L = L("按章节", "By chapter");
pub const BY_DEPARTMENT: L = L("按单位", "By department");
pub const INDICATORS: L = L("指标", "Indicators");
pub const TOO_SMALL: L = L(
    "终端太小：至少需要 72×20",
    "Terminal too small: 72×20 needed",
);
pub const PLAN: L = L("规划", "Plan");
pub const COUNT: L = L("事项数", "Items");
pub const DONE_SHARE: L = L("完成率", "Done");
pub const OVERDUE: L = L("逾期", "Overdue");
pub const UNASSIGNED: L = L("未分配", "Unassigned");
pub const UPCOMING: L = L("30天内到期", "Due in 30 days");
pub const RECENT_OTHERS: L = L("他人最近修改", "Recent changes by others");
pub const MY_ITEMS: L = L("我的事项", "My items");
pub const NUMBER: L = L("编号", "No.");
pub const TITLE: L = L("标题", "Title");
pub const LEAD: L = L("牵头单位", "Lead");
pub const CO: L = L("配合单位", "Co-responsible");
pub const OWNER: L = L("负责人", "Owner");
pub const STATUS: L = L("状态", "Status");
pub const PROGRESS: L = L("进度", "Progress");
pub const PACE: L = L("序时", "Pace");
pub const LIGHT: L = L("灯", "Light");
pub const NEXT_DUE: L = L("下个节点", "Next due");
pub const SHOWN: L = L("显示", "shown");
pub const SEARCH: L = L("搜索", "Search");
pub const FILTER: L = L("筛选", "Filter");
pub const SORT: L = L("排序", "Sort");
pub const MILESTONES: L = L("节点", "Milestones");
pub const NOTES: L = L("备注", "Notes");
pub const HISTORY: L = L("修改记录", "History");
pub const GLOSSARY: L = L("名词解释", "Glossary");
pub const SCHEDULED: L = L("序时进度", "Scheduled");
pub const MEAN_PROGRESS: L = L("平均进度", "Mean progress");
pub const NO_OWNER: L = L("无负责人", "No owner");
pub const NO_LEAD: L = L("无牵头", "No lead");
pub const GROUP: L = L("分组", "Group");
pub const BASELINE: L = L("基期", "Baseline");
pub const TARGET: L = L("目标", "Target");
pub const LATEST: L = L("最新值", "Latest");
pub const ATTRIBUTE: L = L("属性", "Attribute");
pub const ON_TRACK: L = L("判断", "Track");
pub const HELP: L = L("快捷键", "Key bindings");
pub const CONFLICT: L = L("冲突", "Conflict");
pub const SAVED: L = L("已保存", "Saved");
pub const RELOADED: L = L("已刷新：他人有修改", "Refreshed: others made changes");
pub const CONFIRM: L = L("确认？y 是 / n 否", "Confirm? y yes / n no");
pub const ALL_PLANS: L = L("全部规划", "All plans");
pub const NONE: L = L("（无）", "(none)");
