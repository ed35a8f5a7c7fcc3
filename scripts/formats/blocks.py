"""Read a plan text (seed/*.txt, tests/corpus/*.txt) into blocks for the format writers.

The texts are exports of published documents: a table was written either as tab-separated
rows, as Markdown pipe rows, or (Word's text export) one cell per line, each cell line
starting with a tab and a blank line after each row. This module gives the tables back as
tables (rows of cells, a cell being a list of paragraphs), so the .docx, .html, .pdf and .ofd
renditions carry real tables, as published documents do; everything else is a paragraph.
"""

import re
from dataclasses import dataclass, field


@dataclass
class Para:
    text: str
    indented: bool = False
    # inside a table the script could not rebuild: drawn inset in PDF and OFD, as the
    # table's cells would be
    in_table: bool = False


@dataclass
class Table:
    rows: list = field(default_factory=list)  # rows -> cells -> paragraphs

    @property
    def columns(self):
        return max((len(r) for r in self.rows), default=0)


@dataclass
class Blank:
    pass


def is_pipe_row(line):
    s = line.strip()
    return s.startswith("|") and s.endswith("|") and s.count("|") >= 3


def is_rule(line):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return all(c and set(c) <= set("-: ") for c in cells)


def tab_cells(line):
    body = line.lstrip("\t")
    parts = body.split("\t")
    if len(parts) >= 2 and sum(1 for p in parts if p.strip()) >= 2:
        return [p.strip() for p in parts]
    return None


MARKUP = re.compile(r"\[(?:bookmark|image): [^\]]*\]")


def word_form(rows):
    """A table as Word's text export writes it (to check that a table read back is exact)."""
    out = []
    for r in rows:
        for c in r:
            out.append("\t" + c[0] if c else "\t")
            out.extend(c[1:])
        out.append("")
    return out


def read(text):
    text = MARKUP.sub("", text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = []
    raw_end = -10
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if is_pipe_row(line):
            table = Table()
            while i < n and is_pipe_row(lines[i]):
                if not is_rule(lines[i]):
                    cells = [c.strip() for c in lines[i].strip()[1:-1].split("|")]
                    table.rows.append([[c] if c else [] for c in cells])
                i += 1
            blocks.append(table)
            continue
        if tab_cells(line):
            table = Table()
            while i < n and tab_cells(lines[i]):
                table.rows.append([[c] if c else [] for c in tab_cells(lines[i])])
                i += 1
            blocks.append(table)
            continue
        if line.startswith("\t"):
            groups, j = word_groups(lines, i)
            exact = [l.rstrip(" ") for l in word_form(groups)][:-1] == [l.rstrip(" ") for l in lines[i:j]]
            if len(groups) >= 2 or (groups and len(groups[0]) >= 2):
                if exact and i > raw_end + 4:
                    blocks.append(Table(rows=groups))
                else:
                    # Not read back exactly (cells merged across rows): kept as the export
                    # wrote it, one cell per tab-led line (and so is what follows it closely:
                    # the rest of the same table).
                    raw_end = j
                    for line in lines[i:j]:
                        if line.startswith("\t") or line.strip():
                            blocks.append(Para(line.strip(" \t\u3000"), indented=line.startswith("\t"), in_table=True))
                        else:
                            blocks.append(Blank())
                i = j
                continue
        if not line.strip():
            blocks.append(Blank())
        else:
            blocks.append(Para(line.strip(" \t\u3000"), indented=line.startswith("\t")))
        i += 1
    return blocks


def word_groups(lines, i):
    """Word's text export of a table: rows of tab-led cell lines, a blank line after each
    row; a cell of several paragraphs goes on in lines without the tab (after a blank line
    when the cell had an empty paragraph)."""
    n = len(lines)
    tab_led = lambda k: k < n and lines[k].startswith("\t") and not tab_cells(lines[k])
    groups = []
    row = []
    while i < n:
        line = lines[i]
        if tab_led(i):
            row.append([line.strip(" \t\u3000")] if line.strip() else [])
            i += 1
        elif line.strip():
            if not row:
                break
            row[-1].append(line.strip(" \t\u3000"))
            i += 1
        else:
            # a blank line: the next row, a cell going on, or the end of the table
            if tab_led(i + 1):
                groups.append(row)
                row = []
                i += 1
                continue
            k = i + 1
            while k < n and lines[k].strip() and not lines[k].startswith("\t"):
                k += 1
            if k > i + 1 and tab_led(k) and row:
                row[-1].extend(l.strip(" \t\u3000") for l in lines[i + 1 : k])
                i = k
                continue
            break
    if row:
        groups.append(row)
    # A row of long cells is one cell of several paragraphs (a 专栏 frame's items): data
    # tables hold short cells.
    if len(groups) <= 2:
        groups = [[[p for c in r for p in c]] if any(len("".join(c)) > 60 for c in r) else r for r in groups]
    return groups, i


def as_lines(blocks):
    """The text the readers give for these blocks (pipe rows), to check the conversion."""
    out = []
    for b in blocks:
        if isinstance(b, Para):
            out.append(("\t" if b.indented else "") + b.text)
        elif isinstance(b, Blank):
            out.append("")
        else:
            rows = list(b.rows)
            if b.columns > 1 and rows and len(rows[0]) == 1 and rows[0][0] and rows[0][0][0].startswith("专栏"):
                out.extend("\t" + p for p in rows[0][0])
                rows = rows[1:]
            if b.columns <= 1:
                for r in rows:
                    for c in r:
                        out.extend("\t" + p for p in c)
                continue
            out.append("")
            for r in rows:
                cells = [" ".join(c) for c in r]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    out.append("| " + " | ".join(cells) + " |")
            out.append("")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    import sys
    for path in sys.argv[1:]:
        sys.stdout.write(as_lines(read(open(path, encoding="utf-8").read())))
