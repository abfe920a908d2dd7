"""Text in the three languages of the catalogue."""

from __future__ import annotations

from dataclasses import dataclass

LANGS: tuple[str, str, str] = ("fi", "sv", "en")


@dataclass(frozen=True, slots=True)
class Text:
    """One text in Finnish, Swedish and English. Every user-visible string of the model is one."""

    fi: str
    sv: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` (fi, sv or en); unknown languages fall back to Finnish."""
        if lang == "sv":
            return self.sv
        if lang == "en":
            return self.en
        return self.fi

    def as_dict(self) -> dict[str, str]:
        return {"fi": self.fi, "sv": self.sv, "en": self.en}

    def format(self, **values: object) -> Text:
        """Fill ``{name}`` placeholders in all three languages."""
        return Text(self.fi.format(**values), self.sv.format(**values), self.en.format(**values))


def T(fi: str, sv: str, en: str) -> Text:
    """Short constructor used throughout the field definitions."""
    return Text(fi, sv, en)


class TextError(ValueError):
    """A ValueError whose message is a text in three languages.

    Raise it from a validator instead of a plain ValueError: the problem then carries the message in
    every language (``kototieto.model.schema_errors``), not English inside a Finnish frame.
    """

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text
