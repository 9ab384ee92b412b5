"""The plugin's options (`plugins: - reeblog: {...}` in `mkdocs.yml`).

Options named after Jekyll's settings mean what they mean in Jekyll. Those left unset are read
from `jekyll_config` when it is given, else they take Jekyll's defaults.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class WholeNumber(c.Type[int]):
    """A whole number from `minimum` up (YAML's `true` is no number); `meaning` goes in the
    error, which MkDocs starts with the option's name."""

    def __init__(self, minimum: int, meaning: str, *, default: int | None = None) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum
        self.meaning = meaning

    def run_validation(self, value: object) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and value >= self.minimum:
            return value
        raise c.ValidationError(
            f"expected a whole number from {self.minimum} up ({self.meaning}), got {value!r}"
        )


class UrlTemplate(c.Type[str]):
    """Text that holds `placeholder` (`/tag/:name/`), or is empty (no such pages) when
    `can_be_empty`."""

    def __init__(self, placeholder: str, example: str, *, can_be_empty: bool = True) -> None:
        super().__init__(str)
        self.placeholder = placeholder
        self.example = example
        self.can_be_empty = can_be_empty

    def run_validation(self, value: object) -> str:
        if isinstance(value, str) and (
            self.placeholder in value or (self.can_be_empty and value == "")
        ):
            return value
        accepted = f"a URL with {self.placeholder}, such as '{self.example}'"
        if self.can_be_empty:
            accepted += ", or '' for none"
        problem = "is not text" if not isinstance(value, str) else f"has no {self.placeholder}"
        raise c.ValidationError(f"{value!r} {problem}: expected {accepted}")


class ReeblogConfig(base.Config):
    """Options of the `reeblog` plugin."""

    jekyll_config = c.Optional(c.File(exists=True))
    """A Jekyll `_config.yml` to read `permalink`, `timezone`, `excerpt_separator`, `future`,
    `show_drafts`, `unpublished`, `url`, `baseurl` and the front matter `defaults:` from
    (relative to `mkdocs.yml`). Liquid's `site.data` is read from the `_data` folder (Jekyll's
    `data_dir`) of `docs_dir`, else from the one beside this file."""

    permalink = c.Optional(c.Type(str))
    """Jekyll's site-wide `permalink`: `date` (Jekyll's default), `pretty`, `ordinal`,
    `weekdate`, `none`, or a template such as `/:categories/:year/:month/:day/:title:output_ext`."""

    timezone = c.Optional(c.Type(str))
    """IANA time zone of dates without an offset, and of the dates in URLs (default `UTC`)."""

    excerpt_separator = c.Optional(c.Type(str))
    """Text that ends a post's excerpt (Jekyll's default: a blank line)."""

    future = c.Optional(c.Type(bool))
    """Publish posts dated after the build (default false: they are left out, with an info line)."""

    show_drafts = c.Optional(c.Type(bool))
    """Publish the posts of `_drafts/` folders, dated by their file's modification time."""

    unpublished = c.Optional(c.Type(bool))
    """Publish posts whose front matter says `published: false` (Jekyll's `--unpublished`)."""

    words_per_minute = WholeNumber(1, "words read per minute", default=200)
    """Reading speed used for the reading time shown on posts and cards."""

    date_format = c.Type(str, default="long")
    """How dates are shown: a Babel format (`short`, `medium`, `long`, `full`) or pattern
    (`d MMM y`), localised with the theme's `language`."""

    blog_url = c.Optional(c.Type(str))
    """URL of the blog index (default `/`: the home page, unless `docs/index.md` exists, which
    is kept and gets the listing where it writes `<!-- reeblog:posts -->`). Empty: no index."""

    paginate = c.Optional(WholeNumber(0, "posts per page; 0: one page"))
    """Posts per page of the blog index (Jekyll's `paginate`; default 10; 0: one page)."""

    archive_paginate = c.Optional(WholeNumber(0, "posts per page; 0: one page"))
    """Posts per page of each tag and category page (default 50; 0: one page, as
    jekyll-archives writes them). Year archives are one compact list each."""

    paginate_path = c.Optional(UrlTemplate(":num", "page:num/", can_be_empty=False))
    """Where the pages after the first go, relative to the listing (Jekyll's `paginate_path`,
    default `page:num/`: `/page2/`, `/tag/japan/page2/`)."""

    tag_url = c.Optional(UrlTemplate(":name", "/tag/:name/"))
    """URL of each tag's page, jekyll-archives style (default `/tag/:name/`; empty: none)."""

    category_url = c.Optional(UrlTemplate(":name", "/category/:name/"))
    """URL of each category's page (default `/category/:name/`; empty: none)."""

    year_url = c.Optional(UrlTemplate(":year", "/:year/"))
    """URL of each year's archive (default `/:year/`; empty: none)."""

    tags_index_url = c.Optional(c.Type(str))
    """URL of the page listing every tag with its count (default `/tags/`; empty: none)."""

    categories_index_url = c.Optional(c.Type(str))
    """URL of the page listing every category (default `/categories/`; empty: none)."""

    image_keys = c.Optional(c.Type(dict))
    """Front-matter keys that name each post image, first found wins, replacing the defaults of
    the roles given: `{banner: [header.image], card: [header.teaser], social: [share-img]}`.
    Dotted keys read inside mappings. The defaults are the five most used Jekyll blog themes'
    keys (docs/reference.md, "Images"); a card without its own image shows the banner, social
    tags the banner or else the card's."""

    excerpt_length = WholeNumber(0, "characters", default=350)
    """Length in characters near which automatic card excerpts are cut (at a word boundary)."""

    nav_title = c.Type(str, default="Blog")
    """Title of the nav section that holds the blog index and the tag and category indexes
    (empty: no section)
    (added when `mkdocs.yml` has no `nav:`, or when its `nav:` names none of them)."""

    cache_nav = c.Type(bool, default=True)
    """With Material, draw the navigation sidebar once for the pages that show it alike (posts
    and listing pages, which are not in the nav) instead of once per page. It is left off by
    itself when `custom_dir` overrides one of the sidebar's templates; `false` turns it off."""

    blog_title = c.Optional(c.Type(str))
    """Heading of the blog index (default: the site's name on the home page, else `Blog`)."""

    feed_path = c.Optional(c.Type(str))
    """Path of the Atom feed (jekyll-feed's `feed.path`, default `feed.xml`; empty: no feed).
    Needs `site_url`: feeds hold absolute links."""

    feed_limit = c.Optional(WholeNumber(0, "posts"))
    """Newest posts in the feed (jekyll-feed's `feed.posts_limit`, default 10)."""

    feed_content = c.Optional(c.Type(bool))
    """Put each post's whole HTML in the feed (default true; jekyll-feed's `excerpt_only`
    inverted). The card excerpt is always the entry's summary."""

    feed_terms = c.Type(bool, default=False)
    """Also write a feed per tag (`feed/by_tag/SLUG.xml`) and per category (`feed/SLUG.xml`)."""

    seo = c.Type(bool, default=True)
    """Write Open Graph, Twitter and JSON-LD tags in the head of posts and listing pages."""

    redirect_from_permalink = c.Optional(c.Type(str))
    """A permalink style or template the blog used before (`date`): every post also gets a
    redirect page at the URL that style gives it, when that URL differs from its own."""

    redirects = c.Type(dict, default={})
    """Redirect pages from old URLs to pages of the site: `{/archives.html: /tags/}` (old URL
    path: a site path or an absolute URL), written as jekyll-redirect-from writes them.
    `reeblog import` fills it for the Jekyll theme pages the plugin's pages replace."""

    markdown = c.Choice(("kramdown", "mkdocs"), default="kramdown")
    """How posts' Markdown is read: `kramdown`, as Jekyll reads it (kramdown with GFM input:
    its lists, code, tables, footnotes, definition lists, abbreviations, attribute lists
    `{: .class}`, `{:toc}`, `markdown="1"`, heading ids and typographic quotes), whatever the
    site's `markdown_extensions`; `mkdocs`: as MkDocs reads any page, with the site's
    `markdown_extensions` (for posts written for MkDocs). Pages that are not posts are always
    MkDocs'."""

    kramdown = c.Deprecated(
        message="reeblog: the option '{}' is no longer used: posts are read as kramdown reads "
        "them (`markdown: kramdown`, the default); `markdown: mkdocs` reads them with the "
        "site's own Markdown extensions."
    )
    share_converter = c.Deprecated(
        message="reeblog: the option '{}' is no longer used: posts have a renderer of their own."
    )

    includes_dir = c.Type(str, default="_includes")
    """Folder of `{% include %}` files for Liquid in posts, relative to `docs_dir` (Jekyll's
    `includes_dir`). Its files are not published."""
