"""Pilot data in and out: spreadsheet import and templates, flat exports, cross-pilot aggregates.

``kototieto.exchange`` reads and writes through the store and the model only: ``spreadsheet``
(the Finnish-spreadsheet CSV dialect and XLSX writing, safe against formula injection; reading
CSV and XLSX with bounds), ``flatten`` (records to flat tables from the field catalogue),
``export`` (``koto export``), ``template`` and ``importer`` (``koto import``).
"""
