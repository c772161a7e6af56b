"""The curated knowledge layer: armed groups and their aliases, well-known institutions, demonyms.

Kept small, documented and general (not tied to any one article). Owned by the actors stage.
"""
