"""Templates in the theme's `custom_dir` replace the package's."""

from __future__ import annotations

import pytest

from tests.conftest import SiteBuilder

POST = "---\ntitle: Overridden\ntags: [Japan]\n---\n\nBody text.\n"


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
@pytest.mark.parametrize(
    ("template", "page"),
    [
        ("reeblog/card.html", "index.html"),
        ("reeblog/post-header.html", "2024/01/02/overridden.html"),
        ("reeblog/listing.html", "tag/japan/index.html"),
        ("reeblog/chips.html", "2024/01/02/overridden.html"),
    ],
)
def test_custom_dir_template_wins(
    build_site: SiteBuilder, theme: str, template: str, page: str
) -> None:
    marker = f"custom {template} for {{{{ config.site_name }}}}"
    site = build_site(
        {"_posts/2024-01-02-overridden.md": POST},
        yml=f"theme:\n  name: {theme}\n  custom_dir: overrides\n",
        theme=theme,
        extra_files={f"overrides/{template}": f"<p class='mine'>{marker}</p>\n"},
    )
    assert site.ok, site.messages()
    html = site.read(page)
    assert f"custom {template} for Test Blog" in html
    untouched = {
        "reeblog/card.html": 'class="reeblog-card"',
        "reeblog/post-header.html": 'class="reeblog-post-header"',
        "reeblog/listing.html": 'class="reeblog-listing',
        "reeblog/chips.html": 'class="reeblog-chip',
    }[template]
    assert untouched not in html
