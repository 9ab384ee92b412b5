"""Property-based builds: random but plausible Jekyll blogs, built for real with MkDocs.

Hypothesis writes sites of 1-6 posts whose file names and front matter mix Unicode, HTML, quotes,
slashes, dots, emoji, numbers, lists and strings, every spelling of `published`, dates with and
without time and offset, and permalink templates (some escaping the site, some colliding). Each
site is built and checked against what Jekyll's rules say, computed here from the generated data:
which posts are published, their titles, tags and categories. Nothing from front matter may
become markup, and nothing may be written outside the site folder.

Runs are reproducible (`derandomize`); `REEBLOG_HYPOTHESIS_PROFILE=long` runs many more examples.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from tests.conftest import BuiltSite, SiteBuilder
from tests.html_helpers import assert_no_traceback, href_file, listed_posts, plugin_messages

settings.register_profile(
    "reeblog-default",
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile("reeblog-long", settings.get_profile("reeblog-default"), max_examples=300)
# To hunt for new failures: random seeds, many examples, no shrinking (read the first failure).
settings.register_profile(
    "reeblog-hunt",
    settings.get_profile("reeblog-default"),
    phases=[Phase.explicit, Phase.generate],
    max_examples=int(os.environ.get("REEBLOG_HUNT_EXAMPLES", "200")),
    derandomize=False,
)
PROFILE = settings.get_profile("reeblog-" + os.environ.get("REEBLOG_HYPOTHESIS_PROFILE", "default"))

MARK = "zqmark"
"""Text inside the HTML of hostile values: an element holding it means escaping failed."""
ATOM = "{http://www.w3.org/2005/Atom}"
BODY_MARKER = re.compile(r"qzbody(\d+)x")
ASCII_SPACE = " \t\n\v\f\r"
"""Ruby's `String#split` (Jekyll's `tags: a b`) splits on these only."""

# Taxonomy warnings name no file: they are about several posts at once.
TAXONOMY_WARNING = re.compile(
    r"^the (tag|category) (spellings .* are one \1 page|.* would share the URL of another)"
)
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "poster", "data"})
SCHEMES = frozenset({"", "http", "https", "mailto", "data"})
"""What a link or image in a built page may start with (`javascript:` is not among them)."""
URL_PROPERTIES = frozenset({"og:image", "og:url", "twitter:image"})
"""`<meta property=...>` whose `content` is a URL."""
COLLISION = re.compile(r" is already taken by | is the .* generates there; ")
"""The only reasons a generated post may be left out: its URL is another file's."""
FILE_WARNING = re.compile(r"^(docs/.+?\.md):(\d+): (.*)$", re.DOTALL)


@dataclass(frozen=True)
class Value:
    """A front-matter value: how it is written in YAML and what YAML gives."""

    yaml: str
    data: object


def ruby_text(value: object) -> str:
    """A YAML scalar as Ruby's `to_s` writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def truthy(value: object) -> bool:
    """Ruby truthiness: only nil and false are false."""
    return value is not None and value is not False


def flatten(value: object) -> list[object]:
    """Nested lists flattened, nils removed (Ruby's `flatten.compact`)."""
    if isinstance(value, list):
        return [item for inner in value for item in flatten(inner)]
    return [] if value is None else [value]


HOSTILE = (
    "<script>alert(1)</script>",
    f"<b>{MARK}</b>",
    f"<i>{MARK}</i>",
    f'x" onmouseover="alert(1)" data-m="{MARK}',
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "\"double\" & 'single'",
    "&amp; &lt;",
    "a/b",
    "..",
    "../../etc",
    ".",
    "🚀",
    "日本語のタイトル",
    "e\u0301te\u0301",
    "",
    "  ",
    "C++",
    "C#",
    "Mining",
    "mining",
    "100%",
    "{{ config.site_name }}",
    "{% raw %}x",
    "a: b",
    "- dash",
    "#hash",
    "null",
)
# Printable text YAML can hold in a quoted string (no control, surrogate or line separators).
FREE_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
    max_size=12,
)
NAME_CHARS = "abcXYZ019 '-_.éñ日本🚀&#%()+,"


def quoted(text: str) -> Value:
    """A double-quoted YAML string (JSON is valid YAML)."""
    return Value(json.dumps(text, ensure_ascii=False), text)


PLAIN_SCALARS = (
    Value("42", 42),
    Value("3.5", 3.5),
    Value("yes", True),
    Value("off", False),
    Value("null", None),
    Value("~", None),
    Value("Plain words here", "Plain words here"),
    Value("'it''s single'", "it's single"),
    Value("Ünïcode plain", "Ünïcode plain"),
)
TEXTS = st.one_of(st.sampled_from(HOSTILE), FREE_TEXT)
STRINGS = TEXTS.map(quoted)
# A category with ':' can start the URL (`/a:/2024/...`): its links must not read as a scheme.
CATEGORY_TEXTS = TEXTS
# Text for `tags: a b c`, split on ASCII whitespace only (Unicode spaces stay in the names).
SPLIT_TEXT = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))
        | st.sampled_from(" \t"),
        max_size=16,
    ),
)


def flow_list(items: list[Value]) -> Value:
    return Value("[" + ", ".join(item.yaml for item in items) + "]", [i.data for i in items])


def block_list(items: list[Value]) -> Value:
    """A block sequence (the key's line then `  - item` lines)."""
    return Value("".join(f"\n  - {item.yaml}" for item in items), [i.data for i in items])


def scalars(texts: st.SearchStrategy[str]) -> st.SearchStrategy[Value]:
    """Quoted `texts` mostly, else plain numbers, booleans, nulls and words."""
    strings = texts.map(quoted)
    return st.one_of(strings, strings, st.sampled_from(PLAIN_SCALARS))


def lists(texts: st.SearchStrategy[str]) -> st.SearchStrategy[Value]:
    """Flow and block lists of scalars, and flow lists holding a list."""
    flat = st.builds(
        lambda items, block: block_list(items) if block and items else flow_list(items),
        st.lists(scalars(texts), max_size=3),
        st.booleans(),
    )
    nested = st.builds(
        lambda inner, outer: flow_list([flow_list(inner), *outer]),
        st.lists(texts.map(quoted), max_size=2),
        st.lists(texts.map(quoted), max_size=1),
    )
    return st.one_of(flat, flat, nested)


SCALARS = scalars(TEXTS)
# `tags: 42` (a scalar that is not text) gives no tags, as in Jekyll.
TAG_VALUES = st.one_of(
    lists(TEXTS), SPLIT_TEXT.map(quoted), st.just(Value("", None)), st.sampled_from(PLAIN_SCALARS)
)
CATEGORY_VALUES = st.one_of(
    lists(CATEGORY_TEXTS),
    SPLIT_TEXT.map(quoted),
    scalars(CATEGORY_TEXTS),
)
# `category: false` (or nil) gives no category, as in Jekyll.
CATEGORY = scalars(CATEGORY_TEXTS)
AUTHORS = STRINGS

PUBLISHED = tuple(
    Value(yaml, data)
    for yaml, data in (("true", True), ("false", False), ("yes", True), ("no", False),
                       ("on", True), ("off", False), ("True", True), ("NO", False),
                       ('"false"', "false"), ("'no'", "no"), ("0", 0), ("null", None),
                       ("", None), ('""', ""))
)  # fmt: skip
PERMALINKS = (
    "date", "pretty", "none", "ordinal", "weekdate", "/:categories/:title/",
    "/:year/:month/:title:output_ext", "/blog/:slug/", "/:title", "/../../:title/",
    "/a/../../../:year/:title.html", "/:path/", "/posts/:short_year/:y_day-:title_",
    "/same.html", "/about/", "/x/:hour:minute:second/:name/", "/:slugified_categories/:title/",
    "/", "/tags/", "/tag/:title/", "/page2/", "/:year/",
)  # fmt: skip
FOLDERS = ("", "notes/", "Field Work/", "日本/")


@dataclass(frozen=True)
class PostSpec:
    """One generated post: where its file is and its front matter, key by key."""

    number: int
    folder: str
    day: date
    name: str
    fields: tuple[tuple[str, Value], ...]

    @property
    def path(self) -> str:
        """The file, relative to `docs/`."""
        return f"{self.folder}_posts/{self.day:%Y-%m-%d}-{self.name}.md"

    @property
    def marker(self) -> str:
        """A word only this post's body holds."""
        return f"qzbody{self.number}x"

    def text(self) -> str:
        lines = "".join(f"{key}: {value.yaml}\n" for key, value in self.fields)
        return f"---\n{lines}---\n\nBody of {self.marker} text.\n"

    def get(self, key: str) -> Value | None:
        return dict(self.fields).get(key)

    def line_of(self, key: str) -> int:
        """The line of `key` in the file (1, the opening `---`, when it is absent)."""
        line = 2
        for name, value in self.fields:
            if name == key:
                return line
            line += 1 + value.yaml.count("\n")
        return 1

    @property
    def published(self) -> bool:
        value = self.get("published")
        return value is None or truthy(value.data)

    @property
    def title(self) -> str:
        value = self.get("title")
        if value is not None and truthy(value.data):
            return ruby_text(value.data)
        slug = self.name.rstrip(".")
        return " ".join(w[:1].upper() + w[1:].lower() for w in slug.split("-"))

    @property
    def tags(self) -> list[str]:
        """`Utils.pluralized_array_from_hash(data, "tag", "tags")`, as text."""
        singular, plural = self.get("tag"), self.get("tags")
        if singular is not None and truthy(singular.data):
            return [ruby_text(v) for v in flatten(singular.data)]
        if plural is None:
            return []
        if isinstance(plural.data, str):
            return ruby_split(plural.data)
        if not isinstance(plural.data, list):  # `value_from_plural_key`: String or Array only
            return []
        return [ruby_text(v) for v in flatten(plural.data)]

    @property
    def categories(self) -> list[str]:
        """Folders above `_posts`, then `categories` (text is split), then `category`."""
        names: list[object] = [self.folder.rstrip("/")] if self.folder else []
        plural, singular = self.get("categories"), self.get("category")
        if plural is not None:
            data = plural.data
            names += ruby_split(data) if isinstance(data, str) else flatten(data)
        if singular is not None and truthy(singular.data):
            names += flatten(singular.data)
        return list(dict.fromkeys(ruby_text(v) for v in names))


def ruby_split(text: str) -> list[str]:
    """Ruby's `String#split` without arguments: ASCII whitespace only."""
    return [word for word in re.split(f"[{re.escape(ASCII_SPACE)}]+", text) if word]


@st.composite
def date_values(draw: st.DrawFn, day: date) -> Value:
    """The post's `date:` in one of the ways people write it (always in the past)."""
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    offset = draw(st.sampled_from(["", " +0100", " -0500", " +09:00", "Z"]))
    text = draw(
        st.sampled_from(
            [f"{day:%Y-%m-%d}", f"{day:%Y-%m-%d} {hour:02d}:{minute:02d}:00",
             f"{day:%Y-%m-%d} {hour:02d}:{minute:02d}:00{offset}",
             f"{day:%Y-%m-%d}T{hour:02d}:{minute:02d}:00{offset.strip()}"]
        )
    )  # fmt: skip
    return Value(json.dumps(text) if draw(st.booleans()) else text, text)


@st.composite
def post_specs(draw: st.DrawFn, number: int) -> PostSpec:
    day = draw(st.dates(date(2000, 1, 1), date(2023, 12, 31)))
    fields: dict[str, Value] = {}
    optional = {
        "title": SCALARS,
        "date": date_values(day),
        "tags": TAG_VALUES,
        "tag": SCALARS,
        "categories": CATEGORY_VALUES,
        "category": CATEGORY,
        "published": st.sampled_from(PUBLISHED),
        "permalink": st.sampled_from(PERMALINKS).map(quoted),
        "slug": STRINGS,
        "subtitle": STRINGS,
        "author": AUTHORS,
        "description": STRINGS,
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=7)):
        fields[key] = draw(optional[key])
    return PostSpec(
        number=number,
        folder=draw(st.sampled_from(FOLDERS)),
        day=day,
        name=draw(st.text(NAME_CHARS, max_size=20)),
        fields=tuple(fields.items()),
    )


@dataclass(frozen=True)
class SiteSpec:
    posts: tuple[PostSpec, ...]
    theme: str
    paginate: int

    def docs(self) -> dict[str, str | bytes]:
        files: dict[str, str | bytes] = {p.path: p.text() for p in self.posts}
        files["about.md"] = "# About\n\nThe about page.\n"
        return files


@st.composite
def sites(draw: st.DrawFn) -> SiteSpec:
    count = draw(st.sampled_from((3, 6, 1, 4, 2, 5)))
    posts = [draw(post_specs(number)) for number in range(count)]
    unique = tuple({post.path: post for post in posts}.values())
    return SiteSpec(
        posts=unique,
        theme=draw(st.sampled_from(["mkdocs", "mkdocs", "material"])),
        paginate=draw(st.sampled_from([2, 3, 10])),
    )


# Reading the built site


class SiteReader:
    """The built site's files, each parsed once."""

    def __init__(self, site: BuiltSite) -> None:
        self.site = site
        self._soups: dict[str, BeautifulSoup] = {}

    def soup(self, page: str) -> BeautifulSoup:
        if page not in self._soups:
            self._soups[page] = BeautifulSoup(self.site.read(page), "html.parser")
        return self._soups[page]

    def html_pages(self) -> list[str]:
        return [f for f in self.site.files() if f.endswith(".html")]

    def marker_of(self, page: str) -> int:
        found = {int(n) for n in BODY_MARKER.findall(self.site.read(page))}
        assert len(found) == 1, f"{page} holds the bodies of posts {sorted(found)}"
        return found.pop()

    def chips(self, page: str, kind: str) -> list[tuple[str, str]]:
        """The (text, target file) of the post header's `kind` chips."""
        header = self.soup(page).select("header.reeblog-post-header")
        assert len(header) == 1, f"{page}: {len(header)} post headers"
        chips = header[0].select(f".reeblog-{kind}")
        links = [chip for chip in chips if chip.name == "a"]
        assert links == chips, f"{page}: a {kind} without a page"
        return [(words(c.get_text()), href_file(self.site, page, str(c["href"]))) for c in links]


def words(text: str) -> str:
    """Text with its runs of whitespace made one space (as a browser shows it)."""
    return " ".join(text.split())


def dropped_posts(site: BuiltSite, spec: SiteSpec) -> set[str]:
    """Posts the plugin left out with a warning; fails on any warning it should not give.

    Generated posts are valid: only URL collisions (with each other, with `about.md` or with a
    generated listing page) may leave one out. Every warning names its file and line, except
    the taxonomy ones.
    """
    posts = {f"docs/{post.path}": post for post in spec.posts}
    dropped: set[str] = set()
    for message in plugin_messages(site, logging.WARNING):
        if TAXONOMY_WARNING.match(message):
            continue
        found = FILE_WARNING.match(message)
        assert found, f"a warning without PATH:LINE: {message!r}"
        post = posts.get(found.group(1))
        assert post is not None, message
        assert int(found.group(2)) == post.line_of("permalink"), message
        assert COLLISION.search(found.group(3)), message
        dropped.add(post.path)
    others = [
        record.getMessage()
        for record in site.records
        if record.levelno >= logging.WARNING and "reeblog" not in record.name
    ]
    assert others == [], others
    return dropped


def check_index(reader: SiteReader, expected: list[PostSpec]) -> dict[int, str]:
    """Each published post is on the blog index once; returns each post's file by number."""
    site = reader.site
    files = listed_posts(site, "index.html")
    numbers = [reader.marker_of(page) for page in files]
    assert Counter(numbers) == Counter(p.number for p in expected), files
    by_number = dict(zip(numbers, files, strict=True))
    for post in expected:
        page = by_number[post.number]
        title = reader.soup(page).select("header.reeblog-post-header h1")
        assert [words(t.get_text()) for t in title] == [words(post.title)], page
    return by_number


def check_terms(reader: SiteReader, expected: list[PostSpec], files: dict[int, str]) -> None:
    """Chips show each post's names and lead to pages listing exactly the posts that carry them."""
    site = reader.site
    for kind, index in (("tag", "tags/index.html"), ("category", "categories/index.html")):
        carriers: dict[str, set[str]] = {}
        for post in expected:
            names = post.tags if kind == "tag" else post.categories
            chips = reader.chips(files[post.number], kind)
            prefix = "#" if kind == "tag" else ""
            assert [text for text, _ in chips] == [words(prefix + n) for n in dict.fromkeys(names)]
            for _, target in chips:
                carriers.setdefault(target, set()).add(files[post.number])
        for page, posts in carriers.items():
            assert sorted(listed_posts(site, page)) == sorted(posts), page
        links = reader.soup(index).select("ul.reeblog-term-index a")
        assert {href_file(site, index, str(a["href"])) for a in links} == set(carriers), index


def check_no_markup(reader: SiteReader) -> None:
    """No script, element or `javascript:` URL made from front-matter text, in any page; no
    link whose path reads as a URL scheme (`a:/b.html`)."""
    for page in reader.html_pages():
        soup = reader.soup(page)
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.get_text())
            else:
                assert "alert" not in script.get_text(), f"{page}: {script}"
        for element in soup.find_all(True):
            assert not (element.name in ("b", "i") and MARK in element.get_text()), page
            for name, value in element.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                if name in URL_ATTRIBUTES or (
                    name == "content" and element.get("property") in URL_PROPERTIES
                ):
                    scheme = urlsplit(text.strip()).scheme.lower()
                    assert scheme in SCHEMES, f"{page}: {element}"
                assert not (name.startswith("on") and "alert" in text), f"{page}: {element}"
                assert MARK not in name, f"{page}: {element}"


def check_feed(site: BuiltSite, expected: list[PostSpec]) -> None:
    """The feed parses (XML and feedparser) and holds every post (at most 6, under the limit
    of 10) with its title."""
    raw = (site.site / "feed.xml").read_bytes()
    root = ET.fromstring(raw)
    titles = [entry.findtext(f"{ATOM}title") or "" for entry in root.iter(f"{ATOM}entry")]
    assert Counter(titles) == Counter(post.title for post in expected)
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.get("title", "") for entry in parsed.entries] == [t.strip() for t in titles]


def check_files(site: BuiltSite, expected: list[PostSpec], files: dict[int, str]) -> None:
    """Unpublished and dropped posts are nowhere; sitemap and search index name real pages."""
    shown = {post.number for post in expected}
    for path in site.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js", ".txt"):
            rel = path.relative_to(site.site).as_posix()
            numbers = {int(n) for n in BODY_MARKER.findall(path.read_text(encoding="utf-8"))}
            assert numbers <= shown, f"{rel} shows posts {sorted(numbers - shown)}"
    for post in expected:
        assert post.marker in site.read(files[post.number])
    sitemap = ET.fromstring((site.site / "sitemap.xml").read_bytes())
    base = "https://blog.example.org/"
    for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        url = loc.text or ""
        assert url.startswith(base), url
        href_file(site, "index.html", url.removeprefix(base))
    search = json.loads(site.read("search/search_index.json"))
    for doc in search["docs"]:
        href_file(site, "index.html", doc["location"])


def check_written_inside(site: BuiltSite, tmp_path: Path) -> None:
    """Every file of the build is in `site/` (besides the project's own `docs/`, `mkdocs.yml`)."""
    assert {p.name for p in site.root.iterdir()} == {"docs", "site", "mkdocs.yml"}
    assert all(re.fullmatch(r"project\d+", p.name) for p in tmp_path.iterdir())
    strays = [p for p in tmp_path.parent.iterdir() if not p.is_dir() and p.name != ".lock"]
    assert strays == []


def build_and_check(build_site: SiteBuilder, tmp_path: Path, spec: SiteSpec) -> None:
    site = build_site(spec.docs(), theme=spec.theme, plugin_options=f"paginate: {spec.paginate}")
    try:
        assert site.ok, site.messages()
        assert_no_traceback(site)
        dropped = dropped_posts(site, spec)
        expected = [p for p in spec.posts if p.published and p.path not in dropped]
        reader = SiteReader(site)
        files = check_index(reader, expected)
        check_terms(reader, expected, files)
        check_no_markup(reader)
        check_feed(site, expected)
        check_files(site, expected, files)
        check_written_inside(site, tmp_path)
    finally:
        shutil.rmtree(site.root)


def spec(number: int, path: str, *fields: tuple[str, Value], folder: str = "") -> PostSpec:
    """A post for a regression example: `path` is `YYYY-MM-DD-name`."""
    day, name = date.fromisoformat(path[:10]), path[11:]
    return PostSpec(number, folder, day, name, fields)


LEADING_SPACE = SiteSpec(
    posts=(
        spec(0, "2020-07-21-)1", ("tags", quoted(" é;ľUÄ×")),
             ("description", quoted("javascript:alert(1)"))),
    ),
    theme="mkdocs",
    paginate=2,
)  # fmt: skip
"""Found by Hypothesis: a text of tags starting with a space (Ruby drops the empty first word);
a description that looks like a URL is text, not a link."""
COLLISIONS = SiteSpec(
    posts=(
        spec(0, "2021-01-02-it's a 日本 🚀", ("permalink", quoted("/about/")),
             ("title", quoted("Dropped")), folder="Field Work/"),
        spec(1, "2021-01-03-same", ("permalink", quoted("/same.html")),
             ("title", quoted("<script>alert(1)</script>")),
             ("tags", flow_list([quoted(f"<b>{MARK}</b>"), quoted("C#"), quoted("C++")])),
             ("category", quoted("../../etc"))),
        spec(2, "2021-01-04-same2", ("permalink", quoted("/same.html"))),
        spec(3, "2021-01-05-hidden", ("published", Value("no", False)),
             ("tags", quoted("secret-tag")), folder="notes/"),
        spec(4, "2021-01-06-", ("tags", block_list([quoted(""), Value("42", 42)])),
             ("author", quoted(f"<i>{MARK}</i>"))),
    ),
    theme="material",
    paginate=2,
)  # fmt: skip
"""A post at the URL of `about.md`, two posts at one URL, an unpublished post with a tag of its
own, an empty file name, an empty tag and hostile names, with Material."""


@settings(PROFILE)
@given(spec=sites())
@example(spec=LEADING_SPACE)
@example(spec=COLLISIONS)
def test_random_blogs_build_as_jekyll_says(
    build_site: SiteBuilder, tmp_path: Path, spec: SiteSpec
) -> None:
    build_and_check(build_site, tmp_path, spec)
