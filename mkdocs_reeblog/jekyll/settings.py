"""The site-wide settings the pure modules work with, merged from the plugin options and an
optional Jekyll `_config.yml` (plugin options win, then `_config.yml`, then Jekyll's defaults)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from mkdocs_reeblog.jekyll.dates import DateError, load_timezone
from mkdocs_reeblog.jekyll.defaults import FrontMatterDefaults
from mkdocs_reeblog.jekyll.theme_images import DEFAULT_IMAGE_KEYS, ImageKeys
from mkdocs_reeblog.jekyll.urls import permalink_template

__all__ = ["JekyllConfigError", "Settings", "SiteAddress", "read_jekyll_config", "resolve_settings"]

JEKYLL_DEFAULT_SEPARATOR = "\n\n"


class JekyllConfigError(ValueError):
    """A `jekyll_config` file that cannot be used."""


@dataclass(frozen=True)
class SiteAddress:
    """The address the site is published at, to recognise absolute links to the site itself."""

    hosts: frozenset[str] = frozenset()
    """Host names, lowercase, without `www.`."""
    paths: tuple[str, ...] = ("/",)
    """URL path prefixes the site lives under (`/` or `/blog/`), longest first."""

    @classmethod
    def from_urls(cls, *urls: str) -> SiteAddress:
        hosts: set[str] = set()
        paths: set[str] = set()
        for url in urls:
            parts = urlsplit(url)
            if not parts.hostname:
                continue
            hosts.add(parts.hostname.lower().removeprefix("www."))
            paths.add("/" + parts.path.strip("/") + "/" if parts.path.strip("/") else "/")
        ordered = tuple(sorted(paths or {"/"}, key=lambda p: (-len(p), p)))
        return cls(frozenset(hosts), ordered)

    def site_path(self, url: str) -> str | None:
        """The path of `url` inside the site (no leading `/`), or None when it is elsewhere."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
        if parts.hostname.lower().removeprefix("www.") not in self.hosts:
            return None
        for prefix in self.paths:
            if (parts.path + "/").startswith(prefix):
                return parts.path[len(prefix) :]
        return None


@dataclass(frozen=True)
class Settings:
    """Everything the Jekyll rules need to know about the site."""

    permalink: str = permalink_template("date")
    """The site-wide permalink template (style names already expanded)."""
    timezone: tzinfo = timezone.utc
    excerpt_separator: str = JEKYLL_DEFAULT_SEPARATOR
    future: bool = False
    show_drafts: bool = False
    unpublished: bool = False
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    address: SiteAddress = SiteAddress()
    baseurl: str = ""
    """Jekyll's `baseurl` (for Liquid's `site.baseurl`)."""
    jekyll_url: str = ""
    """Jekyll's `url`."""
    jekyll: dict[str, Any] = field(default_factory=dict)
    """The whole Jekyll `_config.yml` (for Liquid's `site.*`)."""
    defaults: FrontMatterDefaults = field(default_factory=FrontMatterDefaults)
    """The `_config.yml`'s front matter defaults (`defaults:`)."""
    image_keys: ImageKeys = DEFAULT_IMAGE_KEYS
    """The front-matter keys of the banner, card and social images."""

    @property
    def reading_key(self) -> tuple[object, ...]:
        """The settings a post's reading depends on (not the build time)."""
        return (
            self.permalink,
            str(self.timezone),
            self.excerpt_separator,
            self.address,
            self.defaults,
            self.image_keys,
        )


def read_jekyll_config(path: Path) -> dict[str, Any]:
    """Read a Jekyll `_config.yml`; raises `JekyllConfigError` with the reason."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise JekyllConfigError(
            f"{path}: cannot be read ({exc.strerror}); fix jekyll_config"
        ) from exc
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise JekyllConfigError(f"{path}:{line}: not valid YAML ({exc.problem})") from exc
    except (yaml.YAMLError, ValueError) as exc:
        raise JekyllConfigError(f"{path}:1: not valid YAML ({exc})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise JekyllConfigError(f"{path}:1: a Jekyll configuration must be a mapping")
    return data


def _first(*values: Any) -> Any:
    return next((value for value in values if value is not None), None)


def resolve_settings(
    options: dict[str, Any],
    jekyll: dict[str, Any],
    *,
    site_url: str | None,
    now: datetime | None = None,
) -> Settings:
    """Merge plugin `options` (None = not set) over `jekyll` (a `_config.yml`) over defaults.

    Raises `DateError` for an unknown timezone, `ValueError` for unusable `image_keys`.
    """
    posts_permalink = (jekyll.get("collections") or {}).get("posts", {})
    if not isinstance(posts_permalink, dict):
        posts_permalink = {}
    permalink = _first(
        options.get("permalink"), posts_permalink.get("permalink"), jekyll.get("permalink"), "date"
    )
    tz_name = _first(options.get("timezone"), jekyll.get("timezone"), "UTC")
    try:
        tz = load_timezone(str(tz_name))
    except DateError as exc:
        raise DateError(f"timezone: {exc}") from exc
    jekyll_url = str(jekyll.get("url") or "").rstrip("/")
    baseurl = str(jekyll.get("baseurl") or "").rstrip("/")
    urls = [u for u in (site_url or "", jekyll_url + baseurl + "/" if jekyll_url else "") if u]
    return Settings(
        permalink=permalink_template(str(permalink)),
        timezone=tz,
        excerpt_separator=str(
            _first(
                options.get("excerpt_separator"),
                jekyll.get("excerpt_separator"),
                JEKYLL_DEFAULT_SEPARATOR,
            )
        ),
        future=bool(_first(options.get("future"), jekyll.get("future"), False)),
        show_drafts=bool(_first(options.get("show_drafts"), jekyll.get("show_drafts"), False)),
        unpublished=bool(_first(options.get("unpublished"), jekyll.get("unpublished"), False)),
        now=now or datetime.now(timezone.utc),
        address=SiteAddress.from_urls(*urls),
        baseurl=baseurl,
        jekyll_url=jekyll_url,
        jekyll=jekyll,
        defaults=FrontMatterDefaults.from_config(jekyll.get("defaults")),
        image_keys=ImageKeys.from_option(options.get("image_keys") or {}),
    )
