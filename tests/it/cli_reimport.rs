//! Re-importing revised plan texts through the CLI keeps every tracking fact on its own
//! item (the adversarial review's F2 a–d): a task inserted and the rest renumbered, a box
//! reordered with an item retitled, added and removed, a new 专栏 before the others, an
//! unnumbered item retitled; a doubtful match is never applied unless decided; numbering
//! that restarts per group and repeated titles import at all.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::cli;

use cli::Db;
use serde_json::Value;
use std::path::PathBuf;

fn seed(name: &str) -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("seed")
            .join(name),
    )
    .unwrap()
}

/// Write `text` as `name` in the database's directory (the file name says which plan it is).
fn revised(db: &Db, name: &str, text: &str) -> PathBuf {
    let dir = db.dir.path().join("revised");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn plan_items(db: &Db, plan: &str) -> Vec<Value> {
    db.items()
        .into_iter()
        .filter(|i| i["plan_key"] == plan)
        .collect()
}

/// Give every item of `plan` an owner and a note named after its title.
fn track_every_item(db: &Db, plan: &str) {
    for item in plan_items(db, plan) {
        let id = item["id"].as_i64().unwrap().to_string();
        let title = item["title"].as_str().unwrap();
        db.ok([
            "set",
            &id,
            "--owner",
            &format!("own-{title}"),
            "--progress",
            "20",
        ]);
        db.ok(["note", &id, &format!("note-{title}")]);
    }
}

/// Every item of `plan` still in the text has the data of its own title, but for those
/// titled as in `skip` (checked by the test itself: new or retitled items).
fn assert_each_keeps_its_own(db: &Db, plan: &str, skip: &[&str]) {
    let mut wrong = Vec::new();
    for item in plan_items(db, plan) {
        if item["in_plan"] == false {
            continue;
        }
        let title = item["title"].as_str().unwrap();
        if skip.contains(&title) {
            continue;
        }
        let owner = item["owner"].as_str();
        if owner != Some(format!("own-{title}").as_str()) {
            wrong.push(format!("#{} {title}: owner {owner:?}", item["id"]));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} items hold the wrong data:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn a_task_inserted_and_the_rest_renumbered_keeps_each_tasks_data() {
    let db = Db::new();
    let plan = "hn-czh-action-2024";
    track_every_item(&db, plan);
    // "2.新增测试任务" after task 1; tasks 2–17 become 3–18.
    let mut text = String::new();
    let mut in_tasks = false;
    for line in seed("hunan-urbanization-action-plan-2024.txt").lines() {
        if line.starts_with("二、重点任务") {
            in_tasks = true;
        } else if line.starts_with("三、") {
            in_tasks = false;
        }
        let number: Option<u32> = line
            .split_once('.')
            .and_then(|(n, _)| n.trim().parse().ok())
            .filter(|_| in_tasks);
        match number {
            Some(n) if n >= 2 => {
                if n == 2 {
                    text.push_str("2.新增测试任务。加快推进一项新增的测试工作，形成可推广经验。（责任单位：省发展改革委）\n\n");
                }
                let rest = line.split_once('.').unwrap().1;
                text.push_str(&format!("{}.{rest}\n", n + 1));
            }
            _ => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    let file = revised(&db, "hunan-urbanization-action-plan-2024.txt", &text);
    let preview = db.ok(["import", "--dry-run", file.to_str().unwrap()]);
    assert!(preview.contains("重新编号 renumbered 16"), "{preview}");
    assert!(preview.contains("新增 new 1"), "{preview}");
    let out = db.ok(["import", "-y", file.to_str().unwrap()]);
    assert!(out.contains("items added 新增事项: 1"), "{out}");
    assert_each_keeps_its_own(&db, plan, &["新增测试任务"]);
    let new = plan_items(&db, plan)
        .into_iter()
        .find(|i| i["title"] == "新增测试任务")
        .unwrap();
    assert!(
        new["owner"].is_null(),
        "the new task inherits nobody's owner: {new}"
    );
    let shown = db.show(new["id"].as_i64().unwrap());
    assert!(shown["notes"].as_array().unwrap().is_empty(), "{shown}");
    assert_eq!(shown["progress"], 0);
}

#[test]
fn a_box_reordered_with_items_retitled_added_and_removed_keeps_each_items_data() {
    let db = Db::new();
    let plan = "hn-czh-14";
    track_every_item(&db, plan);
    let original = seed("hunan-urbanization-14th-fyp.txt");
    let line = |start: &str| {
        original
            .lines()
            .find(|l| l.starts_with(start))
            .unwrap()
            .to_string()
    };
    let (check, shanty, old, whole) = (
        line("1． 城市体检"),
        line("2． 棚户区改造"),
        line("3． 老旧小区改造"),
        line("4． 完整社区建设"),
    );
    let box9 = format!(
        "{}\n{}\n{}\n4． 智慧社区试点。在有条件的城市开展智慧社区建设试点，推广社区服务数字化应用场景。\n",
        old.replacen("3． ", "1． ", 1),
        check.replacen("1． ", "2． ", 1),
        whole.replacen("4． 完整社区建设。", "3． 完整社区建设改造提升。", 1),
    );
    let text = original.replacen(&format!("{check}\n{shanty}\n{old}\n{whole}\n"), &box9, 1);
    assert_ne!(text, original);
    let file = revised(&db, "hunan-urbanization-14th-fyp.txt", &text);
    let out = db.ok(["import", "-y", file.to_str().unwrap()]);
    assert!(out.contains("改名 retitled"), "{out}");
    assert!(
        out.contains("完整社区建设 → 3 完整社区建设改造提升"),
        "{out}"
    );
    let items = plan_items(&db, plan);
    let by_title = |t: &str| items.iter().find(|i| i["title"] == t).unwrap();
    assert_eq!(
        by_title("完整社区建设改造提升")["owner"],
        "own-完整社区建设",
        "retitled, same item"
    );
    assert!(
        by_title("智慧社区试点")["owner"].is_null(),
        "a new item inherits nothing"
    );
    assert_eq!(by_title("棚户区改造")["in_plan"], false);
    assert_eq!(
        by_title("棚户区改造")["owner"],
        "own-棚户区改造",
        "kept, flagged"
    );
    assert_each_keeps_its_own(&db, plan, &["智慧社区试点", "完整社区建设改造提升"]);
}

#[test]
fn a_new_box_before_the_others_duplicates_nothing() {
    let db = Db::new();
    let plan = "zz-czh-14";
    track_every_item(&db, plan);
    let before = plan_items(&db, plan).len();
    let mut text = String::new();
    for line in seed("zhuzhou-urbanization-14th-fyp.txt").lines() {
        let boxed = line.trim_start().strip_prefix("专栏").map(str::trim_start);
        let number = boxed.and_then(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits
                .parse::<u32>()
                .ok()
                .map(|n| (n, rest[digits.len()..].to_string()))
        });
        match number {
            Some((n, rest)) if n >= 2 => {
                if n == 2 {
                    text.push_str("专栏 2 新增测试工程\n\n测试工程甲。建设一批测试项目，形成示范效应。\n\n测试工程乙。完善测试配套设施，提升服务能力。\n\n");
                }
                text.push_str(&format!("专栏 {}{rest}\n", n + 1));
            }
            _ => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    let file = revised(&db, "zhuzhou-urbanization-14th-fyp.txt", &text);
    let out = db.ok(["import", "-y", file.to_str().unwrap()]);
    assert!(out.contains("items added 新增事项: 2"), "{out}");
    assert!(out.contains("items missing 已不在文本中: 0"), "{out}");
    let items = plan_items(&db, plan);
    assert_eq!(items.len(), before + 2, "nothing duplicated");
    assert_each_keeps_its_own(&db, plan, &["测试工程甲", "测试工程乙"]);
    // The old boxes keep their titles under their new numbers.
    let talent = items
        .iter()
        .find(|i| i["title"] == "科技创新人才集聚工程")
        .unwrap();
    assert_eq!(talent["box_number"], 3);
    assert_eq!(talent["box_title"], "人才培养引进六大工程");
}

#[test]
fn an_unnumbered_item_retitled_keeps_its_data() {
    let db = Db::new();
    let plan = "zz-czh-14";
    track_every_item(&db, plan);
    let text =
        seed("zhuzhou-urbanization-14th-fyp.txt").replacen("智慧养老。结合", "智慧康养。结合", 1);
    let file = revised(&db, "zhuzhou-urbanization-14th-fyp.txt", &text);
    db.ok(["import", "-y", file.to_str().unwrap()]);
    let items = plan_items(&db, plan);
    let item = items.iter().find(|i| i["title"] == "智慧康养").unwrap();
    assert_eq!(item["owner"], "own-智慧养老");
    assert!(
        !items.iter().any(|i| i["title"] == "智慧养老"),
        "no stale copy left behind"
    );
}

#[test]
fn a_doubtful_match_is_refused_until_decided() {
    let db = Db::new();
    let plan = "hn-czh-action-2024";
    track_every_item(&db, plan);
    let original = seed("hunan-urbanization-action-plan-2024.txt");
    let task5 = original
        .lines()
        .find(|l| l.starts_with("5."))
        .unwrap()
        .to_string();
    // A new title and half of the text reworded: the same task, or another one?
    let chars: Vec<char> = task5.chars().collect();
    let body: String = chars[16..chars.len() / 2].iter().collect();
    let reworded = format!(
        "5.完善社会保障体系。{body}另行制定新的保障措施和配套办法。（责任单位：省人力资源社会保障厅）"
    );
    let text = original.replacen(&task5, &reworded, 1);
    let file = revised(&db, "hunan-urbanization-action-plan-2024.txt", &text);
    let err = db.fails(["import", "-y", file.to_str().unwrap()]);
    assert!(
        err.contains("--map") && err.contains("完善社会保障体系"),
        "{err}"
    );
    assert!(err.contains("nothing was imported"), "{err}");
    assert_each_keeps_its_own(&db, plan, &[]);
    // The dry run shows the same pair, with the numbers to decide it by.
    let preview = db.ok(["import", "--dry-run", file.to_str().unwrap()]);
    let line = preview
        .lines()
        .find(|l| l.contains("待定 uncertain:"))
        .unwrap_or_else(|| panic!("{preview}"));
    let old: String = line
        .trim()
        .trim_start_matches('#')
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let new: String = line
        .split('+')
        .nth(1)
        .unwrap()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    db.ok([
        "import",
        "-y",
        "--map",
        &format!("{old}=+{new}"),
        file.to_str().unwrap(),
    ]);
    let items = plan_items(&db, plan);
    let task = items
        .iter()
        .find(|i| i["title"] == "完善社会保障体系")
        .unwrap();
    assert_eq!(task["id"].as_i64().unwrap().to_string(), old);
    assert!(
        task["owner"].as_str().unwrap().starts_with("own-扩大"),
        "{task}"
    );
}

#[test]
fn restarted_numbering_and_repeated_titles_import_and_reimport() {
    let db = Db::new();
    let text = "测试市重点工作实施方案\n\n一、重点任务\n\n（一）产业发展\n\n\
        1.培育特色产业。推动特色产业发展壮大，形成一批产业集群。（责任单位：市发展改革委）\n\n\
        2.建设产业园区。加快省级产业园区建设，提升承载能力。（责任单位：市工业和信息化局）\n\n\
        （二）城市建设\n\n\
        1.推进城市更新。实施城市更新行动，改造老旧小区。（责任单位：市住房城乡建设局）\n\n\
        2.建设产业园区。完善城区产业园区配套设施。（责任单位：市自然资源局）\n\n\
        专栏1 重点工程\n\n1.智慧城市工程。建设城市大脑，推进数据共享。\n\n2.智慧城市工程。建设智慧社区，推广便民服务。\n\n\
        二、保障措施\n\n加强组织领导。\n";
    let file = revised(&db, "restart.txt", text);
    let dry = db.ok(["import", "--dry-run", file.to_str().unwrap()]);
    assert!(dry.contains("测试市重点工作实施方案"), "{dry}");
    // Failed before with a raw "UNIQUE constraint failed: item.plan_id, item.stable_key".
    let out = db.ok(["import", "-y", file.to_str().unwrap()]);
    assert!(out.contains("已创建 created"), "{out}");
    let items: Vec<Value> = db
        .items()
        .into_iter()
        .filter(|i| i["plan"] == "测试市重点工作实施方案")
        .collect();
    assert!(items.len() >= 6, "{items:?}");
    let parks: Vec<&Value> = items
        .iter()
        .filter(|i| i["title"] == "建设产业园区")
        .collect();
    assert_eq!(parks.len(), 2);
    // Each keeps its own data through a re-import of the same text.
    let first = parks[0]["id"].as_i64().unwrap().to_string();
    db.ok(["set", &first, "--owner", "甲"]);
    let again = db.ok(["import", "-y", file.to_str().unwrap()]);
    assert!(again.contains("nothing added or changed"), "{again}");
    assert_eq!(db.show(first.parse().unwrap())["owner"], "甲");
    let second = parks[1]["id"].as_i64().unwrap();
    assert!(db.show(second)["owner"].is_null());
}
