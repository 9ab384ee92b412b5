"""mkdocs-reeblog: publish an unchanged Jekyll blog with MkDocs and Material for MkDocs."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
