"""A deterministic corpus of Jekyll posts shaped like the seed article, for the benchmarks.

Each post is `_posts/YYYY-MM-DD-Title_Words.md`, one per day from 2015-01-01, with the seed's
front matter (layout, title, subtitle, excerpt_image, 3 of 10 categories, 4 of 50 tags) and body
(a banner image line, about 600 words under `#`/`##` headings, a table, a blockquote and one
external link). The same posts can also be written for Material's blog plugin.

    python benchmarks/generate.py 1000 /tmp/corpus      # writes /tmp/corpus/docs/...
"""

from __future__ import annotations

import argparse
import json
import random
import struct
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

__all__ = [
    "CATEGORIES",
    "TAGS",
    "GeneratedPost",
    "make_posts",
    "write_jekyll_docs",
    "write_material_blog_docs",
]

SEED = 42
START = date(2015, 1, 1)
IMAGE_BASE = "https://www.galena.es/assets/images/"

CATEGORIES = (
    "Geology", "Mining", "Supply Chain", "Energy", "Policy",
    "Rare Earths", "battery metals", "Exploration", "Markets", "Critical Minerals",
)  # fmt: skip

TAGS = (
    "Japan", "China", "Australia", "Chile", "Canada", "Vietnam", "Brazil", "Congo", "Peru",
    "Sweden", "Rare Earth Elements", "Lithium", "Cobalt", "Nickel", "Copper", "Graphite",
    "Tungsten", "Gallium", "Germanium", "Antimony", "Manganese", "Vanadium", "Uranium",
    "Platinum", "Tin", "Tech Industry", "Recycling", "E-Waste", "Batteries", "Magnets",
    "Wind Power", "Solar", "Electric Vehicles", "Defense", "Trade", "Tariffs", "Stockpiles",
    "Refining", "Smelting", "Deep Sea", "Tailings", "Permits", "ESG", "Water", "Logistics",
    "Prices", "Investment", "Research", "Innovation", "Geopolitics",
)  # fmt: skip

_PLACES = (
    "Japan", "China", "Australia", "Chile", "Canada", "Vietnam", "Brazil", "Peru", "Sweden",
    "Norway", "Kazakhstan", "Indonesia", "Morocco", "Namibia", "Greenland", "Bolivia", "Mexico",
    "Spain", "Portugal", "Finland", "Zambia", "Mongolia", "Argentina", "India", "Korea",
)  # fmt: skip
_SUBJECTS = (
    "Rare Earth Elements", "Lithium", "Cobalt", "Nickel", "Copper", "Graphite", "Tungsten",
    "Gallium", "Germanium", "Antimony", "Manganese", "Vanadium", "Uranium", "Platinum", "Tin",
    "Battery Metals", "Magnet Supply", "Critical Minerals", "Mine Tailings", "Brine Deposits",
    "Seabed Nodules", "Refining Capacity", "Smelter Output", "Ore Grades", "Recycled Metals",
)  # fmt: skip
_ADJECTIVES = (
    "Strategic", "Changing", "Quiet", "Growing", "Uncertain", "Long", "New", "Hidden",
    "Shifting", "Steady", "Fragile", "Rising", "Practical", "Regional", "Global",
)  # fmt: skip
_FRAMES = (
    "{place}'s {adj} Approach to {subject}",
    "The {adj} Market for {subject} in {place}",
    "{subject}: {place} and the {adj} Supply Chain",
    "Why {place} Matters for {subject}",
    "{adj} Prospects for {subject} in {place}",
    "What {place} Teaches Us About {subject}",
)
_HEADINGS = (
    "Background", "Current Production", "Key Challenges", "Strategic Initiatives", "Geology",
    "Processing", "Trade Flows", "Policy Responses", "Environmental Concerns", "Investment",
    "Technology", "Outlook", "Market Dynamics", "Regional Partners", "Risks",
)  # fmt: skip
_SUBHEADINGS = (
    "Diversifying Import Sources", "Investing in Alternative Technologies", "Domestic Mining",
    "Recycling E-Waste", "Stockpiling", "Joint Ventures", "Research Programmes", "New Refineries",
    "Export Controls", "Long-Term Contracts", "Workforce and Skills", "Permitting Reform",
)  # fmt: skip
_WORDS = (
    "supply", "demand", "deposit", "ore", "grade", "mine", "refinery", "smelter", "market",
    "price", "export", "import", "policy", "industry", "technology", "magnet", "battery",
    "motor", "turbine", "vehicle", "reserve", "resource", "exploration", "drilling", "permit",
    "investment", "partner", "contract", "risk", "security", "recycling", "waste", "tailings",
    "water", "energy", "cost", "capacity", "output", "region", "country", "government",
    "company", "analyst", "report", "estimate", "decade", "strategy", "initiative", "research",
    "alloy", "concentrate", "element", "mineral", "metal", "chain", "shipment", "stockpile",
    "the", "the", "the", "a", "of", "of", "and", "and", "in", "to", "for", "with", "from", "by",
    "while", "because", "although", "new", "major", "small", "critical", "global", "domestic",
    "rising", "stable", "volatile", "significant", "limited", "growing", "essential", "heavy",
    "light", "secure", "steady", "remains", "depends", "grows", "shifts", "requires", "reduces",
    "promotes", "supports", "controls", "secures", "expands", "faces", "drives", "limits",
)  # fmt: skip
_LINK_SITES = (
    "https://www.bbc.co.uk/news/",
    "https://www.reuters.com/markets/",
    "https://www.usgs.gov/",
)


@dataclass(frozen=True)
class GeneratedPost:
    """One generated post: its front matter values and its Markdown body."""

    day: date
    title: str
    subtitle: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    body: str

    @property
    def name(self) -> str:
        """The title as a file name: `Japans_Approach_to_Rare_Earth_Elements`."""
        return file_stem(self.title)

    @property
    def filename(self) -> str:
        """Jekyll's post file name: `YYYY-MM-DD-Title_Words.md`."""
        return f"{self.day.isoformat()}-{self.name}.md"

    @property
    def image_url(self) -> str:
        """The banner's absolute address on the blog's own domain."""
        return f"{IMAGE_BASE}{self.name}.png"

    def jekyll_text(self) -> str:
        """The post as Jekyll reads it, front matter of the seed's shape."""
        front = (
            "layout: post\n"
            f"title: {_quoted(self.title)}\n"
            f"subtitle: {_quoted(self.subtitle)}\n"
            f"excerpt_image: {self.image_url}\n"
            f"categories: [{', '.join(self.categories)}]\n"
            f"tags: [{', '.join(self.tags)}]\n"
        )
        return f"---\n{front}---\n\n{self.body}"

    def material_text(self) -> str:
        """The post for Material's blog plugin: a YAML `date:`, and `<!-- more -->` where
        Jekyll's default excerpt ends (after the first paragraph, the banner)."""
        front = (
            f"title: {_quoted(self.title)}\n"
            f"description: {_quoted(self.subtitle)}\n"
            f"date: {self.day.isoformat()}\n"
            f"categories:\n{_block_list(self.categories)}"
            f"tags:\n{_block_list(self.tags)}"
        )
        banner, rest = self.body.split("\n\n", 1)
        return f"---\n{front}---\n\n{banner}\n\n<!-- more -->\n\n{rest}"


def make_posts(count: int, seed: int = SEED) -> list[GeneratedPost]:
    """`count` posts, one a day from 2015-01-01, the same for the same `seed`."""
    rng = random.Random(seed)
    titles: set[str] = set()
    posts = []
    for number in range(count):
        title = _unique_title(rng, titles)
        posts.append(
            GeneratedPost(
                day=START + timedelta(days=number),
                title=title,
                subtitle=_sentence(rng, 12, 20),
                categories=tuple(rng.sample(CATEGORIES, 3)),
                tags=tuple(rng.sample(TAGS, 4)),
                body=_body(rng, title, number),
            )
        )
    return posts


def write_jekyll_docs(docs: Path, posts: Sequence[GeneratedPost]) -> None:
    """`docs/_posts/<post>.md` and a banner PNG per post in `docs/assets/images/` (where the
    posts' absolute image addresses point). No `index.md`: reeblog makes the home page."""
    for post in posts:
        _write(docs / "_posts" / post.filename, post.jekyll_text())
    write_banners(docs, posts)


def write_material_blog_docs(docs: Path, posts: Sequence[GeneratedPost]) -> None:
    """The same posts laid out for Material's blog plugin: `docs/blog/posts/`."""
    _write(docs / "blog" / "index.md", "# Blog\n")
    for post in posts:
        _write(docs / "blog" / "posts" / post.filename, post.material_text())
    write_banners(docs, posts)


def write_banners(docs: Path, posts: Sequence[GeneratedPost]) -> None:
    """One tiny PNG per post, at the path of its banner's address in the site."""
    images = docs / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    png = tiny_png()
    for post in posts:
        (images / f"{post.name}.png").write_bytes(png)


def tiny_png() -> bytes:
    """A valid 1x1 grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def file_stem(title: str) -> str:
    """A title as a file name: `Japan's Approach` -> `Japans_Approach`."""
    kept = "".join(ch for ch in title if ch.isalnum() or ch in " -")
    return "_".join(kept.split())


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _block_list(items: Sequence[str]) -> str:
    return "".join(f"  - {item}\n" for item in items)


def _unique_title(rng: random.Random, taken: set[str]) -> str:
    while True:
        title = rng.choice(_FRAMES).format(
            place=rng.choice(_PLACES), adj=rng.choice(_ADJECTIVES), subject=rng.choice(_SUBJECTS)
        )
        if title not in taken:
            taken.add(title)
            return title


def _sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    if len(words) > 10 and rng.random() < 0.4:
        words[rng.randrange(3, len(words) - 3)] += ","
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), f"{rng.randint(2, 95)}%")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, budget: int) -> str:
    sentences: list[str] = []
    words = 0
    while words < budget:
        sentence = _sentence(rng)
        sentences.append(sentence)
        words += len(sentence.split())
    return " ".join(sentences)


def _table(rng: random.Random) -> str:
    rows = rng.sample(_SUBHEADINGS, rng.randint(3, 5))
    lines = ["| Initiative | Benefit |", "|------------|---------|"]
    lines += [f"| {row} | {_sentence(rng, 4, 8)[:-1]} |" for row in rows]
    return "\n".join(lines)


def _body(rng: random.Random, title: str, number: int) -> str:
    """About 600 words: intro, 2-4 sections (some with `##` subsections), a table, a quote,
    an external link and a conclusion."""
    outline: list[str] = ["# Introduction"]
    for heading in rng.sample(_HEADINGS, rng.randint(2, 4)):
        outline.append(f"# {heading}")
        outline += [f"## {sub}" for sub in rng.sample(_SUBHEADINGS, rng.randint(0, 2))]
    outline.append("# Conclusion")
    budget = rng.randint(400, 450) // len(outline)
    blocks = [f'![banner]({IMAGE_BASE}{file_stem(title)}.png "{_sentence(rng)}")']
    table_at = rng.randrange(1, len(outline) - 1)
    for position, heading in enumerate(outline):
        if heading == "# Conclusion":
            site = rng.choice(_LINK_SITES)
            link = f"[this article]({site}report-{number}-{rng.randint(1000, 9999)})"
            blocks += ["# External Reference", f"For more information, read {link}."]
        blocks += [heading, _paragraph(rng, budget)]
        if position == table_at:
            blocks += [_table(rng), f'> "{_sentence(rng, 14, 24)}" - Anonymous Expert']
    return "\n\n".join(blocks) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write N posts in Jekyll form (or for Material's blog plugin) under DEST/docs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("count", type=int, help="number of posts")
    parser.add_argument("dest", type=Path, help="project folder; posts go to DEST/docs")
    parser.add_argument("--material-blog", action="store_true", help="lay out for Material's blog")
    args = parser.parse_args(argv)
    posts = make_posts(args.count)
    writer = write_material_blog_docs if args.material_blog else write_jekyll_docs
    writer(args.dest / "docs", posts)
    print(f"wrote {len(posts)} posts to {args.dest / 'docs'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
