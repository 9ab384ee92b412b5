"""The blog made of the posts: the post index, tags and categories, listing pages, excerpts,
feeds, SEO data and redirects (pure: nothing here imports MkDocs or Jinja, and only `jekyll/`
of this package)."""
