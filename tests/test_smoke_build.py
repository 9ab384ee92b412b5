"""The seed article builds at its Jekyll URL with both themes."""

from __future__ import annotations

import pytest

from tests.conftest import SEED_NAME, SiteBuilder


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_seed_lands_at_its_jekyll_url(build_site: SiteBuilder, seed_text: str, theme: str) -> None:
    site = build_site({f"_posts/{SEED_NAME}": seed_text, "index.md": "# Home\n"}, theme=theme)
    assert site.ok
    html = site.read("geology/mining/2025/05/04/Japans_Approach_to_Rare_Earth_Elements.html")
    assert "Japan&#39;s Strategic Approach to Rare Earth Elements</h1>" in html
    assert html.count('Japans_Approach_to_Rare_Earth_Elements.png" alt=') == 1
