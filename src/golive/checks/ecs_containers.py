"""Checks on what ECS containers are given: their image and their environment.

Catalogue: ``catalog/ecs.yaml``. An image reference is read from its last path segment
(``registry:5000/team/app:1.4.2`` -> ``app:1.4.2``): a digest or an explicit tag other than
``latest`` pins it; no tag means ``latest``. Parts known only at deployment (a parameter
without a default, an imported value) make the verdict UNKNOWN, except a repository URI of
the stack's own ECR repository, which never carries a tag.
"""

from __future__ import annotations

from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.ecs_runtime import Container, containers, listing, unknown_part
from golive.checks.secretscan import names_secret, secret_patterns
from golive.context import Context
from golive.model import Resource
from golive.values import Reference, Text, Unknown

_REPOSITORY = "AWS::ECR::Repository"
_MOVING = "latest"
#: Names AWS Config's ecs-no-environment-secrets rule looks for by default.
_CREDENTIAL_NAMES = frozenset(
    {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"}
)
_SWITCHES = frozenset({"", "true", "false", "none", "null", "yes", "no", "enabled", "disabled"})


def _show(value: Any) -> str:
    """An image reference as a reader recognises it, ``${...}`` where a part is not known."""
    parts = value.parts if isinstance(value, Text) else (value,)
    shown = []
    for part in parts:
        if isinstance(part, Reference):
            shown.append(f"${{{part.logical_id}{'.' + part.attribute if part.attribute else ''}}}")
        elif isinstance(part, Unknown):
            shown.append("${...}")
        else:
            shown.append(str(part))
    return "".join(shown)


def _last_segment(value: Any) -> list[Any]:
    """The parts of the image reference after its last ``/``."""
    parts = list(value.parts) if isinstance(value, Text) else [value]
    segment: list[Any] = []
    for part in reversed(parts):
        if isinstance(part, str) and "/" in part:
            segment.insert(0, part.rsplit("/", 1)[1])
            break
        segment.insert(0, part)
    return segment


def _is_repository_uri(part: Any, ctx: Context) -> bool:
    target = ctx.resource(part) if isinstance(part, Reference) else None
    return (
        target is not None
        and target.type == _REPOSITORY
        and part.attribute in (None, "RepositoryUri")
    )


def _why_unknown(part: Any) -> str:
    if isinstance(part, Reference):
        return f"it comes from {part.logical_id} and is known only after deployment"
    return unknown_part(part) or "it is known only at deployment"


def image_pin(value: Any, ctx: Context) -> bool | str:
    """True when the image is pinned, False for ``latest`` or no tag, else why unknown."""
    if value is None:
        return False
    if isinstance(value, Unknown):
        return f"the image is not known: {value.reason}"
    segment = _last_segment(value)
    if any(isinstance(p, str) and "@" in p for p in segment):
        return True  # a digest: name@sha256:...
    tagged = [i for i, p in enumerate(segment) if isinstance(p, str) and ":" in p]
    if tagged:
        start = tagged[-1]
        tag_parts = [str(segment[start]).rsplit(":", 1)[1], *segment[start + 1 :]]
        opaque = [p for p in tag_parts if not isinstance(p, str)]
        if opaque:
            return f"the image tag is not known: {_why_unknown(opaque[0])}"
        return "".join(tag_parts).lower() != _MOVING
    opaque = [p for p in segment if not isinstance(p, str)]
    unknown_parts = [p for p in opaque if not _is_repository_uri(p, ctx)]
    if unknown_parts:
        return f"the image name is not known: {_why_unknown(unknown_parts[0])}"
    return False


@check("ecs.image-tag-pinned")
def image_tag_pinned(task: Resource, ctx: Context) -> Verdict:
    found = containers(task, ctx)
    if isinstance(found, Unknown):
        return unknown(found.reason, "ContainerDefinitions")
    moving: list[Container] = []
    undecided: str | None = None
    for container in found:
        outcome = image_pin(container.get("Image"), ctx)
        if outcome is False:
            moving.append(container)
        elif isinstance(outcome, str) and undecided is None:
            undecided = f"container {container.name}: {outcome}"
    if moving:
        images = "; ".join(f"{c.name} runs {_show(c.get('Image'))}" for c in moving[:3])
        return failed(
            f"moving image tag ({images}): the next deployment, for any reason, runs whatever "
            "the tag names by then, and rolling back to an earlier revision cannot bring back "
            "the image it ran",
            moving[0].at("Image"),
        )
    if undecided:
        return unknown(undecided, "ContainerDefinitions")
    return passed(
        f"every image is pinned to a version tag or digest ({listing(found)})",
        "ContainerDefinitions",
    )


def _problem(name: Any, value: Any, ctx: Context) -> str | None:
    """Why the variable puts a secret into the task definition, or None."""
    target = ctx.resource(value) if isinstance(value, Reference) else None
    if (
        target is not None
        and target.type == "AWS::IAM::AccessKey"
        and value.attribute == "SecretAccessKey"
    ):
        return f"the secret access key of {target.logical_id}"
    text = value.literal("") if isinstance(value, Text) else value
    if isinstance(text, str):
        if "{{resolve:" in text.lower():
            return "a dynamic reference that CloudFormation resolves into plain text"
        shapes = secret_patterns(text)
        if shapes:
            return shapes[0]
    if not isinstance(name, str):
        return None
    if not (names_secret(name) or name.upper() in _CREDENTIAL_NAMES):
        return None
    if value is None or isinstance(value, (Reference, bool, int, float)):
        return None  # a resource's name, ARN or attribute points at the secret
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.lower() in _SWITCHES or stripped.startswith(("arn:", "/")):
            return None
        return "a value"
    return f"a value given at deployment ({unknown_part(value)})"


@check("ecs.secrets-not-in-environment")
def secrets_not_in_environment(task: Resource, ctx: Context) -> Verdict:
    found = containers(task, ctx)
    if isinstance(found, Unknown):
        return unknown(found.reason, "ContainerDefinitions")
    exposed: list[tuple[Container, str, str]] = []
    variables = injected = 0
    for container in found:
        environment = container.get("Environment")
        reason = unknown_part(environment) if not isinstance(environment, list) else None
        if reason:
            return unknown(f"container {container.name}: the environment is not known: {reason}")
        secrets = container.get("Secrets")
        injected += len(secrets) if isinstance(secrets, list) else 0
        for item in environment or []:
            if not isinstance(item, dict):
                continue
            variables += 1
            name = item.get("Name")
            problem = _problem(name, item.get("Value"), ctx)
            if problem:
                exposed.append((container, str(name), problem))
    if exposed:
        shown = "; ".join(f"{c.name}: {n} holds {p}" for c, n, p in exposed[:3])
        return failed(
            f"secrets passed as plain environment variables ({shown}): anyone who can "
            "describe the task definition reads them",
            exposed[0][0].at("Environment"),
        )
    if not variables and not injected:
        return not_applicable("no container is given environment variables or secrets")
    secrets_text = f"; {injected} injected through Secrets" if injected else ""
    return passed(
        f"{variables} environment variable{'s' if variables != 1 else ''} hold no "
        f"secret{secrets_text}",
        "ContainerDefinitions",
    )
