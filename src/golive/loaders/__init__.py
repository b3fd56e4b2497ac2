"""Every input kind into ``Stack``s: one entry point that picks the loader.

Each loader returns ``LoadedTemplate``s (a stack plus problems that left the rest of the
input usable) and raises ``LoadError`` for an input it cannot read at all. Heavy readers
(the SAM translator, the HCL parser) are imported only when an input of their kind turns up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from golive.discover import Input, InputKind
from golive.loaders.cloudformation import SAM_TRANSFORM, LoadedTemplate, load_template
from golive.loaders.documents import MAX_BYTES

#: How much of a JSON file is read to tell a Terraform plan from a template.
_PLAN_SNIFF_BYTES = 4096
#: Only a template that declares the SAM transform is translated (see load_template).
_SAM_MARKER = SAM_TRANSFORM.encode()


def load_input(unit: Input, parameters: Mapping[str, Any]) -> list[LoadedTemplate]:
    """The stacks one input holds; empty for a file that is not infrastructure."""
    if unit.kind is InputKind.CDK_ASSEMBLY:
        from golive.loaders.cdk import load_assembly

        assembly: list[LoadedTemplate] = load_assembly(unit.path, parameters)
        return assembly
    if unit.kind is InputKind.TERRAFORM:
        from golive.loaders.terraform import load_configuration

        return [load_configuration(unit.path, parameters, unit.only)]
    if unit.path.suffix.lower() == ".json" and _looks_like_plan(unit.path):
        from golive.loaders.terraform import load_plan

        return [load_plan(unit.path)]
    loaded = load_template(unit.path, parameters)
    return [] if loaded is None else [loaded]


def import_readers(units: Iterable[Input]) -> None:
    """Import the readers of Terraform and CDK inputs before helper processes fork.

    A forked helper inherits what is already imported, so each reader is imported once
    instead of in every helper. The SAM translator is not imported here: ``needs_sam``
    lets the scan hand SAM templates to as few processes as it can, and only those import it.
    """
    kinds = {unit.kind for unit in units}
    if InputKind.TERRAFORM in kinds:
        import golive.loaders.terraform
    if InputKind.CDK_ASSEMBLY in kinds:
        import golive.loaders.cdk  # noqa: F401


def needs_sam(unit: Input) -> bool:
    """Whether reviewing ``unit`` imports the SAM translator (0.3 s the first time).

    A file counts when its text names the transform; a mention in a comment only puts the
    file with the SAM templates, where it is reviewed as usual.
    """
    return unit.kind is InputKind.FILE and _mentions_sam(unit.path)


def _mentions_sam(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return _SAM_MARKER in stream.read(MAX_BYTES)
    except OSError:
        return False  # reported when the file is read for review


def _looks_like_plan(path: Path) -> bool:
    """``terraform show -json`` output names its format and Terraform's version up front."""
    with path.open("rb") as stream:
        head = stream.read(_PLAN_SNIFF_BYTES)
    return b'"format_version"' in head and b'"terraform_version"' in head
