"""Lay plan blocks out on A4 pages (millimetres), for the PDF and OFD writers: paragraphs
with a two-character first-line indent, 专栏 frame content indented one more character,
tables as rows of cells at fixed column positions (cells wrapped inside their column), a
running header with the plan's title and a page number at the foot of each page (which the
readers must drop)."""

from blocks import Blank, Para, Table

PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT, TOP, BOTTOM = 25.0, 25.0, 30.0, 30.0
SIZE = 4.2  # type size in mm (12 pt)
LEADING = 7.0
TEXT_W = PAGE_W - LEFT - RIGHT


def default_width(ch, size):
    return size * (0.5 if ord(ch) < 0x2E80 else 1.0)


class Layout:
    def __init__(self, width=default_width, header=""):
        self.width = width
        self.header = header
        self.pages = []  # each page: list of (x, baseline_y, size, text)
        self.new_page()

    def new_page(self):
        self.pages.append([])
        self.y = TOP

    def need(self, height):
        if self.y + height > PAGE_H - BOTTOM:
            self.new_page()

    def text_width(self, text, size=SIZE):
        return sum(self.width(c, size) for c in text)

    def wrap(self, text, first_width, width, size=SIZE):
        lines, line, w, limit = [], "", 0.0, first_width
        for ch in text:
            cw = self.width(ch, size)
            if w + cw > limit and line:
                lines.append(line)
                line, w, limit = "", 0.0, width
            line += ch
            w += cw
        if line or not lines:
            lines.append(line)
        return lines

    def put(self, x, text, size=SIZE):
        self.need(LEADING)
        self.y += LEADING
        self.pages[-1].append((x, self.y, size, text))

    def para(self, text, indent=0.0):
        left = LEFT + indent * SIZE
        first = 2 * SIZE
        lines = self.wrap(text, TEXT_W - indent * SIZE - first, TEXT_W - indent * SIZE)
        for k, line in enumerate(lines):
            self.put(left + (first if k == 0 else 0.0), line)

    def table(self, rows):
        columns = max(len(r) for r in rows)
        cell_text = [[" ".join(c) for c in r] for r in rows]
        pad = 1.5
        first_w = max(self.text_width(r[0]) for r in cell_text if r) + 2 * pad + 0.5
        first_w = min(first_w, TEXT_W / 2)
        longest = [max((self.text_width(r[i]) for r in cell_text if len(r) > i), default=0.0) for i in range(1, columns)]
        total = sum(longest) or 1.0
        widths = [first_w] + [max(8 * pad + 2 * SIZE, (TEXT_W - first_w) * l / total) for l in longest]
        scale = (TEXT_W - first_w) / max(sum(widths[1:]), 1.0) if columns > 1 else 1.0
        widths = [widths[0]] + [w * scale for w in widths[1:]]
        xs = [LEFT]
        for w in widths[:-1]:
            xs.append(xs[-1] + w)
        for r in cell_text:
            span_last = len(r) < columns
            wrapped = []
            for i, text in enumerate(r):
                w = (LEFT + TEXT_W - xs[i]) if (span_last and i == len(r) - 1) else widths[i]
                wrapped.append(self.wrap(text, w - 2 * pad, w - 2 * pad) if text else [])
            height = max((len(c) for c in wrapped), default=1) or 1
            self.need(height * LEADING + 2.0)
            self.y += 2.0  # cell padding between rows
            for k in range(height):
                self.y += LEADING
                for i, lines in enumerate(wrapped):
                    if k < len(lines) and lines[k]:
                        self.pages[-1].append((xs[i] + pad, self.y, SIZE, lines[k]))
        self.y += LEADING / 2

    def blocks(self, blocks):
        for b in blocks:
            if isinstance(b, Blank):
                self.y += LEADING * 0.6  # a blank line: more space than between lines
            elif isinstance(b, Para):
                if b.text:
                    self.para(b.text, indent=1.0 if (b.indented or b.in_table) else 0.0)
            elif isinstance(b, Table):
                rows = list(b.rows)
                if b.columns <= 1:
                    for r in rows:
                        for c in r:
                            for p in c:
                                self.para(p, indent=1.0)
                    continue
                if rows and len(rows[0]) == 1:
                    for p in rows[0][0]:
                        self.para(p, indent=1.0)
                    rows = rows[1:]
                if rows:
                    self.table(rows)
        return self

    def decorated(self):
        """The pages with the running header and page numbers the readers must drop."""
        out = []
        for n, page in enumerate(self.pages, 1):
            extra = []
            if self.header:
                extra.append((LEFT, 18.0, 3.2, self.header))
            number = f"- {n} -"
            extra.append((PAGE_W / 2 - 4.0, PAGE_H - 15.0, 3.5, number))
            out.append(extra + page)
        return out
