"""Required tags on every taggable resource (catalogue: ``catalog/tagging.yaml``).

Tags that reach a resource another way count: tags given to the whole stack at deployment
(``stack-tags`` in the settings, and the stack tags a CDK cloud assembly's manifest records,
``Stack.tags``: CloudFormation copies both onto every resource that takes tags), tags SAM
copies onto what it generates (``PropagateTags``, applied by the SAM translator before golive
sees the resources), and for Auto Scaling groups the tags that reach the instances they
launch (``PropagateAtLaunch``, launch template tag specifications).
"""

from __future__ import annotations

from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context, Value
from golive.model import Resource
from golive.taggable import tag_property
from golive.values import Reference, Unknown, is_true

AUTO_SCALING_GROUP = "AWS::AutoScaling::AutoScalingGroup"
#: NOTE: generated types SAM tags when its resource sets PropagateTags: true (the types whose
#: aws-sam-translator 1.x models carry a Tags property); it never tags event-source rules
#: or mappings, whatever PropagateTags says.
_SAM_PROPAGATES = frozenset(
    {
        "AWS::ApiGateway::ApiKey",
        "AWS::ApiGateway::DomainName",
        "AWS::ApiGateway::RestApi",
        "AWS::ApiGateway::Stage",
        "AWS::ApiGateway::UsagePlan",
        "AWS::ApiGatewayV2::Api",
        "AWS::ApiGatewayV2::DomainName",
        "AWS::ApiGatewayV2::Stage",
        "AWS::AppSync::GraphQLApi",
        "AWS::CloudFormation::Stack",
        "AWS::CodeDeploy::Application",
        "AWS::CodeDeploy::DeploymentGroup",
        "AWS::DynamoDB::Table",
        "AWS::IAM::Role",
        "AWS::IoT::TopicRule",
        "AWS::Lambda::Function",
        "AWS::S3::Bucket",
        "AWS::SNS::Topic",
        "AWS::SQS::Queue",
        "AWS::StepFunctions::StateMachine",
    }
)


def _keys(tags: Any) -> tuple[set[str], bool] | None:
    """Readable tag keys from the list ([{Key, Value}]) or map form, and whether some are not.

    None when ``tags`` is neither form.
    """
    if isinstance(tags, dict):
        return {str(k) for k in tags}, False
    if isinstance(tags, list):
        keys = [t["Key"] for t in tags if isinstance(t, dict) and isinstance(t.get("Key"), str)]
        return set(keys), len(keys) < len(tags)
    return None


def _stack_tags(ctx: Context) -> set[str]:
    """Keys of the tags the stack gives every resource: the settings' and the manifest's."""
    return set(ctx.settings.stack_tags) | set(ctx.graph.stack.tags)


def _nested_tags(resource: Resource, prop: str, ctx: Context) -> Value:
    """Tags kept per item of a list, as in ``TagSpecifications.*.Tags``: their union."""
    head, _, tail = prop.partition(".*.")
    items = ctx.value(resource, head)
    if not items.known or not isinstance(items.value, list):
        return items
    union: list[Any] = []
    for item in items.value:
        tags = item.get(tail) if isinstance(item, dict) else None
        if isinstance(tags, list):
            union.extend(tags)
    return Value(union) if union else Value(absent=True)


@check("tagging.required-tags")
def required_tags(resource: Resource, ctx: Context) -> Verdict:
    prop = tag_property(resource.type)
    if prop is None:
        return not_applicable(f"{resource.type} cannot be tagged")
    required = ctx.settings.required_tags
    if not required:
        return not_applicable("no required tags configured")
    if ".*." in prop:
        tags = _nested_tags(resource, prop, ctx)
    else:
        tags = ctx.value(resource, prop)
    if tags.unknown:
        return unknown(f"tags are not known: {tags.reason}", prop)
    present = _stack_tags(ctx)
    unreadable = False
    if tags.known:
        keys = _keys(tags.value)
        if keys is None:
            return unknown(f"{prop} holds values golive cannot read as tags", prop)
        present |= keys[0]
        unreadable = keys[1]
    missing = [key for key in required if key not in present]
    if missing and unreadable:
        return unknown(
            f"{prop} holds keys golive cannot read; missing unless among them: "
            + ", ".join(missing),
            prop,
        )
    if missing:
        return failed(
            "missing tags " + ", ".join(missing) + _sam_hint(resource, missing, ctx), prop
        )
    if resource.type == AUTO_SCALING_GROUP:
        return _launched_instances(resource, required, ctx)
    return passed("carries " + ", ".join(required), prop)


def _sam_hint(resource: Resource, missing: list[str], ctx: Context) -> str:
    """For a resource SAM generated: how the tags of the SAM resource could reach it."""
    origin = resource.origin
    primary = ctx.graph.stack.resources.get(origin.logical_id) if origin else None
    if origin is None or primary is None or primary is resource:
        return ""
    prop = tag_property(primary.type)
    tags = ctx.value(primary, prop) if prop and ".*." not in prop else None
    keys = _keys(tags.value) if tags is not None and tags.known else None
    if keys is None or not set(missing) & keys[0]:
        return ""
    if resource.type in _SAM_PROPAGATES:
        return (
            f" (the SAM resource {origin.logical_id} has them: PropagateTags: true passes them on)"
        )
    return (
        f" (SAM does not copy the tags of {origin.logical_id} onto the {resource.type} it "
        "generates, even with PropagateTags: give them to the stack and list them in stack-tags)"
    )


def _launched_instances(group: Resource, required: tuple[str, ...], ctx: Context) -> Verdict:
    """An Auto Scaling group's own tags are complete; do they reach the instances it launches?

    Instances carry the group's tags marked PropagateAtLaunch, the instance tags of its
    launch template, and the stack's tags (CloudFormation propagates those at launch).
    """
    reached = _stack_tags(ctx)
    questions: list[str] = []
    items = ctx.value(group, "Tags")
    for item in items.value if items.known and isinstance(items.value, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("Key"), str):
            continue
        flag = item.get("PropagateAtLaunch")
        if isinstance(flag, Unknown):
            questions.append(f"PropagateAtLaunch of {item['Key']} is not known: {flag.reason}")
        elif is_true(flag):
            reached.add(item["Key"])
    template = _launch_template(group, ctx)
    if isinstance(template, Unknown):
        questions.append(template.reason)
    else:
        reached |= template
    missing = [key for key in required if key not in reached]
    if not missing:
        return passed("carries " + ", ".join(required) + ", and its instances get them too", "Tags")
    if questions:
        return unknown(
            f"its instances miss {', '.join(missing)} unless they get them another way: "
            + "; ".join(questions),
            "Tags",
        )
    return failed(
        f"its instances miss {', '.join(missing)}: set PropagateAtLaunch true on those tags "
        "(or tag instances in the launch template)",
        "Tags",
    )


def _launch_template(group: Resource, ctx: Context) -> set[str] | Unknown:
    """Tag keys the group's launch template gives the instances it launches."""
    for path in (
        "LaunchTemplate",
        "MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification",
    ):
        spec = ctx.value(group, path)
        if spec.unknown:
            return Unknown(f"the launch template is not known: {spec.reason}")
        if not spec.known or not isinstance(spec.value, dict):
            continue
        named = spec.value.get("LaunchTemplateId") or spec.value.get("LaunchTemplateName")
        template = ctx.resource(named) if isinstance(named, Reference) else None
        if template is None:
            return Unknown(f"launch template {named} is not in this template; it may tag instances")
        specs = ctx.value(template, "LaunchTemplateData.TagSpecifications")
        if specs.unknown:
            return Unknown(f"the launch template's tags are not known: {specs.reason}")
        keys: set[str] = set()
        for item in specs.value if specs.known and isinstance(specs.value, list) else []:
            if isinstance(item, dict) and item.get("ResourceType") == "instance":
                found = _keys(item.get("Tags"))
                keys |= found[0] if found else set()
        return keys
    return set()
