"""The ``koto`` command, a thin layer over the library: one module per command group.

Start-up speed: ``koto --help`` and every command must start fast, so the command modules import
the library (store, reports, templates, site, ...) inside the command functions, not at the top.
These function-level imports are deliberate (they hide no import cycle: the library never imports
``cli``, see ``tests/test_architecture.py``).
"""
