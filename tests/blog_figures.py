"""The README's figures for every real blog the tests hold: `python -m tests.blog_figures`.

For each blog (the four corpora and tests/data/blogs): posts at Jekyll's URL (the oracle build
of `tests/jekyll_oracle.py`), archive URLs the plugin writes among jekyll-archives' tag, category
and year pages, theme images shown (`tests/test_jekyll_blogs.py`'s Material build) and the
`--strict` result. Prints a Markdown table; nothing is written in the repository.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.jekyll_oracle import build_case, jekyll_archives
from tests.test_jekyll_archives import our_listings, site_path
from tests.test_jekyll_blogs import (
    REAL_BLOGS,
    blog,
    build_blog,
    expected_shown,
    shown_images,
    theme_images,
)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def figures(name: str, root: Path) -> str:
    """One row of the table."""
    result = build_case(blog(name), root / "oracle")
    at_url = sum(
        1
        for path, post in result.jekyll.items()
        if path in result.mkdocs_posts and result.mkdocs_posts[path].url == post.url
    )
    wanted = {
        site_path(a.url) for a in jekyll_archives(result) if a.type in ("tag", "category", "year")
    }
    ours = {listing.folder for listing in our_listings(result.mkdocs_site)}
    built = build_blog(name, root / "material", strict=True)
    blog_url = str(blog(name).config.get("url") or "")
    images = {src: url for src, url in theme_images(name).items() if src in built.posts}
    shown = shown_images(built)
    right = sum(1 for src, url in images.items() if shown[src] == expected_shown(url, blog_url))
    posts = len(result.jekyll)
    return (
        f"| {name} | {at_url} of {posts} ({_percent(at_url, posts)}) "
        f"| {len(wanted & ours)} of {len(wanted)} ({_percent(len(wanted & ours), len(wanted))}) "
        f"| {right} of {len(images)} | {'passes' if built.ok else 'fails'} |"
    )


def main() -> None:
    print("| blog | posts at Jekyll's URL | archive URLs equal | images shown | --strict |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name in REAL_BLOGS:
            print(figures(name, Path(folder) / name), flush=True)


if __name__ == "__main__":
    main()
