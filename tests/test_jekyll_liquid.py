"""Liquid in real posts, rendered by real Jekyll and by the plugin: the same text comes out.

Every post of the corpora whose body holds `{{` or `{%` is built with Jekyll (the oracle site,
see `tests/jekyll_oracle.py`) and with MkDocs (its `_includes/` folder included). The text of
Jekyll's rendered post (`<div class="post-content">` of the oracle's `post` layout, or the whole
file for posts without layout) must equal the text of the plugin's post content (what follows
the post's header), once normalised: whitespace collapsed, kramdown's typographic characters
(`’“”–—…«»`) written back as the ASCII they come from, and 18F's `{% oembed %}` tags (which the
oracle stubs out and the plugin keeps as written, with a warning) taken out of the plugin's
side. Footnote markers and back-links (`↩`) are the same on both sides: nothing to drop.

Every Liquid post of the corpora is compared: since posts are read as kramdown reads them, none
differs for a Markdown reason any more.
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from tests.conftest import require_command
from tests.html_helpers import resolve_link
from tests.jekyll_oracle import (
    CORPUS_NAMES,
    KEPT_AS_WRITTEN,
    Case,
    CaseResult,
    MkDocsBuild,
    cached_build_with_includes,
    cached_case,
    case_builder,
    corpus_case,
    corpus_cases,
    jekyll_content,
    jekyll_page,
    our_content,
    output_file,
    post_body,
)

pytestmark = pytest.mark.jekyll

LIQUID_CORPORA = ("18f", "huxpro", "jekyll-docs")
"""The corpora that have posts with Liquid (galena has none)."""


_TYPOGRAPHY = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "—": "---",
        "–": "--",
        "…": "...",
        "«": "<<",
        "»": ">>",
    }
)
_LINK_TAG = re.compile(r"\{%-?\s*(post_url|link)\s+(\S+)\s*-?%\}")


@dataclass(frozen=True)
class LiquidBuild:
    """A corpus built by Jekyll (with the other builds of `build_case`) and by MkDocs with
    the corpus's includes."""

    name: str
    result: CaseResult
    ours: MkDocsBuild

    def our_file(self, src: str) -> str:
        """The file the plugin wrote for the post `src`, relative to its site."""
        return output_file(self.ours.posts[src].url)

    def our_content(self, src: str) -> str:
        """The HTML the plugin rendered for the body of the post `src`."""
        return our_content(self.ours.site, self.ours.posts[src])


@pytest.fixture(scope="session")
def liquid_build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], LiquidBuild]:
    """The builds of a corpus, by corpus name, made on first use and kept for the session."""
    cases = case_builder(corpus_cases(), tmp_path_factory)
    built: dict[str, LiquidBuild] = {}

    def get(name: str) -> LiquidBuild:
        if name not in built:
            result = cases(f"corpus:{name}")
            ours = cached_build_with_includes(f"corpus:{name}", result, tmp_path_factory)
            built[name] = LiquidBuild(name, result, ours)
        return built[name]

    return get


def liquid_posts(name: str) -> dict[str, str]:
    """The bodies of the posts of corpus `name` that Jekyll runs Liquid on, by source path."""
    return {
        src: body
        for src, raw in corpus_case(name).post_files().items()
        if ("{{" in (body := post_body(raw)) or "{%" in body)
    }


def normalized_text(html: str) -> str:
    """The text of an HTML fragment (closing tags it does not open are ignored), typography
    unified and whitespace collapsed."""
    text = BeautifulSoup(html, "html.parser").get_text()
    return " ".join(text.translate(_TYPOGRAPHY).split())


def differences(build: LiquidBuild, src: str) -> str:
    """Where the two texts of `src` differ ('' when they are equal), for failure messages."""
    theirs = normalized_text(jekyll_content(build.result, src))
    ours = normalized_text(KEPT_AS_WRITTEN.sub("", build.our_content(src)))
    assert theirs, f"{src}: Jekyll rendered no text"
    if theirs == ours:
        return ""
    matcher = difflib.SequenceMatcher(None, theirs, ours, autojunk=False)
    parts = [
        f"  jekyll: ...{_around(theirs, a1, a2)!r}\n  plugin: ...{_around(ours, b1, b2)!r}"
        for op, a1, a2, b1, b2 in matcher.get_opcodes()
        if op != "equal"
    ]
    return f"{build.name}/{src}:\n" + "\n".join(parts[:3])


def _around(text: str, start: int, end: int) -> str:
    """`text[start:end]` with some context."""
    return text[max(start - 40, 0) : end + 20]


def compared_posts(build: LiquidBuild) -> list[str]:
    """The Liquid posts of the corpus that Jekyll publishes: their texts must be equal."""
    return [src for src in sorted(liquid_posts(build.name)) if src in build.result.jekyll]


@pytest.mark.parametrize("name", LIQUID_CORPORA)
def test_liquid_posts_render_the_text_jekyll_renders(
    liquid_build: Callable[[str], LiquidBuild], name: str
) -> None:
    require_command("jekyll", "Jekyll oracle")
    build = liquid_build(name)
    posts = compared_posts(build)
    assert posts, f"{name}: no post with Liquid to compare"
    # Posts Jekyll leaves out (`published: false`) are left out of the plugin's site too.
    liquid = set(liquid_posts(name))
    assert liquid & set(build.ours.posts) == liquid & set(build.result.jekyll)
    failures = [found for src in posts if (found := differences(build, src))]
    assert not failures, f"{len(failures)}/{len(posts)} posts differ:\n" + "\n".join(failures)


def test_only_the_listed_corpora_have_liquid_posts() -> None:
    counts = {name: len(liquid_posts(name)) for name in CORPUS_NAMES}
    assert {name for name, count in counts.items() if count} == set(LIQUID_CORPORA), counts


def test_unknown_custom_tags_are_kept_and_reported_at_their_line(
    liquid_build: Callable[[str], LiquidBuild],
) -> None:
    require_command("jekyll", "Jekyll oracle")
    build = liquid_build("18f")
    warnings = {
        r.getMessage().removeprefix("mkdocs_reeblog: ")
        for r in build.ours.log
        if r.levelno == logging.WARNING
    }
    tagged = {src: body for src, body in liquid_posts("18f").items() if "{% oembed" in body}
    assert len(tagged) == 5
    for src in tagged:
        lines = build.result.case.files[src].decode("utf-8").splitlines()
        numbers = [number for number, line in enumerate(lines, 1) if "{% oembed" in line]
        for number in numbers:
            expected = (
                f"docs/{src}:{number}: unknown Liquid tag 'oembed'; the text is left as written"
            )
            assert expected in warnings, f"{expected!r} not in {sorted(warnings)}"
        kept = KEPT_AS_WRITTEN.findall(build.our_content(src))
        assert [tag.strip() for tag in kept] == [lines[n - 1].strip() for n in numbers]


def link_tags(name: str) -> list[tuple[str, str, str]]:
    """Every `{% post_url NAME %}` and `{% link PATH %}` of the Liquid posts of corpus `name`
    that names a post of the corpus: (post, tag, source path of the post it names)."""
    posts = set(corpus_case(name).post_files())
    by_stem = {Path(src).stem: src for src in posts}
    found = []
    for src, body in sorted(liquid_posts(name).items()):
        for tag, argument in _LINK_TAG.findall(body):
            target = by_stem.get(argument) if tag == "post_url" else argument
            if target in posts:
                found.append((src, tag, target))
    return found


def test_post_url_and_link_open_the_post_jekyll_links_to(
    liquid_build: Callable[[str], LiquidBuild],
) -> None:
    require_command("jekyll", "Jekyll oracle")
    build = liquid_build("jekyll-docs")
    tags = link_tags("jekyll-docs")
    assert {tag for _, tag, _ in tags} == {"post_url", "link"}, tags
    site = build.ours.site
    for src, tag, target in tags:
        target_url = build.result.jekyll[target].url
        jekyll_html = BeautifulSoup(jekyll_content(build.result, src), "html.parser")
        jekyll_links = [a for a in jekyll_html.find_all("a") if a.get("href") == target_url]
        page = build.our_file(src)
        ours = [
            a
            for a in BeautifulSoup(build.our_content(src), "html.parser").find_all("a")
            if _opened_file(site, page, str(a.get("href", ""))) == output_file(target_url)
        ]
        assert jekyll_links, f"{src}: Jekyll's {tag} does not link to {target_url}"
        assert len(ours) == len(jekyll_links), f"{src}: {tag} {target} -> {target_url}"
        assert output_file(build.ours.posts[target].url) == output_file(target_url)


def _opened_file(site: Path, page: str, href: str) -> str | None:
    """The file of the site that `href`, a link of `page`, opens; None for links elsewhere and
    for files the site does not have. `post_url` and `link` write paths from the site root, and
    the oracle's MkDocs site is at the root of its domain."""
    if not href or "://" in href or href.startswith(("#", "mailto:")):
        return None
    path = unquote(href.split("#", 1)[0])
    target = path.lstrip("/") if path.startswith("/") else resolve_link(page, path)
    if path.endswith("/") or (site / target).is_dir():
        target = posixpath.join(target, "index.html")
    target = posixpath.normpath(target)
    return target if (site / target).is_file() else None


def test_links_to_files_the_corpus_lacks_write_nothing_and_warn(
    liquid_build: Callable[[str], LiquidBuild],
) -> None:
    require_command("jekyll", "Jekyll oracle")
    build = liquid_build("jekyll-docs")
    warnings = [r.getMessage() for r in build.ours.log if r.levelno == logging.WARNING]
    missing = [
        (src, argument)
        for src, body in liquid_posts("jekyll-docs").items()
        for tag, argument in _LINK_TAG.findall(body)
        if tag == "link" and argument.startswith("_docs/")
    ]
    assert missing, "the corpus links to its documentation pages"
    for src, argument in missing:
        assert [w for w in warnings if f"docs/{src}:" in w and f"'{argument}'" in w], src
        # Jekyll's oracle writes nothing for them either: the text comparison covers them.


BASEURL_POSTS = {
    "_posts/2024-01-01-target.md": b"---\ntitle: Target\n---\n\nThe target.\n",
    "_posts/2024-01-02-linking.md": (
        b"---\ntitle: Linking\nlayout: post\n---\n\n"
        b"[by post_url]({% post_url 2024-01-01-target %}), "
        b"[by link]({% link _posts/2024-01-01-target.md %}), "
        b"[by relative_url]({{ '/x/' | relative_url }}), "
        b"[by absolute_url]({{ '/x/' | absolute_url }}).\n"
    ),
}


def test_link_tags_and_url_filters_write_the_hrefs_jekyll_writes_under_a_baseurl(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Jekyll 4's `post_url` and `link` include `baseurl`, like `relative_url`."""
    require_command("jekyll", "Jekyll oracle")
    make = partial(Case, "liquid-baseurl", BASEURL_POSTS, {"baseurl": "/blog"})
    result = cached_case("liquid:baseurl", make, tmp_path_factory)
    src = "_posts/2024-01-02-linking.md"
    page = result.mkdocs_site / output_file(result.mkdocs_posts[src].url)
    ours = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    theirs = BeautifulSoup(jekyll_page(result, src).read_text(encoding="utf-8"), "html.parser")
    expected = {
        "by post_url": "/blog/2024/01/01/target.html",
        "by link": "/blog/2024/01/01/target.html",
        "by relative_url": "/blog/x/",
        "by absolute_url": "https://oracle.example.org/blog/x/",
    }
    for soup in (theirs, ours):
        found = {
            a.get_text(): a.get("href") for a in soup.find_all("a") if a.get_text() in expected
        }
        assert found == expected
