"""The ruamel.yaml internals the bulk loader (store/bulkload.py) relies on are still there.

``pyproject.toml`` bounds ruamel.yaml below 0.20; a release that moves these must fail here, loudly
and by name, not as wrong data: ``resolver.implicit_resolvers`` (the YAML 1.2 table: (versions, tag,
regexp, first characters)), the ``lazy_self`` proxy around its patterns, ``ruamel.yaml.cyaml.CParser``
(the fallback C parser) and the node and error classes the strict loader imports.
"""

from __future__ import annotations

import re
from importlib.metadata import version

import ruamel.yaml.cyaml
import ruamel.yaml.error
import ruamel.yaml.nodes
from ruamel.yaml import resolver

from kototieto.store import bulkload


def test_the_installed_ruamel_is_within_the_declared_bound() -> None:
    major, minor = (int(p) for p in version("ruamel.yaml").split(".")[:2])
    assert (0, 18) <= (major, minor) < (0, 20), version("ruamel.yaml")


def test_the_implicit_resolver_table_has_the_shape_the_bulk_loader_reads() -> None:
    table = resolver.implicit_resolvers
    assert isinstance(table, list) and table, "ruamel.yaml.resolver.implicit_resolvers is gone or empty"
    tags = set()
    for entry in table:
        versions, tag, regexp, firsts = entry  # four fields, as bulkload._table unpacks them
        assert all(isinstance(v, tuple) and len(v) == 2 for v in versions), entry
        assert isinstance(firsts, list | str), entry
        pattern = bulkload._compiled(regexp)
        assert isinstance(pattern, re.Pattern), f"{tag}: the pattern is not a compiled regexp: {pattern!r}"
        if (1, 2) in versions:
            tags.add(str(tag))
    for wanted in ("bool", "int", "float", "null", "timestamp"):
        assert f"tag:yaml.org,2002:{wanted}" in tags, sorted(tags)


def test_the_c_parser_and_node_classes_exist() -> None:
    assert callable(ruamel.yaml.cyaml.CParser)  # type: ignore[attr-defined]
    for name in ("MappingNode", "ScalarNode", "SequenceNode", "Node"):
        assert isinstance(getattr(ruamel.yaml.nodes, name), type), name
    assert issubclass(ruamel.yaml.error.YAMLError, Exception)


def test_the_table_resolves_as_yaml_1_2() -> None:
    """The table the bulk loader built: YAML 1.2 (``no`` is text, ``0o10`` octal) on both loaders."""
    assert bulkload.fast_load(b"a: no\nb: 0o10\nc: 010\nd: ~\n", "t.yaml") == {
        "a": "no",
        "b": 8,
        "c": 10,
        "d": None,
    }
