"""Synthetic pilot data: invented people and their records, for the demo, tests and benchmarks.

It imports the model; the model never imports it. ``generator`` holds the dataset specification
and ``generate_dataset``; ``life`` plays one customer's integration path; ``records`` and ``reviews``
write the records; ``people``, ``phrases``, ``phrases_plan`` and ``text`` hold the invented names
and phrase banks; ``realism`` the deliberate imperfections.
"""
