"""Tables as kramdown reads them: after a blank line (or at a container's start), rows of
cells separated by `|` up to a blank line, an IAL, `^` or the end; no header unless a
separator line (`|---|:-:|`) follows the first rows, which also sets each column's alignment
(`style="text-align: center"`); later separator lines start another `<tbody>`, a `=` line the
`<tfoot>`. Rows are padded with empty cells to the widest row; `\\|` is a literal pipe, and so
is a pipe inside a code span. Every line needs a pipe outside code spans and HTML elements
(`<a>x | y</a>`). Lines that do not make such a table are a paragraph."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from mkdocs_reeblog.jekyll.kramdown.source import (
    after_block_boundary,
    before_block_boundary,
    line_text,
)

__all__ = ["tables_plugin"]

_LINE = re.compile(r"(?:\||.*?[^\\\n]\|)")
_START = re.compile(r" {0,3}(?=\S)(?:\||.*?[^\\\n]\|)")
_SEPARATOR = re.compile(r"([+|: \t-]*?-[+|: \t-]*?)[ \t]*$")
_ALIGNMENT = re.compile(r"[ \t]?(:?)-+(:?)[ \t]?")
_FOOTER = re.compile(r"[+|: \t=]*?=[+|: \t=]*?[ \t]*$")
_CELL_SPLIT = re.compile(r"(`+)(?:.*?[^`])?\1(?!`)|(?<!\\)\|")
_TABLE_SPANS = re.compile(r"(`+)(.*?[^`])\1(?!`)|<([A-Za-z][\w:-]*)\b[^>]*>.*?</\3\s*>", re.DOTALL)
_STYLES = {"left": "text-align: left", "center": "text-align: center", "right": "text-align: right"}


def tables_plugin(md: MarkdownIt) -> None:
    """Read kramdown's tables, where kramdown tries them (after setext headers)."""
    md.block.ruler.after("lheading", "reeblog_table", _table)


def _cells(row: str) -> list[str]:
    """A row's cells: split at pipes that are neither escaped nor in a code span."""
    cells: list[str] = []
    start = 0
    for match in _CELL_SPLIT.finditer(row):
        if match.group(1) is None:
            cells.append(row[start : match.start()])
            start = match.end()
    cells.append(row[start:])
    return [cell.replace("\\|", "|") for cell in cells]


def _pipes_outside_spans(text: str) -> bool:
    """Whether the lines of a table have their pipes outside code spans and HTML elements, as
    kramdown checks it: it reads the table's spans (code, HTML) and follows the text between
    them line by line; a line whose text has no pipe makes it no table."""
    pipe_on_line = False
    pos = 0
    for span in _TABLE_SPANS.finditer(text):
        after_text = _text_pipes(text[pos : span.start()], pipe_on_line)
        if after_text is None:
            return False
        pipe_on_line = after_text
        code = span.group(2)
        if code is not None:
            lines = _ruby_lines(code)
            if len(lines) > 2 or (len(lines) == 2 and not pipe_on_line):
                return pipe_on_line
            if len(lines) == 2:
                pipe_on_line = False
        pos = span.end()
    return bool(_text_pipes(text[pos:], pipe_on_line))


def _text_pipes(text: str, pipe_on_line: bool) -> bool | None:
    """Whether the line the text ends on has a pipe so far; None: a line before its last one
    had none (no table)."""
    lines = _ruby_lines(text)
    if len(lines) > 1 and not pipe_on_line and not _LINE.match(lines[0]):
        return None
    if len(lines) > 1:
        pipe_on_line = False
    return pipe_on_line or (bool(lines) and _LINE.match(lines[-1]) is not None)


def _ruby_lines(text: str) -> list[str]:
    """`text.split("\\n")` as Ruby splits: no empty strings at the end."""
    lines = text.split("\n")
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _align(left: str, right: str) -> str:
    if left and right:
        return "center"
    return "left" if left else ("right" if right else "default")


def _table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if not _START.match(line_text(state, start_line)):
        return False
    if not after_block_boundary(state, start_line):
        return False
    leading_pipe = line_text(state, start_line).lstrip().startswith("|")
    sections: list[tuple[str, list[list[str]]]] = []
    rows: list[list[str]] = []
    alignment: list[str] = []
    has_footer = False

    def close(kind: str, force: bool = False) -> None:
        nonlocal rows
        if not has_footer or kind != "tbody" or force:
            sections.append((kind, rows))
            rows = []

    line = start_line
    while line < end_line:
        text = line_text(state, line)
        if not _LINE.match(text):
            break
        if (separator := _SEPARATOR.match(text)) is not None:
            if rows and not alignment and not has_footer:
                close("thead")
                found = _ALIGNMENT.findall(separator.group(1))
                alignment = [_align(left, right) for left, right in found]
            elif rows:
                close("tbody")
        elif _FOOTER.match(text):
            if rows:
                close("tbody", force=True)
            has_footer = True
        else:
            cells = _cells(text.rstrip(" \t"))
            if leading_pipe and not cells[0].strip():
                cells.pop(0)
            if cells and not cells[-1].strip():
                cells.pop()
            rows.append([cell.strip() for cell in cells])
        line += 1
    if not before_block_boundary(state, line):
        return False
    if not _pipes_outside_spans("\n".join(line_text(state, n) for n in range(start_line, line))):
        return False
    if rows:
        close("tfoot" if has_footer else "tbody")
    if not any(kind == "tbody" for kind, _ in sections):
        return False
    if silent:
        return True
    columns = max((len(row) for _, section in sections for row in section), default=0)
    alignment = (alignment + ["default"] * columns)[:columns]
    opening = state.push("table_open", "table", 1)
    opening.map = [start_line, line]
    for kind, section in sections:
        state.push(f"{kind}_open", kind, 1)
        cell_tag = "th" if kind == "thead" else "td"
        for row in section:
            state.push("tr_open", "tr", 1)
            for column in range(columns):
                cell = state.push(f"{cell_tag}_open", cell_tag, 1)
                if alignment[column] != "default":
                    cell.attrSet("style", _STYLES[alignment[column]])
                inline = state.push("inline", "", 0)
                # kramdown writes an empty cell as a no-break space.
                inline.content = (row[column] if column < len(row) else "") or "&nbsp;"
                inline.children = []
                state.push(f"{cell_tag}_close", cell_tag, -1)
            state.push("tr_close", "tr", -1)
        state.push(f"{kind}_close", kind, -1)
    state.push("table_close", "table", -1)
    state.line = line
    return True
