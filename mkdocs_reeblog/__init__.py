"""mkdocs-reeblog: publish an unchanged Jekyll blog with MkDocs and Material for MkDocs.

Three layers, each importing only from the ones below it (`tests/test_layers.py` checks):

* `jekyll/`: the Jekyll site as Jekyll reads it (front matter, dates, URLs, posts, pages,
  settings, Liquid, kramdown); imports nothing from MkDocs, Jinja or `blog/`.
* `blog/`: the blog made of the posts (the post index, taxonomies, listings, excerpts, feeds,
  SEO, redirects); imports nothing from MkDocs or Jinja.
* this folder: the MkDocs plugin and what it does with MkDocs and the theme. `plugin.py` is
  MkDocs' events only: `configure.py` reads the configuration (`config.py`, `options.py`) into
  a `Setup`; `planner.py` plans each build into a `Build` (`build.py`) in `on_files`; the page
  events are `page_markdown.py`, `post_render.py` and `page_writing.py` (`seo_context.py`).
  The rest: generated files and redirect pages, navigation, the HTML the templates get
  (`views.py`, `blog_html.py`), other plugins (`neighbours.py`), and `speed/`. The `reeblog`
  command (`importer/`) uses all three.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
