"""Reading a Jekyll site as Jekyll reads it: front matter, dates, URLs, posts and pages, the site
settings, Liquid and kramdown (pure: nothing here imports MkDocs, Jinja or `blog/`)."""
