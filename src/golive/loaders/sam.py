"""SAM templates into what CloudFormation deploys, through aws-sam-translator.

The translator is the library the SAM CLI and CloudFormation's own transform use, so
Globals, events and generated roles come out exactly as they will be deployed. Two things
are done around it: local artifact paths (``CodeUri: ./src``) become placeholder S3
locations, since the translator only accepts packaged templates, and every generated
resource is traced back to the SAM resource the user wrote, for findings to name.

Importing this module costs about a quarter of a second, so the CloudFormation loader
imports it only when a template carries the SAM transform, and through
``offline_aws.import_offline``: the translator imports boto3 and botocore, which it never
needs here, and stand-ins save their import and guarantee that no AWS client is created.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Mapping
from typing import Any

import samtranslator.translator.translator as _translator_module
from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator

from golive.loaders import offline_aws
from golive.loaders.errors import LoadError
from golive.loaders.locations import LineIndex
from golive.model import Origin

#: Properties that name a local artifact before ``sam package``, per SAM resource type.
_ARTIFACT_PROPERTIES = {
    "AWS::Serverless::Function": ("CodeUri",),
    "AWS::Serverless::LayerVersion": ("ContentUri",),
    "AWS::Serverless::Api": ("DefinitionUri",),
    "AWS::Serverless::HttpApi": ("DefinitionUri",),
    "AWS::Serverless::StateMachine": ("DefinitionUri",),
    "AWS::Serverless::GraphQLApi": ("SchemaUri",),
    "AWS::Serverless::Application": ("Location",),
}
_PLACEHOLDER_S3 = "s3://golive-placeholder/artifact.zip"
_PLACEHOLDER_APPLICATION = "https://golive-placeholder.s3.amazonaws.com/application.yaml"
_IMPLICIT_APIS = {"ServerlessRestApi": "Api", "ServerlessHttpApi": "HttpApi"}
_ID_PATTERN = re.compile(r"\[([A-Za-z0-9]+)\]")


# NOTE: the translator builds its policy-template plugin for every template, and building it
# validates the bundled policy templates against their JSON schema: about 15 ms of a 16 ms
# translation of a small template. The plugin holds no per-template state, so one instance
# serves every translation in the process.
_translator_module.make_policy_template_for_function_plugin = functools.cache(
    _translator_module.make_policy_template_for_function_plugin
)


class _AnyManagedPolicy(dict[str, str]):
    """Managed policy names resolve to their ARN without asking IAM."""

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str)

    def __getitem__(self, key: str) -> str:
        return f"arn:aws:iam::aws:policy/{key}"

    def get(self, key: str, default: Any = None) -> str:
        return self[key]


def expand_sam(
    data: dict[str, Any], index: LineIndex, file: str, parameters: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, tuple[Origin, int | None]]]:
    """Translate; return the CloudFormation template and each resource's SAM origin + line."""
    template = copy.deepcopy(data)
    _placeholder_artifacts(template)
    sam_resources = {
        lid: body["Type"]
        for lid, body in data["Resources"].items()
        if isinstance(body, dict)
        and isinstance(body.get("Type"), str)
        and body["Type"].startswith("AWS::Serverless::")
    }
    translator = Translator(
        managed_policy_map=_AnyManagedPolicy(),
        sam_parser=Parser(),
        boto_session=offline_aws.Session(),
    )
    values = {k: v for k, v in parameters.items() if isinstance(v, (str, int, float, list))}
    try:
        translated: dict[str, Any] = translator.translate(
            template, parameter_values=values, get_managed_policy_map=_AnyManagedPolicy
        )
    except InvalidDocumentException as exc:
        messages = [cause.message for cause in exc.causes]
        raise LoadError(file, _line_of_first_id(messages, index), _sam_message(messages)) from exc
    except Exception as exc:  # the translator's own failures become an input error
        raise LoadError(
            file, index.line_of(("Transform",)), f"the SAM transform failed: {exc}"
        ) from exc
    finally:
        translator.metrics.publish()  # a no-op publisher; silences the "unpublished" warning
    return translated, _origins(translated, data, sam_resources, index)


def _placeholder_artifacts(template: dict[str, Any]) -> None:
    """Replace local artifact paths with S3 placeholders the translator accepts.

    A function with no code location at all is packaged from the template's own folder by
    ``sam build``/``sam package``; it gets the placeholder too.
    """
    globals_section = template.get("Globals")
    function_globals = (
        globals_section.get("Function") if isinstance(globals_section, dict) else None
    )
    if not isinstance(function_globals, dict):
        function_globals = {}  # a malformed Globals section is the translator's to report
    if _is_local(function_globals.get("CodeUri")):
        function_globals["CodeUri"] = _PLACEHOLDER_S3
    for body in template["Resources"].values():
        if not isinstance(body, dict):
            continue
        resource_type = body.get("Type")
        if resource_type == "AWS::Serverless::Function" and body.get("Properties") is None:
            body["Properties"] = {}  # everything may come from Globals
        props = body.get("Properties")
        if not isinstance(resource_type, str) or not isinstance(props, dict):
            continue  # reported by the CloudFormation loader or the translator
        for name in _ARTIFACT_PROPERTIES.get(resource_type, ()):
            if _is_local(props.get(name)):
                props[name] = _PLACEHOLDER_S3
        if resource_type == "AWS::Serverless::Application" and isinstance(
            props.get("Location"), dict
        ):
            # NOTE: an application from the Serverless Application Repository would make the
            # translator call the SAR API; scan makes no network calls, so it gets a URL.
            props["Location"] = _PLACEHOLDER_APPLICATION
        if resource_type == "AWS::Serverless::Function" and _needs_code_location(
            props, function_globals
        ):
            props["CodeUri"] = _PLACEHOLDER_S3


def _needs_code_location(props: dict[str, Any], function_globals: dict[str, Any]) -> bool:
    given = ("CodeUri", "InlineCode", "ImageUri")
    if any(key in props or key in function_globals for key in given):
        return False
    return (props.get("PackageType") or function_globals.get("PackageType")) != "Image"


def _is_local(value: Any) -> bool:
    return isinstance(value, str) and not value.startswith(("s3://", "https://", "http://"))


def _origins(
    translated: Mapping[str, Any],
    original: Mapping[str, Any],
    sam_resources: Mapping[str, str],
    index: LineIndex,
) -> dict[str, tuple[Origin, int | None]]:
    """Trace each generated resource to the SAM resource that produced it."""
    origins: dict[str, tuple[Origin, int | None]] = {}
    # Longest ids first, so "FnRole" maps to "Fn" only when no "FnRole" SAM resource exists.
    by_length = sorted(sam_resources, key=len, reverse=True)
    for logical_id in translated.get("Resources", {}):
        if logical_id in original["Resources"]:
            sam_type = sam_resources.get(logical_id)
            if sam_type:
                line = index.line_of(("Resources", logical_id))
                origins[logical_id] = (Origin(logical_id, sam_type), line)
            continue
        implicit = _implicit_api(logical_id, original, index)
        if implicit is not None:
            origins[logical_id] = implicit
            continue
        owner = next((sam for sam in by_length if logical_id.startswith(sam)), None)
        if owner is not None:
            line = index.line_of(("Resources", owner))
            origins[logical_id] = (Origin(owner, sam_resources[owner]), line)
    return origins


def _implicit_api(
    logical_id: str, original: Mapping[str, Any], index: LineIndex
) -> tuple[Origin, int | None] | None:
    """Implicit APIs come from function events; point at the first such event."""
    for prefix, event_type in _IMPLICIT_APIS.items():
        if not logical_id.startswith(prefix):
            continue
        for fn_id, body in original["Resources"].items():
            properties = body.get("Properties") if isinstance(body, dict) else None
            events = properties.get("Events") if isinstance(properties, dict) else None
            if not isinstance(events, dict):
                continue
            for event_id, event in events.items():
                if isinstance(event, dict) and event.get("Type") == event_type:
                    path = ("Resources", fn_id, "Properties", "Events", event_id)
                    return Origin(prefix, f"AWS::Serverless::{event_type}"), index.line_of(path)
    return None


def _line_of_first_id(messages: list[str], index: LineIndex) -> int | None:
    for message in messages:
        match = _ID_PATTERN.search(message)
        if match:
            line = index.line_of(("Resources", match.group(1)))
            if line is not None:
                return line
    return index.line_of(("Resources",))


def _sam_message(messages: list[str]) -> str:
    joined = "; ".join(messages[:5])
    more = f" (and {len(messages) - 5} more)" if len(messages) > 5 else ""
    return (
        f"the SAM transform rejected the template: {joined.rstrip('.')}{more}; "
        "correct the SAM resources it names"
    )
