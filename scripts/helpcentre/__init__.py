"""helpcentre: an exchange's multilingual help centre, run as code.

Data flows one way: ``content`` (load + validate) -> ``freshness`` / ``search``
-> ``site`` (the MkDocs glue). ``cli`` is a thin layer over all of them.
"""

__version__ = "0.1.0"
