"""The ``koto`` command, a thin layer over the library: one module per command group.

Start-up speed: ``koto --help`` and every command must start fast, so the command modules import
the library (store, reports, templates, site, ...) inside the command functions, not at the top.
These function-level imports are deliberate (they hide no import cycle: the library never imports
``cli``, see ``tests/test_architecture.py``).
"""

import os

# koto uses no pydantic plugins: pydantic's own documented switch spares every command the search
# of installed distributions' entry points for them (unless the user has set it otherwise).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
