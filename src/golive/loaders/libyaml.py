"""The YAML loader templates are composed with: libyaml's, with less work per node.

libyaml parses in C but calls back into Python for every node it composes; what those calls
do is cut down here, without changing any result (see ``Loader``).
"""

from __future__ import annotations

from typing import Any

import yaml

try:
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing: slower but still correct
    _BaseLoader = yaml.SafeLoader

_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}
#: Implicit tags of plain scalars already seen (keys and type names repeat in every file).
_PLAIN_SCALAR_TAGS: dict[str, str] = {}
_PLAIN_SCALAR_CACHE_LIMIT = 50_000


class Loader(_BaseLoader):
    """libyaml's safe loader, with the per-node work libyaml calls back into Python cut down.

    The composer asks the resolver for the tag of every untagged node. golive registers no
    path resolvers, so the descend/ascend bookkeeping is skipped; a plain scalar's implicit
    tag (int, bool, null...) depends only on its text, so it is remembered; anything else
    gets its kind's default tag, as PyYAML's resolver would give it.
    """

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            tag = _PLAIN_SCALAR_TAGS.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(_PLAIN_SCALAR_TAGS) < _PLAIN_SCALAR_CACHE_LIMIT:
                    _PLAIN_SCALAR_TAGS[value] = tag
            return tag
        return _DEFAULT_TAGS[kind]
