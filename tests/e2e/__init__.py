"""End-to-end tests: the example blog in Debian's Chromium, and a real `mkdocs gh-deploy`."""
