"""A WeasyPrint URL fetcher that only serves the build's own files.

WeasyPrint fetches every URL a document mentions (stylesheets, images, fonts, `<link
rel=attachment>`). Templates can be overridden by users and the PDFs are built from untrusted
article text, so the fetcher must never become a way to read local files (`file:///etc/passwd`
embedded as an attachment) or to make requests (SSRF to http://127.0.0.1). This fetcher refuses
everything except `data:` URLs and `file:` URLs that resolve (after following symlinks) inside one
of the allowed folders, and it reads those files itself: it never calls the network-capable
`urllib` opener of its base class.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    """A URL outside the build's own folders; WeasyPrint logs it and renders without it."""


class RestrictedFetcher(URLFetcher):
    """Serve `file:` URLs inside `roots` (and inline `data:` URLs); refuse everything else."""

    def __init__(self, roots: Iterable[Path | str], **kwargs: object) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, **kwargs)
        self.roots = tuple(Path(root).resolve() for root in roots)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            # Inline data: decoded by urllib's DataHandler, no I/O involved.
            return super().fetch(url, headers)
        if scheme == "file":
            path = self.allowed_path(url)
            if path is not None:
                return self.read(url, path)
        self.refused.append(url)
        raise RefusedURL(f"refused to fetch {url!r}: only the build's own files are served")

    def allowed_path(self, url: str) -> Path | None:
        """The local file a `file:` URL names, if it is a regular file inside an allowed root."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.netloc not in ("", "localhost"):
            return None  # file://host/share: a network path
        try:
            path = Path(url2pathname(unquote(parts.path))).resolve()
        except (OSError, ValueError):
            return None
        if not path.is_file():
            return None
        return path if any(path.is_relative_to(root) for root in self.roots) else None

    @staticmethod
    def read(url: str, path: Path) -> URLFetcherResponse:
        mime, _ = mimetypes.guess_type(path.name)
        headers = {"Content-Type": mime or "application/octet-stream"}
        return URLFetcherResponse(url, body=path.read_bytes(), headers=headers)
