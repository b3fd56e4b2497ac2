"""Parse YAML and JSON documents into plain data plus a line index.

YAML goes through libyaml's C composer when available; the node tree is then turned into
plain data here, which lets short-form intrinsics (``!Ref``, ``!GetAtt`` ...) become their long
form, duplicate keys be reported, and YAML aliases be measured before anything expands them.
Nothing in a document is ever executed: only the safe YAML tags are understood.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from golive.loaders.errors import LoadError
from golive.loaders.locations import MAX_DEPTH, LineIndex, Path, index_json

#: Files larger than this are refused rather than read (a template is limited to 1 MB by
#: CloudFormation itself; 50 MB leaves room for generated and SAM sources).
MAX_BYTES = 50 * 1024 * 1024
#: A document may hold at most this many values once YAML aliases are expanded.
MAX_VALUES = 1_000_000

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing: slower but still correct
    _Loader = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SCALAR_CONSTRUCTOR = yaml.constructor.SafeConstructor()

#: Short-form tags whose long form is not simply ``Fn::<Name>``.
_SPECIAL_TAGS = {"!Ref": "Ref", "!Condition": "Condition"}


def decode_text(raw: bytes, file: str) -> str:
    """Bytes to text, refusing binary content and other encodings with a clear message."""
    if len(raw) > MAX_BYTES:
        raise LoadError(
            file,
            None,
            f"file is {len(raw) // 2**20} MB, over golive's {MAX_BYTES // 2**20} MB limit "
            "for one template; split it or exclude the path",
        )
    if b"\x00" in raw[:8192]:
        raise LoadError(
            file, None, "binary content in a file named like a template; exclude or rename it"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError(
            file, line, "not UTF-8 text (CloudFormation reads UTF-8); re-save the file as UTF-8"
        ) from exc


def parse_json(text: str, file: str) -> tuple[Any, LineIndex]:
    """Parse JSON, keeping lines of keys and list items."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(file, exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise LoadError(file, None, "JSON nested too deeply to be a template") from exc
    return data, index_json(text)


def parse_yaml(text: str, file: str) -> tuple[Any, LineIndex, list[LoadError]]:
    """Parse one YAML document; returns data, its line index and non-fatal problems."""
    try:
        if _may_nest_deeply(text):
            _check_depth(text, file)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise LoadError(file, line, f"invalid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise LoadError(file, None, f"invalid YAML: {exc}") from exc
    except RecursionError as exc:
        raise LoadError(file, None, "YAML nested too deeply to be a template") from exc
    if node is None:
        return None, LineIndex(), []
    converter = _Converter(file)
    converter.measure(node)
    try:
        data = converter.convert(node, ())
    except RecursionError as exc:
        raise LoadError(file, None, "YAML nested too deeply to be a template") from exc
    return data, converter.index, converter.problems


#: Deeper nesting than this is refused: templates nest a few dozen levels at most, and
#: libyaml's composer recurses on the C stack, so unbounded depth would crash the process.
MAX_NESTING = 300
_DEEP_INDENT = re.compile(r"^ {150,}", re.MULTILINE)
_DEEP_COMPACT = re.compile(r"(?:[-?][ \t]+){60,}")


def _may_nest_deeply(text: str) -> bool:
    """A cheap over-estimate: can this text nest anywhere near ``MAX_NESTING`` levels?"""
    return (
        text.count("[") + text.count("{") > 100
        or _DEEP_INDENT.search(text) is not None
        or _DEEP_COMPACT.search(text) is not None
    )


def _check_depth(text: str, file: str) -> None:
    """Measure nesting on libyaml's event stream, which is iterative and safe at any depth."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise LoadError(
                    file,
                    line,
                    f"YAML nested more than {MAX_NESTING} levels deep; no template needs this: "
                    "check that the file is what you meant to scan",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Converter:
    """Turns a composed node tree into plain data, recording lines and problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.index = LineIndex()
        self.problems: list[LoadError] = []

    def measure(self, root: yaml.Node) -> None:
        """Refuse documents whose aliases would expand past ``MAX_VALUES`` (alias bombs)."""
        sizes: dict[int, int] = {}
        # Iterative post-order walk: every distinct node is sized once, so this is linear
        # in the document even when aliases make the expanded form exponential.
        work: list[tuple[yaml.Node, bool]] = [(root, False)]
        while work:
            node, children_done = work.pop()
            key = id(node)
            if key in sizes:
                continue
            children = _children(node)
            if children_done or not children:
                total = 1 + sum(sizes[id(c)] for c in children)
                if total > MAX_VALUES:
                    raise LoadError(
                        self.file,
                        node.start_mark.line + 1,
                        f"YAML aliases here expand to more than {MAX_VALUES:,} values "
                        "(an alias bomb?); no template needs that many: "
                        "write the values out or remove the aliases",
                    )
                sizes[key] = total
            else:
                work.append((node, True))
                work.extend((c, False) for c in children if id(c) not in sizes)

    def convert(self, node: yaml.Node, path: Path) -> Any:
        if len(path) <= MAX_DEPTH and path:
            self.index.lines.setdefault(path, node.start_mark.line + 1)
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            value = self._scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            value = [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        else:
            value = self._mapping(node, path)
        if tag.startswith("!"):
            return self._intrinsic(node, value)
        return value

    def _mapping(self, node: yaml.Node, path: Path) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or isinstance(key, (list, dict)):
                self.problems.append(
                    LoadError(
                        self.file,
                        key_node.start_mark.line + 1,
                        "a mapping key that is not a plain value; CloudFormation keys are names",
                    )
                )
                continue
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                self.problems.append(
                    LoadError(
                        self.file,
                        key_node.start_mark.line + 1,
                        f"duplicate key {key!r}: CloudFormation rejects templates with "
                        "duplicate keys; remove one of them",
                    )
                )
            result[key] = self.convert(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR or tag.startswith("!"):
            return node.value
        if tag == _INT:
            try:
                return int(node.value)
            except ValueError:
                return _SCALAR_CONSTRUCTOR.construct_yaml_int(node)
        if tag == _BOOL:
            return _SCALAR_CONSTRUCTOR.construct_yaml_bool(node)
        if tag == _NULL:
            return None
        if tag == _FLOAT:
            return _SCALAR_CONSTRUCTOR.construct_yaml_float(node)
        # Timestamps (AWSTemplateFormatVersion unquoted), binary and the rest stay text:
        # CloudFormation reads them as strings.
        return node.value

    def _intrinsic(self, node: yaml.Node, value: Any) -> Any:
        tag = node.tag
        name = _SPECIAL_TAGS.get(tag) or "Fn::" + tag[1:]
        if name == "Fn::GetAtt" and isinstance(value, str):
            resource, _, attribute = value.partition(".")
            value = [resource, attribute]
        return {name: value}


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []
