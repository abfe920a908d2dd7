"""`koto demo`: the main job end to end on synthetic data. The one part allowed to call every other.

``build`` orchestrates (``build_demo``), ``history`` plays the officials' commits and ``outputs``
writes the printed plans, the site and the reports.
"""
