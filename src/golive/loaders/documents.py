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
from golive.loaders.libyaml import Loader as _Loader
from golive.loaders.locations import MAX_DEPTH, LineIndex, NestingTooDeepError, Path, index_json

#: Files larger than this are refused rather than read (a template is limited to 1 MB by
#: CloudFormation itself; 50 MB leaves room for generated and SAM sources).
MAX_BYTES = 50 * 1024 * 1024
#: A document may hold at most this many values once YAML aliases are expanded.
MAX_VALUES = 1_000_000

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
#: Tags read as plain data; any other (``!!python/...``, custom URIs) is reported.
_PLAIN_TAGS = frozenset(
    {_STR, _INT, _FLOAT, _BOOL, _NULL}
    | {f"tag:yaml.org,2002:{name}" for name in ("map", "seq", "timestamp", "binary", "value")}
)
_SCALAR_CONSTRUCTOR = yaml.constructor.SafeConstructor()

#: Short-form tags whose long form is not simply ``Fn::<Name>``.
_SPECIAL_TAGS = {"!Ref": "Ref", "!Condition": "Condition"}


def check_size(size: int, file: str) -> None:
    """Refuse a file over ``MAX_BYTES``; called before the file is read into memory."""
    if size > MAX_BYTES:
        raise LoadError(
            file,
            None,
            f"file is {_amount(size)}, over golive's limit of {_amount(MAX_BYTES)} "
            "for one template; split it or exclude the path",
        )


def _amount(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size:,} bytes"


#: Byte-order marks of encodings other than UTF-8, longest first (UTF-32 LE starts like UTF-16 LE).
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode_text(raw: bytes, file: str) -> str:
    """Bytes to text, refusing binary content and other encodings with a clear message."""
    check_size(len(raw), file)
    for bom, encoding in _OTHER_BOMS:
        if raw.startswith(bom):
            raise LoadError(
                file,
                1,
                f"the file is {encoding} text; CloudFormation reads UTF-8: "
                "re-save the file as UTF-8",
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
        raise LoadError(
            file,
            exc.lineno,
            f"invalid JSON: {exc.msg} (column {exc.colno}); fix the syntax there "
            "(JSON allows no comments, trailing commas or single quotes)",
        ) from exc
    except RecursionError as exc:
        raise LoadError(file, None, _too_deep("JSON")) from exc
    try:
        return data, index_json(text, MAX_NESTING)
    except NestingTooDeepError as exc:
        raise LoadError(file, exc.line, _too_deep("JSON")) from exc


def _too_deep(language: str) -> str:
    return (
        f"{language} nested more than {MAX_NESTING} levels deep; no template needs this: "
        "check that the file is what you meant to scan"
    )


def parse_yaml(text: str, file: str) -> tuple[Any, LineIndex, list[LoadError]]:
    """Parse one YAML document; returns data, its line index and non-fatal problems."""
    try:
        if _may_nest_deeply(text):
            _check_depth(text, file)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        line, message = _yaml_problem(exc, text)
        raise LoadError(file, line, message) from exc
    except yaml.YAMLError as exc:
        raise LoadError(file, None, f"invalid YAML: {exc}") from exc
    except RecursionError as exc:
        raise LoadError(file, None, _too_deep("YAML")) from exc
    if node is None:
        return None, LineIndex(), []
    converter = _Converter(file)
    if "&" in text:  # without anchors there are no aliases, and nothing can expand
        converter.measure(node)
    try:
        data = converter.convert(node, ())
    except RecursionError as exc:
        raise LoadError(file, None, _too_deep("YAML")) from exc
    return data, converter.index, converter.problems


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """The line and a reader's message for a YAML syntax error.

    libyaml reports where it gave up; for something left open (a bracket, a quote) that can
    be lines later, even past the end of the file, so the line where it opened is given.
    """
    problem = exc.problem or str(exc)
    context = exc.context or ""
    problem_line = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
    context_line = exc.context_mark.line + 1 if exc.context_mark is not None else None
    if context.startswith("while parsing a flow") and context_line is not None:
        bracket = "[" if "sequence" in context else "{"
        return context_line, (
            f"invalid YAML: the {bracket!r} on this line is not closed ({problem}); "
            f"add the missing closing bracket or the comma between items"
        )
    if context.startswith("while scanning a quoted scalar") and context_line is not None:
        return context_line, (
            "invalid YAML: the quoted string that starts on this line is never closed; "
            "add the closing quote"
        )
    if "another document" in problem:
        return problem_line, (
            "invalid YAML: a second document starts here ('---'), but a template is one "
            "document; remove the separator or split the file"
        )
    lines = text.splitlines()
    if (
        "cannot start any token" in problem
        and problem_line is not None
        and 0 < problem_line <= len(lines)
        and "\t" in lines[problem_line - 1]
    ):
        return problem_line, "invalid YAML: a tab character; YAML indents with spaces only"
    where = f" ({context} on line {context_line})" if context and context_line else ""
    return problem_line or context_line, (
        f"invalid YAML: {problem}{where}; fix this line (check its indentation against "
        "its neighbours, and quote values that contain ': ' or start with a special character)"
    )


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
                raise LoadError(file, line, _too_deep("YAML"))
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
        # Nodes whose children are being sized. Everything above such a node on the work
        # stack is its descendant, so meeting it again unsized means an alias to itself.
        open_nodes: set[int] = set()
        while work:
            node, children_done = work.pop()
            key = id(node)
            if key in sizes:
                continue
            if not children_done and key in open_nodes:
                raise LoadError(
                    self.file,
                    node.start_mark.line + 1,
                    "a YAML alias refers to a node that contains it (a recursive alias); "
                    "template values cannot contain themselves: remove the alias",
                )
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
                open_nodes.discard(key)
            else:
                open_nodes.add(key)
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
        if tag not in _PLAIN_TAGS:
            short = tag.replace("tag:yaml.org,2002:", "!!")
            self.problems.append(
                LoadError(
                    self.file,
                    node.start_mark.line + 1,
                    f"YAML tag {short!r} is not part of CloudFormation's YAML; golive read the "
                    "value as plain data and never runs it: remove the tag",
                )
            )
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
            if key_node.tag == _MERGE:
                self.problems.append(
                    LoadError(
                        self.file,
                        key_node.start_mark.line + 1,
                        "a YAML merge key ('<<'): CloudFormation does not merge keys, so the "
                        "values are not reviewed as properties; write them out instead",
                    )
                )
            if key in result:
                self.problems.append(
                    LoadError(
                        self.file,
                        key_node.start_mark.line + 1,
                        f"duplicate key {key!r}: CloudFormation rejects templates with "
                        "duplicate keys; remove one of them",
                    )
                )
            child = (*path, key)
            if len(child) <= MAX_DEPTH:
                # A key's own line, not its value's: findings point at "Fn:", not "Type:".
                self.index.lines.setdefault(child, key_node.start_mark.line + 1)
            result[key] = self.convert(value_node, child)
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
