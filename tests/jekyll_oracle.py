"""The Jekyll oracle harness: build one set of posts with real Jekyll and with the plugin.

A *case* is a Jekyll site source (folders holding `_posts/`, plus `_includes/` when posts include
files) and the `_config.yml` settings that matter for posts. `build_case` builds it three ways:

* real Jekyll (`tests/data/jekyll-oracle` copied into a tmp folder, its `_config.yml` adjusted,
  `jekyll build -d _site --future`), read back from the oracle's `_site/urls.json`;
* the package's pure API (`find_post_source`, `read_post`, `resolve_settings`, `build_index`);
* a real MkDocs build with the `reeblog` plugin (theme `mkdocs`), reading the same `_config.yml`.

The three answers land in a `CaseResult` that tests compare post by post.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_reeblog.blog.index import BlogIndex, build_index
from mkdocs_reeblog.jekyll.frontmatter import JEKYLL_FRONT_MATTER
from mkdocs_reeblog.jekyll.posts import Post, PostSource, find_post_source, read_post
from mkdocs_reeblog.jekyll.problems import PostError
from mkdocs_reeblog.jekyll.settings import read_jekyll_config, resolve_settings
from mkdocs_reeblog.plugin import ReeblogPlugin
from tests.conftest import DATA, write_files

__all__ = [
    "BLOGS",
    "BLOG_NAMES",
    "CORPORA",
    "CORPUS_NAMES",
    "EDGE_CASES",
    "KEPT_AS_WRITTEN",
    "Case",
    "CaseBuilder",
    "CaseResult",
    "JekyllArchive",
    "JekyllPost",
    "MkDocsBuild",
    "OurPost",
    "blog_case",
    "blog_cases",
    "build_case",
    "build_with_includes",
    "cached_build_with_includes",
    "cached_case",
    "case_builder",
    "corpus_case",
    "corpus_cases",
    "edge_case",
    "folder_files",
    "jekyll_archives",
    "jekyll_content",
    "jekyll_facts",
    "jekyll_page",
    "jekyll_text",
    "our_content",
    "our_facts",
    "output_file",
    "post_body",
    "real_blog_cases",
    "run_jekyll",
    "site_case",
    "xmlschema",
]

ORACLE = DATA / "jekyll-oracle"
CORPORA = DATA / "corpora"
EDGE_CASES = DATA / "edge_cases"
CORPUS_NAMES = ("18f", "galena", "huxpro", "jekyll-docs")
BLOGS = Path(__file__).resolve().parent / "data" / "blogs"
"""Real blogs of other themes than the corpora's (see `tests/data/blogs/SOURCES.md`)."""
BLOG_NAMES = ("pyopensci", "lynkos")
SITE_URL = "https://oracle.example.org/"
JEKYLL_TIMEOUT = 180
POSTS_DIR = "_posts"

# `_config.yml` keys of a corpus that decide what Jekyll makes of its posts.
_POST_SETTINGS = (
    "permalink",
    "timezone",
    "url",
    "baseurl",
    "excerpt_separator",
    "future",
    "defaults",
)
_NOT_SITE_FILES = frozenset({"_config.yml", "LICENSE"})
"""Files beside a blog's `_posts` that are not part of the site given to Jekyll."""

# A corpus's own Liquid (18F's `_plugins/`) and links/includes of files a corpus does not ship
# make Jekyll stop; the oracle only reports what Jekyll decides about posts, never their bodies.
STUBS_RB = """\
# Written by tests/jekyll_oracle.py: stubs for Liquid that is not Jekyll's own.
module OracleStubs
  class Blank < Liquid::Tag
    def render(_context) = ""
  end

  class LenientLink < Jekyll::Tags::Link
    def render(context)
      super
    rescue ArgumentError
      ""
    end
  end

  class LenientInclude < Jekyll::Tags::IncludeTag
    def render(context)
      super
    rescue IOError
      ""
    end
  end

  module Filters
    def team_photo(_input, *) = ""
    def team_link(input, *) = input.to_s
    def embed(input, *) = input.to_s
    def lookup(input, *) = input.to_s
  end
end

Liquid::Template.register_tag("oembed", OracleStubs::Blank)
Liquid::Template.register_tag("link", OracleStubs::LenientLink)
Liquid::Template.register_tag("include", OracleStubs::LenientInclude)
Liquid::Template.register_filter(OracleStubs::Filters)
"""

KEPT_AS_WRITTEN = re.compile(r"\{% oembed [^%]*%\}")
"""18F's own `{% oembed URL %}` tag: a stub writes nothing in the oracle (`STUBS_RB`); the plugin
does not know it, warns and leaves it as written. Tests take it out of the plugin's side before
comparing bodies."""

# Every page jekyll-archives generates (`site.archives`), those that another page overwrites
# included: type (`tag`, `category`, `year`, `month`, `day`), title (the name as written in
# the front matter; null for dates and for names that are not strings), URL and posts' URLs.
ARCHIVES_JSON = """\
---
layout: null
permalink: /archives.json
---
[{% for a in site.archives %}
  {"type": {{ a.type | jsonify }}, "title": {{ a.title | jsonify }}, "url": {{ a.url | jsonify }},
   "posts": [{% for p in a.posts %}
     {{ p.url | jsonify }}{% unless forloop.last %},{% endunless %}{% endfor %}
   ]}{% unless forloop.last %},{% endunless %}{% endfor %}
]
"""


@dataclass(frozen=True)
class Case:
    """A Jekyll site source and the `_config.yml` settings it is built with."""

    name: str
    files: Mapping[str, bytes] = field(repr=False)
    """Paths relative to the site source (`_posts/...`, `geology/_posts/...`, `_includes/...`)."""
    config: Mapping[str, Any] = field(default_factory=dict)
    """Keys set in the oracle's `_config.yml` (`permalink`, `timezone`, ...)."""

    def post_files(self) -> dict[str, bytes]:
        """The files inside `_posts` folders: what MkDocs gets in `docs_dir`."""
        return {rel: data for rel, data in self.files.items() if POSTS_DIR in rel.split("/")[:-1]}


@dataclass(frozen=True)
class JekyllPost:
    """One entry of the oracle's `urls.json`, values as Jekyll's `jsonify` wrote them."""

    path: str
    url: str
    id: str
    slug: Any
    date: str
    title: Any
    categories: list[Any]
    tags: list[Any]


@dataclass(frozen=True)
class JekyllArchive:
    """One page jekyll-archives generated, as `archives.json` lists it."""

    type: str
    title: Any
    """Jekyll's `page.title`: the tag or category when it is a string, else None."""
    url: str
    posts: list[str]
    """The URLs of its posts, newest first."""
    name: Any = None
    """The tag or category as the front matter has it (any YAML value); None for dates."""


@dataclass(frozen=True)
class OurPost:
    """What the plugin makes of one file: a post, or why it is left out."""

    source: PostSource | str | None
    post: Post | None = None
    error: PostError | None = None


@dataclass
class CaseResult:
    """The three builds of one case."""

    case: Case
    jekyll: dict[str, JekyllPost]
    """Posts Jekyll published, by source path (relative to the site source)."""
    jekyll_site: Path
    ours: dict[str, OurPost]
    """Every file of `_posts` folders, by source path."""
    index: BlogIndex
    """The posts the pure API publishes."""
    mkdocs_site: Path
    mkdocs_posts: dict[str, Post]
    """The posts the plugin published in the real MkDocs build, by source path."""
    log: list[logging.LogRecord]
    """What MkDocs and the plugin logged during the build."""

    def log_messages(self, level: int = logging.INFO) -> list[str]:
        return [r.getMessage() for r in self.log if r.levelno >= level]

    def published(self) -> dict[str, Post]:
        """The posts the pure API publishes, by source path."""
        return {entry.post.source.src_uri: entry.post for entry in self.index}


def folder_files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by `/`-separated relative path, as bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def site_case(name: str, root: Path) -> Case:
    """The Jekyll blog under `root` as a case, with its `_config.yml`'s post settings.

    The site source is the folder holding `_posts` (jekyll-docs keeps it under `docs/`), and
    `collections.posts.permalink` is kept (jekyll-docs sets its permalink there). The front
    matter `defaults:` reach both Jekyll and the plugin.
    """
    source = min(
        (p.parent for p in root.rglob(POSTS_DIR) if p.is_dir()), key=lambda p: len(p.parts)
    )
    site_config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    config = {key: site_config[key] for key in _POST_SETTINGS if key in site_config}
    posts_collection = (site_config.get("collections") or {}).get("posts")
    if posts_collection:
        config["collections"] = {"posts": posts_collection}
    files = {rel: data for rel, data in folder_files(source).items() if rel not in _NOT_SITE_FILES}
    return Case(name, files, config)


def corpus_case(name: str) -> Case:
    """A corpus of tests/data/corpora as a case (see `site_case`)."""
    return site_case(name, CORPORA / name)


def blog_case(name: str) -> Case:
    """A blog of tests/data/blogs as a case (see `site_case`)."""
    return site_case(name, BLOGS / name)


def corpus_cases() -> dict[str, Callable[[], Case]]:
    """The four corpora as cases, named `corpus:NAME` (the names the differential tests use)."""
    return {f"corpus:{name}": partial(corpus_case, name) for name in CORPUS_NAMES}


def blog_cases() -> dict[str, Callable[[], Case]]:
    """The blogs of tests/data/blogs as cases, named `blog:NAME`."""
    return {f"blog:{name}": partial(blog_case, name) for name in BLOG_NAMES}


def real_blog_cases() -> dict[str, Callable[[], Case]]:
    """Every real blog the tests hold: the corpora and the blogs of tests/data/blogs."""
    return {**corpus_cases(), **blog_cases()}


def edge_case(name: str, folder: str, **config: Any) -> Case:
    """A folder of tests/data/edge_cases as a case, built with the `_config.yml` keys `config`."""
    return Case(name, folder_files(EDGE_CASES / folder), config)


def jekyll_text(value: Any) -> str:
    """A JSON value from `urls.json` as text, the way Ruby's `to_s` would print it."""
    if isinstance(value, str):
        return value
    return "" if value is None else json.dumps(value)


def xmlschema(moment: datetime) -> str:
    """Liquid's `date_to_xmlschema` of an aware datetime."""
    return moment.replace(microsecond=0).isoformat()


def jekyll_facts(post: JekyllPost) -> dict[str, Any]:
    """What the tests compare, from Jekyll's `urls.json`, every value as text."""
    return {
        "url": post.url,
        "date": post.date,
        "slug": jekyll_text(post.slug),
        "title": jekyll_text(post.title),
        "categories": [jekyll_text(c) for c in post.categories],
        "tags": [jekyll_text(t) for t in post.tags or []],
        "id": post.id,
    }


def our_facts(post: Post) -> dict[str, Any]:
    """What the tests compare, from one of the plugin's posts, in `urls.json`'s format."""
    return {
        "url": post.url,
        "date": xmlschema(post.date),
        "slug": post.slug,
        "title": post.title,
        "categories": list(post.categories),
        "tags": list(post.tags),
        "id": post.id,
    }


def output_file(url: str) -> str:
    """The file Jekyll writes for a post URL (`Document#destination`), relative to `_site`."""
    path = unquote(url).lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    if "." not in path.rsplit("/", 1)[-1]:
        return path + ".html"
    return path


def _site_config(case: Case) -> dict[str, Any]:
    """The oracle's `_config.yml` with the case's settings."""
    config = yaml.safe_load((ORACLE / "_config.yml").read_text(encoding="utf-8"))
    config.update(case.config)
    return config


def run_jekyll(
    case: Case, root: Path, config: dict[str, Any]
) -> tuple[dict[str, JekyllPost], Path]:
    """Build `case` with real Jekyll under `root`; the published posts and the `_site` folder."""
    site = root / "jekyll"
    shutil.copytree(ORACLE, site)
    write_files(site, dict(case.files))
    write_files(site, {"_plugins/stubs.rb": STUBS_RB, "archives.json": ARCHIVES_JSON})
    (site / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    done = subprocess.run(
        ["jekyll", "build", "-d", "_site", "--future"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=JEKYLL_TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(
            f"jekyll build of case {case.name!r} failed:\n{done.stdout}\n{done.stderr}"
        )
    data = json.loads((site / "_site" / "urls.json").read_text(encoding="utf-8"))
    posts = [
        JekyllPost(**{k: entry[k] for k in JekyllPost.__dataclass_fields__})
        for entry in data["posts"]
    ]
    return {post.path: post for post in posts}, site / "_site"


def _decode(raw: bytes) -> str:
    """A post's text as Jekyll reads it: UTF-8 without a byte-order mark, CRLF as `\\n` (a lone
    CR is no newline to Jekyll's front-matter pattern)."""
    return raw.decode("utf-8-sig").replace("\r\n", "\n")


def _pure_api(case: Case, config_file: Path) -> tuple[dict[str, OurPost], BlogIndex]:
    """Every post file of `case` read with the package's pure API, and the published index."""
    settings = resolve_settings(
        {"future": True}, read_jekyll_config(config_file), site_url=SITE_URL
    )
    ours: dict[str, OurPost] = {}
    for rel, raw in case.post_files().items():
        source = find_post_source(rel)
        if not isinstance(source, PostSource):
            ours[rel] = OurPost(source)
            continue
        try:
            post = read_post(source, f"docs/{rel}", _decode(raw), settings)
        except PostError as error:
            ours[rel] = OurPost(source, error=error)
            continue
        ours[rel] = OurPost(source, post)
    published = [
        o.post
        for o in ours.values()
        if o.post is not None and o.post.published and o.post.source.is_markdown
    ]
    index, problems = build_index(published, taken={}, use_directory_urls=True)
    assert not problems, f"case {case.name!r}: posts collide: {problems}"
    return ours, index


class _Records(logging.Handler):
    """Keeps every record logged under `mkdocs` while a build runs."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _recording(name: str) -> Iterator[_Records]:
    logger = logging.getLogger(name)
    handler, level = _Records(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _run_mkdocs(
    case: Case, root: Path, config_file: Path
) -> tuple[Path, dict[str, Post], list[logging.LogRecord]]:
    """Build the posts of `case` with real MkDocs; the site, the plugin's posts and the log."""
    project = root / "mkdocs"
    write_files(project / "docs", dict(case.post_files()))
    (project / "mkdocs.yml").write_text(
        f"site_name: Oracle comparison\nsite_url: {SITE_URL}\ntheme:\n  name: mkdocs\n"
        f"plugins:\n  - reeblog:\n      jekyll_config: {config_file}\n      future: true\n",
        encoding="utf-8",
    )
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    plugin = config.plugins["reeblog"]
    assert isinstance(plugin, ReeblogPlugin)
    with _recording("mkdocs") as records:
        try:
            build(config)
            posts = {entry.post.source.src_uri: entry.post for entry in plugin.build.index}
        finally:
            config.plugins.on_shutdown()
    return project / "site", posts, records.records


def build_case(case: Case, root: Path) -> CaseResult:
    """Build `case` with Jekyll, the pure API and MkDocs, in the empty folder `root`."""
    root.mkdir(parents=True, exist_ok=True)
    config = _site_config(case)
    jekyll, jekyll_site = run_jekyll(case, root, config)
    # Both sides read the very `_config.yml` Jekyll was built with.
    config_file = root / "jekyll" / "_config.yml"
    ours, index = _pure_api(case, config_file)
    mkdocs_site, mkdocs_posts, log = _run_mkdocs(case, root, config_file)
    return CaseResult(case, jekyll, jekyll_site, ours, index, mkdocs_site, mkdocs_posts, log)


def jekyll_archives(result: CaseResult) -> list[JekyllArchive]:
    """Every archive page jekyll-archives generated in the Jekyll build of `result`.

    Tag (category) pages come in the order of `site.tags` (`site.categories`): both iterate
    `Site#post_attr_hash`, whose keys give each page its `name`, strings or not.
    """
    site = result.jekyll_site
    data = json.loads((site / "archives.json").read_text(encoding="utf-8"))
    keys = json.loads((site / "urls.json").read_text(encoding="utf-8"))
    names = {"tag": iter(keys["site_tags"]), "category": iter(keys["site_categories"])}
    archives = []
    for entry in data:
        name = next(names[entry["type"]]) if entry["type"] in names else None
        assert entry["title"] in (None, name), f"archives.json out of step at {entry}"
        archives.append(JekyllArchive(**entry, name=name))
    for rest in names.values():
        assert next(rest, None) is None, "archives.json misses pages"
    return archives


_BUILT: dict[str, CaseResult] = {}


def cached_case(
    name: str, make: Callable[[], Case], tmp_path_factory: pytest.TempPathFactory
) -> CaseResult:
    """The case `name` (made by `make`) built once per test session, whichever module asks.

    Session fixtures of different test modules share the builds through this cache.
    """
    if name not in _BUILT:
        folder = tmp_path_factory.mktemp(re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-"))
        _BUILT[name] = build_case(make(), folder)
    return _BUILT[name]


CaseBuilder = Callable[[str], CaseResult]


def case_builder(
    cases: Mapping[str, Callable[[], Case]], tmp_path_factory: pytest.TempPathFactory
) -> CaseBuilder:
    """What a session fixture hands its tests: the result of a case of `cases`, by name,
    built on first use (see `cached_case`)."""
    return lambda name: cached_case(name, cases[name], tmp_path_factory)


INCLUDES_DIR = "_includes"


@dataclass(frozen=True)
class MkDocsBuild:
    """One more real MkDocs build of a case's posts."""

    site: Path
    posts: dict[str, Post]
    """The posts the plugin published, by source path."""
    log: list[logging.LogRecord]


def build_with_includes(result: CaseResult, root: Path) -> MkDocsBuild:
    """The posts of `result`'s case built again with real MkDocs in the empty folder `root`, this
    time with the case's `_includes/` folder in `docs_dir` (the plugin's `includes_dir`), as
    Jekyll had it; the plugin reads the `_config.yml` the Jekyll build of `result` used.

    `build_case` gives MkDocs the `_posts` folders only; this build is for comparing what posts
    render to, includes and all.
    """
    includes: dict[str, str | bytes] = {
        rel: data for rel, data in result.case.files.items() if rel.split("/", 1)[0] == INCLUDES_DIR
    }
    write_files(root / "mkdocs" / "docs", includes)
    site, posts, log = _run_mkdocs(result.case, root, result.jekyll_site.parent / "_config.yml")
    return MkDocsBuild(site, posts, log)


def jekyll_page(result: CaseResult, src: str) -> Path:
    """The file Jekyll wrote for the post at source path `src` of `result`."""
    return result.jekyll_site / output_file(result.jekyll[src].url)


_BUILT_WITH_INCLUDES: dict[str, MkDocsBuild] = {}


def cached_build_with_includes(
    name: str, result: CaseResult, tmp_path_factory: pytest.TempPathFactory
) -> MkDocsBuild:
    """`build_with_includes` of the case `name` (built as `result`), once per test session,
    whichever module asks."""
    if name not in _BUILT_WITH_INCLUDES:
        folder = tmp_path_factory.mktemp(re.sub(r"[^A-Za-z0-9]+", "-", f"{name}-includes"))
        _BUILT_WITH_INCLUDES[name] = build_with_includes(result, folder)
    return _BUILT_WITH_INCLUDES[name]


def post_body(raw: bytes) -> str:
    """A post's body, as Jekyll splits it from its front matter."""
    text = _decode(raw)
    match = JEKYLL_FRONT_MATTER.match(text)
    return text[match.end() :] if match else text


# Where the oracle's layouts (tests/data/jekyll-oracle/_layouts) put a post's `{{ content }}`:
# `post` inside its `<div class="post-content">`, `default` inside `<main>`; a post whose layout
# the oracle lacks is written bare.
_ORACLE_LAYOUTS = (
    ('  <div class="post-content">\n', "\n  </div>\n</article>"),
    ("<main>\n", "\n</main>"),
)
# What the `mkdocs` theme (the oracle's MkDocs builds) writes after a page's content.
_THEME_END = '</div>\n            </div>\n        </div>\n\n        <footer class="col-md-12">'
_POST_HEADER = '<header class="reeblog-post-header"'


def jekyll_content(result: CaseResult, src: str) -> str:
    """The HTML Jekyll rendered for the body of the post `src` (its layout left out)."""
    html = jekyll_page(result, src).read_text(encoding="utf-8")
    for start, end in _ORACLE_LAYOUTS:
        if start in html:
            return html[html.index(start) + len(start) : html.rindex(end)]
    return html


def our_content(site: Path, post: Post) -> str:
    """The HTML the plugin rendered for the body of `post` in the MkDocs build at `site`: what
    follows the post's header, up to the end of the theme's content."""
    html = (site / output_file(post.url)).read_text(encoding="utf-8")
    start = html.index("</header>", html.index(_POST_HEADER)) + len("</header>")
    return html[start : html.rindex(_THEME_END)]
