"""The record model of Koto-Digi data content: pure, no I/O.

Modules, from the bottom up: ``text`` (fi/sv/en texts), ``meta`` and ``bases`` (the catalogue
entry every field carries), ``codes`` and ``codelists`` (code lists; ``refdata`` for the
authoritative ones), ``types`` (strict scalar types), ``common`` and ``record`` (shared parts),
one module per record kind (``customer``, ``assessment``, ``plan``, ``review``, ``guidance``),
``records`` (the kinds, ``parse_record``, ``record_to_data``), ``rules`` (legal parameters),
``record_rules`` and ``crossrules`` (the rules), ``validation`` (``validate_data``), ``catalogue``
and ``trace`` (the field catalogue and the decree items), ``jsonschema``, ``migrations``,
``identity`` (identity codes) and ``extensions`` (a pilot's own fields and code lists).

Import the submodule you need; this package imports nothing itself, so start-up stays fast.
"""
