//! Department names as lists write them: "省教育厅、省财政厅等", "各市州、县市区人民政府" (one
//! name), "市行政审批局市司法局" (two names whose separator a copy lost).

/// Endings of department names (used to accept unlabelled verb forms).
const DEPARTMENT_ENDINGS: &[&str] = &[
    "政府",
    "委员会",
    "委",
    "厅",
    "局",
    "办",
    "部",
    "院",
    "会",
    "中心",
    "行",
    "署",
    "室",
    "组",
    "司",
    "队",
    "处",
    "馆",
    "社",
    "所",
    "团",
    "联",
    "协",
    "站",
    "公司",
    "集团",
    "部门",
    "单位",
    "海关",
    "党委",
    "法院",
    "管委",
    "县",
    "区",
    "市",
    "州",
    "街道",
    "镇",
    "乡",
];

/// "各市州", "各区", "各市": a plural of administrative levels that the next name completes
/// ("各市州、县市区人民政府", "各区、县级市").
fn is_bare_level(name: &str) -> bool {
    name.strip_prefix('各').is_some_and(|rest| {
        let rest = rest.trim_start_matches("有关").trim_start_matches("相关");
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| matches!(c, '市' | '州' | '县' | '区' | '乡' | '镇'))
    })
}

/// Split `text` on separators outside brackets.
pub fn split_outside_brackets<'a>(text: &'a str, separators: &[char]) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' | '【' | '[' | '〔' => depth += 1,
            '）' | ')' | '】' | ']' | '〕' => depth = depth.saturating_sub(1),
            _ if depth == 0 && separators.contains(&c) => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Department names of a list: "省教育厅、省财政厅等" → two names. "各市州、县市区人民政府"
/// stays one name (a "各…" prefix without a department ending joins the next name).
pub fn split_names(list: &str) -> Vec<String> {
    let list = rejoin_branches(list);
    let mut names: Vec<String> = Vec::new();
    let mut joining = false;
    let separators = ['、', ' ', '\u{3000}', '/', '\t', ',', '，', ';', '；'];
    // A cell that separates nothing had its line breaks lost: names glued after any
    // closing ending are split there too. A list that separates its names glues none.
    let unseparated = !list.contains(separators);
    for raw in split_outside_brackets(&list, &separators) {
        for name in split_glued(clean_name(raw), unseparated) {
            match names.last_mut() {
                // "相关部门、单位": a bare 单位 completes the rider before it.
                Some(previous) if joining || GENERIC_NAMES.contains(&name) => {
                    previous.push('、');
                    previous.push_str(name);
                }
                _ => names.push(name.to_string()),
            }
            joining = is_bare_level(name);
        }
    }
    names
}

/// Words that name no unit on their own, only complete the name before them.
const GENERIC_NAMES: &[&str] = &["单位", "部门", "企业", "机构"];

/// Endings of a branch office, named by its place after its parent ("市规划自然资源委丰台分局").
const BRANCH_ENDINGS: &[&str] = &[
    "分局",
    "分院",
    "分中心",
    "分公司",
    "分行",
    "分所",
    "支队",
    "大队",
];
/// Longest place name of a branch written apart from its parent.
const MAX_BRANCH_PLACE_CHARS: usize = 4;

/// A name broken by a line break before its branch ("市规划自然资源委 丰台分局", a table cell's
/// `<br>`): the branch is joined to its parent again. A branch named with its own level
/// ("区税务分局") is a name of its own.
fn rejoin_branches(list: &str) -> std::borrow::Cow<'_, str> {
    if !list.contains(char::is_whitespace) || !BRANCH_ENDINGS.iter().any(|e| list.contains(e)) {
        return std::borrow::Cow::Borrowed(list);
    }
    let mut out = String::with_capacity(list.len());
    for (i, piece) in list.split_whitespace().enumerate() {
        let place = BRANCH_ENDINGS
            .iter()
            .find_map(|e| piece.strip_suffix(e))
            .filter(|place| {
                let count = place.chars().count();
                (1..=MAX_BRANCH_PLACE_CHARS).contains(&count) && !place.starts_with(GLUE_STARTS)
            });
        if i > 0 && place.is_none() {
            out.push(' ');
        }
        out.push_str(piece);
    }
    std::borrow::Cow::Owned(out)
}

/// Endings after which a name may be glued to the next one.
const GLUE_ENDINGS: &[&str] = &[
    "局", "委", "厅", "办", "部", "院", "府", "会", "中心", "署", "室",
];
/// How the next name of a glued pair starts.
const GLUE_STARTS: &[char] = &['省', '市', '区', '县', '州', '各'];

/// Endings of an office that close its name for certain: a name glued after one starts
/// wherever the rest is a name of its own ("区发改委盐都供电服务中心", "商务局工信局发改委").
const CLOSING_ENDINGS: &[&str] = &["局", "委", "厅", "中心", "集团", "公司"];
/// Longest place name of a branch or regional office named after its parent
/// ("市自然资源和规划局盐都分局", "国家能源局华中监管局"): one name, not two.
const MAX_GLUED_PLACE_CHARS: usize = 3;

/// Whether `after` (the text after a closing ending) is a name of its own: long enough, a
/// department's ending, not a branch of the name before it, not the ending's own suffix
/// ("集团有限公司") nor a bracket naming it again.
fn own_name_after(after: &str) -> bool {
    let branch = BRANCH_ENDINGS
        .iter()
        .chain(&["监管局"])
        .find_map(|e| after.strip_suffix(e))
        .is_some_and(|place| place.chars().count() <= MAX_GLUED_PLACE_CHARS)
        || after.ends_with("分公司")
        || after.ends_with("子公司");
    after.chars().count() >= 3
        && has_department_ending(after)
        && !branch
        && !after.starts_with(['（', '(', '、'])
        && !DEPARTMENT_ENDINGS
            .iter()
            .chain(&["有限", "股份"])
            .any(|e| after.starts_with(e))
}

/// "市行政审批局市司法局", "区发改委盐都供电服务中心" (a line break lost in a table cell) →
/// two names.
fn split_glued(name: &str, loose: bool) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in name.char_indices() {
        if i == start {
            continue;
        }
        let before = &name[start..i];
        let after = &name[i..];
        let leveled = GLUE_STARTS.contains(&c)
            && after.chars().count() >= 3
            && GLUE_ENDINGS.iter().any(|e| before.ends_with(e));
        // A national office names its local offices after it ("国家金融监管总局苏州监管分局").
        let national = ["国家", "中国", "国务院"]
            .iter()
            .any(|p| before.starts_with(p))
            || before.ends_with("总局");
        let closed = loose
            && !national
            && CLOSING_ENDINGS.iter().any(|e| before.ends_with(e))
            && own_name_after(after);
        if before.chars().count() >= 3 && (leveled || closed) {
            parts.push(before);
            start = i;
        }
    }
    if start < name.len() {
        parts.push(&name[start..]);
    }
    parts.retain(|p| !p.is_empty());
    parts
}

fn clean_name(raw: &str) -> &str {
    let mut name = raw
        .trim()
        .trim_matches(['。', '；', ';', '，', ',', '：', ':']);
    for prefix in ["分别由", "由"] {
        if let Some(rest) = name.strip_prefix(prefix) {
            name = rest;
        }
    }
    for suffix in [
        "等有关部门",
        "等相关部门",
        "等有关单位",
        "等相关单位",
        "等部门",
        "等单位",
        "等",
    ] {
        if let Some(rest) = name.strip_suffix(suffix)
            && !rest.is_empty()
        {
            name = rest;
            break;
        }
    }
    name.trim()
}

pub fn has_department_ending(name: &str) -> bool {
    let name = name.trim_end_matches(['）', ')']);
    DEPARTMENT_ENDINGS.iter().any(|e| name.ends_with(e))
}

/// Whether every name of a list looks like a department (for unlabelled forms).
pub fn all_departments(names: &[String]) -> bool {
    !names.is_empty()
        && names
            .iter()
            .all(|n| n.chars().count() <= 30 && has_department_ending(n))
}

/// Whether a table cell is a list of departments ("市发改委、市财政局").
pub fn is_department_list(text: &str) -> bool {
    all_departments(&split_names(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_broken_or_completed_by_the_list() {
        assert_eq!(
            split_names("区发展改革委 市规划自然资源委 丰台分局 区应急局"),
            vec!["区发展改革委", "市规划自然资源委丰台分局", "区应急局"]
        );
        assert_eq!(
            split_names("区税务局 区税务分局"),
            vec!["区税务局", "区税务分局"]
        );
        assert_eq!(
            split_names("区发改委，相关部门、单位"),
            vec!["区发改委", "相关部门、单位"]
        );
        assert_eq!(
            split_names("各市州、县市区人民政府"),
            vec!["各市州、县市区人民政府"]
        );
        assert_eq!(
            split_names("市行政审批局市司法局"),
            vec!["市行政审批局", "市司法局"]
        );
        assert_eq!(
            split_names("商务局盐都公安分局工信局发改委"),
            vec!["商务局", "盐都公安分局", "工信局", "发改委"]
        );
        assert_eq!(
            split_names("区发改委盐都供电服务中心"),
            vec!["区发改委", "盐都供电服务中心"]
        );
        for one in [
            "市自然资源和规划局盐都分局",
            "国家能源局华中监管局",
            "中国铁路成都局集团有限公司",
            "市公安局交警支队",
            "区委宣传部",
            "市政府办公室",
            "区纪委监委",
            "市科技局（市知识产权局）",
            "人民银行盐城市中心支行",
            "市住房城乡建设委员会",
            "国家金融监管总局苏州监管分局",
            "国家药品监督管理局医疗器械技术审评检查长三角分中心",
            "国网重庆市电力公司市区供电分公司",
        ] {
            assert_eq!(split_names(one), vec![one]);
        }
        // In a list that separates its names, a name glued after 局 stays whole.
        assert_eq!(
            split_names("市公安局交通管理局、市交通局"),
            vec!["市公安局交通管理局", "市交通局"]
        );
    }
}
