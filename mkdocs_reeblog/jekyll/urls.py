"""Jekyll's post URLs (`jekyll/url.rb`, `drops/url_drop.rb`) and where MkDocs writes them.

A post's URL is the permalink template with each `:placeholder` replaced by an escaped value,
then sanitised (`..` becomes `/`, `//` is squeezed). The file is written at the *unescaped* URL,
with `index.html` added to a URL ending in `/` and `.html` to one without that extension.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote, unquote

from mkdocs_reeblog.jekyll.slugify import slugify

__all__ = [
    "PERMALINK_STYLES",
    "Destination",
    "PermalinkError",
    "UrlFacts",
    "check_permalink",
    "destination",
    "escape_path",
    "expand_permalink",
    "permalink_template",
    "sanitize_url",
]

PERMALINK_STYLES: dict[str, str] = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
"""Jekyll's built-in permalink styles (`Configuration::STYLE_TO_PERMALINK`)."""

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_SLASHES = re.compile("/+")
_PLAIN_PATH = re.compile(r"^[a-zA-Z0-9./-]+$")
# RFC 3986 `pchar` and `/`, as in `Jekyll::URL.escape_path`.
_PATH_SAFE = "-._~!$&'()*+,;=:@/"


class PermalinkError(ValueError):
    """A permalink template that Jekyll would refuse."""


@dataclass(frozen=True, slots=True)
class UrlFacts:
    """What a post's permalink placeholders are made of."""

    date: datetime
    slug: str
    """Front-matter `slug`, else the file name after the date (Jekyll's `page.slug`)."""
    basename: str
    """The file name without its extension, date included."""
    path: str
    """Jekyll's `:path`: the source path without extension and `_posts`."""
    categories: tuple[str, ...]
    output_ext: str = ".html"


def permalink_template(style: str) -> str:
    """A site-wide `permalink` setting as a template: style names are expanded."""
    return PERMALINK_STYLES.get(style, style)


def escape_path(path: str) -> str:
    """Percent-encode a URL path as Jekyll's `URL.escape_path` does."""
    if not path or _PLAIN_PATH.match(path):
        return path
    return quote(path, safe=_PATH_SAFE)


def _title(facts: UrlFacts) -> str:
    return slugify(facts.slug, "pretty", cased=True) or slugify(
        facts.basename, "pretty", cased=True
    )


# Each placeholder's value, computed only for the placeholders a template uses.
_PLACEHOLDERS: dict[str, Callable[[UrlFacts], str]] = {
    "collection": lambda facts: "posts",
    "path": lambda facts: facts.path,
    "output_ext": lambda facts: facts.output_ext,
    "name": lambda facts: slugify(facts.basename),
    "title": _title,
    "slug": lambda facts: slugify(facts.slug) or slugify(facts.basename),
    "categories": lambda facts: "/".join(dict.fromkeys(c.lower() for c in facts.categories)),
    "slugified_categories": lambda facts: "/".join(slugify(c) for c in facts.categories),
    "year": lambda facts: f"{facts.date.year:04d}",
    "month": lambda facts: f"{facts.date.month:02d}",
    "day": lambda facts: f"{facts.date.day:02d}",
    "hour": lambda facts: f"{facts.date.hour:02d}",
    "minute": lambda facts: f"{facts.date.minute:02d}",
    "second": lambda facts: f"{facts.date.second:02d}",
    "i_day": lambda facts: str(facts.date.day),
    "i_month": lambda facts: str(facts.date.month),
    "short_month": lambda facts: _MONTHS[facts.date.month - 1][:3],
    "long_month": lambda facts: _MONTHS[facts.date.month - 1],
    "short_year": lambda facts: f"{facts.date.year % 100:02d}",
    "y_day": lambda facts: f"{facts.date.timetuple().tm_yday:03d}",
    "w_year": lambda facts: str(facts.date.isocalendar()[0]),
    "week": lambda facts: f"{facts.date.isocalendar()[1]:02d}",
    "w_day": lambda facts: str(facts.date.isocalendar()[2]),
    "short_day": lambda facts: _DAYS[facts.date.isocalendar()[2] - 1][:3],
    "long_day": lambda facts: _DAYS[facts.date.isocalendar()[2] - 1],
}


def expand_permalink(template: str, facts: UrlFacts) -> str:
    """The post's URL (escaped, starting with `/`) for a permalink template.

    Raises `PermalinkError` for a placeholder Jekyll does not know.
    """
    url = "".join(
        part if isinstance(part, str) else escape_path(part(facts))
        for part in _template_parts(template)
    )
    return sanitize_url(url)


def sanitize_url(url: str) -> str:
    """Jekyll's `URL#sanitize_url`: a leading `/`, no way out of the site, no `//`."""
    url = ("/" + _SLASHES.sub("/", url)).replace("..", "/").replace("./", "")
    return _SLASHES.sub("/", url)


@functools.lru_cache(maxsize=64)
def _template_parts(template: str) -> tuple[str | Callable[[UrlFacts], str], ...]:
    """A permalink template as its text and the placeholders between (read once a template:
    a site has one or a few, used by every post)."""
    parts: list[str | Callable[[UrlFacts], str]] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        name = match.group(1)
        # Ruby's `chomp!("_")`: one trailing underscore, so `:title_` is `:title` and "_".
        pool = [name, name[:-1]] if name.endswith("_") else [name]
        winner = next((key for key in pool if key in _PLACEHOLDERS), None)
        if winner is None:
            known = ", ".join(f":{key}" for key in sorted(_PLACEHOLDERS))
            raise PermalinkError(
                f"permalink {template!r} has the unknown placeholder ':{name}'; use one of {known}"
            )
        parts += [template[position : match.start()], _PLACEHOLDERS[winner], name[len(winner) :]]
        position = match.end()
    parts.append(template[position:])
    return tuple(parts)


def check_permalink(template: str) -> None:
    """Raise `PermalinkError` when a permalink style or template has an unknown placeholder."""
    sample = UrlFacts(datetime(2000, 1, 1), "slug", "2000-01-01-slug", "/2000-01-01-slug", ())
    expand_permalink(permalink_template(template), sample)


@dataclass(frozen=True, slots=True)
class Destination:
    """Where MkDocs writes a post and how it links to it."""

    jekyll_url: str
    """The URL Jekyll gives the post (escaped, with a leading `/`)."""
    dest_uri: str
    """The output file, relative to `site_dir`, unescaped (MkDocs' `File.dest_uri`)."""
    url: str
    """The link MkDocs uses (`File.url`): escaped, relative to the site root."""


def destination(
    jekyll_url: str, *, use_directory_urls: bool, output_ext: str = ".html"
) -> Destination:
    """The output file of a Jekyll URL, as `Document#destination` computes it."""
    path = unquote(jekyll_url)
    parts = [part for part in path.split("/") if part not in ("", ".", "..")]
    dest = "/".join(parts)
    if jekyll_url.endswith("/") or not dest:
        dest = posixpath.join(dest, "index.html") if dest else "index.html"
        if use_directory_urls:
            link = jekyll_url.lstrip("/")
        else:
            link = jekyll_url.lstrip("/") + "index.html"
    elif dest.endswith(output_ext):
        link = jekyll_url.lstrip("/")
    else:
        # Jekyll writes `x.html` for the URL `/x`; link to the file so that every server finds it.
        dest += output_ext
        link = jekyll_url.lstrip("/") + output_ext
    # A ':' in the first folder would read as a URL scheme in a relative link (`note:1/`).
    return Destination(jekyll_url=jekyll_url, dest_uri=dest, url=link.replace(":", "%3A") or "./")
