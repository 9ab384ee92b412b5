"""Which files are posts, and what Jekyll reads from each (reference sections 1.1-1.9)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from mkdocs_reeblog.jekyll.dates import load_timezone
from mkdocs_reeblog.jekyll.posts import Post, PostSource, find_post_source, read_post
from mkdocs_reeblog.jekyll.problems import PostError
from mkdocs_reeblog.jekyll.settings import Settings, SiteAddress
from mkdocs_reeblog.jekyll.urls import permalink_template
from tests.html_helpers import post_text

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)
SETTINGS = Settings(now=NOW, address=SiteAddress.from_urls("https://galena.es/"))


def source(src_uri: str) -> PostSource:
    found = find_post_source(src_uri)
    assert isinstance(found, PostSource), found
    return found


def post(
    front_matter: str | None = None,
    src_uri: str = "_posts/2021-02-13-a-post.md",
    settings: Settings = SETTINGS,
    body: str = "Body text.\n",
) -> Post:
    """Read a post whose file holds `front_matter` (YAML lines, None for no front matter)."""
    text = post_text(front_matter, body, blank_line=False)
    return read_post(source(src_uri), f"docs/{src_uri}", text, settings)


def post_error(front_matter: str, settings: Settings = SETTINGS) -> PostError:
    with pytest.raises(PostError) as caught:
        post(front_matter, settings=settings)
    return caught.value


# --- find_post_source ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src_uri", "categories", "date_text", "name", "ext", "inner_path"),
    [
        ("_posts/2024-03-15-x.md", (), "2024-03-15", "x", ".md", "2024-03-15-x.md"),
        ("es/_posts/2021-03-04-spanish.md", ("es",), "2021-03-04", "spanish", ".md",
         "2021-03-04-spanish.md"),
        ("geology/mining/_posts/2021-03-04-x.md", ("geology", "mining"), "2021-03-04", "x", ".md",
         "2021-03-04-x.md"),
        ("_posts/sub/2021-03-03-x.md", (), "2021-03-03", "x", ".md", "sub/2021-03-03-x.md"),
        ("_posts/sub/_under/2021-03-03-x.md", (), "2021-03-03", "x", ".md",
         "sub/_under/2021-03-03-x.md"),
        ("_posts/2020-1-5-single-digit.md", (), "2020-1-5", "single-digit", ".md",
         "2020-1-5-single-digit.md"),
        ("_posts/24-01-01-short-year.md", (), "24-01-01", "short-year", ".md",
         "24-01-01-short-year.md"),
        ("_posts/2021-02-05-post with spaces.md", (), "2021-02-05", "post with spaces", ".md",
         "2021-02-05-post with spaces.md"),
        ("_posts/2021-02-03-Denmark's_North_Sea_Oil.md", (), "2021-02-03",
         "Denmark's_North_Sea_Oil", ".md", "2021-02-03-Denmark's_North_Sea_Oil.md"),
        ("_posts/2021-02-06-café-über.md", (), "2021-02-06", "café-über", ".md",
         "2021-02-06-café-über.md"),
        ("_posts/2025-02-17-The-Timeless-Allure.dm", (), "2025-02-17",
         "The-Timeless-Allure", ".dm", "2025-02-17-The-Timeless-Allure.dm"),
        ("_posts/2021-02-01-trailing-dots...md", (), "2021-02-01", "trailing-dots..", ".md",
         "2021-02-01-trailing-dots...md"),
        ("_posts/2021-02-01-x.markdown", (), "2021-02-01", "x", ".markdown",
         "2021-02-01-x.markdown"),
    ],
)  # fmt: skip
def test_posts(
    src_uri: str,
    categories: tuple[str, ...],
    date_text: str,
    name: str,
    ext: str,
    inner_path: str,
) -> None:
    found = source(src_uri)
    assert found.draft is False
    assert (found.dir_categories, found.date_text, found.name, found.ext) == (
        categories,
        date_text,
        name,
        ext,
    )
    assert found.inner_path == inner_path
    assert found.src_uri == src_uri


@pytest.mark.parametrize(
    ("src_uri", "categories", "name"),
    [
        ("_drafts/a-draft-about-cobalt.md", (), "a-draft-about-cobalt"),
        ("mining/_drafts/2024-01-01-dated.md", ("mining",), "2024-01-01-dated"),
    ],
)
def test_drafts(src_uri: str, categories: tuple[str, ...], name: str) -> None:
    found = source(src_uri)
    assert found.draft is True
    assert (found.dir_categories, found.date_text, found.name) == (categories, None, name)


@pytest.mark.parametrize(
    ("src_uri", "markdown"),
    [
        ("_posts/2021-01-01-a.md", True),
        ("_posts/2021-01-01-a.markdown", True),
        ("_posts/2021-01-01-a.MD", True),
        ("_posts/2021-01-01-a.dm", False),
        ("_posts/2021-01-01-a.html", False),
    ],
)
def test_markdown_extensions(src_uri: str, markdown: bool) -> None:
    assert source(src_uri).is_markdown is markdown


@pytest.mark.parametrize(
    "src_uri",
    [
        "index.md",
        "about/index.md",
        "posts/2024-01-01-x.md",
        "docs_posts/2024-01-01-x.md",
        "_posts",
        "_private/_posts/2024-01-01-x.md",
        ".hidden/_posts/2024-01-01-x.md",
        "~backup/_posts/2024-01-01-x.md",
        "#tmp/_drafts/x.md",
    ],
)
def test_files_that_are_not_posts(src_uri: str) -> None:
    assert find_post_source(src_uri) is None


@pytest.mark.parametrize(
    ("src_uri", "words"),
    [
        ("_posts/notes-without-date.md", "YYYY-MM-DD-name.md"),
        ("_posts/2024-01-01-no-extension", "YYYY-MM-DD-name.md"),
        ("_posts/2024-1-x.md", "YYYY-MM-DD-name.md"),
        ("_posts/12024-01-01-x.md", "YYYY-MM-DD-name.md"),
        ("_drafts/no-extension", "extension"),
        ("_posts/.2024-01-01-hidden.md", "start with"),
        ("_posts/_2024-01-01-x.md", "start with"),
        ("_posts/#2024-01-01-x.md", "start with"),
        ("_posts/2024-01-01-x.md~", "end with '~'"),
        ("_posts/_sub/2024-01-01-x.md", "start with"),
        ("_posts/~sub/2024-01-01-x.md", "start with"),
        ("_posts/sub/.dot/2024-01-01-x.md", "start with"),
        ("_drafts/.x.md", "start with"),
    ],
)
def test_files_in_posts_that_jekyll_leaves_out(src_uri: str, words: str) -> None:
    reason = find_post_source(src_uri)
    assert isinstance(reason, str)
    assert words in reason


# --- title, slug, URL ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src_uri", "title", "slug", "url"),
    [
        ("_posts/2021-02-22-empty-front-matter.md", "Empty Front Matter", "empty-front-matter",
         "/2021/02/22/empty-front-matter.html"),
        ("_posts/2021-02-05-post with spaces.md", "Post with spaces", "post with spaces",
         "/2021/02/05/post-with-spaces.html"),
        ("_posts/2021-02-03-Denmark's_North_Sea_Oil.md", "Denmark's_north_sea_oil",
         "Denmark's_North_Sea_Oil", "/2021/02/03/Denmark's_North_Sea_Oil.html"),
        ("_posts/2021-02-01-trailing-dots...md", "Trailing Dots", "trailing-dots",
         "/2021/02/01/trailing-dots.html"),
        ("_posts/2021-02-06-café-über.md", "Café Über", "café-über",
         "/2021/02/06/caf%C3%A9-%C3%BCber.html"),
        ("_posts/2020-1-5-single-digit.md", "Single Digit", "single-digit",
         "/2020/01/05/single-digit.html"),
        ("_posts/2021-02-04-The-Allure-of-Sapphires.dm", "The Allure Of Sapphires",
         "The-Allure-of-Sapphires", "/2021/02/04/The-Allure-of-Sapphires.dm"),
        ("es/_posts/2021-03-04-spanish.md", "Spanish", "spanish", "/es/2021/03/04/spanish.html"),
        ("_posts/sub/2021-03-03-x.md", "X", "x", "/2021/03/03/x.html"),
    ],
)  # fmt: skip
def test_defaults_from_the_file_name(src_uri: str, title: str, slug: str, url: str) -> None:
    """Without front matter: title titleized from the name (Ruby's `capitalize`), raw slug."""
    found = post(None, src_uri)
    assert (found.title, found.slug, found.url) == (title, slug, url)


@pytest.mark.parametrize("front_matter", [None, "", "title:\n", "title: false\n"])
def test_missing_title_is_titleized(front_matter: str | None) -> None:
    assert post(front_matter).title == "A Post"


@pytest.mark.parametrize(
    ("front_matter", "title"),
    [("title: My Title\n", "My Title"), ("title: yes\n", "true"), ("title: 2024\n", "2024")],
)
def test_title_from_front_matter_as_ruby_to_s(front_matter: str, title: str) -> None:
    assert post(front_matter).title == title


@pytest.mark.parametrize(
    ("front_matter", "slug", "url", "post_id"),
    [
        ('slug: "My Custom Slug!"\n', "My Custom Slug!", "/2021/02/13/My-Custom-Slug!.html",
         "/2021/02/13/My Custom Slug!"),
        ("slug:\n", "a-post", "/2021/02/13/a-post.html", "/2021/02/13/a-post"),
        ("title: Something Else\n", "a-post", "/2021/02/13/a-post.html", "/2021/02/13/a-post"),
        ("permalink: /articles/:year/:title/\nslug: Lithium-Brines-Override\n",
         "Lithium-Brines-Override", "/articles/2021/Lithium-Brines-Override/",
         "/articles/2021/Lithium-Brines-Override"),
    ],
)  # fmt: skip
def test_slug_url_and_id(front_matter: str, slug: str, url: str, post_id: str) -> None:
    """`:title` never comes from `title:`; `post.id` is the URL's folder plus the raw slug."""
    found = post(front_matter)
    assert (found.slug, found.url, found.id) == (slug, url, post_id)


@pytest.mark.parametrize(
    ("front_matter", "url"),
    [
        ("permalink: pretty\n", "/pretty"),
        ("permalink: no-leading-slash/:title\n", "/no-leading-slash/a-post"),
        ("permalink: /:year/:month/:day/:title\n", "/2021/02/13/a-post"),
        ("permalink: /p/:path/\n", "/p/2021-02-13-a-post/"),
        ("permalink:\n", "/2021/02/13/a-post.html"),
    ],
)
def test_front_matter_permalink(front_matter: str, url: str) -> None:
    assert post(front_matter).url == url


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [
        ("geology/_posts/2023-01-02-geo.md", "/q/geology/2023-01-02-geo/"),
        ("_posts/2023-01-01-dots...md", "/q/2023-01-01-dots/"),
        ("_posts/sub/2023-01-01-x.md", "/q/sub/2023-01-01-x/"),
    ],
)
def test_path_placeholder_is_jekylls_cleaned_relative_path(src_uri: str, url: str) -> None:
    """Observed with Jekyll 4.3.1: folders above `_posts` kept, trailing dots removed."""
    assert post("permalink: /q/:path/\n", src_uri).url == url


@pytest.mark.parametrize(
    ("style", "url"),
    [
        ("date", "/geology/2021/02/13/a-post.html"),
        ("pretty", "/geology/2021/02/13/a-post/"),
        ("/blog/:year/:month/:title.html", "/blog/2021/02/a-post.html"),
    ],
)
def test_site_permalink(style: str, url: str) -> None:
    settings = Settings(permalink=permalink_template(style), now=NOW)
    assert post("categories: Geology\n", settings=settings).url == url


def test_pretty_post_id_has_no_repeated_slug() -> None:
    """Ruby's `File.dirname("/2021/02/13/a-post/")` is `/2021/02/13`."""
    settings = Settings(permalink=permalink_template("pretty"), now=NOW)
    assert post("", settings=settings).id == "/2021/02/13/a-post"


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "zone", "date", "url"),
    [
        ("", "UTC", "2021-02-13T00:00:00+00:00", "/2021/02/13/a-post.html"),
        ("", "Asia/Tokyo", "2021-02-13T00:00:00+09:00", "/2021/02/13/a-post.html"),
        ("date: 2021-03-01\n", "UTC", "2021-03-01T00:00:00+00:00", "/2021/03/01/a-post.html"),
        ("date: 2016-06-31\n", "UTC", "2016-07-01T00:00:00+00:00", "/2016/07/01/a-post.html"),
        ("date: 2024-02-01 23:30:00 -0500\n", "UTC", "2024-02-02T04:30:00+00:00",
         "/2024/02/02/a-post.html"),
        ("date: 2024-02-01 23:30:00 -0500\n", "America/New_York", "2024-02-01T23:30:00-05:00",
         "/2024/02/01/a-post.html"),
        ("date: 2021-02-13 02:00:00 +0900\n", "UTC", "2021-02-12T17:00:00+00:00",
         "/2021/02/12/a-post.html"),
    ],
)  # fmt: skip
def test_dates(front_matter: str, zone: str, date: str, url: str) -> None:
    found = post(front_matter, settings=Settings(timezone=load_timezone(zone), now=NOW))
    assert (found.date.isoformat(), found.url) == (date, url)


def test_filename_rollover() -> None:
    assert post(None, "_posts/2016-06-31-brazil.md").url == "/2016/07/01/brazil.html"


def test_draft_is_dated_by_its_mtime() -> None:
    mtime = datetime(2025, 5, 4, 10, 0, tzinfo=timezone.utc)
    draft = read_post(
        source("_drafts/a-draft-about-cobalt.md"),
        "docs/_drafts/a-draft-about-cobalt.md",
        "---\ncategories: [Mining]\n---\ntext\n",
        SETTINGS,
        mtime=mtime,
    )
    assert draft.date == mtime
    assert draft.url == "/mining/2025/05/04/a-draft-about-cobalt.html"


def test_bad_date_error_points_at_the_date_line() -> None:
    error = post_error("title: A\n\ndate: 2024-13-45\n")
    assert error.line == 4
    assert "2024-13-45" in error.message


# --- categories and tags ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "categories", "url_start"),
    [
        ("categories: [Geology, Mining]\n", ("Geology", "Mining"), "/geology/mining/"),
        ("category: Rare Earth\n", ("Rare Earth",), "/rare%20earth/"),
        ("categories: Geology Chemistry\n", ("Geology", "Chemistry"), "/geology/chemistry/"),
        ('categories: "Rare Earth, Mining"\n', ("Rare", "Earth,", "Mining"),
         "/rare/earth,/mining/"),
        ("category: Solo Cat\ncategories: [Bar]\n", ("Bar", "Solo Cat"), "/bar/solo%20cat/"),
        ("categories: [2024, true, 3.5]\n", ("2024", "true", "3.5"), "/2024/true/3.5/"),
        ('categories: ["AC/DC", "C#", "Ünïcode"]\n', ("AC/DC", "C#", "Ünïcode"),
         "/ac/dc/c%23/%C3%BCn%C3%AFcode/"),
        ("categories: [Geology, geology, Geology]\n", ("Geology", "geology"), "/geology/2021/"),
        ("categories: [a, [b, c], null]\n", ("a", "b", "c"), "/a/b/c/"),
        ("category: [a, b]\n", ("a", "b"), "/a/b/"),
        ("categories:\ncategory:\n", (), "/2021/"),
    ],
)  # fmt: skip
def test_categories(front_matter: str, categories: tuple[str, ...], url_start: str) -> None:
    found = post(front_matter)
    assert found.categories == categories
    assert found.url.startswith(url_start)


def test_folder_categories_come_first() -> None:
    found = post("categories: [Mining, geology]\n", "geology/_posts/2024-01-10-porphyry.md")
    assert found.categories == ("geology", "Mining")
    assert found.url == "/geology/mining/2024/01/10/porphyry.html"


@pytest.mark.parametrize(
    ("front_matter", "tags"),
    [
        ("tags: [Japan, Rare Earth Elements]\n", ("Japan", "Rare Earth Elements")),
        ("tags: critical-minerals supply chain\n", ("critical-minerals", "supply", "chain")),
        ("tag: single tag\ntags: [ignored, list]\n", ("single tag",)),
        ("tag: [a, b]\ntags: [ignored]\n", ("a", "b")),
        ("tag:\ntags: [used]\n", ("used",)),
        ("tag: false\ntags: [used]\n", ("used",)),
        ("tags: [Mining, mining, Mining, null]\n", ("Mining", "mining", "Mining")),
        ("tags: [2024, true]\n", ("2024", "true")),
        ("tags:\n", ()),
        ("", ()),
    ],
)
def test_tags(front_matter: str, tags: tuple[str, ...]) -> None:
    """`tag` wins when set, `tags` text is split on spaces, no dedupe, no case folding."""
    found = post(front_matter)
    assert found.tags == tags
    assert found.url == "/2021/02/13/a-post.html"


# --- published ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "published"),
    [
        ("false", False),
        ("False", False),
        ("no", False),
        ("No", False),
        ("off", False),
        ("OFF", False),
        ("~", False),
        ('"false"', True),
        ("'no'", True),
        ("true", True),
        ("yes", True),
        ("0", True),
        ('""', True),
    ],
)
def test_published(value: str, published: bool) -> None:
    """Only YAML false (and nil, as Ruby's `fetch`) hides a post; the string "false" does not."""
    assert post(f"published: {value}\n").published is published


def test_published_by_default() -> None:
    assert post(None).published is True


# --- excerpt separator, banner, body ------------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "separator"),
    [
        ("", "\n\n"),
        ("excerpt_separator: <!--more-->\n", "<!--more-->"),
        ('excerpt_separator: ""\n', ""),
    ],
)
def test_excerpt_separator(front_matter: str, separator: str) -> None:
    assert post(front_matter).excerpt_separator == separator


def test_site_excerpt_separator_is_the_default() -> None:
    settings = Settings(excerpt_separator="<!--more-->", now=NOW)
    assert post("", settings=settings).excerpt_separator == "<!--more-->"


def test_seed_post(seed_text: str) -> None:
    found = read_post(
        source("_posts/2025-05-04-Japans_Approach_to_Rare_Earth_Elements.md"),
        "docs/_posts/2025-05-04-Japans_Approach_to_Rare_Earth_Elements.md",
        seed_text,
        SETTINGS,
    )
    assert found.title == "Japan's Strategic Approach to Rare Earth Elements"
    assert found.url == "/geology/mining/2025/05/04/Japans_Approach_to_Rare_Earth_Elements.html"
    assert found.categories == ("Geology", "Mining")
    assert found.tags == ("Japan", "Rare Earth Elements", "Tech Industry", "Mining")
    assert found.banner is not None
    assert found.banner.url.endswith("Japans_Approach_to_Rare_Earth_Elements.png")
    assert "![banner]" not in found.body
    assert found.body_line == 10  # the blank line after `---` belongs to the front matter
    assert found.subtitle is not None
    assert found.meta["layout"] == "post"


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "line", "words"),
    [
        (
            "title: A\ncategories: {a: b}\n",
            3,
            ["'categories' holds a mapping", "[Geology, Mining]"],
        ),
        ("title: A\n\ncategory: {a: b}\n", 4, ["'category' holds a mapping"]),
        ("title: A\ncategories: [a, {b: c}]\n", 3, ["mapping"]),
        ("title: A\ntags: {a: b}\n", 3, ["'tags' holds a mapping"]),
        ("title: A\n\n\npermalink: /:bogus/:title/\n", 5, ["':bogus'", ":title"]),
        ("title: A\npermalink: [a, b]\n", 3, ["'permalink' must be text"]),
        ("title: A\ntags: [a\nlayout: post\n", 3, ["not valid YAML"]),
    ],
)
def test_errors_carry_the_line(front_matter: str, line: int, words: list[str]) -> None:
    error = post_error(front_matter)
    assert error.line == line
    for word in words:
        assert word in error.message


def test_bad_site_permalink_is_reported_as_a_setting() -> None:
    error = post_error("title: A\n", settings=Settings(permalink="/:nope/", now=NOW))
    assert error.line == 1
    assert "site-wide permalink" in error.message
