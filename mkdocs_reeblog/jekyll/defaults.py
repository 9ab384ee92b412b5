"""Front matter defaults: the `defaults:` of a Jekyll `_config.yml`, applied to a post as Jekyll 4
applies them (`lib/jekyll/frontmatter_defaults.rb`, `Document#merge_defaults`).

* A set is `{scope: {path: ..., type: ...}, values: {...}}`; a set whose `values` is not a mapping
  is left out (Jekyll warns about it too).
* `scope.path` is relative to the site source (here `docs_dir`). Without a `*` it is a plain
  text prefix of the post's path (`_posts/2020` covers `_posts/2020-01-01-a.md`); with a `*` it
  is a glob (`*` and `?` within a folder name, `**/` any folders, `{a,b}`), and covers the
  post when it names the post's file or one of its folders. Empty or missing: every post.
  A path written with a leading `/` covers nothing (Jekyll compares it with a path that has
  none).
* `scope.type` is the collection: `posts` (`post` is its old name). Jekyll reads drafts into
  the posts collection, so `posts` covers drafts too and `drafts` covers nothing.
* Every set that covers the post counts, in order; a set with a longer `scope.path` (without
  the leading `/`) wins over one with a shorter path wherever it comes; between equal paths a
  set with a `type` wins, else the later one. Winners are merged deeply: mappings key by key.
* The post's own front matter wins over the defaults, deeply too, except that a key it leaves
  empty (`image:`) keeps the default, and its `categories` are added to the default ones
  (`Document#merge_categories!`), not put in their place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["DefaultSet", "FrontMatterDefaults", "deep_merge", "merge_front_matter"]

POSTS = "posts"
_OLD_TYPES = {"page": "pages", "post": "posts", "draft": "drafts"}


@dataclass(frozen=True)
class DefaultSet:
    """One entry of `defaults:`."""

    path: str | None
    """`scope.path` as written (None: no text path, every file)."""
    type: str | None
    """`scope.type`, old names renamed (None: no type, every collection)."""
    values: Mapping[str, Any]

    def covers(self, path: str, kind: str) -> bool:
        """Whether the set applies to the file at `path` (relative to the site source) of the
        collection `kind`."""
        if self.type is not None and self.type != kind:
            return False
        if not self.path:
            return True
        if "*" in self.path:
            pattern = _glob_pattern(self.path)
            parts = path.split("/")
            return any(pattern.fullmatch("/".join(parts[:n])) for n in range(1, len(parts) + 1))
        return path.startswith(self.path)

    @property
    def rank(self) -> int:
        """The length Jekyll compares to rank sets (`has_precedence?`)."""
        return len(self.path.removeprefix("/")) if self.path else 0

    def outranks(self, other: DefaultSet) -> bool:
        """Jekyll's `has_precedence?(other's scope, self's scope)`."""
        if self.rank != other.rank:
            return self.rank > other.rank
        return self.type is not None or other.type is None


@lru_cache(maxsize=64)
def _glob_pattern(glob: str) -> re.Pattern[str]:
    """Ruby's `Dir.glob` pattern as a regular expression over `/`-separated paths."""
    out: list[str] = []
    index = 0
    while index < len(glob):
        char = glob[index]
        if glob.startswith("**/", index):
            out.append(r"(?:[^/.][^/]*/)*")
            index += 3
            continue
        if char == "*":
            out.append(r"[^/]*" if index and glob[index - 1] != "/" else r"(?:[^/.][^/]*)?")
        elif char == "?":
            out.append(r"[^/]")
        elif char == "{" and "}" in glob[index:]:
            end = glob.index("}", index)
            out.append("(?:" + "|".join(re.escape(a) for a in glob[index + 1 : end].split(",")))
            out.append(")")
            index = end
        elif char == "[" and "]" in glob[index + 1 :]:
            end = glob.index("]", index + 1)
            inner = glob[index + 1 : end].replace("\\", "\\\\")
            out.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner) + "]")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out))


def deep_merge(target: Mapping[str, Any], overwrite: Mapping[str, Any]) -> dict[str, Any]:
    """Jekyll's `Utils.deep_merge_hashes`: `overwrite` wins, mappings are merged key by key, and
    an empty (null) value of `overwrite` keeps the value of `target`."""
    merged = dict(target)
    for key, new in overwrite.items():
        if key not in merged:
            merged[key] = new
            continue
        old = merged[key]
        if new is None:
            continue
        if isinstance(old, Mapping) and isinstance(new, Mapping):
            merged[key] = deep_merge(old, new)
        else:
            merged[key] = new
    return merged


def _listed(value: object) -> object:
    """`categories` as `merge_categories!` takes it: text split on whitespace."""
    return value.split() if isinstance(value, str) else value


def merge_front_matter(
    defaults: Mapping[str, Any], front_matter: Mapping[str, Any]
) -> dict[str, Any]:
    """A post's data once Jekyll has read its defaults, then its front matter."""
    if not defaults:
        return dict(front_matter)
    base = dict(defaults)
    if base.get("categories") is not None:
        base["categories"] = _listed(base["categories"])
    own = front_matter.get("categories")
    if own is not None and isinstance(base.get("categories", []), list):
        own = _listed(own)
        if isinstance(own, list):  # `data["categories"] | other["categories"]`
            front_matter = {**front_matter, "categories": [*base.get("categories", []), *own]}
    return deep_merge(base, front_matter)


@dataclass(frozen=True)
class FrontMatterDefaults:
    """The usable sets of `defaults:`, and what is wrong with the others."""

    sets: tuple[DefaultSet, ...] = ()
    problems: tuple[str, ...] = ()
    """One message per set that is left out (`defaults[2]: ...`)."""

    @classmethod
    def from_config(cls, value: object) -> FrontMatterDefaults:
        """The sets of a `_config.yml`'s `defaults:` value (anything but a list: none)."""
        if not isinstance(value, list):
            return cls()
        sets: list[DefaultSet] = []
        problems: list[str] = []
        for number, entry in enumerate(value):
            values = entry.get("values") if isinstance(entry, Mapping) else None
            scope = entry.get("scope") if isinstance(entry, Mapping) else None
            if not isinstance(values, Mapping) or not isinstance(scope or {}, Mapping):
                problems.append(
                    f"defaults[{number}]: a set of front matter defaults needs 'values:' (a "
                    "mapping) and may have 'scope:' (a mapping with 'path' and 'type'); "
                    "it is ignored"
                )
                continue
            scope = scope or {}
            path = scope.get("path")
            kind = scope.get("type") if "type" in scope else None
            sets.append(
                DefaultSet(
                    path=path if isinstance(path, str) else None,
                    type=None if "type" not in scope else _OLD_TYPES.get(str(kind), str(kind)),
                    values={str(key): item for key, item in values.items()},
                )
            )
        return cls(tuple(sets), tuple(problems))

    def values_for(self, path: str, kind: str = POSTS) -> dict[str, Any]:
        """The default values of the file at `path` (`FrontmatterDefaults#all`)."""
        merged: dict[str, Any] = {}
        leader: DefaultSet | None = None
        for entry in self.sets:
            if not entry.covers(path, kind):
                continue
            if leader is None or entry.outranks(leader):
                merged = deep_merge(merged, entry.values)
                leader = entry
            else:
                merged = deep_merge(entry.values, merged)
        return merged
