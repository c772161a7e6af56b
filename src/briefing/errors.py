"""The exception hierarchy. The CLI turns each into one line (`file:line: message`) and exit code 1.

Anything else escaping a stage is a bug in briefing and is shown with its traceback.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Base class of every error a user can fix by changing their input or config."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        if self.path and self.line:
            return f"{self.path}:{self.line}: {self.message}"
        if self.path:
            return f"{self.path}: {self.message}"
        return self.message


class ConfigError(BriefingError):
    """site.yaml is missing, unparsable, or has an option of the wrong type."""


class IngestError(BriefingError):
    """An article cannot be read: bad front matter, binary data, no text."""


class BuildError(BriefingError):
    """The build as a whole failed (for example `--strict` with warnings)."""
