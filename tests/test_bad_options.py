"""Options that make no sense stop the build with a configuration error naming the option and
what it accepts; a feature left off for want of `site_url` is told in one info line."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import mkdocs
import pytest

from tests.conftest import SiteBuilder, write_files
from tests.html_helpers import GOOD_POST, assert_no_traceback, plugin_messages, post_text

DOCS: dict[str, str | bytes] = {GOOD_POST: post_text("title: Good\n")}

BAD_OPTIONS = [
    ("paginate: -2", "expected a whole number from 0 up (posts per page; 0: one page), got -2"),
    ("archive_paginate: -1", "expected a whole number from 0 up"),
    ("paginate: true", "expected a whole number from 0 up (posts per page; 0: one page), got True"),
    ("excerpt_length: -5", "expected a whole number from 0 up (characters), got -5"),
    ("feed_limit: -1", "expected a whole number from 0 up (posts), got -1"),
    ("words_per_minute: 0", "expected a whole number from 1 up (words read per minute), got 0"),
    ("words_per_minute: fast", "expected a whole number from 1 up (words read per minute),"
                               " got 'fast'"),
    ("tag_url: /tag/", "'/tag/' has no :name: expected a URL with :name, such as '/tag/:name/',"
                       " or '' for none"),
    ("category_url: 5", "5 is not text: expected a URL with :name, such as '/category/:name/'"),
    ("year_url: /archive/", "'/archive/' has no :year: expected a URL with :year"),
    ("paginate_path: ''", "'' has no :num: expected a URL with :num, such as 'page:num/'"),
]  # fmt: skip


@pytest.mark.parametrize(("option", "error"), BAD_OPTIONS, ids=[o for o, _ in BAD_OPTIONS])
def test_a_nonsense_option_stops_the_build_naming_it(
    build_site: SiteBuilder, option: str, error: str
) -> None:
    site = build_site(DOCS, plugin_options=option)
    assert not site.ok
    name = option.split(":")[0]
    expected = f"Config value 'plugins': Plugin 'reeblog' option '{name}': {error}"
    assert [m for m in site.messages(logging.ERROR) if expected in m], site.messages()
    assert_no_traceback(site)


@pytest.mark.parametrize(
    "options",
    ["paginate: 0\narchive_paginate: 0\nexcerpt_length: 0\nfeed_limit: 0\nwords_per_minute: 1",
     "tag_url: ''\ncategory_url: ''\nyear_url: ''",
     "tag_url: /t/:name.html\nyear_url: /y:year/\npaginate_path: /p:num"],
)  # fmt: skip
def test_the_edges_of_the_accepted_ranges_build(build_site: SiteBuilder, options: str) -> None:
    site = build_site(DOCS, plugin_options=options, strict=True)
    assert site.ok, site.messages()


def test_mkdocs_build_exits_with_the_error_and_no_traceback(tmp_path: Path) -> None:
    write_files(tmp_path / "docs", DOCS)
    config = "site_name: Blog\nplugins:\n  - reeblog:\n      paginate: -2\n"
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # The command of the MkDocs that runs the tests: `properdocs` under ProperDocs' alias.
    command = [sys.executable, "-m", mkdocs.__name__, "build", "-q"]
    done = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1, done
    assert "option 'paginate': expected a whole number from 0 up" in done.stderr, done.stderr
    assert "Aborted with a configuration error" in done.stdout, done.stdout
    assert "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("options", "note"),
    [
        ("", "no feed, and no og:url or og:image in social tags: set site_url in mkdocs.yml"),
        ("seo: false", "no feed: set site_url in mkdocs.yml"),
        ("feed_path: ''", "no og:url or og:image in social tags: set site_url in mkdocs.yml"),
        ("feed_path: ''\nseo: false", None),
    ],
)
def test_what_goes_missing_without_site_url_is_told_once(
    build_site: SiteBuilder, options: str, note: str | None
) -> None:
    site = build_site(DOCS, plugin_options=options, site_url=None)
    assert site.ok, site.messages()
    told = [m for m in plugin_messages(site, logging.INFO) if "site_url" in m]
    assert told == ([note] if note else [])
    assert not (site.site / "feed.xml").exists()


def test_nothing_is_told_about_site_url_when_it_is_set(build_site: SiteBuilder) -> None:
    site = build_site(DOCS)
    assert site.ok, site.messages()
    assert [m for m in plugin_messages(site, logging.INFO) if "site_url" in m] == []
    assert (site.site / "feed.xml").exists()
