"""`site.data` (`mkdocs_reeblog.jekyll.data`): the `_data` folder read as Jekyll reads it, and
used by Liquid in a real build."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs_reeblog.jekyll.data import read_data_dir, sanitize_filename
from tests.conftest import SiteBuilder, write_files


def test_files_and_folders_become_keys_as_jekyll_names_them(tmp_path: Path) -> None:
    write_files(
        tmp_path / "_data",
        {
            "My Team!.yml": "- name: Ada\n",
            "releases.csv": 'name,version,notes\nrock,1.0,\nstone,2.0,"a, b"\n',
            "sizes.tsv": "kind\tmm\npebble\t4\n",
            "same.yml": "from: yml\n",
            "same.json": '{"from": "json"}',
            "nested/deeper/items.yaml": "[1, 2]\n",
            ".hidden.yml": "x: 1\n",
            "notes.txt": "not data\n",
        },
    )
    data, problems = read_data_dir(tmp_path / "_data")
    assert problems == []
    assert data == {
        "My_Team": [{"name": "Ada"}],
        "releases": [
            {"name": "rock", "version": "1.0", "notes": None},
            {"name": "stone", "version": "2.0", "notes": "a, b"},
        ],
        "sizes": [{"kind": "pebble", "mm": "4"}],
        "same": {"from": "json"},  # .json files are read after .yml ones
        "nested": {"deeper": {"items": [1, 2]}},
    }


def test_a_broken_file_is_left_out_with_its_line(tmp_path: Path) -> None:
    write_files(tmp_path / "_data", {"good.yml": "a: 1\n", "bad.yml": "a: 1\nb: [2\n"})
    data, problems = read_data_dir(tmp_path / "_data")
    assert data == {"good": {"a": 1}}
    assert len(problems) == 1
    assert problems[0].startswith("_data/bad.yml:3: not valid YAML")


def test_sanitize_filename_is_rubys() -> None:
    assert sanitize_filename("a . b") == "a_b"
    assert sanitize_filename("trail ") == "trail_"
    assert sanitize_filename("über") == "ber"


def test_liquid_reads_site_data_in_a_build(build_site: SiteBuilder) -> None:
    post = (
        "---\ntitle: Releases\n---\n"
        '{% assign r = site.data.releases | where: "name", "stone" | first %}'
        "Latest: qz{{ r.version }}qz, by {{ site.data.team.lead }}.\n"
    )
    site = build_site(
        {
            "_posts/2024-01-02-releases.md": post,
            "_data/releases.csv": "name,version\nrock,1.0\nstone,2.0\n",
            "_data/team.yml": "lead: Ada\n",
        }
    )
    assert site.ok, site.messages()
    html = site.read("2024/01/02/releases.html")
    assert "Latest: qz2.0qz, by Ada." in html
    assert not [p for p in site.files() if p.startswith("_data")]
    assert site.messages(logging.WARNING) == []


def test_data_beside_the_jekyll_config_and_broken_files_warned(build_site: SiteBuilder) -> None:
    """Without `_data` in `docs_dir`, the one beside `jekyll_config` is read; a broken file is
    a warning naming its line, and the post still builds."""
    site = build_site(
        {"_posts/2024-01-02-a.md": "---\ntitle: A\n---\nqz{{ site.data.site.name }}qz\n"},
        plugin_options="jekyll_config: jekyll/_config.yml",
        extra_files={
            "jekyll/_config.yml": "title: T\n",
            "jekyll/_data/site.yml": "name: Rocks\n",
            "jekyll/_data/broken.yml": "a: [1\n",
        },
    )
    assert site.ok, site.messages()
    assert "qzRocksqz" in site.read("2024/01/02/a.html")
    assert [m for m in site.messages() if "jekyll/_data/broken.yml:2: not valid YAML" in m]
