"""Permalinks, escaping and output files, with the URLs Jekyll gave (reference section 1.8)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from mkdocs_reeblog.jekyll.urls import (
    PERMALINK_STYLES,
    PermalinkError,
    UrlFacts,
    destination,
    escape_path,
    expand_permalink,
    permalink_template,
)

SAMPLE = "japans-strategic-approach-to-rare-earth-elements"
SAMPLE_DATE = datetime(2024, 3, 15, tzinfo=timezone.utc)  # a Friday, ISO week 11, day 75


def facts(
    slug: str = SAMPLE,
    categories: tuple[str, ...] = ("Geology", "Mining"),
    *,
    date: datetime = SAMPLE_DATE,
    basename: str | None = None,
    output_ext: str = ".html",
) -> UrlFacts:
    """The sample post's URL facts, with the parts a test changes."""
    name = basename or f"{date:%Y-%m-%d}-{slug}"
    return UrlFacts(
        date=date,
        slug=slug,
        basename=name,
        path=f"/{name}",
        categories=categories,
        output_ext=output_ext,
    )


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("date", f"/geology/mining/2024/03/15/{SAMPLE}.html"),
        ("pretty", f"/geology/mining/2024/03/15/{SAMPLE}/"),
        ("ordinal", f"/geology/mining/2024/075/{SAMPLE}.html"),
        ("weekdate", f"/geology/mining/2024/W11/Fri/{SAMPLE}.html"),
        ("none", f"/geology/mining/{SAMPLE}.html"),
        ("/blog/:year/:month/:title/", f"/blog/2024/03/{SAMPLE}/"),
    ],
)
def test_permalink_styles(style: str, expected: str) -> None:
    assert expand_permalink(permalink_template(style), facts()) == expected


def test_every_style_is_known() -> None:
    assert set(PERMALINK_STYLES) == {"date", "pretty", "ordinal", "weekdate", "none"}
    assert permalink_template("date") == "/:categories/:year/:month/:day/:title:output_ext"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("/:year/:i_month/:i_day/:slug.html", f"/2024/3/15/{SAMPLE}.html"),
        (
            "/:short_year/:short_month/:long_month/:y_day/:w_year-W:week-:w_day/:hour:minute:second/:title/",
            f"/24/Mar/March/075/2024-W11-5/000000/{SAMPLE}/",
        ),
    ],
)
def test_observed_custom_templates(template: str, expected: str) -> None:
    assert expand_permalink(template, facts()) == expected


WHEN = datetime(2021, 1, 3, 7, 8, 9, tzinfo=timezone.utc)  # Sunday, ISO 2020-W53-7


@pytest.mark.parametrize(
    ("placeholder", "expected"),
    [
        ("year", "2021"),
        ("month", "01"),
        ("day", "03"),
        ("i_month", "1"),
        ("i_day", "3"),
        ("short_year", "21"),
        ("short_month", "Jan"),
        ("long_month", "January"),
        ("y_day", "003"),
        ("hour", "07"),
        ("minute", "08"),
        ("second", "09"),
        ("w_year", "2020"),
        ("week", "53"),
        ("w_day", "7"),
        ("short_day", "Sun"),
        ("long_day", "Sunday"),
        ("title", "Rare-Earth's_Story!"),
        ("slug", "rare-earth-s-story"),
        ("name", "2021-01-03-rare-earth-s-story"),
        ("categories", "geology/rare%20earth"),
        ("slugified_categories", "geology/rare-earth"),
        ("output_ext", ".html"),
        ("collection", "posts"),
        ("path", "2021-01-03-Rare%20Earth's_Story!"),
    ],
)
def test_every_placeholder(placeholder: str, expected: str) -> None:
    post = facts("Rare Earth's_Story!", ("Geology", "Rare Earth"), date=WHEN)
    assert expand_permalink(f"/x/:{placeholder}", post) == f"/x/{expected}"


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("Japans_Approach_to_Rare_Earth_Elements", "Japans_Approach_to_Rare_Earth_Elements"),
        ("Denmark's_North_Sea_Oil", "Denmark's_North_Sea_Oil"),
        ("post with spaces", "post-with-spaces"),
        ("My Custom Slug!", "My-Custom-Slug!"),
    ],
)
def test_title_is_pretty_and_cased(slug: str, expected: str) -> None:
    assert expand_permalink("/:title:output_ext", facts(slug, ())) == f"/{expected}.html"


@pytest.mark.parametrize(
    ("categories", "expected"),
    [
        (("Geology", "Mining"), "/geology/mining/x.html"),
        (("Rare Earth",), "/rare%20earth/x.html"),
        (("Rare", "Earth,", "Mining"), "/rare/earth,/mining/x.html"),
        (("Bar", "Solo Cat"), "/bar/solo%20cat/x.html"),
        (("2024", "true", "3.5"), "/2024/true/3.5/x.html"),
        (("AC/DC", "C#", "Ünïcode"), "/ac/dc/c%23/%C3%BCn%C3%AFcode/x.html"),
        (("Geology", "geology", "GEOLOGY"), "/geology/x.html"),
        ((), "/x.html"),
    ],
)
def test_categories_are_downcased_deduped_and_escaped(
    categories: tuple[str, ...], expected: str
) -> None:
    assert expand_permalink("/:categories/:title:output_ext", facts("x", categories)) == expected


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("/articles/:year/:title/", "/articles/2024/Lithium-Brines-Override/"),
        ("pretty", "/pretty"),  # a style name is a literal path in front matter
        ("no-leading-slash/:title", "/no-leading-slash/Lithium-Brines-Override"),
        ("/:year/:month/:day/:title", "/2024/03/15/Lithium-Brines-Override"),
        ("/:title_/p", "/Lithium-Brines-Override_/p"),  # Ruby chomps one `_`
    ],
)
def test_front_matter_permalinks(template: str, expected: str) -> None:
    """A front-matter `permalink` is used as a template without expanding style names."""
    assert expand_permalink(template, facts("Lithium-Brines-Override")) == expected


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("/a/../../b/./c//d/", "/a/b/c/d/"),
        ("/../../etc/passwd", "/etc/passwd"),
        ("//double//slash/", "/double/slash/"),
        ("/:categories/:title", "/x"),  # an empty placeholder leaves no `//`
    ],
)
def test_urls_are_sanitised(template: str, expected: str) -> None:
    assert expand_permalink(template, facts("x", ())) == expected


@pytest.mark.parametrize("name", ["bogus", "titel", "title__"])
def test_unknown_placeholder_is_an_error_that_lists_the_known_ones(name: str) -> None:
    with pytest.raises(PermalinkError) as caught:
        expand_permalink(f"/:{name}/", facts())
    message = str(caught.value)
    assert f"':{name}'" in message
    assert ":title" in message
    assert ":categories" in message


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/plain/path-1.html", "/plain/path-1.html"),
        ("/rare earth/", "/rare%20earth/"),
        ("/c#/", "/c%23/"),
        ("/café-über.html", "/caf%C3%A9-%C3%BCber.html"),
        ("/Denmark's_North_Sea_Oil.html", "/Denmark's_North_Sea_Oil.html"),
        ("/a!$&()*+,;=:@~_.html", "/a!$&()*+,;=:@~_.html"),
        ("/what?/[x]/", "/what%3F/%5Bx%5D/"),
        ("/100%/", "/100%25/"),
        ("/日本/", "/%E6%97%A5%E6%9C%AC/"),
        ("", ""),
    ],
)
def test_escape_path(path: str, expected: str) -> None:
    assert escape_path(path) == expected


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("café-über", "/2021/02/06/caf%C3%A9-%C3%BCber.html"),
        ("Denmark's_North_Sea_Oil", "/2021/02/06/Denmark's_North_Sea_Oil.html"),
    ],
)
def test_titles_are_escaped_in_urls(slug: str, expected: str) -> None:
    post = facts(slug, (), date=datetime(2021, 2, 6, tzinfo=timezone.utc))
    assert expand_permalink(permalink_template("date"), post) == expected


@pytest.mark.parametrize(
    ("url", "directory_urls", "dest_uri", "link"),
    [
        ("/geology/mining/2024/03/15/x.html", True, "geology/mining/2024/03/15/x.html",
         "geology/mining/2024/03/15/x.html"),
        ("/geology/mining/2024/03/15/x.html", False, "geology/mining/2024/03/15/x.html",
         "geology/mining/2024/03/15/x.html"),
        ("/2024/03/15/x/", True, "2024/03/15/x/index.html", "2024/03/15/x/"),
        ("/2024/03/15/x/", False, "2024/03/15/x/index.html", "2024/03/15/x/index.html"),
        ("/rare%20earth/x.html", True, "rare earth/x.html", "rare%20earth/x.html"),
        ("/caf%C3%A9-%C3%BCber.html", False, "café-über.html", "caf%C3%A9-%C3%BCber.html"),
        ("/c%23/x/", True, "c#/x/index.html", "c%23/x/"),
        ("/", True, "index.html", "./"),
        ("/", False, "index.html", "index.html"),
    ],
)  # fmt: skip
def test_destination(url: str, directory_urls: bool, dest_uri: str, link: str) -> None:
    """Files are written at the unescaped URL; links stay escaped."""
    found = destination(url, use_directory_urls=directory_urls)
    assert (found.jekyll_url, found.dest_uri, found.url) == (url, dest_uri, link)


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize(
    ("url", "dest_uri"),
    [("/2024/03/15/x", "2024/03/15/x.html"), ("/pretty", "pretty.html")],
)
def test_url_without_extension_is_written_as_html(
    url: str, dest_uri: str, directory_urls: bool
) -> None:
    """Jekyll keeps the URL without extension and appends `.html` to the file; the link
    goes to the file, which every web server finds."""
    found = destination(url, use_directory_urls=directory_urls)
    assert found.dest_uri == dest_uri
    assert found.url == dest_uri


def test_other_output_extension_is_kept() -> None:
    """A `.dm` post is not converted: its URL and file keep the extension."""
    found = destination("/2021/02/04/X.dm", use_directory_urls=True, output_ext=".dm")
    assert (found.dest_uri, found.url) == ("2021/02/04/X.dm", "2021/02/04/X.dm")


def test_unconverted_post_url_keeps_its_extension() -> None:
    post = facts("The-Timeless-Allure-of-Sapphires", (), output_ext=".dm")
    assert expand_permalink(permalink_template("date"), post) == (
        "/2024/03/15/The-Timeless-Allure-of-Sapphires.dm"
    )
