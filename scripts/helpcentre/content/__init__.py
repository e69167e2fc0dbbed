"""The content model: one schema, one loader, the registries and the corpus.

Plain Python: nothing here imports MkDocs, so tests and every command use it
directly and it survives a change of site engine.
"""
