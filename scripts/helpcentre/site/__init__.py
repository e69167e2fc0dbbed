"""The site: page models for templates (plain Python) and the thin MkDocs plugin."""
