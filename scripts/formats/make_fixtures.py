#!/usr/bin/env python3
"""Make the .docx, .html, .pdf and .ofd renditions of plan texts (tests/fixtures/formats/).

    pip install python-docx fpdf2      # and a CJK TrueType font: apt-get install fonts-droid-fallback
    python3 scripts/formats/make_fixtures.py

Each text is read into paragraphs and tables (blocks.py gives back the tables the text
export flattened), then written as a Word document (real tables, 专栏 frames as shaded
one-column tables; the action plan's headings numbered by Word's automatic numbering instead
of their text), a web page (GBK for one plan, with script, style, navigation and footer to be
dropped), a PDF (fpdf2 embeds a subset of the font with its ToUnicode map; running header and
page numbers) and an OFD (GB/T 33190 package written here; running header on a template page).
The outputs are committed, so `cargo test` needs none of these tools.
"""

import html
import os
import re
import sys
import zipfile

sys.path.insert(0, os.path.dirname(__file__))

from blocks import Blank, Para, Table, read  # noqa: E402
from page_layout import Layout, PAGE_H, PAGE_W  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "fixtures", "formats")
FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
LATIN = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # digits and punctuation Droid lacks

SEEDS = [
    ("hunan-urbanization-14th-fyp", "seed/hunan-urbanization-14th-fyp.txt", "湖南省“十四五”新型城镇化规划"),
    ("hunan-urbanization-14th-fyp.zh-hant", "seed/hunan-urbanization-14th-fyp.zh-hant.txt", "湖南省“十四五”新型城鎮化規劃"),
    ("hunan-urbanization-action-plan-2024", "seed/hunan-urbanization-action-plan-2024.txt", "新型城镇化五年行动计划实施方案"),
    ("zhuzhou-urbanization-14th-fyp", "seed/zhuzhou-urbanization-14th-fyp.txt", "株洲市“十四五”新型城镇化发展规划"),
    ("hunan-15th-fyp-outline", "seed/hunan-15th-fyp-outline.txt", "湖南省“十五五”规划纲要"),
]

# Real published texts of the corpus, converted (not published in these formats by their issuers).
CORPUS = [
    "miit-2016-minbao-guihua",
    "gz-2012-rencai-jiju-shishiyijian",
    "xian-2022-fangguanfu-fengong-table",
]

HEADING = re.compile(r"^(第[一二三四五六七八九十百]+[篇章节])")
AUTO = re.compile(r"^(?P<n>[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)(?P<rest>.+)$")


# ---------------------------------------------------------------- docx

def docx(blocks, path, auto_numbering=False):
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    doc = Document()
    num_id = None
    if auto_numbering:
        num_id = add_numbering(doc, parse_xml, nsdecls)

    def shade(cell):
        cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="E7EEF7"/>'))

    for b in blocks:
        if isinstance(b, Blank):
            doc.add_paragraph("")
        elif isinstance(b, Para):
            m = AUTO.match(b.text) if auto_numbering and not b.indented else None
            if m:
                p = doc.add_paragraph(m.group("rest"), style="Heading 1" if m.group("n").endswith("、") else "Heading 2")
                level = 0 if m.group("n").endswith("、") else 1
                numpr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
                p._p.get_or_add_pPr().append(numpr)
                continue
            style = "Heading 1" if HEADING.match(b.text) and "节" not in b.text[:6] else (
                "Heading 2" if HEADING.match(b.text) else None)
            p = doc.add_paragraph(style=style) if style else doc.add_paragraph()
            if b.indented:
                p.add_run().add_tab()
            p.add_run(b.text)
        elif isinstance(b, Table):
            columns = max(b.columns, 1)
            table = doc.add_table(rows=len(b.rows), cols=columns)
            table.style = "Table Grid"
            for r, row in enumerate(b.rows):
                cells = table.rows[r].cells
                if len(row) < columns:
                    merged = cells[len(row) - 1].merge(cells[columns - 1]) if row else None
                    if merged is not None:
                        cells = list(cells[: len(row) - 1]) + [merged]
                for c, paras in enumerate(row):
                    cell = cells[c]
                    cell.paragraphs[0].text = paras[0] if paras else ""
                    for extra in paras[1:]:
                        cell.add_paragraph(extra)
                    if columns == 1:
                        shade(cell)
    doc.core_properties.author = "plantrack fixtures"
    doc.save(path)


def add_numbering(doc, parse_xml, nsdecls):
    """A list with 一、 and （一） levels in numbering.xml; returns its numId."""
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return 90


# ---------------------------------------------------------------- html

def html_page(blocks, title, path, charset="utf-8"):
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">',
        f"<title>{e(title)}_政务公开</title>",
        "<style>.zl{border:1px solid #369;background:#eef} td{border:1px solid #999}</style>",
        '<script>document.write("不应出现的脚本文字"); var x = "<p>专栏99 假的</p>";</script>',
        "</head><body>",
        '<nav><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/zcwj">政策文件</a></nav>',
        '<div class="article">',
    ]
    frame = []

    def flush_frame():
        if frame:
            out.append('<table class="zl">')
            for text in frame:
                out.append(f"<tr><td>{e(text)}</td></tr>" if text is not None else "<tr><td><p></p></td></tr>")
            out.append("</table>")
            frame.clear()

    items = list(blocks)
    for k, b in enumerate(items):
        if isinstance(b, Para) and b.indented:
            frame.append(b.text)
            continue
        if isinstance(b, Blank) and frame and k + 1 < len(items) and isinstance(items[k + 1], Para) and items[k + 1].indented:
            frame.append(None)
            continue
        flush_frame()
        if isinstance(b, Blank):
            out.append("<p>&nbsp;</p>")
        elif isinstance(b, Para):
            tag = "h2" if HEADING.match(b.text) else "p"
            out.append(f"<{tag}>{e(b.text)}</{tag}>")
        else:
            columns = b.columns
            rows = list(b.rows)
            out.append('<table class="zl" border="1">' if columns <= 1 else '<table border="1" cellspacing="0">')
            if columns > 1 and rows and len(rows[0]) == 1:
                out.append(f'<tr><td colspan="{columns}">' + "<br>".join(e(p) for p in rows[0][0]) + "</td></tr>")
                rows = rows[1:]
            for r in rows:
                if columns <= 1:
                    for c in r:
                        out.append("<tr><td>" + "".join(f"<p>{e(p)}</p>" for p in c) + "</td></tr>")
                    continue
                cells = []
                for i, c in enumerate(r):
                    span = f' colspan="{columns - len(r) + 1}"' if i == len(r) - 1 and len(r) < columns else ""
                    cells.append(f"<td{span}>" + "<br>".join(e(p) for p in c) + "</td>")
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</table>")
    flush_frame()
    out += ["</div>", '<footer>主办单位：某某人民政府办公室 版权所有 网站标识码：4300000001</footer>',
            '<div style="display:none">隐藏的统计代码</div>', "</body></html>", ""]
    text = "\n".join(out)
    data = text.encode("gb18030") if charset.lower() in ("gbk", "gb2312", "gb18030") else text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- pdf

def pdf(blocks, header, path):
    from fpdf import FPDF

    from fontTools.ttLib import TTFont

    doc = FPDF(unit="mm", format="A4")
    doc.set_compression(True)
    doc.add_font("droid", fname=FONT)
    doc.add_font("dejavu", fname=LATIN)
    cjk = set(TTFont(FONT, fontNumber=0)["cmap"].getBestCmap())
    sizes = {}

    def font_of(ch):
        return "droid" if ord(ch) in cjk else "dejavu"

    def width(ch, size):
        key = (ch, size)
        if key not in sizes:
            doc.set_font(font_of(ch), size=size / 0.3528)
            sizes[key] = doc.get_string_width(ch)
        return sizes[key]

    layout = Layout(width=width, header=header).blocks(blocks)
    for page in layout.decorated():
        doc.add_page()
        for x, y, size, text in page:
            # runs of one font each, placed one after the other
            start = 0
            while start < len(text):
                font = font_of(text[start])
                end = start + 1
                while end < len(text) and font_of(text[end]) == font:
                    end += 1
                doc.set_font(font, size=size / 0.3528)
                doc.text(x, y, text[start:end])
                x += sum(width(c, size) for c in text[start:end])
                start = end
    doc.output(path)


# ---------------------------------------------------------------- ofd

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def ofd(blocks, header, title, path):
    layout = Layout(header="").blocks(blocks)
    pages = layout.pages
    files = {}
    files["OFD.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD">'
        f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>plantrack-fixture</ofd:DocID><ofd:Title>{html.escape(title)}</ofd:Title>"
        "<ofd:Creator>plantrack make_fixtures.py</ofd:Creator></ofd:DocInfo>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )
    page_refs = "".join(
        f'<ofd:Page ID="{10 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages))
    )
    files["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>999999</ofd:MaxUnitID>'
        f"<ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W:g} {PAGE_H:g}</ofd:PhysicalBox></ofd:PageArea>"
        '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
        f"</ofd:CommonData><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>"
    )
    files["Doc_0/PublicRes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
        '<ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>'
    )
    files["Doc_0/Tpls/Tpl_0/Content.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Content><ofd:Layer ID="4">'
        + text_object(5, 25.0, 18.0, 3.2, header)
        + "</ofd:Layer></ofd:Content></ofd:Page>"
    )
    uid = 1000
    for n, page in enumerate(pages):
        objs = []
        for x, y, size, text in page:
            uid += 1
            objs.append(text_object(uid, x, y, size, text))
        uid += 1
        objs.append(text_object(uid, PAGE_W / 2 - 4.0, PAGE_H - 15.0, 3.5, f"- {n + 1} -"))
        files[f"Doc_0/Pages/Page_{n}/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Template TemplateID="2" ZOrder="Background"/>'
            f'<ofd:Content><ofd:Layer ID="{uid + 500000}">' + "".join(objs) + "</ofd:Layer></ofd:Content></ofd:Page>"
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text.encode("utf-8"))


def text_object(uid, x, baseline, size, text):
    deltas = [size * (0.5 if ord(c) < 0x2E80 else 1.0) for c in text]
    width = sum(deltas) or size
    # Boundary's origin is the box's top left; the code's Y is the baseline inside it.
    top = baseline - size
    dx = " ".join(f"{d:g}" for d in deltas[:-1])
    return (
        f'<ofd:TextObject ID="{uid}" Boundary="{x:.3f} {top:.3f} {width:.3f} {size * 1.3:.3f}" Font="3" Size="{size:g}">'
        f'<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{size:g}" DeltaX="{dx}">{html.escape(text)}</ofd:TextCode>'
        "</ofd:TextObject>"
    )


# ---------------------------------------------------------------- main

def main():
    os.makedirs(OUT, exist_ok=True)
    for name, source, header in SEEDS:
        text = open(os.path.join(ROOT, source), encoding="utf-8").read()
        blocks = read(text)
        auto = name == "hunan-urbanization-action-plan-2024"
        docx(blocks, os.path.join(OUT, f"{name}.docx"), auto_numbering=auto)
        charset = "gbk" if name.startswith("zhuzhou") else "utf-8"
        html_page(blocks, header, os.path.join(OUT, f"{name}.html"), charset=charset)
        if name != "hunan-urbanization-14th-fyp.zh-hant":
            pdf(blocks, header, os.path.join(OUT, f"{name}.pdf"))
            ofd(blocks, header, header, os.path.join(OUT, f"{name}.ofd"))
        print("made", name)
    for slug in CORPUS:
        text = open(os.path.join(ROOT, "tests", "corpus", f"{slug}.txt"), encoding="utf-8").read()
        blocks = read(text)
        docx(blocks, os.path.join(OUT, f"corpus-{slug}.docx"))
        pdf(blocks, "", os.path.join(OUT, f"corpus-{slug}.pdf"))
        ofd(blocks, "", slug, os.path.join(OUT, f"corpus-{slug}.ofd"))
        print("made corpus", slug)


if __name__ == "__main__":
    main()
