"""Problems found in users' files, reported as `path:LINE: what is wrong and how to fix it`."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PostError", "Problem"]


class PostError(ValueError):
    """A problem at a line of the file being read; the caller adds the file's path."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file, ready to be logged."""

    path: str
    """The file, relative to the folder of `mkdocs.yml` (what a user types in an editor)."""
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    @classmethod
    def from_error(cls, path: str, error: PostError, consequence: str = "") -> Problem:
        """Attach `path` (and what happened to the post) to a `PostError`."""
        message = f"{error.message}{consequence}"
        return cls(path, error.line, message)
