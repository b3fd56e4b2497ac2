"""Template-level secret handling, judged on the resources that use it.

Catalogue: ``catalog/cloudformation.yaml``. Both checks apply to every resource type and
answer NOT_APPLICABLE for resources that neither take a secret from a parameter nor hold a
property that can carry one, so they count only where secrets actually flow.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed
from golive.checks.secretscan import (
    CARRIER_KEYS,
    decoded,
    holds_value,
    leaves,
    names_secret,
    secret_patterns,
)
from golive.context import Context
from golive.graph import Graph, references_in
from golive.model import Resource
from golive.per_stack import per_stack
from golive.resolver import Resolver
from golive.values import is_true, node_at

#: Parameter types that cannot hold a secret (numbers, AWS-specific identifiers).
_NOT_SECRET_TYPES = ("Number", "List<Number>", "AWS::EC2::", "List<AWS::EC2::", "AWS::Route53::")
#: Resources whose purpose is to hold a value that may be a secret.
_CARRIER_TYPES = frozenset({"AWS::SecretsManager::Secret", "AWS::SSM::Parameter"})
_SSM_TYPES = ("AWS::SSM::Parameter::Value", "AWS::SSM::Parameter::Name")


def _can_hold_secret(definition: Mapping[str, Any]) -> bool:
    kind = str(definition.get("Type", "String"))
    return not (kind.startswith(_NOT_SECRET_TYPES) or definition.get("AllowedValues"))


def _problems(name: str, definition: Mapping[str, Any]) -> list[str]:
    """What is wrong with how secret parameter ``name`` is declared."""
    problems = []
    if not is_true(definition.get("NoEcho")):
        problems.append(f"{name} has no NoEcho: true, so its value shows in the console and API")
    default = definition.get("Default")
    kind = str(definition.get("Type", ""))
    if default not in (None, "") and not kind.startswith(_SSM_TYPES):
        problems.append(f"{name} has a Default, so the secret is written in the template")
    return problems


@per_stack
def _secret_capable(graph: Graph, resolver: Resolver) -> frozenset[str]:
    """The stack's parameters whose type lets them hold a secret (looked for in every resource)."""
    return frozenset(
        name
        for name, definition in graph.stack.parameters.items()
        if isinstance(definition, Mapping) and _can_hold_secret(definition)
    )


@check("cloudformation.secret-parameters")
def secret_parameters(resource: Resource, ctx: Context) -> Verdict:
    declared = ctx.graph.stack.parameters
    capable = _secret_capable(ctx.graph, ctx.facts.resolver)
    used: dict[str, str] = {}
    for name, _, path in references_in(resource.properties, capable) if capable else ():
        key = next((p for p in reversed(path) if isinstance(p, str) and not _intrinsic(p)), "")
        whole = node_at(resource.properties, *path) == {"Ref": name}
        if names_secret(name) or (whole and names_secret(key)):
            used.setdefault(name, key)
    if not used:
        return not_applicable("takes no secret from a template parameter")
    problems = [p for name in sorted(used) for p in _problems(name, declared[name])]
    first = sorted(used)[0]
    if problems:
        return failed("; ".join(problems[:3]), used[first] or None)
    names = ", ".join(sorted(used))
    plural = "s" if len(used) > 1 else ""
    return passed(f"secret parameter{plural} {names}: NoEcho and no Default", used[first] or None)


@check("cloudformation.hardcoded-secrets")
def hardcoded_secrets(resource: Resource, ctx: Context) -> Verdict:
    hits: list[str] = []
    safe: list[str] = []
    carriers = resource.type in _CARRIER_TYPES
    for leaf in leaves(dict(resource.properties), ctx.resolver):
        secret_name = leaf.name is not None and names_secret(leaf.name)
        if leaf.name in CARRIER_KEYS:
            carriers = True
        text = leaf.text
        if leaf.name == "UserData" and leaf.literal:
            text = decoded(text) or text
        for label in secret_patterns(text):
            hits.append(f"{leaf.path} contains {label}")
        if not secret_name:
            continue
        carriers = True
        if leaf.literal and holds_value(leaf.text):
            where = f" (from {leaf.source})" if leaf.source else ""
            named = "" if leaf.path.endswith(str(leaf.name)) else f" ({leaf.name})"
            hits.append(f"{leaf.path}{named} is a literal value{where}")
        elif not leaf.literal:
            safe.append(f"{leaf.path} from {leaf.source}")
        elif "{{resolve:" in leaf.text:
            safe.append(f"{leaf.path} from a dynamic reference")
    if hits:
        unique = list(dict.fromkeys(hits))
        shown = "; ".join(unique[:3]) + (f"; and {len(unique) - 3} more" if len(unique) > 3 else "")
        return failed("secrets written in the template: " + shown, unique[0].split(" ", 1)[0])
    if not carriers:
        return not_applicable("no property that holds or can carry a secret")
    if safe:
        return passed("secrets come from outside the template: " + "; ".join(safe[:3]))
    return passed("no literal secret in properties that can carry one")


def _intrinsic(step: str) -> bool:
    return step == "Ref" or step.startswith("Fn::")
