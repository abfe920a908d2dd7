"""Sync, conflict and erasure messages in the run's language (``kototieto.i18n``).

Messages are written as ``T(fi, sv, en)``; errors are raised with the text itself (``KotoError``
localises it), and ``say`` gives one as a string where a message is built into another text.
"""

from __future__ import annotations

from kototieto.i18n import tr
from kototieto.model.text import Text


def say(text: Text, **values: object) -> str:
    """``text`` in the run's language, with ``{name}`` placeholders filled."""
    out = tr(text)
    return out.format(**values) if values else out
