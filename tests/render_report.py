"""Post bodies as Jekyll renders them against the plugin's: the comparison and its report.

For each post both builds publish, the HTML of its body on each side (`jekyll_content` and
`our_content` of `tests/jekyll_oracle.py`: the layout, the theme and the plugin's post header
left out) is read with `tests/html_structure.py`: the post *has Jekyll's structure* when the
block kinds are the same, in the same order, and *lost text* when some of Jekyll's words are
missing from the plugin's body (see `lost_words`).

The plugin's banner rule: a post whose front matter names a banner image and whose body opens
with the same picture shows it once, in the post header (`mkdocs_reeblog/jekyll/banner.py`): the
plugin blanks that body line. Jekyll keeps the picture in the body, so that image (the first of
Jekyll's whose `src` is written in the blanked line) is left out of Jekyll's side.

A dev entry point prints the differences, post by post (Debian's `jekyll` needed):

    python -m tests.render_report galena          # or 18f, huxpro, jekyll-docs, seed
    python -m tests.render_report galena --limit 10 --all
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mkdocs_reeblog.jekyll.posts import Post
from tests.conftest import SEED, SEED_NAME
from tests.html_structure import (
    Structure,
    block_differences,
    first_difference,
    lost_words,
    read_structure,
    text_difference,
)
from tests.jekyll_oracle import (
    CORPUS_NAMES,
    KEPT_AS_WRITTEN,
    Case,
    CaseResult,
    MkDocsBuild,
    build_case,
    build_with_includes,
    corpus_cases,
    jekyll_content,
    our_content,
    post_body,
)

__all__ = [
    "RENDER_CASES",
    "CorpusRendering",
    "PostRendering",
    "compare_corpus",
    "main",
]

SEED_CASE = "seed"


def _seed_case() -> Case:
    """The seed article alone, with the oracle's default settings."""
    return Case(SEED_CASE, {f"_posts/{SEED_NAME}": SEED.read_bytes()})


RENDER_CASES: dict[str, Callable[[], Case]] = {**corpus_cases(), SEED_CASE: _seed_case}
"""The cases whose posts are compared: the four corpora (`corpus:NAME`) and the seed."""


@dataclass(frozen=True)
class PostRendering:
    """One post's body, read on both sides."""

    src: str
    jekyll: Structure
    ours: Structure
    banner_left_out: bool
    """Whether Jekyll's first image was left out by the banner rule."""

    @property
    def has_jekylls_structure(self) -> bool:
        return self.jekyll.blocks == self.ours.blocks

    @property
    def lost(self) -> list[str]:
        """Jekyll's words missing from the plugin's body."""
        return lost_words(self.jekyll, self.ours)

    @property
    def agrees(self) -> bool:
        return self.has_jekylls_structure and not self.lost

    def differences(self, limit: int = 3) -> list[str]:
        """The first `limit` differences of each kind (blocks, lost words, text), one a line."""
        found = block_differences(self.jekyll.blocks, self.ours.blocks, limit=limit)
        if self.lost:
            shown = " ".join(self.lost[: limit * 10])
            found.append(f"lost words ({len(self.lost)}): {shown}")
        text = text_difference(self.jekyll.text, self.ours.text)
        if text:
            found.append(f"text {text}")
        return found


def banner_line(body: str, post: Post) -> str | None:
    """The body line the plugin blanked as the banner's repetition, or None."""
    if post.body == body:
        return None
    start = first_difference(body, post.body)
    return body[start : start + len(body) - len(post.body)]


def compare_post(result: CaseResult, ours: MkDocsBuild, src: str) -> PostRendering:
    """The post `src` of `result`, Jekyll's body against the body in the plugin's build `ours`."""
    post = ours.posts[src]
    blanked = banner_line(post_body(result.case.files[src]), post)
    jekyll = read_structure(
        jekyll_content(result, src),
        drop_image=None if blanked is None else lambda image: bool(image) and image in blanked,
    )
    # 18F's `{% oembed %}`: the oracle's stub writes nothing, the plugin keeps the tag as written.
    mine = read_structure(KEPT_AS_WRITTEN.sub("", our_content(ours.site, post)))
    return PostRendering(src, jekyll, mine, blanked is not None)


@dataclass(frozen=True)
class CorpusRendering:
    """Every post of one case, compared."""

    name: str
    posts: dict[str, PostRendering]
    """The posts both builds publish, by source path."""
    one_side: dict[str, str]
    """The posts one build publishes and the other does not (the differential tier's business),
    by source path: which one publishes it."""

    def with_jekylls_structure(self) -> int:
        return sum(post.has_jekylls_structure for post in self.posts.values())

    def with_lost_text(self) -> list[str]:
        return [src for src, post in self.posts.items() if post.lost]

    def agreement(self) -> float:
        """The share of compared posts with Jekyll's structure (1.0 when none is compared)."""
        return self.with_jekylls_structure() / len(self.posts) if self.posts else 1.0

    def summary(self) -> str:
        return (
            f"{self.name}: {self.with_jekylls_structure()}/{len(self.posts)} posts "
            f"({100 * self.agreement():.1f}%) have Jekyll's structure, "
            f"{len(self.with_lost_text())} lost text, "
            f"{sum(p.jekyll.text != p.ours.text for p in self.posts.values())} differ in text"
            + (f", {len(self.one_side)} published by one side only" if self.one_side else "")
        )

    def report(self, limit: int = 3, *, every_post: bool = False) -> str:
        """The summary, then each post's first differences (every post's with `every_post`)."""
        lines = [self.summary()]
        for src, post in sorted(self.posts.items()):
            if every_post or not post.agrees:
                verdict = "agrees" if post.agrees else "DIFFERS"
                banner = " (banner image left out of Jekyll's side)" if post.banner_left_out else ""
                lines.append(f"\n{self.name} {src}: {verdict}{banner}")
                lines.extend(f"  {line}" for line in post.differences(limit))
        for src, side in sorted(self.one_side.items()):
            lines.append(f"\n{self.name} {src}: not compared, only {side} publishes it")
        return "\n".join(lines)


def compare_corpus(name: str, result: CaseResult, ours: MkDocsBuild) -> CorpusRendering:
    """Every post of the case `name` (built as `result`, and by MkDocs as `ours`), compared."""
    both = sorted(set(result.jekyll) & set(ours.posts))
    one_side = {src: "Jekyll" for src in result.jekyll if src not in ours.posts}
    one_side |= {src: "the plugin" for src in ours.posts if src not in result.jekyll}
    posts = {src: compare_post(result, ours, src) for src in both}
    return CorpusRendering(name, posts, one_side)


def main(argv: Sequence[str] | None = None) -> int:
    """Build one case with Jekyll and MkDocs in a tmp folder and print its report."""
    parser = argparse.ArgumentParser(prog="python -m tests.render_report", description=__doc__)
    parser.add_argument("case", choices=[*CORPUS_NAMES, SEED_CASE])
    parser.add_argument("--limit", type=int, default=3, help="differences shown per post")
    parser.add_argument("--all", action="store_true", help="list the agreeing posts too")
    args = parser.parse_args(argv)
    if shutil.which("jekyll") is None:
        print("Debian's jekyll is not installed (see tests/data/jekyll-oracle/README.md)")
        return 2
    name = args.case if args.case == SEED_CASE else f"corpus:{args.case}"
    with tempfile.TemporaryDirectory(prefix="render-report-") as folder:
        result = build_case(RENDER_CASES[name](), Path(folder) / "case")
        ours = build_with_includes(result, Path(folder) / "includes")
        print(compare_corpus(name, result, ours).report(args.limit, every_post=args.all))
    return 0


if __name__ == "__main__":
    sys.exit(main())
