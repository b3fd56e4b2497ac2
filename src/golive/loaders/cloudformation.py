"""CloudFormation templates (YAML or JSON) into ``Stack``s.

``load_template`` reads one file: it decides whether the file is a template at all (other
YAML and JSON is skipped quietly), parses it with lines kept, expands SAM and
``Fn::ForEach`` where present, and builds the model. Problems that leave the rest of the file
usable (an unknown intrinsic function, a resource without a type) come back as
``InputError``s beside the stack; a file that cannot be read at all raises ``LoadError``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from golive.loaders import documents
from golive.loaders.comments import comment_spans
from golive.loaders.documents import decode_text, parse_json, parse_yaml
from golive.loaders.errors import LoadError
from golive.loaders.locations import LineIndex
from golive.model import InputError, Location, Origin, Resource, Stack

SAM_TRANSFORM = "AWS::Serverless-2016-10-31"
LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions"

#: Every intrinsic function and condition function CloudFormation defines.
KNOWN_INTRINSICS = frozenset(
    {
        "Ref",
        "Condition",
        "Fn::Base64",
        "Fn::Cidr",
        "Fn::FindInMap",
        "Fn::GetAtt",
        "Fn::GetAZs",
        "Fn::ImportValue",
        "Fn::Join",
        "Fn::Select",
        "Fn::Split",
        "Fn::Sub",
        "Fn::Transform",
        "Fn::And",
        "Fn::Equals",
        "Fn::If",
        "Fn::Not",
        "Fn::Or",
        "Fn::Length",
        "Fn::ToJsonString",
        "Fn::GetStackOutput",
        # Rule functions (valid only inside Rules, which golive does not evaluate).
        "Fn::Contains",
        "Fn::EachMemberEquals",
        "Fn::EachMemberIn",
        "Fn::RefAll",
        "Fn::ValueOf",
        "Fn::ValueOfAll",
    }
)

# Two searches, not one pattern with ".*?" between the parts: that pattern is quadratic on
# text with many "Resources:" lines and no resource type after them.
_RESOURCES_KEY = re.compile(r"^[ \t{]*\"?Resources\"?\s*:", re.MULTILINE)
_RESOURCE_TYPE = re.compile(r"Type\"?\s*:\s*[\"']?(?:AWS|Custom|Alexa)::")

#: How much of a file is read to decide whether an unparsable or oversized file is a template.
_SNIFF_BYTES = 200_000


@dataclass
class LoadedTemplate:
    """A parsed template: the stack, plus problems that did not stop the scan of the file."""

    stack: Stack
    problems: list[InputError] = field(default_factory=list)
    #: Things the reader should know that are not errors (a remote module not followed).
    notes: list[InputError] = field(default_factory=list)


def load_template(path: FsPath, parameters: Mapping[str, Any]) -> LoadedTemplate | None:
    """Read one file. ``None`` when it is not a CloudFormation template (skip quietly)."""
    file = str(path)
    size = path.stat().st_size
    if size > documents.MAX_BYTES:
        # Decide from the head alone, so an oversized file is never read whole.
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
        if not _text_looks_like_template(head):
            return None
        documents.check_size(size, file)
    raw = path.read_bytes()
    is_json = path.suffix.lower() == ".json"
    try:
        text = decode_text(raw, file)
        if is_json:
            data, index = parse_json(text, file)
            problems: list[LoadError] = []
        else:
            data, index, problems = parse_yaml(text, file)
    except LoadError:
        if _text_looks_like_template(raw):
            raise
        return None
    if not is_template(data):
        return None
    return build_stack(data, index, file, problems, parameters, None if is_json else text)


def _text_looks_like_template(raw: bytes) -> bool:
    """For files that failed to parse: would a reader have meant this as a template?"""
    if b"\x00" in raw[:8192]:
        return True  # a binary file named like a template: say so rather than skip
    text = raw[:_SNIFF_BYTES].decode("utf-8", errors="replace")
    if "AWSTemplateFormatVersion" in text:
        return True
    key = _RESOURCES_KEY.search(text)
    return key is not None and _RESOURCE_TYPE.search(text, key.end()) is not None


def is_template(data: Any) -> bool:
    """A template has a format version or a ``Resources`` section of typed resources or loops."""
    if not isinstance(data, dict):
        return False
    if "AWSTemplateFormatVersion" in data:
        return True
    resources = data.get("Resources")
    if isinstance(resources, dict):
        return any(
            (isinstance(r, dict) and "Type" in r) or str(k).startswith("Fn::ForEach::")
            for k, r in resources.items()
        )
    if isinstance(resources, list):
        return any(isinstance(r, dict) and "Type" in r for r in resources)
    return False


def transforms_of(data: Mapping[str, Any]) -> list[str]:
    """The template's ``Transform`` entries as names (macros given as mappings included)."""
    transform = data.get("Transform")
    items = transform if isinstance(transform, list) else [transform]
    names = []
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and isinstance(item.get("Name"), str):
            names.append(item["Name"])
    return names


def build_stack(
    data: dict[str, Any],
    index: LineIndex,
    file: str,
    parse_problems: list[LoadError],
    parameters: Mapping[str, Any],
    text: str | None = None,
) -> LoadedTemplate:
    """Validate the template's shape, expand transforms and build the ``Stack``.

    ``text`` is the YAML source, from which each resource's comments are read.
    """
    problems = [InputError(p.file, p.line, p.message) for p in parse_problems]
    resources = data.get("Resources")
    if resources is None and "Resources" not in data:
        raise LoadError(
            file,
            None,
            "the template has no 'Resources' section; CloudFormation requires one with at "
            "least one resource",
        )
    if not isinstance(resources, dict):
        raise LoadError(
            file,
            index.line_of(("Resources",)),
            "'Resources' must be a mapping from logical ids to resources "
            f"(found {_kind(resources)}); write each resource as 'LogicalId: {{Type: ...}}'",
        )
    # Read before expansion: generated resources find what was written for them by line.
    comments = comment_spans(text, index, resources) if text else {}
    as_written = resources
    transforms = transforms_of(data)
    origins: dict[str, tuple[Origin, int | None]] = {}
    source_kind = "cloudformation"
    if LANGUAGE_EXTENSIONS in transforms:
        from golive.loaders.foreach import expand_foreach

        data, foreach_problems = expand_foreach(data, index, file, parameters)
        problems.extend(foreach_problems)
    if SAM_TRANSFORM in transforms:
        try:
            data, origins = _expand_sam(data, index, file, parameters)
            source_kind = "sam"
        except LoadError as exc:
            # Keep what can still be reviewed: the template's plain CloudFormation resources.
            problems.append(
                InputError(
                    exc.file, exc.line, exc.message + "; only its non-SAM resources are reviewed"
                )
            )
            data = {**data, "Resources": _without_serverless(data["Resources"])}
    for name in transforms:
        if name not in (SAM_TRANSFORM, LANGUAGE_EXTENSIONS):
            problems.append(
                InputError(
                    file,
                    index.line_of(("Transform",)),
                    f"transform {name!r} is a macro golive cannot run; resources it would "
                    "create or change are not reviewed. Scan the processed template "
                    "(aws cloudformation get-template --template-stage Processed) instead",
                )
            )
    problems.extend(_unknown_intrinsics(data, index, file))
    stack_resources: dict[str, Resource] = {}
    for logical_id, body in data["Resources"].items():
        origin, line = origins.get(logical_id, (None, None))
        if line is None:
            line = index.line_of(("Resources", logical_id))
        if isinstance(body, dict) and isinstance(body.get("Type"), dict):
            problems.append(
                InputError(
                    file,
                    line,
                    f"the Type of resource {logical_id!r} is computed ({', '.join(body['Type'])}), "
                    "which CloudFormation does not allow: process the template with the tool it "
                    "is written for (for Rain modules, rain pkg) and scan the output",
                )
            )
            continue
        if not isinstance(body, dict) or not isinstance(body.get("Type"), str):
            written = isinstance(body, dict) and body.get("Type") is not None
            problems.append(
                InputError(
                    file,
                    line,
                    f"resource {logical_id!r} "
                    + ("has a Type that is not a name" if written else "has no 'Type'")
                    + "; every resource needs one, such as Type: AWS::S3::Bucket",
                )
            )
            continue
        properties = body.get("Properties")
        if properties is None:
            properties = {}
        if not isinstance(properties, dict):
            problems.append(
                InputError(
                    file,
                    index.line_of(("Resources", logical_id, "Properties")) or line,
                    f"'Properties' of {logical_id!r} must be a mapping; it was ignored",
                )
            )
            properties = {}
        depends = _depends_on(body.get("DependsOn"))
        if depends is None:
            problems.append(
                InputError(
                    file,
                    index.line_of(("Resources", logical_id, "DependsOn")) or line,
                    f"'DependsOn' of {logical_id!r} must be a logical id or a list of them; "
                    "it was ignored",
                )
            )
            depends = ()
        stack_resources[logical_id] = Resource(
            logical_id=logical_id,
            type=body["Type"],
            properties=properties,
            location=Location(file, line),
            condition=body.get("Condition") if isinstance(body.get("Condition"), str) else None,
            depends_on=depends,
            metadata=_metadata(body, origin, as_written),
            deletion_policy=body.get("DeletionPolicy"),
            update_replace_policy=body.get("UpdateReplacePolicy"),
            origin=origin,
            comments=comments.get(line, ()) if line is not None else (),
        )
    stack = Stack(
        name=FsPath(file).stem,
        file=file,
        resources=stack_resources,
        parameters=_mapping(data.get("Parameters")),
        mappings=_mapping(data.get("Mappings")),
        conditions=_mapping(data.get("Conditions")),
        source_kind=source_kind,
    )
    return LoadedTemplate(stack, problems)


def _without_serverless(resources: dict[str, Any]) -> dict[str, Any]:
    return {
        lid: body
        for lid, body in resources.items()
        if not (
            isinstance(body, dict) and str(body.get("Type", "")).startswith("AWS::Serverless::")
        )
    }


def _metadata(
    body: Mapping[str, Any], origin: Origin | None, written: Mapping[str, Any]
) -> dict[str, Any]:
    """The resource's ``Metadata``; a SAM-generated one also carries its SAM resource's.

    The translator copies ``Metadata`` onto the main resource only (the function, not its
    role), yet findings on every generated resource name the SAM resource, so what the user
    wrote there (suppressions, ``golive`` hints) must reach all of them.
    """
    own = _mapping(body.get("Metadata"))
    source = written.get(origin.logical_id) if origin is not None else None
    if isinstance(source, dict) and source is not body and isinstance(source.get("Metadata"), dict):
        return {**source["Metadata"], **own}
    return own


def _depends_on(value: Any) -> tuple[str, ...] | None:
    """``DependsOn`` as a tuple of logical ids; ``None`` when it is neither form."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def _expand_sam(
    data: dict[str, Any], index: LineIndex, file: str, parameters: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, tuple[Origin, int | None]]]:
    """SAM to CloudFormation; the translator is imported here, on the first SAM template."""
    from golive.loaders.offline_aws import import_offline

    import_offline("golive.loaders.sam")  # the translator, without boto3 or botocore
    from golive.loaders.sam import expand_sam

    return expand_sam(data, index, file, parameters)


def _unknown_intrinsics(data: dict[str, Any], index: LineIndex, file: str) -> list[InputError]:
    """Report ``Fn::Something`` that CloudFormation does not define, with its line."""
    problems: list[InputError] = []
    work: list[tuple[Any, tuple[Any, ...]]] = [
        (data.get(section), (section,)) for section in ("Resources", "Outputs", "Conditions")
    ]
    while work:
        node, path = work.pop()
        if isinstance(node, dict):
            if len(node) == 1:
                (key,) = node
                if (
                    isinstance(key, str)
                    and key.startswith("Fn::")
                    and key not in KNOWN_INTRINSICS
                    and not key.startswith("Fn::ForEach::")
                ):
                    problems.append(
                        InputError(
                            file,
                            index.line_of((*path, key)),
                            f"unknown intrinsic function {key!r}: CloudFormation will reject it. "
                            "If a macro or a tool such as Rain is meant to process it, scan "
                            "that tool's output instead; the value is treated as unknown",
                        )
                    )
                    continue
            resource = len(path) == 2 and path[0] == "Resources"
            for key, value in node.items():  # containers only: a scalar holds no function
                if isinstance(value, (dict, list)) and not (resource and key == "Type"):
                    work.append((value, (*path, key)))
        elif isinstance(node, list):
            for position, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    work.append((value, (*path, position)))
    return problems
