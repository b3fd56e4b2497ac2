"""A module folder's ``.tf`` files, sorted into what a module declares."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from golive.loaders.errors import LoadError
from golive.loaders.terraform.hcl import Block, Body, parse_file
from golive.model import InputError


@dataclass
class ModuleConfig:
    """Everything one module folder declares, by kind and name."""

    folder: Path
    variables: dict[str, Block] = field(default_factory=dict)
    #: ``locals`` entries: name -> expression tree.
    locals: dict[str, Any] = field(default_factory=dict)
    resources: dict[tuple[str, str], Block] = field(default_factory=dict)
    data: dict[tuple[str, str], Block] = field(default_factory=dict)
    modules: dict[str, Block] = field(default_factory=dict)
    outputs: dict[str, Block] = field(default_factory=dict)
    providers: list[Block] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)
    files: int = 0


def read_module(folder: Path, files: list[Path] | None = None) -> ModuleConfig:
    """Parse every ``.tf`` file of ``folder`` (or just ``files``); a bad file is a problem."""
    config = ModuleConfig(folder)
    paths = files if files is not None else sorted(folder.glob("*.tf"))
    for path in paths:
        if not path.is_file():
            continue
        try:
            body = parse_file(path)
        except LoadError as exc:
            config.problems.append(InputError(exc.file, exc.line, exc.message))
            continue
        except OSError as exc:
            config.problems.append(InputError(str(path), None, f"cannot read: {exc.strerror}"))
            continue
        config.files += 1
        _sort(config, body)
    return config


def _sort(config: ModuleConfig, body: Body) -> None:
    for block in body.blocks:
        kind, labels = block.kind, block.labels
        if kind == "resource" and len(labels) == 2:
            _add(
                config,
                config.resources,
                (labels[0], labels[1]),
                block,
                f"resource {labels[0]}.{labels[1]}",
            )
        elif kind == "data" and len(labels) == 2:
            _add(
                config, config.data, (labels[0], labels[1]), block, f"data.{labels[0]}.{labels[1]}"
            )
        elif kind == "variable" and len(labels) == 1:
            _add(config, config.variables, labels[0], block, f"variable {labels[0]}")
        elif kind == "module" and len(labels) == 1:
            _add(config, config.modules, labels[0], block, f"module {labels[0]}")
        elif kind == "output" and len(labels) == 1:
            _add(config, config.outputs, labels[0], block, f"output {labels[0]}")
        elif kind == "provider":
            config.providers.append(block)
        elif kind == "locals":
            config.locals.update(block.body.attributes)


def _add(config: ModuleConfig, table: dict[Any, Block], key: Any, block: Block, what: str) -> None:
    if key in table:
        config.problems.append(
            InputError(
                block.body.file,
                block.line,
                f"{what} is declared twice (first on line {table[key].line}); "
                "Terraform rejects this, so golive reviews the first declaration",
            )
        )
        return
    table[key] = block
