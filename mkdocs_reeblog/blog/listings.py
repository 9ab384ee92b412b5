"""The pages that list posts: the blog index (pages of `paginate` posts), tag and category
archives (pages of `archive_paginate` posts), year archives (one page each, as jekyll-archives
writes them), and the tag and category indexes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs_reeblog.blog.index import BlogIndex, PublishedPost
from mkdocs_reeblog.blog.taxonomy import Taxonomy, Term, years
from mkdocs_reeblog.jekyll.problems import Problem
from mkdocs_reeblog.jekyll.urls import Destination, destination

__all__ = [
    "LISTING_MARKDOWN",
    "MARKER",
    "Listing",
    "ListingOptions",
    "listing_title",
    "plan_listings",
    "posts_at_listing_urls",
    "resolve_listing_options",
]

_PAGE_NAMES = {"blog": "blog index", "tags": "tag index", "categories": "category index"}

MARKER = "<!-- reeblog:posts -->"
"""Written in a page, it is replaced by that page's listing (or the newest posts)."""
LISTING_MARKDOWN = MARKER + "\n"
"""The Markdown of every generated listing page."""


@dataclass(frozen=True)
class ListingOptions:
    """Where listing pages go (URLs with a leading `/`; empty disables a kind of page)."""

    blog_url: str = "/"
    paginate: int = 10
    archive_paginate: int = 50
    paginate_path: str = "page:num/"
    tag_url: str = "/tag/:name/"
    category_url: str = "/category/:name/"
    year_url: str = "/:year/"
    tags_index_url: str = "/tags/"
    categories_index_url: str = "/categories/"
    use_directory_urls: bool = True


@dataclass(frozen=True)
class Listing:
    """One page of a listing."""

    kind: str
    """`blog`, `tag`, `category`, `year`, `tags` or `categories`."""
    key: str
    """What is listed: the term's name, the year, or '' for the blog and the indexes."""
    dest: Destination
    posts: tuple[PublishedPost, ...] = ()
    total: int = 0
    """Posts in the whole listing (all its pages)."""
    number: int = 1
    pages: int = 1
    previous: Destination | None = None
    next: Destination | None = None
    terms: tuple[Term, ...] = ()
    """For the tag and category indexes."""
    term: Term | None = None

    @property
    def in_nav(self) -> bool:
        return self.number == 1 and self.kind in ("blog", "tags", "categories")


def listing_title(
    listing: Listing,
    *,
    site_name: str,
    blog_title: str | None,
    nav_title: str,
    heading: bool = False,
) -> str:
    """A listing's page title, or its `heading` (the blog index's is `blog_title`, else the
    site's name on the home page, else the nav section's title)."""
    if listing.kind == "blog":
        if heading:
            home = listing.dest.url in ("./", "index.html")
            title = blog_title or (site_name if home else nav_title or "Blog")
        else:
            title = "Posts"
    elif listing.kind in ("tags", "categories"):
        title = listing.kind.capitalize()
    else:
        title = f"{listing.kind.capitalize()}: {listing.key}"
    return title if listing.number == 1 else f"{title} (page {listing.number})"


def _page_url(base: str, number: int, paginate_path: str) -> str:
    if number == 1:
        return base
    url = base.rstrip("/") + "/" + paginate_path.lstrip("/").replace(":num", str(number))
    # jekyll-paginate writes `/page:num` as a folder too (`page2/index.html`).
    return url if url.endswith("/") or "." in url.rsplit("/", 1)[-1] else url + "/"


def _paginate(
    kind: str,
    key: str,
    base_url: str,
    posts: Sequence[PublishedPost],
    options: ListingOptions,
    per_page: int,
    term: Term | None = None,
) -> list[Listing]:
    size = per_page if per_page > 0 else max(1, len(posts))
    chunks = [tuple(posts[i : i + size]) for i in range(0, len(posts), size)] or [()]
    dests = [
        destination(
            _page_url(base_url, n, options.paginate_path),
            use_directory_urls=options.use_directory_urls,
        )
        for n in range(1, len(chunks) + 1)
    ]
    return [
        Listing(
            kind=kind,
            key=key,
            dest=dests[i],
            posts=chunk,
            total=len(posts),
            number=i + 1,
            pages=len(chunks),
            previous=dests[i - 1] if i > 0 else None,
            next=dests[i + 1] if i + 1 < len(chunks) else None,
            term=term,
        )
        for i, chunk in enumerate(chunks)
    ]


def plan_listings(
    index: BlogIndex, taxonomies: Sequence[Taxonomy], options: ListingOptions
) -> list[Listing]:
    """Every listing page the site gets, blog index first."""
    entries = list(index)
    listings: list[Listing] = []
    if options.blog_url:
        listings += _paginate("blog", "", options.blog_url, entries, options, options.paginate)
    for taxonomy in taxonomies:
        for term in taxonomy.terms:
            listings += _paginate(
                taxonomy.kind, term.name, term.url, term.posts, options,
                options.archive_paginate, term,
            )  # fmt: skip
        index_url = (
            options.tags_index_url if taxonomy.kind == "tag" else options.categories_index_url
        )
        if index_url:
            dest = destination(index_url, use_directory_urls=options.use_directory_urls)
            kind = "tags" if taxonomy.kind == "tag" else "categories"
            listings.append(
                Listing(kind, "", dest, total=len(taxonomy.terms), terms=taxonomy.terms)
            )
    if options.year_url:
        for year, posts in years(index).items():
            url = "/" + options.year_url.replace(":year", f"{year:04d}").lstrip("/")
            listings += _paginate("year", str(year), url, posts, options, per_page=0)
    return listings


def resolve_listing_options(
    options: dict[str, object], jekyll: dict[str, object], *, use_directory_urls: bool
) -> ListingOptions:
    """Plugin options (None = unset) over a Jekyll `_config.yml` (`paginate`, `paginate_path`,
    `jekyll-archives.permalinks`) over the defaults."""
    defaults = ListingOptions()
    archives = jekyll.get("jekyll-archives")
    permalinks = archives.get("permalinks") if isinstance(archives, dict) else None
    permalinks = permalinks if isinstance(permalinks, dict) else {}

    def pick(name: str, *fallbacks: object) -> object:
        value = options.get(name)
        if value is not None:
            return value
        return next((v for v in fallbacks if v is not None), getattr(defaults, name))

    blog_url = "/" + str(pick("blog_url")).strip("/") + "/"
    blog_url = "/" if blog_url == "//" else blog_url
    paginate_path = str(pick("paginate_path", jekyll.get("paginate_path")))
    # Jekyll names the whole path (`/blog/page:num/`): keep the part after the blog index.
    if paginate_path.startswith(blog_url):
        paginate_path = paginate_path[len(blog_url) :]
    return ListingOptions(
        blog_url=blog_url if options.get("blog_url") != "" else "",
        paginate=_count(pick("paginate", jekyll.get("paginate")), defaults.paginate),
        archive_paginate=_count(pick("archive_paginate"), defaults.archive_paginate),
        paginate_path=paginate_path.lstrip("/"),
        tag_url=str(pick("tag_url", permalinks.get("tag"))),
        category_url=str(pick("category_url", permalinks.get("category"))),
        year_url=str(pick("year_url", permalinks.get("year"))),
        tags_index_url=str(pick("tags_index_url")),
        categories_index_url=str(pick("categories_index_url")),
        use_directory_urls=use_directory_urls,
    )


def _count(value: object, default: int) -> int:
    """A page size from YAML (`10` or `"10"`), else `default`."""
    return int(value) if isinstance(value, (int, str)) and str(value).isdigit() else default


def posts_at_listing_urls(listings: list[Listing], index: BlogIndex) -> dict[str, Problem]:
    """Posts whose URL is one of a generated listing page, with their problem, by path."""
    pages = {listing.dest.dest_uri: listing for listing in listings}
    clashes: dict[str, Problem] = {}
    for entry in index:
        listing = pages.get(entry.dest.dest_uri)
        if listing is not None:
            post = entry.post
            clashes[post.path] = Problem(
                post.path,
                post.key_lines.get("permalink", 1),
                f"the URL {post.url} is the {_PAGE_NAMES.get(listing.kind, listing.kind + ' page')}"
                " the blog generates there; give the post another 'permalink'"
                " (this post is left out)",
            )
    return clashes
