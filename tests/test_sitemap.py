"""The sitemap dates posts by their own date (or `last_modified_at`), not by the build."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from tests.conftest import BuiltSite, SiteBuilder

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def lastmods(site: BuiltSite) -> dict[str, str]:
    root = ET.fromstring(site.read("sitemap.xml").encode("utf-8"))
    return {
        (url.findtext(f"{NS}loc") or ""): (url.findtext(f"{NS}lastmod") or "")
        for url in root.iter(f"{NS}url")
    }


def test_posts_and_listings_are_dated_by_their_posts(build_site: SiteBuilder) -> None:
    site = build_site(
        {
            "_posts/2020-05-04-old.md": "---\ntitle: Old\ntags: [t]\n---\nText.\n",
            "_posts/2021-01-02-edited.md": "---\nlast_modified_at: 2022-03-04\n---\nText.\n",
        },
        strict=True,
    )
    assert site.ok, site.messages()
    dates = lastmods(site)
    base = "https://blog.example.org/"
    assert dates[base + "2020/05/04/old.html"] == "2020-05-04"
    assert dates[base + "2021/01/02/edited.html"] == "2022-03-04"
    assert dates[base + "tag/t/"] == "2020-05-04"
    assert dates[base] == "2022-03-04"


def test_a_post_dated_after_2106_builds_and_is_not_dated_in_the_future(
    build_site: SiteBuilder,
) -> None:
    site = build_site(
        {"_posts/2999-01-01-far.md": "---\ntitle: Far\n---\nText.\n"},
        plugin_options="future: true",
        strict=True,
    )
    assert site.ok, site.messages()
    assert (site.site / "sitemap.xml.gz").is_file()
    far = lastmods(site)["https://blog.example.org/2999/01/01/far.html"]
    assert date.fromisoformat(far) <= date.today()
