use super::*;
use crate::plan::lines::classify;

fn tasks_of(text: &str, leaf_tasks: bool) -> Vec<Task> {
    let lines: Vec<Line> = text
        .lines()
        .enumerate()
        .map(|(i, t)| Line {
            boxed: false,
            no: i + 1,
            indented: false,
            text: t.trim().to_string(),
            marked: false,
        })
        .collect();
    let kinds: Vec<Kind> = lines.iter().map(classify).collect();
    let clauses: Vec<bool> = lines
        .iter()
        .map(|l| crate::plan::responsibility::carries_clause(&l.text))
        .collect();
    let mut marks = Marks::new(lines.len());
    parse_tasks(
        &lines,
        &kinds,
        &clauses,
        &mut marks,
        TaskOptions {
            leaf_tasks,
            sectioned: false,
            year: Some(2024),
        },
    )
}

fn names(task: &Task, role: Role) -> Vec<&str> {
    task.departments
        .iter()
        .filter(|d| d.role == role)
        .map(|d| d.name.as_str())
        .collect()
}

#[test]
fn tasks_get_groups_and_shared_department() {
    let text = "二、重点任务\n（一）实施行动\n1.健全制度。正文。（责任单位：省公安厅、省发展改革委，各市州、县市区人民政府按职责分工负责，下同）\n2.促进就业。正文。（责任单位：省人力资源社会保障厅）\n三、政策措施\n（一）健全激励政策\n建立奖励机制。（责任单位：省财政厅、省教育厅）\n";
    let tasks = tasks_of(text, false);
    assert_eq!(tasks.len(), 3);
    assert_eq!(tasks[1].group.as_deref(), Some("（一）实施行动"));
    assert_eq!(tasks[1].chapter.as_deref(), Some("二、重点任务"));
    assert_eq!(tasks[1].title, "促进就业");
    assert_eq!(tasks[1].line, Some(4));
    assert_eq!(names(&tasks[1], Role::Lead), vec!["省人力资源社会保障厅"]);
    assert_eq!(names(&tasks[1], Role::Co), vec!["各市州、县市区人民政府"]);
    assert_eq!(tasks[2].number, "（一）");
    assert_eq!(tasks[2].title, "健全激励政策");
    assert_eq!(tasks[2].body, "建立奖励机制。");
    assert_eq!(tasks[2].group.as_deref(), Some("三、政策措施"));
}

#[test]
fn run_in_tasks_and_label_lines() {
    let text = "（三）发展数字经济\n培育各类工业互联网平台。推动企业上云。（责任单位：市工信局、市科技局）\n加快数据要素流通。建设交易平台。\n牵头单位：市数据局\n配合单位：市发改委、市财政局\n完成时限：2024年9月底前\n";
    let tasks = tasks_of(text, false);
    assert_eq!(tasks.len(), 2, "{tasks:?}");
    assert_eq!(tasks[0].number, "");
    assert_eq!(tasks[0].title, "培育各类工业互联网平台");
    assert_eq!(tasks[0].group.as_deref(), Some("（三）发展数字经济"));
    assert_eq!(names(&tasks[0], Role::Lead), vec!["市工信局"]);
    assert_eq!(tasks[1].title, "加快数据要素流通");
    assert_eq!(names(&tasks[1], Role::Lead), vec!["市数据局"]);
    assert_eq!(names(&tasks[1], Role::Co), vec!["市发改委", "市财政局"]);
    let due: Vec<String> = tasks[1]
        .deadlines
        .iter()
        .map(|d| d.due.to_string())
        .collect();
    assert_eq!(due, vec!["2024-09-30"]);
}

#[test]
fn numbered_task_followed_by_its_label_lines() {
    let text =
        "1.扩大有效投资。加快项目建设，6月底前开工。\n责任单位：市发改委、市住建局\n2.促进消费。\n";
    let tasks = tasks_of(text, false);
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].number, "1");
    assert_eq!(names(&tasks[0], Role::Lead), vec!["市发改委"]);
    assert_eq!(
        tasks[0]
            .deadlines
            .first()
            .map(|d| d.due.to_string())
            .as_deref(),
        Some("2024-06-30")
    );
}

#[test]
fn leaf_measures_outside_background_parts() {
    let text = "一、总体要求\n（一）指导思想。\n以新思想为指导。\n（二）基本原则。\n1.坚持正确导向。增强意识。\n二、重点任务\n（一）推动科技进步\n1.建立创新体系。加强合作。\n2.推动产品创新。研发推广。\n（二）加强组织领导\n各地区要高度重视。\n";
    let tasks = tasks_of(text, true);
    let titles: Vec<&str> = tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, vec!["建立创新体系", "推动产品创新", "加强组织领导"]);
    assert_eq!(tasks[2].number, "（二）");
    assert_eq!(tasks[2].body, "各地区要高度重视。");
    assert!(tasks_of(text, false).is_empty());
}

#[test]
fn a_decimal_looking_number_continues_the_numbering() {
    let text = "10.珠江项目。加大扶持。（牵头单位：市科技局）\n11.121人才梯队项目。重点培养。（牵头单位：市人社局，配合单位：各区、县级市）\n3.5万人以上的城市要建设。\n";
    let tasks = tasks_of(text, false);
    assert_eq!(tasks.len(), 2);
    assert_eq!(tasks[1].number, "11");
    assert_eq!(tasks[1].title, "121人才梯队项目");
    assert_eq!(names(&tasks[1], Role::Co), vec!["各区、县级市"]);
}
