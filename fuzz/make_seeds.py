#!/usr/bin/env python3
"""Write the committed seed corpus: a small plan text in UTF-8 and the same in GB18030."""
from pathlib import Path

PLAN = """某市“十四五”新型城镇化规划

某市人民政府
2024年11月30日

第一章 总体要求

第一节 发展目标

专栏1 重点工程

1．长株潭都市圈建设工程。推进城际轨道交通建设，2025年底前完成可研批复。
2．老旧小区改造工程。完善基础设施和公共服务设施。

二、重点任务

1.健全基本公共服务制度。（责任单位：省发展改革委、省财政厅）

名 词 解 释

1.新型城镇化：以人为本的城镇化。
"""

here = Path(__file__).resolve().parent
(here / "corpus/parse_plan").mkdir(parents=True, exist_ok=True)
(here / "corpus/sanitize").mkdir(parents=True, exist_ok=True)
(here / "corpus/parse_plan/seed-utf8.txt").write_bytes(PLAN.encode("utf-8"))
(here / "corpus/parse_plan/seed-gb18030.txt").write_bytes(PLAN.encode("gb18030"))
hostile = "标题\x1b]0;PWNED\x07\x1b[2J\u202e\u200b\x00\x7f\x9b31m正文" + "\u0301" * 40 + "\r\n尾"
(here / "corpus/sanitize/seed-hostile.txt").write_bytes(hostile.encode("utf-8"))
