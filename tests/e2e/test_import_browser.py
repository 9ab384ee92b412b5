"""The galena.es site imported by `reeblog import`, under `mkdocs serve`, in Chromium: the home
page with its own text and the cards, a post, a page and a redirect (issue 28)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from mkdocs_reeblog.importer.cli import main
from tests.e2e.conftest import Server, serve_command, site_path, start_server, visit
from tests.jekyll_sites import galena_site
from tests.servers import stop_server

pytestmark = pytest.mark.browser

LUVAVITE = "/gemstones/healing minerals/2025/05/03/Luvavite_(Sugilite)_Healing_Properties.html"


@pytest.fixture(scope="module")
def imported_site(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("imported")
    project = root / "project"
    assert main(["import", str(galena_site(root / "galena")), str(project)]) == 0
    server = start_server("imported", project, serve_command())
    yield server
    stop_server(server.process)


def test_home_post_page_and_redirect(imported_site: Server, tab: Page) -> None:
    visit(tab, imported_site, "/")
    expect(tab.locator(".galena-intro")).to_contain_text("Minerals, gemstones and mining")
    expect(tab.locator(".reeblog-card")).to_have_count(10)
    visit(tab, imported_site, LUVAVITE)
    expect(tab.locator("h1.reeblog-title")).to_contain_text("Luvavite (Sugilite)")
    expect(tab.locator("article img[src*='Luvavite_(Sugilite)']")).to_have_count(1)
    visit(tab, imported_site, "/about.html")
    expect(tab.locator("article h2#who")).to_have_text("Who writes here")
    expect(tab.locator("article")).not_to_contain_text("layout:")
    tab.goto(imported_site.url("/archives.html"), wait_until="load")
    tab.wait_for_url(lambda url: urlsplit(url).path == "/")
    expect(tab.locator(".galena-intro")).to_be_visible()
    assert site_path(tab) == "/"
