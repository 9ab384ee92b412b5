"""What the Liquid renderer and its engine share: the site as Liquid knows it, and a result."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Any

from mkdocs_reeblog.jekyll.problems import Problem

__all__ = ["LiquidResult", "LiquidSetup"]


@dataclass(frozen=True)
class LiquidResult:
    """A post body after Liquid."""

    text: str
    """The rendered Markdown (the source itself when it had no Liquid or could not be rendered)."""
    problems: list[Problem]


@dataclass(frozen=True)
class LiquidSetup:
    """What Liquid knows of the site (see `LiquidRenderer`)."""

    site: Mapping[str, Any]
    includes_dir: Path | None
    post_url: Callable[[str], str | None]
    link_url: Callable[[str], str | None]
    baseurl: str
    url: str
    timezone: tzinfo
