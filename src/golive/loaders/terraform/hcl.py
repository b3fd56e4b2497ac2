"""Terraform files into blocks of unevaluated expressions, with lines and comments.

python-hcl2 parses each ``.tf`` file into a Lark tree that keeps every expression as a tree
and every position; golive evaluates those trees itself (``expressions``) instead of
python-hcl2's string rendering, so references, unknowns and lines survive. This module only
reshapes the tree into ``Body``/``Block`` records; it evaluates nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from golive.loaders.errors import LoadError
from golive.model import Comment

#: Files larger than this are not parsed (a generated file of that size is not a module).
MAX_TF_BYTES = 5_000_000


@dataclass
class Body:
    """A block body: its attributes (name -> expression tree) and nested blocks in order."""

    file: str
    attributes: dict[str, Any] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)

    def blocks_of(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]


@dataclass
class Block:
    """``kind "label" "label" { body }`` with the line of its first token."""

    kind: str
    labels: tuple[str, ...]
    body: Body
    line: int


def parse_file(path: Path) -> Body:
    """Parse one ``.tf`` file; raises ``LoadError`` naming the line of a syntax error."""
    file = str(path)
    size = path.stat().st_size
    if size > MAX_TF_BYTES:
        raise LoadError(
            file, None, f"the file is {size:,} bytes, over golive's limit of {MAX_TF_BYTES:,}"
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(file, None, f"not UTF-8 text ({exc.reason}); save it as UTF-8") from exc
    return parse_text(text, file)


def parse_text(text: str, file: str) -> Body:
    """Parse HCL text (``file`` names it in errors)."""
    import hcl2
    from lark.exceptions import LarkError, UnexpectedInput

    if not text.endswith("\n"):
        text += "\n"  # the grammar ends statements with a newline
    try:
        tree = hcl2.parses_to_tree(text)
    except UnexpectedInput as exc:
        raise LoadError(
            file,
            getattr(exc, "line", None),
            "not valid HCL here; run `terraform validate` to see the exact problem",
        ) from exc
    except LarkError as exc:
        raise LoadError(file, None, f"not valid HCL: {exc}") from exc
    (body,) = [c for c in tree.children if _name(c) == "body"]
    return _body(body, file)


def _name(node: Any) -> str:
    return str(getattr(node, "data", ""))


def _body(node: Any, file: str) -> Body:
    body = Body(file)
    for child in node.children:
        kind = _name(child)
        if kind == "attribute":
            key = _identifier(child.children[0])
            body.attributes[key] = child.children[-1]
        elif kind == "block":
            body.blocks.append(_block(child, file))
        elif kind == "new_line_or_comment":
            body.comments.extend(_comments(child))
    return body


def _block(node: Any, file: str) -> Block:
    parts = [c for c in node.children if _name(c) in ("identifier", "keyword", "string")]
    inner = next(c for c in node.children if _name(c) == "body")
    kind = _identifier(parts[0])
    labels = tuple(_label(p) for p in parts[1:])
    block = Block(kind, labels, _body(inner, file), node.meta.line)
    # A comment on the opening line (`resource "x" "y" { # note`) belongs to the block.
    for child in node.children:
        if _name(child) == "new_line_or_comment":
            block.body.comments[:0] = _comments(child)
    return block


def _identifier(node: Any) -> str:
    if _name(node) in ("identifier", "keyword", "literal_value"):
        return str(node.children[0])
    if _name(node) == "string":
        return _label(node)
    return str(node)


def _label(node: Any) -> str:
    if _name(node) != "string":
        return _identifier(node)
    return "".join(str(p.children[0]) for p in node.children if _name(p) == "string_part")


def _comments(node: Any) -> list[Comment]:
    found = []
    for token in node.children:
        text = str(token)
        line = getattr(token, "line", None)
        if line is None:
            continue
        for offset, piece in enumerate(text.split("\n")):
            stripped = piece.strip()
            if stripped.startswith("#"):
                found.append(Comment(line + offset, stripped[1:].strip()))
            elif stripped.startswith("//"):
                found.append(Comment(line + offset, stripped[2:].strip()))
    return found


def bare_name(node: Any) -> str:
    """The text of a bare traversal like ``aws.east`` (provider = aws.east)."""
    words = [str(t) for t in node.scan_values(lambda v: getattr(v, "type", "") == "NAME")]
    return ".".join(words)


@lru_cache(maxsize=1024)
def parse_expression(source: str, file: str = "<template>") -> Any:
    """The tree of an expression inside a heredoc's ``${...}`` (parsed once per text);
    ``file`` names the text in errors."""
    body = parse_text(f"golive_expression = {source}\n", file)
    return body.attributes["golive_expression"]
