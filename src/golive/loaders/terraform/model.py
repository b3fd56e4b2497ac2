"""Terraform resources as the configuration or plan readers produce them.

A ``TfResource`` is one resource *instance* (after ``count``/``for_each``) in Terraform's
own vocabulary: attribute names as the AWS provider spells them, nested blocks as lists of
mappings. Values are plain data where known, and otherwise the same explicit values the
CloudFormation side uses (``golive.values``):

- ``Reference(address, attribute)``: ``aws_iam_role.app.arn`` is
  ``Reference("aws_iam_role.app", "arn")`` (``attribute`` is Terraform's name);
- ``Unknown(reason)``: a value known only after apply, a variable nobody set, a data
  source, a function golive does not evaluate;
- ``Text(parts)``: an interpolated string with such parts inside.

The mapping (``golive.loaders.terraform.mapping``) turns these into CloudFormation types
and properties; checks never see Terraform's vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from golive.model import Comment, Location


@dataclass(frozen=True)
class TfResource:
    """One managed resource instance of a configuration or plan."""

    #: The full address: ``module.api.aws_lambda_function.handler[0]``.
    address: str
    #: The provider's type: ``aws_lambda_function``.
    type: str
    attributes: Mapping[str, Any]
    location: Location
    #: The provider's ``default_tags`` that apply to this resource (merged by the mapping).
    default_tags: Mapping[str, Any] = field(default_factory=dict)
    #: ``lifecycle { prevent_destroy = true }``; None when the input does not say (a plan).
    prevent_destroy: bool | None = False
    #: Comments inside the resource block (for ``# golive:skip=`` and ``#checkov:skip=``).
    comments: tuple[Comment, ...] = ()
    #: Addresses this resource names in ``depends_on``.
    depends_on: tuple[str, ...] = ()
