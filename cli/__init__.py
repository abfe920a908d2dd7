"""The ``koto`` command, a thin layer over the library: one module per command group.

Start-up speed: ``koto --help`` and every command must start fast, so the command modules import
the library (store, reports, templates, site, ...) inside the command functions, not at the top.
These function-level imports are deliberate (they hide no import cycle: the library never imports
``cli``, see ``tests/test_architecture.py``).
"""

import importlib
import importlib.machinery
import os
import sys
import types
from typing import Any

_PLUGIN_LOADER = "pydantic.plugin._loader"
_OFF = ("__all__", "1", "true")  # the values of PYDANTIC_DISABLE_PLUGINS that switch plugins off


class _NoPydanticPlugins:
    """koto uses no pydantic plugins, and looking for them costs a write about 10 ms of start-up.

    The first time pydantic builds a validator it imports its plugin loader, which imports
    ``importlib.metadata`` (about 6 ms on top of what a write imports anyway; 25 ms alone) and reads
    the entry points of every installed distribution (a few ms). ``PYDANTIC_DISABLE_PLUGINS``,
    pydantic's own switch, is set to turn the search off unless the user has set it. While it is
    off this import hook gives pydantic a stand-in loader that answers "no plugins" without that
    import; when it is on, pydantic's own loader is used.
    """

    own = False  # pydantic's own loader was asked for: no stand-in any more

    @classmethod
    def find_spec(cls, name: str, path: Any = None, target: Any = None) -> Any:
        if name != _PLUGIN_LOADER or cls.own or os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in _OFF:
            return None
        return importlib.machinery.ModuleSpec(name, cls)  # type: ignore[arg-type]

    @staticmethod
    def create_module(spec: Any) -> None:
        return None

    @staticmethod
    def exec_module(module: types.ModuleType) -> None:
        def get_plugins() -> Any:
            if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in _OFF:
                return ()
            return pydantics_own().get_plugins()  # switched on since: pydantic's own loader

        def pydantics_own() -> Any:
            _NoPydanticPlugins.own = True
            if sys.modules.get(_PLUGIN_LOADER) is module:
                del sys.modules[_PLUGIN_LOADER]
            return importlib.import_module(_PLUGIN_LOADER)

        def other(name: str) -> Any:  # any other name pydantic may ask for: its own loader answers
            if name.startswith("__"):
                raise AttributeError(name)
            return getattr(pydantics_own(), name)

        vars(module).update(get_plugins=get_plugins, __getattr__=other)


os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
if not any(finder is _NoPydanticPlugins for finder in sys.meta_path):
    sys.meta_path.insert(0, _NoPydanticPlugins)
