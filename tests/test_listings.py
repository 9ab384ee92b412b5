"""Which listing pages a blog gets, where they go and what each one lists."""

from __future__ import annotations

import pytest

from mkdocs_reeblog.blog.index import BlogIndex
from mkdocs_reeblog.blog.listings import (
    MARKER,
    Listing,
    ListingOptions,
    listing_title,
    plan_listings,
    resolve_listing_options,
)
from mkdocs_reeblog.blog.taxonomy import Taxonomy, build_taxonomy
from mkdocs_reeblog.generated import source_uri
from mkdocs_reeblog.jekyll.urls import destination
from tests.html_helpers import blog_index, terms_post


def dated_posts(count: int, year: int = 2024) -> BlogIndex:
    """`count` posts `p01`, `p02`... one a day from January 1st (p01 is the oldest)."""
    return blog_index(
        {
            f"_posts/{year}-01-{day:02d}-p{day:02d}.md": terms_post(f"{year}-01-{day:02d}")
            for day in range(1, count + 1)
        }
    )


def of_kind(listings: list[Listing], kind: str) -> list[Listing]:
    return [listing for listing in listings if listing.kind == kind]


def slugs(listing: Listing) -> list[str]:
    return [entry.post.slug for entry in listing.posts]


def taxonomies(index: BlogIndex) -> list[Taxonomy]:
    """Tags and categories at jekyll-archives' default URLs."""
    return [
        build_taxonomy(index, "tag", "/tag/:name/")[0],
        build_taxonomy(index, "category", "/category/:name/")[0],
    ]


def test_marker_is_an_html_comment() -> None:
    assert MARKER == "<!-- reeblog:posts -->"


def test_blog_index_is_paginated_newest_first() -> None:
    pages = of_kind(plan_listings(dated_posts(23), [], ListingOptions()), "blog")
    assert [p.dest.dest_uri for p in pages] == [
        "index.html",
        "page2/index.html",
        "page3/index.html",
    ]
    assert [p.dest.url for p in pages] == ["./", "page2/", "page3/"]
    assert [slugs(p) for p in pages] == [
        [f"p{day:02d}" for day in range(23, 13, -1)],
        [f"p{day:02d}" for day in range(13, 3, -1)],
        ["p03", "p02", "p01"],
    ]
    assert [(p.number, p.pages, p.total) for p in pages] == [(1, 3, 23), (2, 3, 23), (3, 3, 23)]
    assert [p.previous.url if p.previous else None for p in pages] == [None, "./", "page2/"]
    assert [p.next.url if p.next else None for p in pages] == ["page2/", "page3/", None]
    assert [p.in_nav for p in pages] == [True, False, False]


@pytest.mark.parametrize(("paginate", "sizes"), [(5, [5, 5, 2]), (12, [12]), (0, [12])])
def test_paginate_sets_the_posts_per_page(paginate: int, sizes: list[int]) -> None:
    pages = of_kind(plan_listings(dated_posts(12), [], ListingOptions(paginate=paginate)), "blog")
    assert [len(p.posts) for p in pages] == sizes


def test_a_blog_without_posts_has_one_empty_index() -> None:
    pages = of_kind(plan_listings(BlogIndex(), [], ListingOptions()), "blog")
    assert [(p.dest.dest_uri, p.posts, p.pages) for p in pages] == [("index.html", (), 1)]


def test_blog_under_a_folder_without_directory_urls() -> None:
    options = ListingOptions(blog_url="/blog/", paginate=2, use_directory_urls=False)
    pages = of_kind(plan_listings(dated_posts(3), [], options), "blog")
    assert [(p.dest.dest_uri, p.dest.url) for p in pages] == [
        ("blog/index.html", "blog/index.html"),
        ("blog/page2/index.html", "blog/page2/index.html"),
    ]


def test_empty_blog_url_means_no_blog_index() -> None:
    assert of_kind(plan_listings(dated_posts(3), [], ListingOptions(blog_url="")), "blog") == []


def test_tag_and_category_pages_list_their_posts() -> None:
    index = blog_index(
        {
            "_posts/2024-01-01-a.md": terms_post("2024-01-01", ["Japan"], ["Geology"]),
            "_posts/2024-01-02-b.md": terms_post("2024-01-02", ["Japan", "Mining"]),
            "_posts/2024-01-03-c.md": terms_post("2024-01-03", ["Japan"], ["Geology"]),
        }
    )
    listings = plan_listings(index, taxonomies(index), ListingOptions(archive_paginate=2))
    tags = {(p.key, p.number): (p.dest.dest_uri, slugs(p)) for p in of_kind(listings, "tag")}
    assert tags == {
        ("Japan", 1): ("tag/japan/index.html", ["c", "b"]),
        ("Japan", 2): ("tag/japan/page2/index.html", ["a"]),
        ("Mining", 1): ("tag/mining/index.html", ["b"]),
    }
    categories = of_kind(listings, "category")
    assert [(p.key, p.dest.dest_uri, slugs(p)) for p in categories] == [
        ("Geology", "category/geology/index.html", ["c", "a"])
    ]
    japan = [p for p in of_kind(listings, "tag") if p.key == "Japan"]
    assert all(p.term is not None and p.term.name == "Japan" for p in japan)
    assert [p.total for p in japan] == [3, 3]
    assert japan[1].previous == japan[0].dest


@pytest.mark.parametrize(("archive_paginate", "sizes"), [(50, [12]), (5, [5, 5, 2]), (0, [12])])
def test_archive_paginate_sets_the_size_of_term_pages_only(
    archive_paginate: int, sizes: list[int]
) -> None:
    index = blog_index(
        {
            f"_posts/2024-01-{day:02d}-p{day:02d}.md": terms_post(f"2024-01-{day:02d}", ["Japan"])
            for day in range(1, 13)
        }
    )
    options = ListingOptions(paginate=3, archive_paginate=archive_paginate)
    listings = plan_listings(index, taxonomies(index), options)
    assert [len(p.posts) for p in of_kind(listings, "tag")] == sizes
    assert [len(p.posts) for p in of_kind(listings, "blog")] == [3, 3, 3, 3]


@pytest.mark.parametrize(
    "options", [ListingOptions(), ListingOptions(paginate=2, archive_paginate=2)]
)
def test_a_year_archive_is_one_page(options: ListingOptions) -> None:
    index = dated_posts(12)
    (year,) = of_kind(plan_listings(index, [], options), "year")
    assert (year.key, year.dest.dest_uri, year.pages, len(year.posts)) == (
        "2024", "2024/index.html", 1, 12,
    )  # fmt: skip


def test_indexes_of_tags_and_categories_list_every_term() -> None:
    index = blog_index(
        {
            "_posts/2024-01-01-a.md": terms_post("2024-01-01", ["b", "A"], ["Geology"]),
            "_posts/2024-01-02-b.md": terms_post("2024-01-02", ["c"]),
        }
    )
    listings = plan_listings(index, taxonomies(index), ListingOptions())
    (tags,) = of_kind(listings, "tags")
    (categories,) = of_kind(listings, "categories")
    assert tags.dest.dest_uri == "tags/index.html"
    assert [t.name for t in tags.terms] == ["A", "b", "c"]
    assert tags.total == 3
    assert categories.dest.dest_uri == "categories/index.html"
    assert [t.name for t in categories.terms] == ["Geology"]
    assert tags.in_nav
    assert categories.in_nav


def test_empty_index_urls_mean_no_index_pages() -> None:
    index = dated_posts(2)
    options = ListingOptions(tags_index_url="", categories_index_url="")
    listings = plan_listings(index, taxonomies(index), options)
    assert of_kind(listings, "tags") == []
    assert of_kind(listings, "categories") == []


def test_year_pages_are_newest_first() -> None:
    index = blog_index(
        {
            "_posts/2023-06-01-a.md": terms_post("2023-06-01"),
            "_posts/2024-02-01-b.md": terms_post("2024-02-01"),
            "_posts/2023-12-01-c.md": terms_post("2023-12-01"),
        }
    )
    years = of_kind(plan_listings(index, [], ListingOptions()), "year")
    assert [(p.key, p.dest.dest_uri, slugs(p)) for p in years] == [
        ("2024", "2024/index.html", ["b"]),
        ("2023", "2023/index.html", ["c", "a"]),
    ]
    assert not any(p.in_nav for p in years)


def test_custom_urls_of_terms_and_years() -> None:
    index = blog_index({"_posts/2024-01-01-a.md": terms_post("2024-01-01", ["X"])})
    taxonomy, _ = build_taxonomy(index, "tag", "/topics/:name/")
    options = ListingOptions(year_url="/archive/:year/")
    listings = plan_listings(index, [taxonomy], options)
    assert [p.dest.dest_uri for p in of_kind(listings, "tag")] == ["topics/x/index.html"]
    assert [p.dest.dest_uri for p in of_kind(listings, "year")] == ["archive/2024/index.html"]
    options = ListingOptions(year_url="")
    assert of_kind(plan_listings(index, [taxonomy], options), "year") == []


def test_blog_index_comes_first() -> None:
    index = dated_posts(3)
    listings = plan_listings(index, taxonomies(index), ListingOptions())
    assert listings[0].kind == "blog"
    assert listings[0].number == 1


def test_every_listing_page_has_its_own_file() -> None:
    index = blog_index(
        {
            f"_posts/20{year}-0{month}-01-p{year}{month}.md": terms_post(
                f"20{year}-0{month}-01", ["Japan", "Mining", "C++", "C#"], ["Geology"]
            )
            for year in (21, 22, 23)
            for month in range(1, 8)
        }
    )
    listings = plan_listings(index, taxonomies(index), ListingOptions(paginate=3))
    files = [listing.dest.dest_uri for listing in listings]
    assert len(files) == len(set(files))
    sources = [source_uri(listing.dest) for listing in listings]
    assert len(sources) == len(set(sources))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/tag/x/", "tag/x/index.md"),
        ("/", "index.md"),
        ("/tag/caf%C3%A9/", "tag/café/index.md"),
        ("/archive/2024.html", "archive/2024.md"),
    ],
)
def test_source_uri_of_a_generated_page(url: str, expected: str) -> None:
    assert source_uri(destination(url, use_directory_urls=True)) == expected


def titles(listing: Listing, *, blog_title: str | None = None) -> tuple[str, str]:
    """The listing's page title and heading, on a site named "Site" with a "Blog" section."""

    def title(heading: bool) -> str:
        return listing_title(
            listing, site_name="Site", blog_title=blog_title, nav_title="Blog", heading=heading
        )

    return title(heading=False), title(heading=True)


def test_listing_titles_name_the_kind_the_term_and_the_page() -> None:
    index = dated_posts(12, year=2023)
    listings = plan_listings(index, taxonomies(index), ListingOptions(paginate=10))
    blog = of_kind(listings, "blog")
    assert [titles(listing) for listing in blog] == [
        ("Posts", "Site"),  # the home page's heading is the site's name
        ("Posts (page 2)", "Blog (page 2)"),
    ]
    assert titles(blog[0], blog_title="Notes") == ("Posts", "Notes")
    assert {titles(listing)[0] for listing in listings if listing.kind != "blog"} >= {
        "Tags",
        "Categories",
        "Year: 2023",
    }


def test_a_blog_index_away_from_home_is_headed_by_its_nav_section() -> None:
    index = dated_posts(1)
    options = ListingOptions(blog_url="/blog/")
    blog = of_kind(plan_listings(index, taxonomies(index), options), "blog")[0]
    assert titles(blog) == ("Posts", "Blog")


def resolve(options: dict[str, object], jekyll: dict[str, object]) -> ListingOptions:
    """Plugin options (every one unset unless given) over a Jekyll `_config.yml`."""
    names = ("blog_url", "paginate", "paginate_path", "tag_url", "category_url", "year_url",
             "tags_index_url", "categories_index_url")  # fmt: skip
    given = {name: options.get(name) for name in names}
    return resolve_listing_options(given, jekyll, use_directory_urls=True)


def test_defaults_are_jekylls() -> None:
    assert resolve({}, {}) == ListingOptions()


def test_jekyll_config_is_read() -> None:
    jekyll: dict[str, object] = {
        "paginate": 4,
        "paginate_path": "/blog/page:num/",
        "jekyll-archives": {"permalinks": {"tag": "/tags/:name/", "year": "/y/:year/"}},
    }
    options = resolve({"blog_url": "/blog/"}, jekyll)
    assert options.paginate == 4
    assert options.blog_url == "/blog/"
    assert options.paginate_path == "page:num/"
    assert options.tag_url == "/tags/:name/"
    assert options.year_url == "/y/:year/"
    assert options.category_url == "/category/:name/"


def test_plugin_options_win_over_jekyll_config() -> None:
    options = resolve({"paginate": 7, "tag_url": "/t/:name/"}, {"paginate": 4})
    assert options.paginate == 7
    assert options.tag_url == "/t/:name/"


@pytest.mark.parametrize(("blog_url", "expected"), [("blog", "/blog/"), ("/", "/"), ("", "")])
def test_blog_url_is_normalised(blog_url: str, expected: str) -> None:
    assert resolve({"blog_url": blog_url}, {}).blog_url == expected


def test_paginate_path_without_trailing_slash_is_a_folder_as_in_jekyll() -> None:
    options = resolve({"paginate": 2}, {"paginate_path": "/page:num"})
    pages = of_kind(plan_listings(dated_posts(3), [], options), "blog")
    assert [p.dest.dest_uri for p in pages] == ["index.html", "page2/index.html"]
