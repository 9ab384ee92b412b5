"""The pure rules of `neighbours.py` (the builds beside the plugins are `test_coexist.py`)."""

from __future__ import annotations

import pytest

from mkdocs_reeblog.neighbours import PostRedirect, social_card_fits, split_redirect_map


@pytest.mark.parametrize(
    ("dest_uri", "use_directory_urls", "is_index", "fits"),
    [
        ("tag/japan/index.html", True, True, True),
        ("about/index.html", True, False, True),
        ("2025/05/04/post.html", True, False, False),  # a Jekyll `date` URL
        ("2025/05/04/post.html", False, False, True),
        ("2025/05/04/post/index.html", False, False, True),
    ],
)
def test_social_card_fits(
    dest_uri: str, use_directory_urls: bool, is_index: bool, fits: bool
) -> None:
    """Material's social plugin places a card where `index.html` (directory URLs) or `.html`
    ends; a post at `….html` under directory URLs has no place."""
    assert (
        social_card_fits(dest_uri, use_directory_urls=use_directory_urls, is_index=is_index) is fits
    )


def test_split_redirect_map_takes_the_redirects_to_posts() -> None:
    maps = {
        "old.md": "_posts/2025-01-01-a.md#part",
        "other.md": "about.md",
        "away.md": "https://example.org/_posts/2025-01-01-a.md",
        "plain.md": "_posts/2025-01-01-a.md",
    }
    to_posts, others = split_redirect_map(maps, lambda src: src == "_posts/2025-01-01-a.md")
    assert to_posts == [
        PostRedirect("old.md", "_posts/2025-01-01-a.md", "#part"),
        PostRedirect("plain.md", "_posts/2025-01-01-a.md", ""),
    ]
    assert others == {"other.md": "about.md", "away.md": maps["away.md"]}
