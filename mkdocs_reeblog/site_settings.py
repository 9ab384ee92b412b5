"""The MkDocs settings a Jekyll `_config.yml` gives where `mkdocs.yml` leaves them unset:
`site_url` (from `url` + `baseurl`), `site_description`, `site_author`, and Material's
`language` and `favicon` (`jekyll/site.py` maps the keys). `site_name` cannot be filled in:
MkDocs refuses a `mkdocs.yml` without it before any plugin runs (`reeblog import` writes it).

A feature that a missing setting switches off is a warning naming the setting: with a Jekyll
config that has no `url` and a `mkdocs.yml` without `site_url`, there is no feed and no
absolute URL in the social tags.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import ConfigurationError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_theme_dir
from mkdocs.utils.yaml import yaml_load

from mkdocs_reeblog.jekyll.site import mkdocs_settings, theme_settings

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

__all__ = ["adopt_jekyll_settings", "theme_languages", "written_config"]

log = get_plugin_logger(__name__)

_FILLED = ("site_url", "site_description", "site_author")
"""The `mkdocs.yml` settings a Jekyll config fills in when unset."""


def written_config(config: MkDocsConfig) -> dict[str, Any]:
    """`mkdocs.yml` as written (without MkDocs' defaults, and before `mkdocs serve` replaces
    `site_url` by its own address); empty when it cannot be read."""
    if not config.config_file_path:
        return {}
    try:
        with open(config.config_file_path, "rb") as file:
            written = yaml_load(file)
    except (OSError, ValueError, ConfigurationError):
        return {}
    return written if isinstance(written, dict) else {}


def theme_languages(theme: str = "material") -> list[str]:
    """The languages the theme translates (Material's `partials/languages/`), sorted."""
    try:
        folder = Path(get_theme_dir(theme), "partials", "languages")
    except KeyError:
        return []
    return sorted(path.stem for path in folder.glob("*.html"))


def adopt_jekyll_settings(
    config: MkDocsConfig, jekyll: Mapping[str, Any], jekyll_path: str, command: str
) -> None:
    """Fill the settings `mkdocs.yml` leaves unset from the Jekyll config `jekyll` (read from
    `jekyll_path`); under `mkdocs serve` (`command`) the server's own `site_url` stays."""
    serving = command == "serve"
    written = written_config(config)
    found = mkdocs_settings(jekyll)
    for key in _FILLED:
        if key in found and written.get(key) is None and not (serving and key == "site_url"):
            config[key] = found[key]
    theme = written.get("theme")
    theme_written = theme if isinstance(theme, Mapping) else {}
    if config.theme.name == "material":
        for key, value in theme_settings(jekyll, theme_languages()).items():
            if theme_written.get(key) is None:
                config.theme[key] = value
    if not serving and not config.site_url and "site_url" not in found:
        log.warning(
            "%s:1: no 'url' here and no site_url in mkdocs.yml: the Atom feed and the social "
            "tags' absolute URLs (og:url, og:image) are left out; set url: "
            "https://your.domain in this file, or site_url in mkdocs.yml",
            _relative(jekyll_path, config),
        )


def _relative(path: str, config: MkDocsConfig) -> str:
    """`path` as messages name files: relative to the folder of `mkdocs.yml`."""
    folder = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    return Path(os.path.relpath(Path(path).resolve(), folder)).as_posix()
