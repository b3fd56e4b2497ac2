"""Evaluate HCL expression trees into golive values.

Known values become plain data; what Terraform learns only when it plans or applies stays
explicit: ``Reference`` for another resource's attribute, ``Unknown`` with the reason, and
``Text`` for a string with such parts inside. Names (``var.x``, ``local.y``,
``aws_s3_bucket.logs.arn``, ``module.api.url``) are resolved by the caller's ``Scope``;
this module knows the expression language only: literals, templates, operators,
conditionals, ``for`` expressions, splats, indexes and function calls.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from golive.loaders.errors import LoadError
from golive.loaders.terraform import functions
from golive.loaders.terraform.template_values import (
    Step,
    apply_steps,
    closing_brace,
    dedent,
    iteration_pairs,
    join_parts,
    unescape,
    unknown_from,
)
from golive.values import Reference, Text, Unknown


class Scope(Protocol):
    """Resolves the names an expression starts from."""

    def resolve(self, root: str, steps: list[Step]) -> Any: ...

    def reparse(self, source: str) -> Any: ...

    def read_file(self, path: str) -> Any: ...


class Evaluator:
    """Evaluates expressions of one module instance (``scope``) with local bindings."""

    def __init__(self, scope: Scope, bindings: Mapping[str, Any] | None = None) -> None:
        self.scope = scope
        self.bindings = dict(bindings or {})

    def bound(self, **names: Any) -> Evaluator:
        """An evaluator with more local names (``each``, ``count``, a for variable)."""
        return Evaluator(self.scope, {**self.bindings, **names})

    def eval(self, node: Any) -> Any:
        kind = str(getattr(node, "data", ""))
        handler = _HANDLERS.get(kind)
        if handler is None:
            return Unknown(f"an expression golive does not evaluate ({kind or node})")
        return handler(self, node)

    # -- terms ----------------------------------------------------------------------------

    def _term(self, node: Any) -> Any:
        inner = [c for c in node.children if hasattr(c, "data")]
        inner = [c for c in inner if c.data != "new_line_or_comment"]
        return self.eval(inner[0]) if inner else None

    def _int(self, node: Any) -> Any:
        return int(str(node.children[0]))

    def _float(self, node: Any) -> Any:
        return float(str(node.children[0]))

    def _literal(self, node: Any) -> Any:
        return {"true": True, "false": False, "null": None}[str(node.children[0])]

    def _identifier(self, node: Any) -> Any:
        return self._traverse(str(node.children[0]), [])

    def _string(self, node: Any) -> Any:
        parts: list[Any] = []
        for part in node.children:
            if getattr(part, "data", None) != "string_part":
                continue
            (child,) = part.children
            if hasattr(child, "data"):
                if child.data == "interpolation":
                    parts.append(self.eval(child.children[1]))
                else:  # %{ if } / %{ for } template directives
                    return Unknown("a string template directive (%{...}) is not evaluated")
            elif child.type in ("ESCAPED_INTERPOLATION", "ESCAPED_DIRECTIVE"):
                parts.append(str(child)[1:])
            else:
                parts.append(unescape(str(child)))
        return join_parts(parts)

    def _heredoc(self, node: Any) -> Any:
        raw = str(node.children[0])
        first_newline = raw.index("\n")
        body = raw[first_newline + 1 :]
        body = body[: body.rstrip("\n").rfind("\n") + 1] if "\n" in body.rstrip("\n") else ""
        if node.data == "heredoc_template_trim":
            body = dedent(body)
        return self._template_text(body)

    def _template_text(self, text: str) -> Any:
        """A heredoc's text: literal runs and ``${...}`` interpolations."""
        parts: list[Any] = []
        position = 0
        while True:
            start = text.find("${", position)
            if start < 0:
                parts.append(text[position:])
                break
            if start > 0 and text[start - 1] == "$":
                parts.append(text[position : start - 1] + "${")
                position = start + 2
                continue
            end = closing_brace(text, start + 2)
            if end < 0:
                parts.append(text[position:])
                break
            parts.append(text[position:start])
            parts.append(self._interpolation(text[start + 2 : end]))
            position = end + 1
        if "%{" in text:
            return Unknown("a string template directive (%{...}) is not evaluated")
        return join_parts(parts)

    def _interpolation(self, source: str) -> Any:
        """The value of one ``${...}`` in a heredoc; unknown when it is not valid HCL (the
        configuration is still reviewed; ``terraform validate`` names the mistake)."""
        try:
            tree = self.scope.reparse(source)
        except LoadError:
            return Unknown(f"the heredoc interpolation ${{{source}}} is not valid HCL")
        return self.eval(tree)

    def _tuple(self, node: Any) -> Any:
        return [self.eval(c) for c in node.children if _is_expression(c)]

    def _object(self, node: Any) -> Any:
        result: dict[str, Any] = {}
        for element in node.children:
            if getattr(element, "data", None) != "object_elem":
                continue
            key_node, value_node = element.children[0], element.children[-1]
            key = self._object_key(key_node)
            if not isinstance(key, str):
                return Unknown("an object key known only after apply")
            result[key] = self.eval(value_node)
        return result

    def _object_key(self, node: Any) -> Any:
        (inner,) = [c for c in node.children if hasattr(c, "data")] or [node]
        if inner.data == "keyword":
            return str(inner.children[0])
        if inner.data == "expr_term":
            terms = [c for c in inner.children if hasattr(c, "data")]
            if len(terms) == 1 and terms[0].data == "identifier":
                return str(terms[0].children[0])  # `{ name = 1 }`: a bare word is the key
        key = self.eval(inner)
        return str(key) if isinstance(key, (int, float, bool)) else key

    # -- operators ------------------------------------------------------------------------

    def _conditional(self, node: Any) -> Any:
        expressions = [c for c in node.children if _is_expression(c)]
        condition = self.eval(expressions[0])
        if isinstance(condition, bool):
            return self.eval(expressions[1] if condition else expressions[2])
        yes, no = self.eval(expressions[1]), self.eval(expressions[2])
        if yes == no:
            return yes
        return unknown_from(condition, "the condition choosing this value")

    def _binary(self, node: Any) -> Any:
        left = self.eval(node.children[0])
        term = node.children[1]
        operator = str(term.children[0].children[0])
        right = self.eval([c for c in term.children if _is_expression(c)][-1])
        return functions.operate(operator, left, right)

    def _unary(self, node: Any) -> Any:
        operator, operand = str(node.children[0]), self.eval(node.children[1])
        if isinstance(operand, (Unknown, Text, Reference)):
            return unknown_from(operand, "an operand")
        if operator == "!":
            return not operand if isinstance(operand, bool) else Unknown("! of a non-boolean")
        return -operand if isinstance(operand, (int, float)) else Unknown("- of a non-number")

    def _call(self, node: Any) -> Any:
        names = [
            str(c.children[0]) for c in node.children if getattr(c, "data", "") == "identifier"
        ]
        name = names[-1]
        arguments = next((c for c in node.children if getattr(c, "data", "") == "arguments"), None)
        args = [self.eval(c) for c in arguments.children if _is_expression(c)] if arguments else []
        expand = arguments is not None and any(
            getattr(c, "type", "") == "ELLIPSIS" for c in arguments.children
        )
        if expand and args and isinstance(args[-1], list):
            args = args[:-1] + args[-1]
        return functions.call(name, args, self.scope)

    # -- for expressions ------------------------------------------------------------------

    def _for_tuple(self, node: Any) -> Any:
        intro, value, condition = self._for_parts(node)
        results = self._for_each(intro, lambda ev: (None, ev.eval(value[0])), condition)
        return results if not isinstance(results, list) else [v for _, v in results]

    def _for_object(self, node: Any) -> Any:
        intro, value, condition = self._for_parts(node)
        grouped = any(getattr(c, "type", "") == "ELLIPSIS" for c in node.children)
        results = self._for_each(
            intro, lambda ev: (ev.eval(value[0]), ev.eval(value[1])), condition
        )
        if not isinstance(results, list):
            return results
        out: dict[str, Any] = {}
        for key, item in results:
            if not isinstance(key, (str, int, float)):
                return Unknown("a for expression's key known only after apply")
            if grouped:
                out.setdefault(str(key), []).append(item)
            else:
                out[str(key)] = item
        return out

    def _for_parts(self, node: Any) -> tuple[Any, list[Any], Any]:
        intro = next(c for c in node.children if getattr(c, "data", "") == "for_intro")
        condition = next((c for c in node.children if getattr(c, "data", "") == "for_cond"), None)
        value = [c for c in node.children if _is_expression(c)]
        return intro, value, condition

    def _for_each(
        self, intro: Any, produce: Callable[[Evaluator], tuple[Any, Any]], condition: Any
    ) -> Any:
        names = [
            str(c.children[0]) for c in intro.children if getattr(c, "data", "") == "identifier"
        ]
        collection = self.eval([c for c in intro.children if _is_expression(c)][-1])
        pairs = iteration_pairs(collection)
        if pairs is None:
            return unknown_from(collection, "the collection a for expression iterates")
        results = []
        for key, item in pairs:
            bindings = {names[0]: item} if len(names) == 1 else {names[0]: key, names[1]: item}
            evaluator = self.bound(**bindings)
            if condition is not None:
                keep = evaluator.eval(next(c for c in condition.children if _is_expression(c)))
                if not isinstance(keep, bool):
                    return unknown_from(keep, "a for expression's condition")
                if not keep:
                    continue
            results.append(produce(evaluator))
        return results

    # -- traversals -----------------------------------------------------------------------

    def _traversal(self, node: Any) -> Any:
        steps: list[Step] = []
        current = node
        while getattr(current, "data", "") in _TRAVERSALS or (
            getattr(current, "data", "") == "expr_term" and _single(current) is not None
        ):
            if current.data == "expr_term":
                current = _single(current)
                continue
            base, step = current.children[0], current.children[1]
            steps[:0] = self._steps(step)
            current = base
        if getattr(current, "data", "") == "identifier":
            return self._traverse(str(current.children[0]), steps)
        return apply_steps(self.eval(current), steps)

    def _steps(self, node: Any) -> list[Step]:
        kind = node.data
        if kind == "get_attr":
            return [("attr", _identifier_text(node.children[-1]))]
        if kind == "braces_index":
            return [("index", self.eval(next(c for c in node.children if _is_expression(c))))]
        if kind == "short_index":
            return [("index", int(str(node.children[-1])))]
        steps: list[Step] = [("splat", None)]
        for child in node.children:
            if hasattr(child, "data"):
                steps.extend(self._steps(child))
        return steps

    def _traverse(self, root: str, steps: list[Step]) -> Any:
        if root in self.bindings:
            return apply_steps(self.bindings[root], steps)
        return self.scope.resolve(root, steps)


def _is_expression(node: Any) -> bool:
    data = getattr(node, "data", None)
    return data is not None and data not in _NOT_EXPRESSIONS


def _single(node: Any) -> Any:
    inner = [c for c in node.children if hasattr(c, "data")]
    return inner[0] if len(inner) == 1 and len(node.children) == 1 else None


def _identifier_text(node: Any) -> str:
    return str(node.children[0]) if hasattr(node, "children") else str(node)


_NOT_EXPRESSIONS = frozenset(
    {"new_line_or_comment", "for_intro", "for_cond", "binary_operator", "object_elem_key"}
)
_TRAVERSALS = frozenset(
    {"get_attr_expr_term", "index_expr_term", "attr_splat_expr_term", "full_splat_expr_term"}
)

_HANDLERS: dict[str, Callable[[Evaluator, Any], Any]] = {
    "expr_term": Evaluator._term,
    "int_lit": Evaluator._int,
    "float_lit": Evaluator._float,
    "literal_value": Evaluator._literal,
    "identifier": Evaluator._identifier,
    "string": Evaluator._string,
    "heredoc_template": Evaluator._heredoc,
    "heredoc_template_trim": Evaluator._heredoc,
    "tuple": Evaluator._tuple,
    "object": Evaluator._object,
    "conditional": Evaluator._conditional,
    "binary_op": Evaluator._binary,
    "unary_op": Evaluator._unary,
    "function_call": Evaluator._call,
    "for_tuple_expr": Evaluator._for_tuple,
    "for_object_expr": Evaluator._for_object,
    "get_attr_expr_term": Evaluator._traversal,
    "index_expr_term": Evaluator._traversal,
    "attr_splat_expr_term": Evaluator._traversal,
    "full_splat_expr_term": Evaluator._traversal,
}
