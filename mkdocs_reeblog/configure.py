"""What `on_config` makes of `mkdocs.yml` and the Jekyll config: the same for every build of
one configuration (each `mkdocs serve` rebuild reads the configuration again)."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from mkdocs_reeblog.config import ReeblogConfig
from mkdocs_reeblog.jekyll.data import read_data_dir
from mkdocs_reeblog.jekyll.dates import DateError
from mkdocs_reeblog.jekyll.settings import JekyllConfigError, read_jekyll_config
from mkdocs_reeblog.jekyll.urls import PermalinkError, check_permalink
from mkdocs_reeblog.neighbours import Neighbours
from mkdocs_reeblog.options import Options, resolve_options
from mkdocs_reeblog.site_settings import adopt_jekyll_settings, written_config
from mkdocs_reeblog.views import DateFormatter

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

__all__ = ["FileNames", "Setup", "configure"]

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = "reeblog/reeblog.css"


class FileNames:
    """Files as messages name them: relative to the folder of `mkdocs.yml`."""

    def __init__(self, config_dir: Path | None = None) -> None:
        self._config_dir = config_dir or Path.cwd()
        self._folders: dict[str, str] = {}
        """Each folder's relative path: one `relpath` a folder, not one a post."""

    def __call__(self, file: File) -> str:
        if file.abs_src_path is None:
            return file.src_uri
        folder, name = os.path.split(file.abs_src_path)
        if folder not in self._folders:
            self._folders[folder] = Path(os.path.relpath(folder, self._config_dir)).as_posix()
        return posixpath.join(self._folders[folder], name)

    def of_path(self, path: Path) -> str:
        """A path of the machine as messages name it."""
        return Path(os.path.relpath(path, self._config_dir)).as_posix()


@dataclass(frozen=True)
class Setup:
    """One configuration of the site: the plugin's options as written and as resolved, and
    what the rest of the configuration tells the plugin."""

    plugin: ReeblogConfig = field(default_factory=ReeblogConfig)
    """The plugin's options in `mkdocs.yml`, validated by MkDocs."""
    options: Options = field(default_factory=Options)
    """The options resolved over the Jekyll config (`options.py`)."""
    jekyll: dict[str, Any] = field(default_factory=dict)
    """The Jekyll config (`jekyll_config`), as Liquid's `site.*`."""
    site_data: dict[str, Any] = field(default_factory=dict)
    """Liquid's `site.data`: the Jekyll `_data` folder's files."""
    dates: DateFormatter = field(default_factory=lambda: DateFormatter("en", "long"))
    """How posts' dates are written, in the theme's language."""
    neighbours: Neighbours = field(default_factory=Neighbours)
    """The other plugins of the build that reeblog makes room for (`neighbours.py`)."""
    names: FileNames = field(default_factory=FileNames)


def configure(config: MkDocsConfig, plugin: ReeblogConfig, command: str) -> Setup:
    """The setup of `config` for `command` (`build`, `serve`...): settings `mkdocs.yml` leaves
    unset are taken from the Jekyll config, and the package's templates and stylesheet added
    to the theme. Raises `PluginError` for options that cannot be used."""
    names = FileNames(Path(config.config_file_path or "mkdocs.yml").resolve().parent)
    jekyll: dict[str, Any] = {}
    if plugin.jekyll_config:
        try:
            jekyll = read_jekyll_config(Path(plugin.jekyll_config))
        except JekyllConfigError as exc:
            raise PluginError(f"reeblog: jekyll_config: {exc}") from exc
        config.watch.append(str(plugin.jekyll_config))
        adopt_jekyll_settings(config, jekyll, plugin.jekyll_config, command)
    try:
        options = resolve_options(
            plugin,
            jekyll,
            site_url=_published_site_url(config, command),
            use_directory_urls=config.use_directory_urls,
            now=datetime.now(timezone.utc),
        )
    except (DateError, ValueError) as exc:
        raise PluginError(f"reeblog: {exc}") from exc
    for problem in options.settings.defaults.problems:
        log.warning("%s: %s", plugin.jekyll_config, problem)
    site_data = _read_site_data(config, plugin, jekyll, names)
    for key in ("permalink", "redirect_from_permalink"):
        try:
            check_permalink(plugin[key] or "date")
        except PermalinkError as exc:
            raise PluginError(f"reeblog: {key}: {exc}") from exc
    language = str(config.theme.get("language") or config.theme.locale or "en")
    try:
        dates = DateFormatter(language, plugin.date_format)
    except ValueError as exc:
        raise PluginError(f"reeblog: {exc}") from exc
    neighbours = Neighbours.of(config)
    for note in neighbours.notes():
        log.info("%s", note)
    if str(TEMPLATES) not in config.theme.dirs:
        config.theme.dirs.append(str(TEMPLATES))
    if STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, STYLESHEET)
    return Setup(plugin, options, jekyll, site_data, dates, neighbours, names)


def _read_site_data(
    config: MkDocsConfig, plugin: ReeblogConfig, jekyll: dict[str, Any], names: FileNames
) -> dict[str, Any]:
    """`site.data` from Jekyll's `data_dir` (`_data`) in `docs_dir`, else beside the Jekyll
    config; a file that cannot be read is left out with a warning."""
    name = str(jekyll.get("data_dir") or "_data")
    folders = [Path(config.docs_dir, name)]
    if plugin.jekyll_config:
        folders.append(Path(plugin.jekyll_config).resolve().parent / name)
    folder = next((f for f in folders if f.is_dir()), None)
    if folder is None:
        return {}
    if not folder.resolve().is_relative_to(Path(config.docs_dir).resolve()):
        config.watch.append(str(folder))  # `mkdocs serve` watches docs_dir already
    data, problems = read_data_dir(folder, names.of_path(folder))
    for problem in problems:
        log.warning("%s", problem)
    return data


def _published_site_url(config: MkDocsConfig, command: str) -> str | None:
    """`site_url` as `mkdocs.yml` says: `mkdocs serve` replaces it by its own address, but
    links that name the published site must still be recognised as the site's own."""
    if command != "serve":
        return config.site_url
    written = written_config(config).get("site_url")
    return str(written) if written else config.site_url
