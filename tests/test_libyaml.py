"""golive's YAML loader gives every node the tag PyYAML's own safe loader gives it."""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from golive.loaders.libyaml import Loader

DOCUMENT = """
Plain: [yes, no, on, off, true, 1, -7, 0x1F, 0o17, 1.5, .inf, 1e3, null, ~, '', 2010-09-09]
Quoted: ["yes", '1', "null", "1.5"]
Tagged: [!Ref Name, !!str 3, !Sub "${A}"]
Nested: {a: {b: [1, {c: off}]}, 3: three}
Again: [yes, 1, null]
"""


def _tags(node: yaml.Node) -> Iterator[tuple[str, str]]:
    if isinstance(node, yaml.ScalarNode):
        yield node.value, node.tag
        return
    yield type(node).__name__, node.tag
    pairs = node.value if isinstance(node, yaml.MappingNode) else [(v,) for v in node.value]
    for pair in pairs:
        for child in pair:
            yield from _tags(child)


def test_tags_match_pyyaml() -> None:
    ours = list(_tags(yaml.compose(DOCUMENT, Loader=Loader)))
    theirs = list(_tags(yaml.compose(DOCUMENT, Loader=yaml.SafeLoader)))
    assert ours == theirs
    assert ("yes", "tag:yaml.org,2002:bool") in ours  # YAML 1.1 booleans stay booleans
    assert ("1", "tag:yaml.org,2002:str") in ours  # quoted: a string
    # a second compose answers from the remembered tags, identically
    assert list(_tags(yaml.compose(DOCUMENT, Loader=Loader))) == ours
