"""``data "aws_iam_policy_document"`` into the IAM policy JSON Terraform would render.

Teams write most IAM policies this way; rendering them lets every IAM and resource-policy
check read Terraform policies exactly as CloudFormation ones.
"""

from __future__ import annotations

from typing import Any

from golive.values import Unknown


def render(attributes: dict[str, Any]) -> Any:
    """The policy document of an evaluated ``aws_iam_policy_document`` body."""
    statements: list[Any] = []
    for source in ("source_policy_documents", "source_json"):
        documents = attributes.get(source)
        for document in documents if isinstance(documents, list) else [documents]:
            if document is None:
                continue
            if not isinstance(document, dict):
                return Unknown(f"{source} is known only after apply")
            statements.extend(_as_list(document.get("Statement")))
    for block in _as_list(attributes.get("statement")):
        if not isinstance(block, dict):
            return Unknown("a dynamic statement known only after apply")
        statements.append(_statement(block))
    policy: dict[str, Any] = {"Version": attributes.get("version") or "2012-10-17"}
    if attributes.get("policy_id"):
        policy["Id"] = attributes["policy_id"]
    policy["Statement"] = statements
    return policy


def _statement(block: dict[str, Any]) -> dict[str, Any]:
    statement: dict[str, Any] = {}
    if block.get("sid"):
        statement["Sid"] = block["sid"]
    statement["Effect"] = block.get("effect") or "Allow"
    for key, name in (
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ):
        if block.get(key) is not None:
            statement[name] = block[key]
    for key, name in (("principals", "Principal"), ("not_principals", "NotPrincipal")):
        principals = _principals(_as_list(block.get(key)))
        if principals is not None:
            statement[name] = principals
    conditions: dict[str, Any] = {}
    for condition in _as_list(block.get("condition")):
        if isinstance(condition, dict):
            test, variable = condition.get("test"), condition.get("variable")
            if isinstance(test, str) and isinstance(variable, str):
                conditions.setdefault(test, {})[variable] = condition.get("values")
    if conditions:
        statement["Condition"] = conditions
    return statement


def _principals(blocks: list[Any]) -> Any:
    if not blocks:
        return None
    merged: dict[str, list[Any]] = {}
    for block in blocks:
        if not isinstance(block, dict):
            continue
        kind, identifiers = block.get("type"), block.get("identifiers")
        if kind == "*" and identifiers in (["*"], "*"):
            return "*"
        items = identifiers if isinstance(identifiers, list) else [identifiers]
        merged.setdefault(str(kind), []).extend(items)
    return {k: v[0] if len(v) == 1 else v for k, v in merged.items()}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
