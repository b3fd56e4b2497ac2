"""Every service module of the mapping package, imported so its mappings are registered."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from golive.loaders.terraform import mapping


@cache
def load_mappings() -> tuple[dict[str, mapping.Converter], dict[str, mapping.MergeRule]]:
    """The converters and mergers of every service module (imported once)."""
    for module in pkgutil.iter_modules(mapping.__path__):
        if module.name != "registry":
            importlib.import_module(f"{mapping.__name__}.{module.name}")
    return mapping.CONVERTERS, mapping.MERGERS
