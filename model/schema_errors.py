"""Pydantic's validation errors as problems with messages in Finnish, Swedish and English."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from kototieto.model.problems import Problem, Severity
from kototieto.model.suggest import code_hint
from kototieto.model.text import LANGS, T, Text, TextError

_MESSAGES: dict[str, Text] = {
    "missing": T(
        "Pakollinen tieto puuttuu. Lisää kenttä.",
        "Obligatorisk uppgift saknas. Lägg till fältet.",
        "A required field is missing. Add it.",
    ),
    "extra_forbidden": T(
        "Tuntematon kenttä. Tarkista kirjoitusasu tai poista kenttä; omat kentät kuuluvat "
        "kohtaan 'extensions'.",
        "Okänt fält. Kontrollera stavningen eller ta bort fältet; egna fält hör till 'extensions'.",
        "Unknown field. Check the spelling or remove it; a pilot's own fields belong under 'extensions'.",
    ),
    "code_list": T(
        "'{value}' ei ole koodiston '{list_id}' arvo. Valitse koodiston arvo.",
        "'{value}' är inte ett värde i kodlistan '{list_id}'. Välj ett värde ur kodlistan.",
        "'{value}' is not a value of the code list '{list_id}'. Choose one of its values.",
    ),
    "string_type": T("Arvon pitää olla tekstiä.", "Värdet ska vara text.", "The value must be text."),
    "int_type": T(
        "Arvon pitää olla kokonaisluku.", "Värdet ska vara ett heltal.", "The value must be a whole number."
    ),
    "float_type": T("Arvon pitää olla luku.", "Värdet ska vara ett tal.", "The value must be a number."),
    "bool_type": T(
        "Arvon pitää olla true tai false.",
        "Värdet ska vara true eller false.",
        "The value must be true or false.",
    ),
    "list_type": T("Arvon pitää olla luettelo.", "Värdet ska vara en lista.", "The value must be a list."),
    "model_type": T(
        "Arvon pitää olla kenttien ryhmä (avain: arvo -rivejä).",
        "Värdet ska vara en grupp fält (rader nyckel: värde).",
        "The value must be a group of fields (key: value lines).",
    ),
    "dict_type": T(
        "Arvon pitää olla kenttien ryhmä (avain: arvo -rivejä).",
        "Värdet ska vara en grupp fält (rader nyckel: värde).",
        "The value must be a group of fields (key: value lines).",
    ),
    "string_pattern_mismatch": T(
        "Arvo ei ole sallitussa muodossa.",
        "Värdet har inte tillåten form.",
        "The value is not in the allowed form.",
    ),
    "string_too_short": T("Arvo on tyhjä.", "Värdet är tomt.", "The value is empty."),
    "string_too_long": T("Arvo on liian pitkä.", "Värdet är för långt.", "The value is too long."),
    "too_short": T(
        "Luettelossa pitää olla vähintään {min_length} kohta(a).",
        "Listan ska ha minst {min_length} punkt(er).",
        "The list needs at least {min_length} item(s).",
    ),
    "greater_than_equal": T(
        "Arvon pitää olla vähintään {ge}.",
        "Värdet ska vara minst {ge}.",
        "The value must be at least {ge}.",
    ),
    "less_than_equal": T(
        "Arvon pitää olla enintään {le}.",
        "Värdet ska vara högst {le}.",
        "The value must be at most {le}.",
    ),
    "literal_error": T(
        "Arvon pitää olla {expected}.",
        "Värdet ska vara {expected}.",
        "The value must be {expected}.",
    ),
    "union_tag_invalid": T(
        "Tuntematon tietueen laji '{tag}'. Sallitut: {expected_tags}.",
        "Okänd typ av post '{tag}'. Tillåtna: {expected_tags}.",
        "Unknown record kind '{tag}'. Allowed: {expected_tags}.",
    ),
    "union_tag_not_found": T(
        "Tietueen laji (kind) puuttuu.",
        "Typ av post (kind) saknas.",
        "The record kind (kind) is missing.",
    ),
}

_VALUE_ERROR = T("Virheellinen arvo: {msg}", "Felaktigt värde: {msg}", "Invalid value: {msg}")

#: Keys only a multisectoral assessment has: in a basic one they get their own rule and message.
MULTI_ONLY_MESSAGE = T(
    "Tämä tieto kuuluu vain monialaiseen arviointiin (laki 15 §). Poista kenttä tai kirjaa "
    "monialainen arviointi (kind: multisectoral-assessment).",
    "Uppgiften hör endast till den sektorsövergripande bedömningen (lagen 15 §). Ta bort fältet "
    "eller registrera en sektorsövergripande bedömning (kind: multisectoral-assessment).",
    "This item belongs to a multisectoral assessment only (Act 15 §). Remove the field or record a "
    "multisectoral assessment (kind: multisectoral-assessment).",
)


def _ctx(error: Any) -> dict[str, Any]:
    ctx = dict(error.get("ctx") or {})
    ctx.setdefault("value", error.get("input"))
    return {k: v for k, v in ctx.items() if isinstance(v, str | int | float)}


QUOTE_IT = T(
    "Kirjoita arvo lainausmerkeissä: {quoted}.",
    "Skriv värdet inom citattecken: {quoted}.",
    "Write it in quotes: {quoted}.",
)


def _join(first: Text, second: Text | None) -> Text:
    if second is None:
        return first
    return Text(*(f"{first.get(lang)} {second.get(lang)}" for lang in LANGS))


def _quoted_number(path: tuple[str | int, ...], value: object) -> str:
    text = str(value)
    names = " ".join(str(p) for p in path)
    if isinstance(value, int) and "municipality" in names and len(text) < 3:
        text = text.zfill(3)  # municipality codes have three digits: 91 was written 091
    return f"'{text}'"


def schema_text(error: Any, path: tuple[str | int, ...] = ()) -> Text:
    """One pydantic error's message in fi, sv and en (records; definition files reuse it)."""
    return _schema_text(error, path)


def _schema_text(error: Any, path: tuple[str | int, ...]) -> Text:
    etype = error["type"]
    raw_ctx = error.get("ctx") or {}
    cause = raw_ctx.get("error")
    if isinstance(cause, TextError):
        return cause.text
    template = _MESSAGES.get(etype)
    ctx = _ctx(error)
    if template is None or etype == "value_error":
        msg = str(error["msg"]).removeprefix("Value error, ")
        return _VALUE_ERROR.format(msg=msg)
    try:
        text = template.format(**ctx)
    except (KeyError, IndexError):
        text = template
    expected = ctx.get("expected")
    if etype == "literal_error" and isinstance(expected, str) and " or " in expected:
        # pydantic words the choices in English ("'may' or 'shall'"): "tai" and "eller" in fi and sv
        head, last = expected.rsplit(" or ", 1)
        text = Text(
            template.fi.format(expected=f"{head} tai {last}"),
            template.sv.format(expected=f"{head} eller {last}"),
            text.en,
        )
    value = error.get("input")
    if etype == "code_list":
        return _join(text, code_hint(str(ctx.get("list_id", "")), value))
    if etype == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        return _join(text, QUOTE_IT.format(quoted=_quoted_number(path, value)))
    return text


#: A key under ``extensions`` that the repository's definitions do not declare (it *is* where a
#: pilot's own fields belong, so the general "unknown field" advice would mislead).
UNKNOWN_EXTENSION = T(
    "Tuntematon lisäkenttä '{key}': tämän tietovaraston laajennusmäärittelyissä sitä ei ole tälle "
    "tietuelajille. "
    "Tarkista kirjoitusasu (organisaation tunnus, piste ja kentän nimi); `koto extension list` "
    "luettelee lisäkentät.",
    "Okänt tilläggsfält '{key}': detta förråds tilläggsdefinitioner har det inte för denna typ av "
    "post. Kontrollera stavningen (organisationens kod, en punkt och fältets namn); `koto extension list` listar "
    "tilläggsfälten.",
    "Unknown extension field '{key}': this repository's extension definitions do not declare it "
    "for this record kind. "
    "Check the spelling (organisation code, a dot and the field name); `koto extension list` "
    "lists the extension fields.",
)


def problems_from_error(exc: ValidationError, multisectoral_only: tuple[str, ...] = ()) -> list[Problem]:
    """Every error of ``exc`` as a problem; field paths are the record's own (no kind prefix)."""
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        path: tuple[str | int, ...] = tuple(error["loc"])
        etype = error["type"]
        if etype == "extra_forbidden" and len(path) == 1 and path[0] in multisectoral_only:
            problems.append(Problem(path, Severity.ERROR, "multisectoral-only", MULTI_ONLY_MESSAGE))
            continue
        if etype == "extra_forbidden" and len(path) == 2 and path[0] == "extensions":
            problems.append(Problem(path, Severity.ERROR, "schema", UNKNOWN_EXTENSION.format(key=path[1])))
            continue
        problems.append(Problem(path, Severity.ERROR, "schema", _schema_text(error, path)))
    return problems
