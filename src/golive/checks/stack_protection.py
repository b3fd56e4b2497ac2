"""Termination protection of the stack a data store lives in (``catalog/cloudformation.yaml``).

Termination protection belongs to the deployed stack, not to any resource, so the verdict
comes from ``Stack.termination_protection``, which only an input that deploys the stack
can fill: a CDK cloud assembly's manifest. It is judged on the stack's data stores (the
resources ``stateful.deletion-policy`` judges) so that a finding names what a deletion
would take, and a stack of queues and functions raises nothing.
"""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.stateful import data_store_scope
from golive.context import Context
from golive.model import Resource


@check("cloudformation.termination-protection")
def termination_protection(resource: Resource, ctx: Context) -> Verdict:
    stack = ctx.graph.stack
    if stack.source_kind == "terraform":
        return not_applicable(
            "Terraform deploys no CloudFormation stack; lifecycle prevent_destroy on the data "
            "store is judged by stateful.deletion-policy"
        )
    if not ctx.option("require_protection"):
        return not_applicable(
            f"the {ctx.profile.value} profile lets stacks be deleted freely, data included"
        )
    scope = data_store_scope(resource, ctx)
    if scope is not None:
        return scope
    protected = stack.termination_protection
    if protected is True:
        return passed(f"stack {stack.name} has termination protection enabled")
    if protected is False:
        default = " (CDK's default)" if stack.source_kind == "cdk" else ""
        return failed(
            f"stack {stack.name} is deployed without termination protection{default}: one "
            "DeleteStack or cdk destroy removes it; set terminationProtection: true on the Stack"
        )
    return unknown(
        "termination protection is set on the deployed stack, not in the template: enable it "
        "with --enable-termination-protection on create-stack, or "
        "aws cloudformation update-termination-protection --enable-termination-protection "
        "--stack-name <stack> for a stack that exists"
    )
