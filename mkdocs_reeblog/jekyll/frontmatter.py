"""Split a Jekyll document into front matter and body, and read the YAML as Jekyll does.

Differences from MkDocs' own reader, on purpose:

* the front-matter block is found with Jekyll's regular expression (blank lines after the closing
  `---` belong to it, `...` closes it too);
* timestamps stay text: Jekyll's date rules are applied later by `dates.parse_date`, not
  PyYAML's (which rejects `2016-06-31` and ignores offsets such as `+0100`);
* errors are not swallowed: they carry the line of the file they come from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from mkdocs_reeblog.jekyll.problems import PostError

__all__ = ["FrontMatter", "YamlTime", "read_front_matter"]

JEKYLL_FRONT_MATTER = re.compile(
    r"\A(---\s*\n.*?\n?)^((?:---|\.\.\.)\s*$\n?)", re.MULTILINE | re.DOTALL
)
"""Jekyll's `Document::YAML_FRONT_MATTER_REGEXP` (Ruby's `^`/`$` are always line anchors): the
specification. `_split` matches what it matches, faster (its lazy `.*?` tries the closing line
at every character; a test compares the two)."""
_FRONT_MATTER_OPENING = re.compile(r"---\s*\n")
_FRONT_MATTER_CLOSING = re.compile(r"^(?:---|\.\.\.)\s*$\n?", re.MULTILINE)
_OPENING = re.compile(r"\A---[ \t]*\n")

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _JekyllLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe YAML 1.1 (as Ruby's Psych reads it) without the timestamp resolver."""


_JekyllLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class YamlTime(str):
    """An unquoted timestamp with a time of day (`2021-04-01 23:59:59`), kept as its text.

    Psych makes a `Time` of it, and one without an offset is UTC, not the site's local time
    (quoted, the same text is local time).
    """


# Psych's `ScalarScanner::TIME`: the only timestamps Jekyll's YAML reader makes `Time`s of.
_PSYCH_TIME = re.compile(
    r"^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?"
    r"(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$"
)
_JekyllLoader.add_implicit_resolver("tag:reeblog,2026:time", _PSYCH_TIME, list("-0123456789"))
_JekyllLoader.add_constructor(
    "tag:reeblog,2026:time", lambda loader, node: YamlTime(loader.construct_scalar(node))
)


@dataclass(frozen=True)
class FrontMatter:
    """A post's front matter and body, with the lines they came from."""

    data: dict[str, Any]
    """The YAML mapping (empty when the file has none)."""
    body: str
    """Everything after the front matter, as Jekyll renders it."""
    body_line: int
    """1-based line of the file where `body` starts."""
    key_lines: dict[str, int] = field(default_factory=dict)
    """1-based line of each top-level key, for messages about its value."""

    def line_of(self, key: str) -> int:
        """The line of `key` in the file, or of the opening `---` when it is absent."""
        return self.key_lines.get(key, 1)


def read_front_matter(text: str) -> FrontMatter:
    """Split `text` (newlines already normalised to `\\n`) and parse its YAML.

    Raises `PostError` with the file line for YAML that Jekyll would not read, for a front
    matter that is not a mapping, and for an opening `---` that is never closed.
    """
    split = _split(text)
    if split is None:
        if _OPENING.match(text):
            raise PostError(
                1,
                "the front matter opened by '---' on this line is never closed; "
                "add a line with '---' after the last key",
            )
        return FrontMatter(data={}, body=text, body_line=1)
    yaml_end, body_start = split
    # Line 1 holds the opening '---' (blank lines after it are the YAML's, so that the loader's
    # marks count the file's lines): the YAML starts on line 2.
    data, key_lines = _load_mapping(text[text.index("\n") + 1 : yaml_end], 2)
    body_line = 1 + text.count("\n", 0, body_start)
    return FrontMatter(data=data, body=text[body_start:], body_line=body_line, key_lines=key_lines)


def _split(text: str) -> tuple[int, int] | None:
    """Where what `JEKYLL_FRONT_MATTER` matches ends its first group (the closing line starts)
    and ends (the body starts), or None: the opening line, then the first closing line."""
    opening = _FRONT_MATTER_OPENING.match(text)
    if opening is None:
        return None
    closing = _FRONT_MATTER_CLOSING.search(text, opening.end())
    return None if closing is None else closing.span()


def _load_mapping(source: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse `source` as one YAML mapping; `first_line` is the file line of its first line."""
    loader = _JekyllLoader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
            raise PostError(
                first_line + node.start_mark.line,
                f"the front matter is {kind}, not a mapping; write one 'key: value' per line",
            )
        key_lines = {
            str(key.value): first_line + key.start_mark.line
            for key, _ in node.value
            if isinstance(key, yaml.ScalarNode)
        }
        data = _construct_mapping(loader, node)
    except yaml.MarkedYAMLError as exc:
        mark = _blamed_mark(exc, source)
        line = first_line + (mark.line if mark else 0)
        problem = exc.problem or exc.context or "invalid YAML"
        text = source.split("\n")[mark.line] if mark else ""
        hint = _yaml_hint(f"{exc.context or ''} {problem}", text)
        raise PostError(line, f"the front matter is not valid YAML ({problem}); {hint}") from exc
    except PostError:
        raise
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        raise PostError(first_line, f"the front matter cannot be read: {exc}") from exc
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise PostError(
            first_line, "the front matter is not a mapping; write one 'key: value' per line"
        )
    return {str(key): value for key, value in data.items()}, key_lines


_STR = "tag:yaml.org,2002:str"


def _construct_mapping(loader: _JekyllLoader, node: yaml.MappingNode) -> Any:
    """What `loader.construct_document(node)` gives, faster for what front matter is made of:
    text keys and values, and lists of text, are read straight from the nodes; any other value
    goes through PyYAML's constructor, and other keys (merges `<<`) the whole mapping."""
    data: dict[str, Any] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag != _STR:
            return loader.construct_document(node)
        if isinstance(value, yaml.ScalarNode) and value.tag == _STR:
            data[key.value] = value.value
        elif isinstance(value, yaml.SequenceNode) and all(
            isinstance(item, yaml.ScalarNode) and item.tag == _STR for item in value.value
        ):
            data[key.value] = [item.value for item in value.value]
        else:
            data[key.value] = loader.construct_object(value, deep=True)
    return data


def _blamed_mark(exc: yaml.MarkedYAMLError, source: str) -> yaml.Mark | None:
    """The mark of the line a user should fix.

    An unclosed quote or bracket is found at the end of the YAML or at the next key: point at
    the line where it was opened instead.
    """
    problem, context = exc.problem_mark, exc.context_mark
    if problem is None or context is None:
        return problem or context
    at_end = problem.index >= len(source.rstrip())
    next_key = (
        (exc.context or "").startswith("while parsing a flow")
        and problem.line > context.line
        and not source.split("\n")[problem.line][:1].isspace()
    )
    return context if at_end or next_key else problem


def _yaml_hint(problem: str, line: str = "") -> str:
    if "\\t" in problem or "tab" in problem or "\t" in line:
        return "indent with spaces, not tabs"
    if "flow" in problem:
        return "close the bracket: a list is written [a, b] and a mapping {a: 1} on one line"
    if "quote" in problem or "scalar" in problem:
        return "close the quote, or quote a value that contains ': ' or starts with a symbol"
    return "check the indentation and quote values that contain ':' or start with a symbol"
