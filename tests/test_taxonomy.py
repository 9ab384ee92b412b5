"""Tags and categories as pages: spellings merged, colliding slugs split, stable odd slugs."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_reeblog.blog.taxonomy import build_taxonomy, merge_key, term_slug, years
from tests.html_helpers import blog_index, terms_post

TAG_URL = "/tag/:name/"


def slugs_of(posts: dict[str, str], kind: str = "tag") -> dict[str, str]:
    """Each term's shown name -> its URL, for the posts given."""
    taxonomy, _ = build_taxonomy(blog_index(posts), kind, TAG_URL)
    return {term.name: term.url for term in taxonomy.terms}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mining", "mining"),
        ("Rare Earth", "rare-earth"),
        ("rare_earth", "RARE.EARTH"),
        ("Tech  Industry", "tech industry"),
        ("ＣＡＦＥ", "cafe"),  # full-width letters are the same word (NFKC)
    ],
)
def test_merge_key_ignores_case_spaces_and_separators(a: str, b: str) -> None:
    assert merge_key(a) == merge_key(b)


@pytest.mark.parametrize(("a", "b"), [("C++", "C#"), ("mining", "minings"), ("a&b", "ab")])
def test_merge_key_keeps_other_differences(a: str, b: str) -> None:
    assert merge_key(a) != merge_key(b)


def test_term_slug_is_jekylls_slug_when_there_is_one() -> None:
    assert term_slug("Rare Earth Elements") == "rare-earth-elements"
    assert term_slug("Café") == "café"


@pytest.mark.parametrize("name", ["🚀", "..", "/", "🔥🔥"])
def test_empty_slug_gets_a_stable_stand_in(name: str) -> None:
    expected = "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    assert term_slug(name) == expected
    assert term_slug(name) == term_slug(name)


def test_spellings_differing_in_case_are_one_term_with_every_post() -> None:
    posts = {
        "_posts/2024-01-01-old.md": terms_post("2024-01-01", ["Mining"]),
        "_posts/2024-02-01-mid.md": terms_post("2024-02-01", ["mining"]),
        "_posts/2024-03-01-new.md": terms_post("2024-03-01", ["Mining", "Japan"]),
    }
    taxonomy, warnings = build_taxonomy(blog_index(posts), "tag", TAG_URL)
    mining = taxonomy.by_spelling["mining"]
    assert mining is taxonomy.by_spelling["Mining"]
    assert mining.name == "Mining"  # the most used spelling
    assert mining.spellings == ("Mining", "mining")
    assert mining.url == "/tag/mining/"
    assert [e.post.slug for e in mining.posts] == ["new", "mid", "old"]
    assert warnings == []  # Jekyll builds such a blog without a word: an info line, not a warning
    assert len(taxonomy.merged) == 1
    assert "'Mining'" in taxonomy.merged[0]
    assert "'mining'" in taxonomy.merged[0]


def test_one_post_with_two_spellings_is_listed_once() -> None:
    posts = {"_posts/2024-01-01-a.md": terms_post("2024-01-01", ["Mining", "mining"])}
    taxonomy, warnings = build_taxonomy(blog_index(posts), "tag", TAG_URL)
    assert len(taxonomy.terms) == 1
    assert len(taxonomy.terms[0].posts) == 1
    assert taxonomy.merged
    assert warnings == []


def test_different_names_with_one_slug_get_numbered_urls_and_a_warning() -> None:
    posts = {
        "_posts/2024-01-01-a.md": terms_post("2024-01-01", ["C++"]),
        "_posts/2024-01-02-b.md": terms_post("2024-01-02", ["C#", "C"]),
    }
    taxonomy, warnings = build_taxonomy(blog_index(posts), "tag", TAG_URL)
    urls = {term.name: term.url for term in taxonomy.terms}
    assert sorted(urls.values()) == ["/tag/c-2/", "/tag/c-3/", "/tag/c/"]
    assert urls["C"] == "/tag/c/"
    assert len(warnings) == 2
    assert all("'c'" in warning for warning in warnings)
    assert {term.name: [e.post.slug for e in term.posts] for term in taxonomy.terms} == {
        "C": ["b"],
        "C#": ["b"],
        "C++": ["a"],
    }


def test_a_numbered_slug_does_not_take_the_url_of_a_real_name() -> None:
    urls = slugs_of({"_posts/2024-01-01-a.md": terms_post("2024-01-01", ["C#", "C++", "c-2"])})
    assert len(set(urls.values())) == 3


def test_emoji_tag_has_a_page_of_its_own() -> None:
    urls = slugs_of({"_posts/2024-01-01-a.md": terms_post("2024-01-01", ["🚀", "🔥"])})
    rocket = "x-" + hashlib.sha1("🚀".encode()).hexdigest()[:8]
    assert urls["🚀"] == f"/tag/{rocket}/"
    assert urls["🔥"] != urls["🚀"]


def test_urls_are_escaped_and_follow_the_permalink() -> None:
    posts = {"_posts/2024-01-01-a.md": terms_post("2024-01-01", categories=["Café", "Geology"])}
    taxonomy, _ = build_taxonomy(blog_index(posts), "category", "/topics/:name")
    assert [(t.name, t.url) for t in taxonomy.terms] == [
        ("Café", "/topics/caf%C3%A9"),
        ("Geology", "/topics/geology"),
    ]


def test_terms_are_sorted_by_name_ignoring_case() -> None:
    posts = {"_posts/2024-01-01-a.md": terms_post("2024-01-01", ["banana", "Apple", "cherry"])}
    taxonomy, warnings = build_taxonomy(blog_index(posts), "tag", TAG_URL)
    assert [t.name for t in taxonomy.terms] == ["Apple", "banana", "cherry"]
    assert warnings == []


def test_categories_are_read_from_categories_not_tags() -> None:
    posts = {"_posts/2024-01-01-a.md": terms_post("2024-01-01", ["Japan"], ["Geology"])}
    taxonomy, _ = build_taxonomy(blog_index(posts), "category", "/category/:name/")
    assert [t.name for t in taxonomy.terms] == ["Geology"]
    assert taxonomy.kind == "category"


def test_years_are_newest_first_with_their_posts_newest_first() -> None:
    posts = {
        "_posts/2023-05-01-a.md": terms_post("2023-05-01"),
        "_posts/2024-01-01-b.md": terms_post("2024-01-01"),
        "_posts/2023-12-31-c.md": terms_post("2023-12-31 23:00"),
        "_posts/2022-02-02-d.md": terms_post("2022-02-02"),
    }
    found = {year: [e.post.slug for e in posts] for year, posts in years(blog_index(posts)).items()}
    assert list(found) == [2024, 2023, 2022]
    assert found == {2024: ["b"], 2023: ["c", "a"], 2022: ["d"]}


ODD_NAMES = ("Mining", "mining", "C++", "C#", "c", "c-2", "🚀", "..", "Rare Earth", "rare_earth",
             "Café", "cafe", "x-0a858ab8", "a/b", "a b")  # fmt: skip
"""Names that merge, collide, or have no slug of their own."""
NAMES = st.lists(st.sampled_from(ODD_NAMES), max_size=4)


@settings(max_examples=60, deadline=None)
@given(st.lists(NAMES, min_size=1, max_size=5))
def test_every_post_is_on_the_page_of_each_of_its_tags(tag_lists: list[list[str]]) -> None:
    posts = {
        f"_posts/2024-01-{day:02d}-p{day}.md": terms_post(f"2024-01-{day:02d}", tags)
        for day, tags in enumerate(tag_lists, start=1)
    }
    index = blog_index(posts)
    taxonomy, _ = build_taxonomy(index, "tag", TAG_URL)
    urls = [term.url for term in taxonomy.terms]
    assert len(urls) == len(set(urls)), urls
    for entry in index:
        for name in entry.post.tags:
            term = taxonomy.by_spelling[name]
            assert name in term.spellings
            assert sum(e is entry for e in term.posts) == 1
    for term in taxonomy.terms:
        assert all(set(term.spellings) & set(e.post.tags) for e in term.posts)
        dates = [e.post.date for e in term.posts]
        assert dates == sorted(dates, reverse=True)
