"""One instance of a module: its variables, locals, resources, data sources and calls.

The instance is the ``Scope`` its expressions are evaluated in. Everything is evaluated
lazily and at most once (locals, ``count``/``for_each``, child modules), so the order of
declarations does not matter, and a cycle becomes an ``Unknown`` rather than a hang.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from golive.loaders.terraform import policy_document
from golive.loaders.terraform.expressions import Evaluator
from golive.loaders.terraform.hcl import Block, bare_name, parse_expression
from golive.loaders.terraform.module_files import ModuleConfig, read_module
from golive.loaders.terraform.template_values import Step, apply_steps, unknown_from
from golive.model import InputError
from golive.values import Reference, Text, Unknown

#: Arguments every resource accepts that configure Terraform, not the resource.
META_ARGUMENTS = frozenset({"count", "for_each", "provider", "depends_on"})
META_BLOCKS = frozenset({"lifecycle", "provisioner", "connection"})
#: How deep local modules may call each other (a module calling itself never ends).
MAX_MODULE_DEPTH = 16
#: ``file()`` reads at most this much.
MAX_FILE_BYTES = 1_000_000

_PENDING = object()


@dataclass
class Remarks:
    """What reading a configuration found, shared by every module instance of it."""

    #: Input problems (a file that does not parse, a module folder that does not exist).
    problems: list[InputError] = field(default_factory=list)
    #: Not problems, but worth knowing (a remote module is not followed).
    notes: list[InputError] = field(default_factory=list)


class ModuleInstance:
    """A module folder instantiated with input values at an address prefix."""

    def __init__(
        self,
        config: ModuleConfig,
        prefix: str,
        inputs: Mapping[str, Any],
        root: Path,
        default_tags: Mapping[str, Mapping[str, Any]] | None = None,
        depth: int = 0,
        configs: dict[Path, ModuleConfig] | None = None,
        remarks: Remarks | None = None,
    ) -> None:
        self.config = config
        self.prefix = prefix
        self.inputs = dict(inputs)
        self.root = root
        self.depth = depth
        self.configs = configs if configs is not None else {}
        self.remarks = remarks if remarks is not None else Remarks()
        self._variables: dict[str, Any] = {}
        self._locals: dict[str, Any] = {}
        self._expansions: dict[tuple[str, str], Any] = {}
        self._children: dict[str, Any] = {}
        self._data: dict[tuple[str, str], Any] = {}
        self.evaluator = Evaluator(self)
        self.default_tags = (
            dict(default_tags) if default_tags is not None else self._provider_tags()
        )

    # -- Scope ----------------------------------------------------------------------------

    def resolve(self, root: str, steps: list[Step]) -> Any:
        head = steps[0][1] if steps and steps[0][0] == "attr" else None
        if root == "var" and head is not None:
            return apply_steps(self.variable(head), steps[1:])
        if root == "local" and head is not None:
            return apply_steps(self.local(head), steps[1:])
        if root == "path" and head is not None:
            return {"module": str(self.config.folder), "root": str(self.root), "cwd": "."}.get(
                head, Unknown(f"path.{head}")
            )
        if root == "terraform" and head == "workspace":
            return "default"
        if root == "module" and head is not None:
            return self._module_output(head, steps[1:])
        if root == "data" and len(steps) >= 2 and steps[1][0] == "attr":
            return self._data_value(str(head), str(steps[1][1]), steps[2:])
        if root in ("each", "count", "self"):
            return Unknown(f"{root} is used outside a resource that defines it")
        if head is not None and (root, head) in self.config.resources:
            return self._resource_reference(root, head, steps[1:])
        return Unknown(f"{root}{'.' + head if head else ''} is not declared in this module")

    def reparse(self, source: str) -> Any:
        return parse_expression(source)

    def read_file(self, path: str) -> Any:
        candidate = (self.config.folder / path).resolve()
        try:
            candidate.relative_to(self.root.resolve())
        except ValueError:
            return Unknown(f"file({path!r}) is outside the configuration; not read")
        if not candidate.is_file() or candidate.stat().st_size > MAX_FILE_BYTES:
            return Unknown(f"file({path!r}) is missing or too large")
        # A string, as Terraform's file() gives: JSON attributes are parsed where they are
        # mapped, and jsondecode(file("policy.json")) decodes it.
        return candidate.read_text(encoding="utf-8", errors="replace")

    # -- names ----------------------------------------------------------------------------

    def variable(self, name: str) -> Any:
        if name not in self._variables:
            self._variables[name] = self._variable(name)
        return self._variables[name]

    def _variable(self, name: str) -> Any:
        block = self.config.variables.get(name)
        if block is None:
            return Unknown(f"var.{name} is not declared")
        if name in self.inputs:
            return _typed(self.inputs[name], block)
        default = block.body.attributes.get("default")
        if default is not None:
            return self.evaluator.eval(default)
        if self.prefix:
            return Unknown(f"var.{name} of {self.prefix.rstrip('.')} is not set by its caller")
        return Unknown(
            f"variable {name} has no default; give it with --parameter {name}=VALUE "
            "or in a .tfvars file"
        )

    def local(self, name: str) -> Any:
        known = self._locals.get(name)
        if known is _PENDING:
            return Unknown(f"local.{name} refers to itself")
        if name in self._locals:
            return known
        node = self.config.locals.get(name)
        if node is None:
            return Unknown(f"local.{name} is not declared")
        self._locals[name] = _PENDING
        value = self.evaluator.eval(node)
        self._locals[name] = value
        return value

    def instance_keys(self, kind: str, name: str) -> Any:
        """None (a single instance), a list of count indexes or for_each keys, or Unknown."""
        return self.expansion(kind, name)[0]

    def expansion(self, kind: str, name: str) -> tuple[Any, dict[Any, Any]]:
        """The instance keys of a resource (or of ``module`` ``name``) and each ``each.value``.

        Evaluated once: references to the resource and the listing of its instances share it.
        """
        key = (kind, name)
        if key in self._expansions:
            known = self._expansions[key]
            if known is _PENDING:
                return Unknown(f"{kind}.{name} depends on itself"), {}
            return known  # type: ignore[no-any-return]
        block = (
            self.config.resources.get(key) if kind != "module" else self.config.modules.get(name)
        )
        if block is None:
            return None, {}
        self._expansions[key] = _PENDING
        self._expansions[key] = self._expand(block)
        return self._expansions[key]  # type: ignore[no-any-return]

    def _expand(self, block: Block) -> tuple[Any, dict[Any, Any]]:
        attributes = block.body.attributes
        if "count" in attributes:
            count = self.evaluator.eval(attributes["count"])
            if isinstance(count, bool) or not isinstance(count, (int, float)):
                return unknown_from(count, "count", "a known number"), {}
            return list(range(int(count))), {}
        if "for_each" in attributes:
            collection = self.evaluator.eval(attributes["for_each"])
            if isinstance(collection, dict):
                return sorted(collection), collection
            if isinstance(collection, list) and all(isinstance(i, str) for i in collection):
                return sorted(set(collection)), {k: k for k in collection}
            return unknown_from(collection, "for_each", "a known map or set of strings"), {}
        return None, {}

    def _resource_reference(self, kind: str, name: str, steps: list[Step]) -> Any:
        base = f"{self.prefix}{kind}.{name}"
        keys = self.instance_keys(kind, name)
        if keys is None:
            return _reference(base, steps)
        if isinstance(keys, Unknown):
            return _reference(
                base + "[*]", steps[1:] if steps and steps[0][0] == "index" else steps
            )
        if steps and steps[0][0] == "index":
            index = steps[0][1]
            if isinstance(index, (Unknown, Text, Reference)):
                return unknown_from(index, "the instance index")
            return _reference(base + index_text(index), steps[1:])
        if steps and steps[0][0] == "splat":
            return [_reference(base + index_text(k), steps[1:]) for k in keys]
        if not steps:
            if isinstance(keys, list) and all(isinstance(k, int) for k in keys):
                return [Reference(base + index_text(k)) for k in keys]
            return {str(k): Reference(base + index_text(k)) for k in keys}
        return Unknown(f"{base} has several instances; index it")

    def _data_value(self, kind: str, name: str, steps: list[Step]) -> Any:
        block = self.config.data.get((kind, name))
        address = f"data.{kind}.{name}"
        if block is None:
            return Unknown(f"{address} is not declared")
        if kind != "aws_iam_policy_document":
            return Unknown(f"{address} is read when Terraform plans, not from the configuration")
        if steps and steps[0][0] == "index":
            steps = steps[1:]
        if not steps or steps[0] != ("attr", "json"):
            return Unknown(f"{address} attribute other than json")
        if (kind, name) not in self._data:
            self._data[(kind, name)] = _PENDING
            from golive.loaders.terraform.instances import evaluate_body

            attributes = evaluate_body(block.body, self.evaluator)
            self._data[(kind, name)] = policy_document.render(attributes)
        value = self._data[(kind, name)]
        return Unknown(f"{address} refers to itself") if value is _PENDING else value

    # -- child modules --------------------------------------------------------------------

    def children(self, name: str) -> Any:
        """The instances of ``module "name"``: a list of (key, ModuleInstance) or Unknown."""
        if name in self._children:
            return self._children[name]
        block = self.config.modules[name]
        self._children[name] = Unknown(f"module.{name} depends on itself")
        self._children[name] = self._instantiate(name, block)
        return self._children[name]

    def _instantiate(self, name: str, block: Block) -> Any:
        source = (
            self.evaluator.eval(block.body.attributes["source"])
            if "source" in block.body.attributes
            else None
        )
        if not (isinstance(source, str) and source.startswith(("./", "../"))):
            return Unknown(f"module.{name} (source {source!r}) is not a local module; not followed")
        folder = (self.config.folder / source).resolve()
        if self.depth >= MAX_MODULE_DEPTH:
            return Unknown(f"module.{name}: modules nested deeper than {MAX_MODULE_DEPTH}")
        if not folder.is_dir():
            self.remarks.problems.append(
                InputError(block.body.file, block.line, f"module {name}: no folder at {source}")
            )
            return Unknown(f"module.{name}: its folder {source} does not exist")
        if folder not in self.configs:
            self.configs[folder] = read_module(folder)
            self.remarks.problems.extend(self.configs[folder].problems)
        keys, values = self.expansion("module", name)
        if isinstance(keys, Unknown):
            return keys
        instances = []
        for key in [None] if keys is None else keys:
            evaluator = self.evaluator
            if key is not None:
                evaluator = evaluator.bound(
                    count={"index": key}, each={"key": key, "value": values.get(key, key)}
                )
            inputs = {
                arg: evaluator.eval(node)
                for arg, node in block.body.attributes.items()
                if arg not in META_ARGUMENTS and arg not in ("source", "version", "providers")
            }
            prefix = f"{self.prefix}module.{name}{'' if key is None else index_text(key)}."
            child = ModuleInstance(
                self.configs[folder],
                prefix,
                inputs,
                self.root,
                self.default_tags,
                self.depth + 1,
                self.configs,
                self.remarks,
            )
            instances.append((key, child))
        return instances

    def _module_output(self, name: str, steps: list[Step]) -> Any:
        if name not in self.config.modules:
            return Unknown(f"module.{name} is not declared")
        instances = self.children(name)
        if isinstance(instances, Unknown):
            return instances
        if steps and steps[0][0] == "index":
            chosen = [i for k, i in instances if k == steps[0][1]]
            if not chosen:
                return Unknown(f"module.{name}[{steps[0][1]!r}] has no such instance")
            return chosen[0].output_steps(steps[1:])
        if len(instances) == 1 and instances[0][0] is None:
            return instances[0][1].output_steps(steps)
        return Unknown(f"module.{name} has several instances; index it")

    def output_steps(self, steps: list[Step]) -> Any:
        if not steps or steps[0][0] != "attr":
            return Unknown("a whole module used as a value")
        block = self.config.outputs.get(str(steps[0][1]))
        if block is None or "value" not in block.body.attributes:
            return Unknown(f"{self.prefix}{steps[0][1]} is not an output of the module")
        return apply_steps(self.evaluator.eval(block.body.attributes["value"]), steps[1:])

    # -- providers ------------------------------------------------------------------------

    def _provider_tags(self) -> dict[str, Mapping[str, Any]]:
        """``default_tags`` of each ``aws`` provider configuration, by alias ("" default)."""
        tags: dict[str, Mapping[str, Any]] = {}
        for block in self.config.providers:
            if block.labels != ("aws",):
                continue
            alias = (
                self.evaluator.eval(block.body.attributes["alias"])
                if "alias" in block.body.attributes
                else ""
            )
            from golive.loaders.terraform.instances import evaluate_body

            for inner in block.body.blocks_of("default_tags"):
                value = evaluate_body(inner.body, self.evaluator).get("tags")
                if isinstance(value, dict):
                    tags[str(alias)] = value
        return tags


def _reference(address: str, steps: list[Step]) -> Any:
    if steps and steps[0][0] == "attr":
        return Reference(address, str(steps[0][1]))
    if not steps:
        return Reference(address)
    return Unknown(f"{address} used in a way golive does not follow")


def index_text(key: Any) -> str:
    return f"[{key}]" if isinstance(key, int) else f'["{key}"]'


def _typed(value: Any, block: Block) -> Any:
    """A value given as text (--parameter) converted to the variable's declared type."""
    if not isinstance(value, str):
        return value
    kind = bare_name(block.body.attributes["type"]) if "type" in block.body.attributes else ""
    if kind.startswith("number"):
        try:
            return float(value) if "." in value else int(value)
        except ValueError:
            return value
    if kind.startswith("bool"):
        return {"true": True, "false": False}.get(value, value)
    if kind.startswith(("list", "set", "map", "object", "tuple")):
        try:
            return json.loads(value)
        except ValueError:
            return (
                [v.strip() for v in value.split(",")] if kind.startswith(("list", "set")) else value
            )
    return value
