"""Terraform configurations and plans into ``Stack``s.

``load_configuration`` reads a root module folder (python-hcl2 parses; golive evaluates):
variables from defaults, ``terraform.tfvars``, ``*.auto.tfvars`` and ``--parameter``
(highest), locals, ``count``/``for_each`` with known values, local modules, the AWS
provider's ``default_tags``. Remote modules are noted as not followed. ``load_plan`` reads
``terraform show -json`` output, where every value Terraform could know is known.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from golive.loaders.cloudformation import LoadedTemplate
from golive.loaders.errors import LoadError
from golive.loaders.terraform.build import build_stack
from golive.loaders.terraform.expressions import Evaluator
from golive.loaders.terraform.hcl import parse_expression, parse_file
from golive.loaders.terraform.instances import resource_instances
from golive.loaders.terraform.module_files import read_module
from golive.loaders.terraform.modules import ModuleInstance
from golive.model import InputError
from golive.values import Unknown

__all__ = ["load_configuration", "load_plan"]


def load_configuration(
    folder: Path, parameters: Mapping[str, Any], only: Path | None = None
) -> LoadedTemplate:
    """Review the root module in ``folder`` (or the single file ``only``)."""
    config = read_module(folder, [only] if only is not None else None)
    problems = list(config.problems)
    if config.files == 0 and problems:
        first = problems[0]
        raise LoadError(first.file, first.line, first.message)
    values = variable_values(folder, parameters, problems) if only is None else dict(parameters)
    root = ModuleInstance(config, "", values, folder)
    instances = resource_instances(root)
    problems.extend(root.remarks.problems)
    stack = build_stack((only or folder).name, str(only or folder), instances)
    return LoadedTemplate(stack, problems, root.remarks.notes)


def load_plan(path: Path) -> LoadedTemplate:
    """Review a plan in ``terraform show -json`` form."""
    from golive.loaders.terraform.plan import plan_instances

    try:
        data = json.loads(path.read_bytes())
    except ValueError as exc:
        raise LoadError(str(path), None, f"not valid JSON: {exc}") from exc
    instances, problems = plan_instances(data, str(path))
    return LoadedTemplate(build_stack(path.name, str(path), instances), problems)


def variable_values(
    folder: Path, parameters: Mapping[str, Any], problems: list[InputError]
) -> dict[str, Any]:
    """Variable values as Terraform takes them: ``terraform.tfvars``, then ``*.auto.tfvars``
    alphabetically, then the command line (``--parameter``), each over the one before."""
    files = [folder / "terraform.tfvars", folder / "terraform.tfvars.json"]
    files += sorted(folder.glob("*.auto.tfvars")) + sorted(folder.glob("*.auto.tfvars.json"))
    values: dict[str, Any] = {}
    for file in files:
        if not file.is_file():
            continue
        try:
            if file.suffix == ".json":
                values.update(json.loads(file.read_text(encoding="utf-8")))
                continue
            body = parse_file(file)
        except (LoadError, ValueError, OSError) as exc:
            message = getattr(exc, "message", str(exc))
            problems.append(InputError(str(file), getattr(exc, "line", None), message))
            continue
        literal = Evaluator(_NoNames())
        values.update({k: literal.eval(v) for k, v in body.attributes.items()})
    values.update(parameters)
    return values


class _NoNames:
    """The scope of a .tfvars file: values are literal, names resolve to nothing."""

    def resolve(self, root: str, steps: list[Any]) -> Any:
        return Unknown(f"{root} cannot be used in a .tfvars file")

    def reparse(self, source: str) -> Any:
        return parse_expression(source, "<tfvars>")

    def read_file(self, path: str) -> Any:
        return Unknown("file() in a .tfvars file is not read")
