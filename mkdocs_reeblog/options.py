"""The build's options, resolved once (in `on_config`): the plugin's options in `mkdocs.yml`
over the Jekyll config (`jekyll_config`) over Jekyll's defaults.

Which plugin options feed which part is not listed by hand: an option of `config.py` goes to
the part that has a field of its name (`permalink` to `Settings.permalink`, `paginate` to
`ListingOptions.paginate`; the feed's options are `feed_` + the field: `feed_path`). The other
options are read as they are (`seo`, `nav_title`...).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mkdocs_reeblog.blog.feed import FeedOptions, resolve_feed_options
from mkdocs_reeblog.blog.listings import ListingOptions, resolve_listing_options
from mkdocs_reeblog.jekyll.settings import Settings, resolve_settings

__all__ = ["FEED_PREFIX", "Options", "option_names", "resolve_options"]

FEED_PREFIX = "feed_"
"""The feed's options are named `feed_` + the field of `FeedOptions` they set."""


@dataclass(frozen=True)
class Options:
    """What the plugin's and Jekyll's options make of one build."""

    settings: Settings = field(default_factory=Settings)
    """How posts are read: permalink, time zone, excerpts, drafts, front matter defaults..."""
    listings: ListingOptions = field(default_factory=ListingOptions)
    """Which listing pages the blog gets, and where."""
    feeds: FeedOptions = field(default_factory=FeedOptions)
    """Which feeds the site gets."""


def option_names(part: type[Any], options: Mapping[str, object], prefix: str = "") -> list[str]:
    """The options (of `options`, the plugin's) that set a field of the dataclass `part`."""
    names = (prefix + f.name for f in dataclasses.fields(part))
    return [name for name in names if name in options]


def resolve_options(
    options: Mapping[str, object],
    jekyll: dict[str, Any],
    *,
    site_url: str | None,
    use_directory_urls: bool,
    now: datetime,
) -> Options:
    """The build's options from the plugin's (`options`, None = unset) and the Jekyll config.

    Raises `DateError` for an unknown time zone, `ValueError` for unusable `image_keys`.
    """

    def chosen(part: type[Any], prefix: str = "") -> dict[str, Any]:
        return {name: options[name] for name in option_names(part, options, prefix)}

    return Options(
        settings=resolve_settings(chosen(Settings), jekyll, site_url=site_url, now=now),
        listings=resolve_listing_options(
            chosen(ListingOptions), jekyll, use_directory_urls=use_directory_urls
        ),
        feeds=resolve_feed_options(chosen(FeedOptions, FEED_PREFIX), jekyll),
    )
