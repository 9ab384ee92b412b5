"""The plugin's options, resolved once into `Options` (`mkdocs_reeblog/options.py`)."""

from __future__ import annotations

import ast
from datetime import datetime, timezone
from pathlib import Path

from mkdocs.config import config_options as c

from mkdocs_reeblog.blog.feed import FeedOptions
from mkdocs_reeblog.blog.listings import ListingOptions
from mkdocs_reeblog.config import ReeblogConfig
from mkdocs_reeblog.jekyll.settings import Settings
from mkdocs_reeblog.options import FEED_PREFIX, option_names, resolve_options

PACKAGE = Path(__file__).resolve().parent.parent / "mkdocs_reeblog"
OPTIONS = dict.fromkeys(
    name for name, option in ReeblogConfig._schema if not isinstance(option, c.Deprecated)
)
"""Every option of `config.py` (but those no longer used), unset."""


def _names_options(node: ast.AST) -> bool:
    """Whether `node` is the plugin's options as written: `self.config` in the plugin class,
    `plugin` or `*.plugin` (`Setup.plugin`) elsewhere."""
    if isinstance(node, ast.Name):
        return node.id == "plugin"
    if isinstance(node, ast.Attribute):
        named_self = isinstance(node.value, ast.Name) and node.value.id == "self"
        return node.attr == "plugin" or (node.attr == "config" and named_self)
    return False


def read_by_the_plugin() -> set[str]:
    """The options the package reads as they are (`self.config.NAME`, `setup.plugin.NAME`)."""
    return {
        node.attr
        for path in PACKAGE.rglob("*.py")
        if path.name != "neighbours.py"  # its `plugin` is another plugin
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and _names_options(node.value)
    }


def test_each_option_goes_to_one_part_of_the_options_or_is_read_as_it_is() -> None:
    parts = [
        option_names(Settings, OPTIONS),
        option_names(ListingOptions, OPTIONS),
        option_names(FeedOptions, OPTIONS, FEED_PREFIX),
    ]
    assert parts == [
        ["permalink", "timezone", "excerpt_separator", "future", "show_drafts", "unpublished",
         "image_keys"],
        ["blog_url", "paginate", "archive_paginate", "paginate_path", "tag_url", "category_url",
         "year_url", "tags_index_url", "categories_index_url"],
        ["feed_path", "feed_limit", "feed_content", "feed_terms"],
    ]  # fmt: skip
    routed = {name for part in parts for name in part}
    direct = read_by_the_plugin()
    assert routed.isdisjoint(direct), routed & direct
    assert set(OPTIONS) == routed | direct, set(OPTIONS) ^ (routed | direct)


def test_an_option_wins_over_the_jekyll_config_which_wins_over_the_default() -> None:
    jekyll = {"paginate": 5, "timezone": "Europe/Madrid", "feed": {"posts_limit": 3}}
    options = resolve_options(
        {**OPTIONS, "paginate": 2, "feed_path": "atom.xml"},
        jekyll,
        site_url=None,
        use_directory_urls=True,
        now=datetime(2024, 1, 1, tzinfo=timezone.utc),
    )
    assert options.listings.paginate == 2
    assert str(options.settings.timezone) == "Europe/Madrid"
    assert (options.feeds.path, options.feeds.limit) == ("atom.xml", 3)
    assert options.listings.tag_url == ListingOptions().tag_url
