"""Text conflict markers that plain Git writes into a file it could not merge.

When Git merges a record without the ``koto`` merge driver (a plain ``git pull`` in a clone where
the driver is not registered, or a driver Git could not start), it writes ``<<<<<<<``, ``=======``
and ``>>>>>>>`` lines into the record. The file is then no longer YAML; every door (validate,
commit, sync, conflicts) says what happened and the way out instead of a YAML syntax error.
"""

from __future__ import annotations

import re

from kototieto.model.text import T, Text

_MARKER = re.compile(r"^(?:<{7}(?: .*)?|={7}|>{7}(?: .*)?|\|{7}(?: .*)?)\r?$", re.MULTILINE)


def marker_line(text: str | bytes) -> int | None:
    """The 1-based line of the first Git conflict marker in ``text``; None when there is none."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    found = _MARKER.search(text)
    if found is None or not any(m.group(0).startswith("<<<<<<<") for m in _MARKER.finditer(text)):
        return None
    return text.count("\n", 0, found.start()) + 1


MESSAGE: Text = T(
    "Tiedostossa on Gitin ristiriitamerkinnät (<<<<<<< ======= >>>>>>>): Git yhdisti kaksi versiota "
    "ilman kotoa eikä osannut yhdistää niitä. Aja `koto conflicts`, niin koto yhdistää tietueen "
    "kenttä kentältä, tai peru yhdistäminen komennolla `koto sync --abort` ja aja sitten `koto sync`.",
    "Filen har Gits konfliktmarkeringar (<<<<<<< ======= >>>>>>>): Git slog ihop två versioner "
    "utan koto och kunde inte sammanfoga dem. Kör `koto conflicts` så sammanfogar koto posten fält "
    "för fält, eller avbryt sammanslagningen med `koto sync --abort` och kör sedan `koto sync`.",
    "the file holds Git conflict markers (<<<<<<< ======= >>>>>>>): Git merged two versions without "
    "koto and could not combine them. Run `koto conflicts` to have koto merge the record field by "
    "field, or undo the merge with `koto sync --abort` and then run `koto sync`.",
)
