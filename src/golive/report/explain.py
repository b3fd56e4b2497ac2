"""Rule documentation generated from the catalogue: ``golive explain`` and ``golive rules``."""

from __future__ import annotations

import json
from collections.abc import Mapping

from golive.attested import load_attested
from golive.catalog import CheckMeta
from golive.model import Profile

_CROSSWALK_NAMES = {
    "checkov": "Checkov",
    "cfn_nag": "cfn_nag",
    "cdk_nag": "cdk-nag",
    "securityhub": "Security Hub control",
    "cis": "CIS AWS Foundations Benchmark v1.4.0",
    "config_rule": "AWS Config rule",
}


def explain(meta: CheckMeta) -> str:
    """Everything about one check, as Markdown, in fixed sections."""
    lines = [f"# {meta.id}: {meta.title}", ""]
    lines += [
        f"- Pillar: {meta.pillar.value}",
        f"- Category: {meta.category} / {meta.section}",
        "- Severity: " + ", ".join(f"{p.value} {meta.severity(p).value}" for p in Profile),
        f"- Resource types: {', '.join(meta.resource_types)}",
        "",
        "## What it checks",
        "",
        meta.check,
        "",
        "## Why it matters",
        "",
        *[f"- {line}" for line in meta.why],
        "",
        "## When it applies",
        "",
        *[f"- {line}" for line in meta.applies],
    ]
    if meta.not_needed_when:
        lines += [
            "",
            "## When it does not apply",
            "",
            *[f"- {line}" for line in meta.not_needed_when],
        ]
    if meta.trade_offs:
        lines += ["", "## Trade-offs", "", *[f"- {line}" for line in meta.trade_offs]]
    lines += ["", "## Recommendation", "", meta.recommendation, "", "## Remediation"]
    for name, language in (("CloudFormation", "yaml"), ("Terraform", "hcl"), ("CDK", "typescript")):
        snippet = meta.remediation[name.lower()].rstrip()
        lines += ["", f"### {name}", "", f"```{language}", snippet, "```"]
    if meta.options:
        lines += ["", "## Profiles and options", ""]
        for option, values in meta.options.items():
            lines.append(f"- `{option}`: " + ", ".join(f"{p.value} {values[p]}" for p in Profile))
    lines += ["", "## References", "", *[f"- {ref}" for ref in meta.references]]
    if meta.crosswalk:
        lines += ["", "## Crosswalk", ""]
        for scheme, ids in meta.crosswalk.items():
            lines.append(f"- {_CROSSWALK_NAMES[scheme]}: {', '.join(ids)}")
    return "\n".join(lines) + "\n"


def rules_json(catalog: Mapping[str, CheckMeta], profile: Profile) -> str:
    """The catalogue as a JSON list of objects."""
    items = []
    for meta in catalog.values():
        items.append(
            {
                "id": meta.id,
                "kind": "automated",
                "title": meta.title,
                "pillar": meta.pillar.value,
                "category": meta.category,
                "severity": meta.severity(profile).value,
                "resource_types": list(meta.resource_types),
                "why": list(meta.why),
                "applies": list(meta.applies),
                "not_needed_when": list(meta.not_needed_when),
                "recommendation": meta.recommendation,
                "remediation": dict(meta.remediation),
                "references": list(meta.references),
                "crosswalk": {k: list(meta.crosswalk.get(k, ())) for k in _CROSSWALK_NAMES},
            }
        )
    for practice in load_attested():
        items.append(
            {
                "id": practice.id,
                "kind": "attested",
                "title": practice.title,
                "pillar": practice.pillar.value,
                "category": practice.category,
                "why": [practice.why],
                "checklist": practice.checklist,
            }
        )
    return json.dumps(items, indent=2) + "\n"


def rules_markdown(catalog: Mapping[str, CheckMeta], profile: Profile) -> str:
    """The catalogue as a Markdown table."""
    lines = ["| Id | Severity | Pillar | Title |", "| --- | --- | --- | --- |"]
    for meta in catalog.values():
        lines.append(
            f"| `{meta.id}` | {meta.severity(profile).value} | {meta.pillar.value} | {meta.title} |"
        )
    return "\n".join(lines) + "\n"
