"""Front matter defaults (`mkdocs_reeblog.jekyll.defaults`): Jekyll's rules one by one. The
differential tier (`tests/test_jekyll_differential.py`, case `defaults`) checks them against
real Jekyll."""

from __future__ import annotations

from mkdocs_reeblog.jekyll.defaults import FrontMatterDefaults, deep_merge, merge_front_matter


def _defaults(*sets: object) -> FrontMatterDefaults:
    return FrontMatterDefaults.from_config(list(sets))


def test_scope_path_is_a_text_prefix_and_type_posts_covers_posts() -> None:
    defaults = _defaults(
        {"scope": {"path": "_posts/2021", "type": "post"}, "values": {"layout": "a"}},
        {"scope": {"type": "pages"}, "values": {"comments": True}},
    )
    assert defaults.values_for("_posts/2021-01-01-x.md") == {"layout": "a"}
    assert defaults.values_for("_posts/2020-01-01-x.md") == {}
    assert defaults.values_for("en/_posts/2021-01-01-x.md") == {}


def test_a_leading_slash_covers_nothing() -> None:
    defaults = _defaults({"scope": {"path": "/_posts"}, "values": {"layout": "a"}})
    assert defaults.values_for("_posts/2021-01-01-x.md") == {}


def test_globs_name_files_or_folders() -> None:
    defaults = _defaults(
        {"scope": {"path": "*/_posts"}, "values": {"a": 1}},
        {"scope": {"path": "_posts/**/*.markdown"}, "values": {"b": 2}},
        {"scope": {"path": "_posts/{x,y}/2021-0?-*"}, "values": {"c": 3}},
    )
    assert defaults.values_for("geology/_posts/2021-01-01-x.md") == {"a": 1}
    assert defaults.values_for("_posts/2021-01-01-x.md") == {}
    assert defaults.values_for("_posts/a/b/2021-01-01-x.markdown") == {"b": 2}
    assert defaults.values_for("_posts/y/2021-03-01-x.md") == {"c": 3}
    assert defaults.values_for("_posts/z/2021-03-01-x.md") == {}


def test_longer_paths_win_wherever_they_come_then_typed_then_later() -> None:
    """Each set is ranked against the best one so far only: below it, the values of the
    first sets stay (`deep_merge_hashes(set, defaults)`)."""
    defaults = _defaults(
        {"scope": {"path": "_posts/a"}, "values": {"p": "long", "q": "long"}},
        {"scope": {"path": "_posts"}, "values": {"p": "short", "r": "short"}},
        {"scope": {"path": "_posts", "type": "posts"}, "values": {"r": "typed"}},
    )
    assert defaults.values_for("_posts/a/2021-01-01-x.md") == {
        "p": "long",
        "q": "long",
        "r": "short",
    }
    equal = _defaults(
        {"scope": {"path": "_posts", "type": "posts"}, "values": {"r": "typed"}},
        {"scope": {"path": "_posts"}, "values": {"r": "untyped later", "s": "s"}},
        {"scope": {"path": "_posts", "type": "posts"}, "values": {"s": "typed later"}},
    )
    assert equal.values_for("_posts/2021-01-01-x.md") == {"r": "typed", "s": "typed later"}


def test_sets_merge_deeply_and_invalid_sets_are_reported() -> None:
    defaults = _defaults(
        {"values": {"header": {"image": "/a.png", "teaser": "/t.png"}}},
        {"scope": {"path": "_posts"}, "values": {"header": {"image": "/b.png"}}},
        {"scope": {"path": ""}, "values": "no mapping"},
        "not a set",
    )
    assert defaults.values_for("_posts/2021-01-01-x.md") == {
        "header": {"image": "/b.png", "teaser": "/t.png"}
    }
    assert [p.split(":")[0] for p in defaults.problems] == ["defaults[2]", "defaults[3]"]


def test_front_matter_wins_but_null_keeps_the_default_and_categories_add_up() -> None:
    merged = merge_front_matter(
        {"image": "/d.png", "layout": "post", "categories": "a b", "tags": ["d"]},
        {"image": None, "layout": "page", "categories": ["b", "c"], "tags": ["own"]},
    )
    assert merged == {
        "image": "/d.png",
        "layout": "page",
        "categories": ["a", "b", "b", "c"],  # made unique with the folders' later
        "tags": ["own"],
    }
    assert deep_merge({"a": {"x": 1}}, {"a": {"y": 2}, "b": None}) == {
        "a": {"x": 1, "y": 2},
        "b": None,
    }
