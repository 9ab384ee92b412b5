"""Shortcuts that make a large blog's build cheaper without changing its output: Material's
navigation sidebar drawn once (`nav_cache.py`) and the generated listing pages' Markdown
converted once (`listing_page.py`). Each says when it stands aside."""
