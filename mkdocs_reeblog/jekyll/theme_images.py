"""A post's images as the most used Jekyll blog themes name them: the banner at the top of the
post, the image of its card on listings, and the image of social cards (Open Graph, feeds).

| Key | Theme | Banner | Card | Social |
|---|---|---|---|---|
| `excerpt_image` | YAT (its card image; the plugin shows it as the banner too) | yes | yes | yes |
| `banner`, `banner.image` | YAT | yes | yes | yes |
| `image`, `image.path` | Chirpy, jekyll-seo-tag | yes | yes | yes |
| `header-img` | Hux Blog | yes | yes | yes |
| `header.overlay_image`, `header.image` | Minimal Mistakes | yes | yes | yes |
| `cover-img` (text, or a list: its first item) | Beautiful Jekyll | yes | yes | yes |
| `background` | Clean Blog | yes | yes | yes |
| `header.teaser` | Minimal Mistakes | | yes | yes |
| `thumbnail-img` | Beautiful Jekyll | | yes | yes |
| `header.og_image` | Minimal Mistakes | | | yes |
| `share-img` | Beautiful Jekyll | | | yes |

Each role takes the first of its keys the front matter has; a card without a card key shows
the banner, and social tags without a social key show the banner, else the card image (the
themes' own fallbacks). A dotted key reads inside a mapping (`header: {teaser: ...}`). The
alt text is the mapping's `alt` or `image_description` (Minimal Mistakes), or the caption of a
Beautiful Jekyll `cover-img` item (`- /img/a.jpg: A caption`). Chirpy's `media_subpath` (and
its older `img_path`) prefixes paths that are neither absolute nor URLs. The literal
`NO_EXCERPT_IMAGE` means "no image".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["DEFAULT_IMAGE_KEYS", "NO_IMAGE", "FoundImage", "ImageKeys", "find_image"]

NO_IMAGE = "NO_EXCERPT_IMAGE"
LIST_KEYS = frozenset({"cover-img"})
"""Keys whose value may be a list of images (the first is taken): Beautiful Jekyll's."""
ROLES = ("banner", "card", "social")

_BANNER = ("excerpt_image", "banner", "banner.image", "image", "image.path", "header-img",
           "header.overlay_image", "header.image", "cover-img", "background")  # fmt: skip


@dataclass(frozen=True)
class ImageKeys:
    """The front-matter keys of each image role, in order (dotted keys read inside mappings)."""

    banner: tuple[str, ...] = _BANNER
    card: tuple[str, ...] = ("header.teaser", "thumbnail-img")
    social: tuple[str, ...] = ("header.og_image", "share-img")

    @classmethod
    def from_option(cls, value: Mapping[str, Any]) -> ImageKeys:
        """The `image_keys` option: a role it names gets the keys listed, the others keep the
        defaults. Raises `ValueError` naming what is wrong."""
        unknown = sorted(set(value) - set(ROLES))
        if unknown:
            raise ValueError(f"image_keys: unknown roles {unknown}; use banner, card and social")
        roles: dict[str, tuple[str, ...]] = {}
        for role, keys in value.items():
            if isinstance(keys, str):
                keys = [keys]
            if not isinstance(keys, list) or not all(isinstance(k, str) and k for k in keys):
                raise ValueError(
                    f"image_keys: {role}: list front-matter keys, such as [header.image]"
                )
            roles[role] = tuple(keys)
        return cls(**roles)


DEFAULT_IMAGE_KEYS = ImageKeys()


@dataclass(frozen=True)
class FoundImage:
    """An image a front-matter key names."""

    key: str
    """The top-level key it was found under (for the line of messages)."""
    url: str
    """`""` for `NO_EXCERPT_IMAGE`: the post says it has none."""
    alt: str | None


def _lookup(data: Mapping[str, Any], dotted: str) -> tuple[Any, Mapping[str, Any]]:
    """The value of a dotted key, and the mapping that holds it."""
    holder: Mapping[str, Any] = data
    parts = dotted.split(".")
    for part in parts[:-1]:
        inner = holder.get(part)
        if not isinstance(inner, Mapping):
            return None, holder
        holder = inner
    return holder.get(parts[-1]), holder


def _alt(holder: Mapping[str, Any]) -> str | None:
    for key in ("alt", "image_description"):
        if isinstance(holder.get(key), str) and holder[key].strip():
            return str(holder[key]).strip()
    return None


def _prefixed(url: str, data: Mapping[str, Any]) -> str:
    """Chirpy's `media-url.html`: `media_subpath` before a path that is neither absolute nor a
    URL (nothing with a `:`)."""
    subpath = data.get("media_subpath") or data.get("img_path")
    if not isinstance(subpath, str) or not subpath or ":" in url or url.startswith("/"):
        return url
    return subpath.rstrip("/") + "/" + url


def _read(value: Any, holder: Mapping[str, Any], key: str) -> tuple[str, str | None] | None:
    """(url, alt) of a key's value: text, or for `LIST_KEYS` a list's first item (text, or
    `{url: caption}`)."""
    alt = _alt(holder)
    if isinstance(value, list) and value and key in LIST_KEYS:
        value = value[0]
        if isinstance(value, Mapping) and len(value) == 1:
            value, caption = next(iter(value.items()))
            alt = caption.strip() if isinstance(caption, str) and caption.strip() else alt
    if isinstance(value, str) and value.strip():
        return value.strip(), alt
    return None


def find_image(data: Mapping[str, Any], keys: tuple[str, ...]) -> FoundImage | None:
    """The image the first of `keys` names in the front matter `data`, or None."""
    for dotted in keys:
        value, holder = _lookup(data, dotted)
        found = _read(value, holder, dotted.rsplit(".", 1)[-1])
        if found is None:
            continue
        url, alt = found
        top = dotted.split(".", 1)[0]
        if url == NO_IMAGE:
            return FoundImage(top, "", None)
        return FoundImage(top, _prefixed(url, data), alt)
    return None
