//! Table columns recognised by their headers (序号, 重点任务, 牵头单位, 完成时限, 指标, 属性 …):
//! the one place that knows what a header cell means.

use super::patterns::YEAR_HEADER;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// 序号, 编号
    Number,
    /// 类别, 领域, 板块: a grouping carried down over empty cells.
    Category,
    /// 重点任务, 工作任务, 项目名称, 细分: what the row is.
    Task,
    /// 具体内容, 工作措施, 建设内容, 目标要求: more text about the row.
    Content,
    /// 牵头单位, 牵头部门, 牵头考核单位
    Lead,
    /// 配合单位, 协同单位, 参与单位
    Co,
    /// 责任单位, 责任部门: a list whose first name leads.
    Responsible,
    /// 完成时限, 时间节点
    Time,
    /// 指标, 指标名称
    Indicator,
    /// 单位 (of an indicator)
    Unit,
    /// a year (2020年), 基期, 现状
    Year,
    /// 目标, 目标值
    Target,
    /// 属性: 预期性/约束性
    Attribute,
    /// 备注, 说明
    Note,
}

/// Words of a column that lists work (a year in such a header dates the work, it is no
/// column of values).
const TASK_WORDS: &[&str] = &["任务", "工作", "措施", "事项", "举措", "职责"];

/// The longest header cell.
const MAX_HEADER_CHARS: usize = 16;

/// Header words by column, the more specific first.
const HEADERS: &[(&[&str], Column)] = &[
    (&["序号", "编号"], Column::Number),
    (&["属性"], Column::Attribute),
    (&["牵头"], Column::Lead),
    (&["配合", "协同", "协办", "参与", "协助"], Column::Co),
    (
        &[
            "责任单位",
            "责任部门",
            "主责",
            "责任主体",
            "责任处室",
            "实施主体",
            "主体单位",
        ],
        Column::Responsible,
    ),
    (&["时限", "期限", "时间", "进度", "节点"], Column::Time),
    (&["指标"], Column::Indicator),
    (&["备注", "说明"], Column::Note),
    (&["基期", "现状", "基数"], Column::Year),
    (
        &["类别", "领域", "类型", "板块", "方面", "分类"],
        Column::Category,
    ),
    (
        &[
            "具体",
            "内容",
            "措施",
            "举措",
            "要求",
            "目标任务",
            "主要工作",
            "工作安排",
        ],
        Column::Content,
    ),
    (
        &[
            "任务", "工作", "事项", "项目", "名称", "工程", "细分", "重点", "职责",
        ],
        Column::Task,
    ),
];

/// The column a header cell names, if it is a header.
pub fn column_of(header: &str) -> Option<Column> {
    // A header cell is short: spare the longer lines the allocation below.
    if header.len() > 4 * MAX_HEADER_CHARS * 2 {
        return None;
    }
    let squashed: String = header.split_whitespace().collect();
    let squashed = squashed.trim_matches(['*', '：', ':']);
    if squashed.is_empty() || squashed.chars().count() > MAX_HEADER_CHARS {
        return None;
    }
    if squashed == "单位" || squashed == "计量单位" {
        return Some(Column::Unit);
    }
    // 部门 alone names who is responsible (a duty list: 序号 | 部门 | 职责清单).
    if squashed == "部门" {
        return Some(Column::Responsible);
    }
    // 目标, 目标值, 规划目标, 2025年目标 — not "发展目标", a group of rows.
    if squashed == "目标"
        || ["目标值", "预期值", "规划目标", "预期目标", "年目标"]
            .iter()
            .any(|w| squashed.contains(w))
    {
        return Some(Column::Target);
    }
    // 2020年, 2025年（预计）— not "2024年推进任务", the tasks of a year.
    let names_work = TASK_WORDS.iter().any(|w| squashed.contains(w));
    if YEAR_HEADER.is_match(squashed) && squashed.chars().count() <= 12 && !names_work {
        return Some(Column::Year);
    }
    if squashed.contains(['。', '，', '；', '：', ':', ',']) {
        return None;
    }

    HEADERS
        .iter()
        .find(|(words, _)| words.iter().any(|w| squashed.contains(w)))
        .map(|(_, column)| *column)
}

/// Whether a header row describes a task list (what to do, and who leads it).
pub fn is_task_header(header: &[String]) -> bool {
    let columns: Vec<Option<Column>> = header.iter().map(|h| column_of(h)).collect();
    let what = columns
        .iter()
        .any(|c| matches!(c, Some(Column::Task | Column::Content)));
    let who = columns
        .iter()
        .any(|c| matches!(c, Some(Column::Lead | Column::Responsible)));
    what && who
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_by_their_words() {
        assert_eq!(column_of("序号"), Some(Column::Number));
        assert_eq!(column_of("重点任务"), Some(Column::Task));
        assert_eq!(column_of("牵头单位"), Some(Column::Lead));
        assert_eq!(column_of("牵头考核单位"), Some(Column::Lead));
        assert_eq!(column_of("配合单位"), Some(Column::Co));
        assert_eq!(column_of("责任单位"), Some(Column::Responsible));
        assert_eq!(column_of("完成时限"), Some(Column::Time));
        assert_eq!(column_of("2020年"), Some(Column::Year));
        assert_eq!(column_of("指标属性"), Some(Column::Attribute));
        assert_eq!(column_of("单位"), Some(Column::Unit));
        assert_eq!(column_of("具体工作措施"), Some(Column::Content));
        assert_eq!(column_of("推进工作落实。"), None);
        assert_eq!(column_of("目标值（2030年）"), Some(Column::Target));
        assert_eq!(column_of("发展目标"), None);
        assert_eq!(column_of("预期值"), Some(Column::Target));
        assert_eq!(column_of("2024年推进任务"), Some(Column::Task));
        assert_eq!(column_of("主责单位"), Some(Column::Responsible));
        assert_eq!(column_of("部门"), Some(Column::Responsible));
        assert_eq!(column_of("职责清单"), Some(Column::Task));
        let header: Vec<String> = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(is_task_header(&header));
    }
}
