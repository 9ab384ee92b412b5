"""Site settings from the Jekyll config where `mkdocs.yml` leaves them unset (issue 28)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from mkdocs_reeblog.jekyll.site import jekyll_site_url, mkdocs_settings, theme_language
from tests.conftest import SiteBuilder

POST = {"_posts/2025-01-02-first.md": "---\ntitle: First\n---\n\nA post.\n"}
JEKYLL_CONFIG = """\
title: "Mineral Matrix"
author: {name: GeoAI Explorer, email: geo@example.org}
description: >-
  Minerals, gemstones
  and mining.
url: "https://galena.es"
baseurl: ""
lang: es
favicon: /assets/favicon.png
"""


@pytest.mark.parametrize(
    ("jekyll", "expected"),
    [
        ({"url": "https://galena.es", "baseurl": ""}, "https://galena.es/"),
        ({"url": "https://a.org/", "baseurl": "/blog"}, "https://a.org/blog/"),
        ({"url": "https://a.org", "baseurl": "blog/"}, "https://a.org/blog/"),
        ({"baseurl": "/blog"}, None),
        ({"url": ""}, None),
        ({"url": "a.org"}, None),
    ],
)
def test_site_url_is_url_and_baseurl(jekyll: dict[str, Any], expected: str | None) -> None:
    assert jekyll_site_url(jekyll) == expected


def test_settings_are_read_as_text() -> None:
    assert mkdocs_settings({"title": 2025, "author": ["x"], "description": " a\n b "}) == {
        "site_name": "2025",
        "site_description": "a b",
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [("es", "es"), ("en-US", "en"), ("pt_BR", "pt-BR"), ("ZH-tw", "zh-TW"), ("xx", None)],
)
def test_language_is_one_the_theme_has(value: str, expected: str | None) -> None:
    assert theme_language(value, ["en", "es", "pt", "pt-BR", "zh", "zh-TW"]) == expected


def test_unset_settings_come_from_the_jekyll_config(build_site: SiteBuilder) -> None:
    built = build_site(
        {**POST, "assets/favicon.png": b"\x89PNG"},
        theme="material",
        site_url=None,
        plugin_options="jekyll_config: _config.yml",
        extra_files={"_config.yml": JEKYLL_CONFIG},
        strict=True,
    )
    assert built.ok, built.messages()
    post = built.read("2025/01/02/first.html")
    assert '<html lang="es"' in post
    assert '<link rel="canonical" href="https://galena.es/2025/01/02/first.html">' in post
    assert '<meta name="author" content="GeoAI Explorer">' in built.read("index.html")
    assert '<meta name="description" content="Minerals, gemstones and mining.">' in built.read(
        "index.html"
    )
    assert '<link rel="icon" href="../../../assets/favicon.png">' in post
    assert "https://galena.es/2025/01/02/first.html" in built.read("feed.xml")


def test_mkdocs_yml_wins(build_site: SiteBuilder) -> None:
    built = build_site(
        POST,
        theme="material",
        site_url="https://www.example.org/",
        plugin_options="jekyll_config: _config.yml",
        extra_files={"_config.yml": JEKYLL_CONFIG},
        yml="site_description: Mine\nsite_author: Me\n",
    )
    index = built.read("index.html")
    assert '<meta name="description" content="Mine">' in index
    assert '<meta name="author" content="Me">' in index
    assert "https://www.example.org/2025/01/02/first.html" in built.read("feed.xml")


def test_no_url_anywhere_is_a_warning_naming_the_setting(build_site: SiteBuilder) -> None:
    built = build_site(
        POST,
        site_url=None,
        plugin_options="jekyll_config: _config.yml",
        extra_files={"_config.yml": "title: Blog\n"},
    )
    warnings = built.reeblog_messages(logging.WARNING)
    assert any(" _config.yml:1: no 'url' here and no site_url in mkdocs.yml" in m for m in warnings)
    assert not (built.site / "feed.xml").exists()
