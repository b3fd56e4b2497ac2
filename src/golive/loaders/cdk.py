"""CDK cloud assemblies (``cdk.out``) into ``Stack``s.

A cloud assembly is what ``cdk synth`` writes: ``manifest.json`` lists artifacts, and each
``aws:cloudformation:stack`` artifact names its template. golive reads:

- every stack template, parsed and built by the CloudFormation loader (``build_stack``), so
  a CDK stack is judged exactly as the same template written by hand;
- nested stacks (``NestedStack``): templates in the assembly that an
  ``AWS::CloudFormation::Stack`` resource deploys (its ``aws:asset:path`` metadata, or the
  ``aws:cdk:templateFile`` entry of the nested construct), each as a stack of its own;
- stage sub-assemblies (``cdk:cloud-assembly`` artifacts, ``new Stage(...)``), recursively;
- the manifest's stack properties CloudFormation applies at deployment, which no template
  holds: ``terminationProtection`` and the stack ``tags`` (CDK's default is no termination
  protection, so an artifact that does not enable it has it off);
- construct metadata (``cdk_metadata``): each resource's construct path and, when the
  assembly has creation stack traces, the file and line of the app that created it; and the
  ``Validations.of(...).acknowledge`` records, merged into the resource's ``Metadata`` under
  ``aws:cdk:acknowledged-rules`` for the suppress stage (cdk-nag v3 writes suppressions so).

Stacks are reviewed even when the CLI would not deploy them together. An unreadable
manifest raises ``LoadError`` naming it; a missing template, a bad metadata file or a cycle
of nested stacks is an ``InputError`` beside the stacks that could be read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from golive.loaders import documents
from golive.loaders.cdk_metadata import ConstructMetadata, tag_mapping
from golive.loaders.cloudformation import LoadedTemplate, build_stack
from golive.loaders.errors import LoadError
from golive.loaders.locations import LineIndex
from golive.model import InputError, Resource, Stack
from golive.suppress import ACKNOWLEDGED

STACK_ARTIFACT = "aws:cloudformation:stack"
ASSEMBLY_ARTIFACT = "cdk:cloud-assembly"
NESTED_STACK = "AWS::CloudFormation::Stack"
#: ``NestedStack`` puts its resource at ``<scope>/<id>.NestedStack/<id>.NestedStackResource``.
_NESTED_RESOURCE = re.compile(
    r"^(?P<scope>.*?)/?(?P<id>[^/]+)\.NestedStack/(?P=id)\.NestedStackResource$"
)


def load_assembly(folder: Path, parameters: Mapping[str, Any]) -> list[LoadedTemplate]:
    """Every stack of the assembly in ``folder`` and of its stage sub-assemblies."""
    reader = _Reader(parameters)
    loaded = reader.assembly(folder, ())
    if not loaded and reader.problems:
        first = reader.problems[0]
        more = len(reader.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''} in this assembly)"
        raise LoadError(first.file, first.line, first.message + (suffix if more else ""))
    if loaded:
        loaded[0].problems[:0] = reader.problems
    return loaded


@dataclass(frozen=True)
class _StackSettings:
    """What a stack takes from the manifest, and nested stacks from their root."""

    tags: Mapping[str, str]
    termination_protection: bool


@dataclass
class _Reader:
    parameters: Mapping[str, Any]
    problems: list[InputError] = field(default_factory=list)

    def assembly(self, folder: Path, chain: tuple[Path, ...]) -> list[LoadedTemplate]:
        manifest, _ = _read_json(folder / "manifest.json")
        artifacts = manifest.get("artifacts") if isinstance(manifest, dict) else None
        if not isinstance(artifacts, dict):
            raise LoadError(
                str(folder / "manifest.json"),
                None,
                "not a cloud assembly manifest: it has no 'artifacts' mapping. Scan the folder "
                "`cdk synth` writes (cdk.out), or re-run `cdk synth`",
            )
        here = (*chain, folder.resolve())
        loaded: list[LoadedTemplate] = []
        for artifact_id, artifact in artifacts.items():
            if not isinstance(artifact, dict):
                continue
            kind = artifact.get("type")
            properties = artifact.get("properties")
            properties = properties if isinstance(properties, dict) else {}
            if kind == STACK_ARTIFACT:
                loaded += self._stack_artifact(folder, str(artifact_id), artifact, properties)
            elif kind == ASSEMBLY_ARTIFACT:
                loaded += self._stage(folder, str(artifact_id), properties, here)
        return loaded

    def _stage(
        self, folder: Path, artifact_id: str, properties: Mapping[str, Any], chain: tuple[Path, ...]
    ) -> list[LoadedTemplate]:
        directory = properties.get("directoryName")
        manifest = str(folder / "manifest.json")
        if not isinstance(directory, str):
            self.problem(manifest, f"stage assembly {artifact_id!r} names no directoryName")
            return []
        sub = folder / directory
        if sub.resolve() in chain:
            self.problem(manifest, f"stage assembly {artifact_id!r} contains itself; not followed")
            return []
        if not (sub / "manifest.json").is_file():
            self.problem(
                str(sub / "manifest.json"),
                f"stage assembly {artifact_id!r} has no manifest; re-run `cdk synth`",
            )
            return []
        try:
            return self.assembly(sub, chain)
        except LoadError as exc:
            self.problems.append(InputError(exc.file, exc.line, exc.message))
            return []

    def _stack_artifact(
        self, folder: Path, artifact_id: str, artifact: Mapping[str, Any], props: Mapping[str, Any]
    ) -> list[LoadedTemplate]:
        template = props.get("templateFile")
        if not isinstance(template, str):
            self.problem(
                str(folder / "manifest.json"), f"stack {artifact_id!r} names no templateFile"
            )
            return []
        metadata = ConstructMetadata(self._entries(folder, artifact), folder)
        display = artifact.get("displayName")
        path = next(
            (p for p, f in metadata.templates().items() if f == template),
            display if isinstance(display, str) else artifact_id,
        )
        tags = {**metadata.stack_tags(path), **tag_mapping(props.get("tags"))}
        settings = _StackSettings(tags, props.get("terminationProtection") is True)
        name = props.get("stackName") if isinstance(props.get("stackName"), str) else artifact_id
        return _Stacks(self, folder, metadata, settings).load(template, str(name), path)

    def _entries(self, folder: Path, artifact: Mapping[str, Any]) -> dict[str, Any]:
        """The artifact's construct metadata: inline, then its additional metadata file."""
        entries = dict(artifact.get("metadata") or {})
        extra = artifact.get("additionalMetadataFile")
        if isinstance(extra, str):
            try:
                data, _ = _read_json(folder / extra)
            except (LoadError, OSError) as exc:
                message = exc.message if isinstance(exc, LoadError) else "cannot be read"
                self.problem(
                    str(folder / extra),
                    f"{message}; construct paths and acknowledgements of this stack are not known",
                )
                data = {}
            if isinstance(data, dict):
                for path, items in data.items():
                    if isinstance(items, list):
                        entries[path] = [*entries.get(path, []), *items]
        return entries

    def problem(self, file: str, message: str, line: int | None = None) -> None:
        self.problems.append(InputError(file, line, message))


@dataclass
class _Stacks:
    """Loads one stack artifact's template and, recursively, its nested stacks."""

    reader: _Reader
    folder: Path
    metadata: ConstructMetadata
    settings: _StackSettings
    done: set[Path] = field(default_factory=set)

    def load(self, template: str, name: str, path: str) -> list[LoadedTemplate]:
        loaded = self._template(template, name, path, self.settings.tags, ())
        for nested_path, file in self.metadata.templates().items():
            if (self.folder / file).resolve() not in self.done:
                loaded += self._template(file, nested_path, nested_path, self.settings.tags, ())
        return loaded

    def _template(
        self,
        template: str,
        name: str,
        path: str,
        tags: Mapping[str, str],
        chain: tuple[Path, ...],
    ) -> list[LoadedTemplate]:
        file = self.folder / template
        key = file.resolve()
        self.done.add(key)
        try:
            data, index = _read_json(file)
            if not isinstance(data, dict) or not data.get("Resources"):
                return []  # a stack with no resources has nothing to review
            loaded = build_stack(data, index, str(file), [], self.reader.parameters)
        except FileNotFoundError:
            self.reader.problem(
                str(file),
                f"stack {name} names this template, but the file is missing; re-run `cdk synth`",
            )
            return []
        except LoadError as exc:
            self.reader.problems.append(InputError(exc.file, exc.line, exc.message))
            return []
        stack = self._annotated(loaded.stack, name, path, tags)
        result = [LoadedTemplate(stack, loaded.problems)]
        for resource in stack.resources.values():
            if resource.type == NESTED_STACK:
                result += self._nested(resource, stack, (*chain, key))
        return result

    def _annotated(self, stack: Stack, name: str, path: str, tags: Mapping[str, str]) -> Stack:
        """The stack with what the manifest says: construct paths, sources, stack settings."""
        deeper = set(self.metadata.templates())
        by_id = self.metadata.logical_ids(path, deeper)
        resources = {}
        for logical_id, resource in stack.resources.items():
            written = resource.origin.logical_id if resource.origin else logical_id
            construct = _cdk_path(resource) or by_id.get(logical_id) or by_id.get(written)
            resources[logical_id] = (
                resource if construct is None else self._placed(resource, construct)
            )
        return replace(
            stack,
            name=name,
            resources=resources,
            source_kind="cdk",
            tags=dict(tags),
            termination_protection=self.settings.termination_protection,
        )

    def _placed(self, resource: Resource, construct: str) -> Resource:
        """``resource`` with its construct path, source line and acknowledgements."""
        metadata = dict(resource.metadata)
        acknowledged = self.metadata.acknowledged(construct)
        if acknowledged:
            metadata[ACKNOWLEDGED] = {**acknowledged, **_dict(metadata.get(ACKNOWLEDGED))}
        return replace(
            resource,
            construct_path=construct,
            source_location=self.metadata.source_location(construct),
            metadata=metadata,
        )

    def _nested(
        self, resource: Resource, parent: Stack, chain: tuple[Path, ...]
    ) -> list[LoadedTemplate]:
        nested_path = _nested_construct(resource.construct_path)
        templates = self.metadata.templates()
        asset = resource.metadata.get("aws:asset:path")
        if isinstance(asset, str) and asset.endswith(".json"):
            template = asset
        elif nested_path is not None and nested_path in templates:
            template = templates[nested_path]
        else:
            return []  # a stack deployed from a URL outside the assembly: not ours to read
        if nested_path is None:
            nested_path = next((p for p, f in templates.items() if f == template), None)
        file = (self.folder / template).resolve()
        if file in chain:
            self.reader.problem(
                parent.file,
                f"nested stack {resource.logical_id} deploys {template}, which contains it: a "
                "cycle of nested stacks; not followed",
                resource.location.line,
            )
            return []
        if file in self.done:
            return []
        tags = {**parent.tags, **tag_mapping(resource.properties.get("Tags"))}
        name = nested_path or f"{parent.name}/{resource.logical_id}"
        return self._template(template, name, nested_path or "", tags, chain)


def _read_json(file: Path) -> tuple[Any, LineIndex]:
    """A JSON file of the assembly, within golive's size limit for every input."""
    documents.check_size(file.stat().st_size, str(file))
    return documents.parse_json(documents.decode_text(file.read_bytes(), str(file)), str(file))


def _cdk_path(resource: Resource) -> str | None:
    path = resource.metadata.get("aws:cdk:path")
    return path.strip("/") if isinstance(path, str) and path else None


def _nested_construct(resource_path: str | None) -> str | None:
    """The nested stack construct deployed by the resource at ``resource_path``."""
    match = _NESTED_RESOURCE.match(resource_path or "")
    if match is None:
        return None
    return f"{match['scope']}/{match['id']}" if match["scope"] else match["id"]


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
