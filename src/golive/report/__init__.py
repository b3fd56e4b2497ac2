"""Renderers: the same scan result as a terminal summary, a Markdown review or JSON."""
