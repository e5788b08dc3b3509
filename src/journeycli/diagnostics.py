"""The one finding type: every check yields Diagnostics, every reporter prints them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that ``severity >= fail_on`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding at a 1-based line and column of a file.

    ``excerpt`` is the source line, kept so the text reporter can show it with a
    caret without reading the file again (stdin cannot be read twice).
    """

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    rule: str
    message: str
    hint: str | None = None
    excerpt: str | None = field(default=None, compare=False)

    @property
    def full_message(self) -> str:
        """The message with its hint, for formats that have one text field."""
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)


@dataclass(slots=True)
class Summary:
    """Counts for the summary line and the JSON ``summary`` object."""

    files: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    @classmethod
    def of(cls, files: int, diagnostics: list[Diagnostic]) -> Summary:
        summary = cls(files=files)
        for diagnostic in diagnostics:
            if diagnostic.severity is Severity.ERROR:
                summary.errors += 1
            elif diagnostic.severity is Severity.WARNING:
                summary.warnings += 1
            else:
                summary.infos += 1
        return summary

    def as_dict(self) -> dict[str, int]:
        return {"files": self.files, "errors": self.errors, "warnings": self.warnings, "infos": self.infos}
