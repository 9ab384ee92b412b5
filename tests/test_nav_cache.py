"""Material's sidebar drawn once for the pages that show it alike: the same site as without it."""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

import pytest

from mkdocs_reeblog.plugin import ReeblogPlugin
from mkdocs_reeblog.speed.nav_cache import NavCache
from tests.conftest import build_at, write_files
from tests.html_helpers import post_text


def post(title: str, extra: str = "") -> str:
    return post_text(
        f"title: {title}\n{extra}", f"First paragraph of {title}.\n\n## A heading\n\nMore.\n"
    )


# Posts at several depths, one in a folder that a nav page shares (2020/), pages in and out of
# the nav, nested sections, an external link and a link to a generated page.
DOCS: dict[str, str | bytes] = {
    "about.md": "# About\n\nThe site.\n",
    "guide/index.md": "# Guide\n\nStart here.\n",
    "guide/setup.md": "# Setup\n\nSteps.\n\n## One\n\n## Two\n",
    "guide/deep/more.md": "# More\n\nDeeper.\n",
    "2020/notes.md": "# Notes of 2020\n\nA page in a folder that posts share.\n",
    "hidden.md": "# Hidden\n\nNot in the nav.\n",
    "_posts/2020-03-04-spring.md": post("Spring", "tags: [Japan, Rare earths]\n"),
    "_posts/2021-05-06-summer.md": post("Summer", "categories: [mining, geology]\n"),
    "_posts/2022-07-08-autumn.md": post("Autumn", "permalink: /notes/autumn/\n"),
    "_posts/2023-09-10-winter.md": post("Winter", "permalink: /2020/winter/\ntags: [Japan]\n"),
    "mining/_posts/2024-01-02-deep.md": post("Deep", "tags: [Japan]\n"),
    **{f"_posts/2019-01-{day:02d}-day-{day}.md": post(f"Day {day}") for day in range(1, 13)},
}

NAV = """
nav:
  - Home: index.md
  - About: about.md
  - Guide:
      - guide/index.md
      - guide/setup.md
      - Deeper:
          - guide/deep/more.md
  - 2020/notes.md
  - Tags: tags.md
  - Source: https://example.org/source/
"""


def build_project(root: Path, features: list[str], options: str, nav: str) -> ReeblogPlugin:
    config_text = textwrap.dedent(f"""\
        site_name: Nav cache
        site_url: https://blog.example.org/
        repo_url: https://github.com/example/blog
        theme:
          name: material
          features: {features}
        plugins:
          - search
          - reeblog:
              paginate: 5
              {options}
        not_in_nav: hidden.md
        """)
    return build_at(root, config_text + nav)


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def cache_off_notes(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The plugin's info lines that say the cache was not used."""
    return [
        r.getMessage()
        for r in caplog.records
        if "reeblog" in r.name and "cache_nav is off" in r.getMessage()
    ]


@pytest.mark.parametrize(
    "features",
    [
        [],
        ["navigation.tabs", "navigation.indexes", "toc.integrate"],
        ["navigation.sections", "navigation.expand", "navigation.prune", "navigation.path"],
    ],
)
@pytest.mark.parametrize("nav", [NAV, ""], ids=["explicit-nav", "no-nav"])
def test_the_cached_sidebar_gives_the_same_site_byte_for_byte(
    tmp_path: Path, features: list[str], nav: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    pages = 0
    sites = []
    cached: NavCache | None = None
    for name, options in (("cached", ""), ("drawn", "cache_nav: false")):
        root = tmp_path / name
        write_files(root / "docs", DOCS)
        plugin = build_project(root, features, options, nav)
        sites.append(site_files(root / "site"))
        if plugin.build.nav_cache is not None:
            cached = plugin.build.nav_cache
            pages = sum(1 for path in sites[-1] if path.endswith(".html"))
    assert sites[0] == sites[1]
    # The cache was used, and drew the sidebar for a few shapes of page, not for every page.
    assert isinstance(cached, NavCache)
    assert 0 < cached.drawn < pages / 3, (cached.drawn, pages)
    assert cache_off_notes(caplog) == []  # used, or turned off by the option: nothing to say


def test_a_sidebar_template_in_custom_dir_turns_the_cache_off(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    write_files(tmp_path / "docs", DOCS)
    override = "<nav class='mine'>{{ page.title }}</nav>\n"
    write_files(tmp_path, {"overrides/partials/nav.html": override})
    config_text = textwrap.dedent("""\
        site_name: Nav cache
        theme:
          name: material
          custom_dir: overrides
        plugins:
          - reeblog
        """)
    assert build_at(tmp_path, config_text).build.nav_cache is None
    assert cache_off_notes(caplog) == [
        "mkdocs_reeblog: cache_nav is off: partials/nav.html is not Material's own (custom_dir"
        " overrides it); the navigation sidebar is drawn for every page"
    ]
    for title, path in (
        ("Spring", "2020/03/04/spring.html"),
        ("Summer", "mining/geology/2021/05/06/summer.html"),
    ):
        html = (tmp_path / "site" / path).read_text(encoding="utf-8")
        assert f"<nav class='mine'>{title}</nav>" in html


HOOK = """
from jinja2 import pass_context
from mkdocs.plugins import event_priority


@event_priority(-100)
def on_env(env, config, files):
    original = env.filters["url"]

    @pass_context
    def url(context, value):
        page = context.get("page")
        return original(context, value) + "?from=" + (page.url if page else "")

    env.filters["url"] = url
    return env
"""


def test_a_url_filter_replaced_after_the_cache_turns_it_off(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Another plugin's `url` filter may depend on anything of the page: nothing is reused,
    and one info line says so."""
    caplog.set_level(logging.INFO)
    write_files(tmp_path / "docs", DOCS)
    write_files(tmp_path, {"hooks.py": HOOK})
    config_text = "site_name: Nav cache\ntheme:\n  name: material\nplugins:\n  - reeblog\n"
    cache = build_at(tmp_path, config_text + "hooks:\n  - hooks.py\n").build.nav_cache
    assert isinstance(cache, NavCache)
    assert cache.drawn == 0  # installed, never used
    [note] = cache_off_notes(caplog)
    assert "another plugin replaced the url filter" in note
    for path in ("2020/03/04/spring.html", "2019/01/02/day-2.html", "2019/01/03/day-3.html"):
        html = (tmp_path / "site" / path).read_text(encoding="utf-8")
        assert f'?from={path}"' in html
