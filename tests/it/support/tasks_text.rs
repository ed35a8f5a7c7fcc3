//! A generated task list (重点工作任务分工方案) of any size, for tests of long work: each
//! task a numbered line with its responsibility clause, under chapter headings.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The text of `tasks` tasks, 500 to a heading.
pub fn tasks_text(tasks: usize) -> String {
    let mut text = String::from("湖南省2026年重点工作任务分工方案\n\n");
    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    for n in 0..tasks {
        if n % 500 == 0 {
            let heading = n / 500;
            text.push_str(&format!(
                "{}、推进第{}方面重点工作\n",
                numerals[heading % numerals.len()],
                heading + 1
            ));
        }
        text.push_str(&format!(
            "{}. 推进第{}项重点工程建设，完善长株潭配套设施，加快项目前期工作。（责任单位：省发展改革委、省财政厅）\n",
            n % 500 + 1,
            n + 1
        ));
    }
    text
}

/// [`tasks_text`] written to `dir/name`.
pub fn write_tasks(dir: &Path, name: &str, tasks: usize) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, tasks_text(tasks)).expect("write the generated plan text");
    path
}
