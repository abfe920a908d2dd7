"""The catalogue site and the consultation round (see README: Catalogue site and consultation)."""
