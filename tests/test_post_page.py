"""Posts share one Markdown converter a build: the same site, and the same warnings, as when
each post gets a new converter the way MkDocs converts any page."""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from mkdocs_reeblog import post_page
from mkdocs_reeblog.post_page import RESETTABLE_EXTENSIONS, follows_mkdocs, page_source
from tests.conftest import MATERIAL_SITE, differing_files, write_and_build

# What one document could leave in a converter for the next: footnotes, an abbreviation,
# heading ids already taken, a table of contents, tabs and details numbered down the page,
# links to other posts and to a missing file (MkDocs' per-page processors), a title.
FIRST = """\
---
title: First
---

# Intro

Text with a note[^1] and HTML, a link to [the second](2021-03-02-second.md#intro) and to
[nothing](missing.md).

*[HTML]: Hyper Text Markup Language

[^1]: The note.

## Intro

=== "Tab A"
    Content A

??? note "Details"
    Hidden.

Term
:   Definition
"""

SECOND = """\
---
title: Second
---

* TOC
{:toc}

# Intro

Another note[^a] about HTML, and [the first](2021-03-01-first.md).

[^a]: Another note.

=== "Tab B"
    Content B

## Outro {: #end }
"""

CONFIG = (
    MATERIAL_SITE
    + """\
markdown_extensions:
  - toc:
      permalink: true
  - admonition
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
plugins:
  - search
  - reeblog
"""
)


def _posts() -> dict[str, str | bytes]:
    posts: dict[str, str | bytes] = {
        "docs/_posts/2021-03-01-first.md": FIRST,
        "docs/_posts/2021-03-02-second.md": SECOND,
    }
    for day in range(3, 9):  # the two again, so that each follows the other
        posts[f"docs/_posts/2021-03-{day:02d}-again-{day}.md"] = (FIRST, SECOND)[day % 2]
    return posts


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    found = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    caplog.clear()
    return found


def test_posts_share_a_converter_and_build_the_same_site(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shared = write_and_build(tmp_path / "shared", CONFIG, _posts())
    shared_warnings = _warnings(caplog)
    assert shared.post_conversion.shared == len(shared.index) - 1 == 7
    off = CONFIG.replace("  - reeblog\n", "  - reeblog:\n      share_converter: false\n")
    apart = write_and_build(tmp_path / "apart", off, _posts())
    assert apart.post_conversion.shared == 0
    assert _warnings(caplog) == shared_warnings
    assert any("missing.md" in message for message in shared_warnings), shared_warnings
    assert differing_files(tmp_path / "shared" / "site", tmp_path / "apart" / "site") == []
    second = (tmp_path / "shared" / "site" / "2021" / "03" / "02" / "second.html").read_text()
    assert 'id="intro"' in second and 'id="intro_1"' not in second
    assert "<abbr" not in second  # the first post's abbreviation stays there
    assert 'href="../01/first.html"' in second


def test_an_mkdocs_whose_render_is_not_followed_gets_a_converter_per_post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(post_page, "follows_mkdocs", lambda: False)
    plugin = write_and_build(tmp_path, CONFIG, _posts())
    assert plugin.post_conversion.shared == 0
    assert len(plugin.index) == 8


def test_an_extension_not_known_to_reset_gets_a_converter_per_post(tmp_path: Path) -> None:
    config = CONFIG.replace(
        "  - admonition\n", "  - markdown.extensions.admonition:AdmonitionExtension\n"
    )
    plugin = write_and_build(tmp_path, config, _posts())
    assert plugin.post_conversion.shared == 0
    assert len(plugin.index) == 8


def test_installed_mkdocs_renders_pages_as_post_page_follows() -> None:
    # A new MkDocs whose Page.render changed turns the sharing off: read its render, update
    # PostPage.render and FOLLOWED_RENDER together.
    assert follows_mkdocs()


DOCUMENTS = (
    "# Intro\n\nA note[^1] about HTML; ==mark== ^^ins^^ ~~del~~ ++ctrl+a++ :smile: "
    "$x$ https://example.com -- (c)\n\n*[HTML]: Hyper Text Markup Language\n\n"
    '[^1]: The note.\n\n## Intro\n\n- [x] done\n\n=== "A"\n    a\n\n/// tab | B\nb\n///\n\n'
    '??? note "N"\n    n\n\n```python\nx = 1\n```\n\n`#!python y = 2`\n\nTerm\n:   Definition\n',
    '# Intro\n\nAnother[^a] HTML.\n\n[^a]: Other.\n\n=== "C"\n    c\n\n/// details | D\nd\n///\n',
)


def _convert_in_turn(extensions: list[str], *, shared: bool) -> list[str]:
    """The documents converted one after the other by one reset converter, or by new ones."""
    configs = {"pymdownx.tabbed": {"alternate_style": True}}
    configs = {name: options for name, options in configs.items() if name in extensions}
    converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
    out = []
    for text in DOCUMENTS * 2:
        md = (
            converter.reset()
            if shared
            else markdown.Markdown(extensions=extensions, extension_configs=configs)
        )
        out.append(md.convert(text) + repr(getattr(md, "toc_tokens", None)))
    return out


def _importable(name: str) -> bool:
    return (
        importlib.util.find_spec(name if "." in name else f"markdown.extensions.{name}") is not None
    )


@pytest.mark.parametrize("name", sorted(RESETTABLE_EXTENSIONS))
def test_a_resettable_extension_converts_in_turn_as_new_converters_do(name: str) -> None:
    if not _importable(name):
        pytest.skip(f"{name} is not installed")
    extensions = ["pymdownx.highlight", name] if name == "pymdownx.inlinehilite" else [name]
    assert _convert_in_turn(extensions, shared=True) == _convert_in_turn(extensions, shared=False)


def test_the_documents_show_what_a_converter_keeps_when_it_is_not_reset() -> None:
    # Without reset() the footnotes, abbreviations and tabs of one document reach the next:
    # the documents above would show a converter that keeps them.
    for name in ("footnotes", "abbr", "pymdownx.tabbed"):
        shared = markdown.Markdown(extensions=[name])
        kept = [shared.convert(text) for text in DOCUMENTS * 2]
        assert kept != [markdown.Markdown(extensions=[name]).convert(t) for t in DOCUMENTS * 2]


_LINES = st.lists(
    st.sampled_from(["", "---", "...", "key: value", "  Key:", "    more", "\tmore", "text", "# H"])
    | st.text(alphabet="-.: \tKk1_#\r\x85\u2028", max_size=8),
    max_size=6,
).map("\n".join)


@given(_LINES)
@example("Author: Jane\n\nText")
@example("---\nauthor: Jane\n---\nText")
@example("\n\nAuthor: Jane")
@example("Text\nAuthor: Jane")
@example(" \nText")
@example("Text\r\nAuthor: Jane")
@settings(max_examples=500, deadline=None)
def test_mkdocs_reads_no_metadata_and_the_whole_body_from_a_post_source(body: str) -> None:
    """What MkDocs' own reader makes of `page_source(body)`: no metadata, and the body as the
    empty YAML block always gave it (MkDocs drops leading blank lines)."""
    assert get_data(page_source(body)) == (body.lstrip("\n"), {})
