"""The one model every input is normalized into, and the results checks produce.

Resources are described in CloudFormation's own vocabulary whatever the input was; checks
read nothing else. Everything here is frozen: the pipeline only ever builds new values.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any


class Status(str, Enum):
    """The verdict a check gives one resource."""

    FAIL = "FAIL"
    PASS = "PASS"
    NOT_APPLICABLE = "NOT_APPLICABLE"
    UNKNOWN = "UNKNOWN"
    #: Not a verdict: the check itself raised. Reported so nothing is silently lost.
    ERROR = "ERROR"
    #: A verdict someone has accepted, with a reason (``Finding.suppression`` says who and why).
    SUPPRESSED = "SUPPRESSED"


class Severity(str, Enum):
    """How much a failing practice puts production at risk."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """Order for comparisons: low < medium < high < critical."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3, Severity.CRITICAL: 4}


class Pillar(str, Enum):
    """The AWS Well-Architected pillars."""

    OPERATIONAL_EXCELLENCE = "operational-excellence"
    SECURITY = "security"
    RELIABILITY = "reliability"
    PERFORMANCE_EFFICIENCY = "performance-efficiency"
    COST_OPTIMIZATION = "cost-optimization"
    SUSTAINABILITY = "sustainability"

    @property
    def label(self) -> str:
        """The pillar as a reader sees it: "Operational excellence"."""
        return self.value.replace("-", " ").capitalize()


class Profile(str, Enum):
    """The environment a stack is reviewed for; it sets thresholds and severities."""

    PRODUCTION = "production"
    STAGING = "staging"
    DEVELOPMENT = "development"


@dataclass(frozen=True)
class Location:
    """Where something was written: file and 1-based line (None when not known)."""

    file: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Origin:
    """What the user wrote when a resource was generated from something else (SAM)."""

    logical_id: str
    type: str


@dataclass(frozen=True)
class Comment:
    """A comment written inside a resource's text (YAML only): its line and what follows ``#``."""

    line: int
    text: str


@dataclass(frozen=True)
class Resource:
    """One resource as CloudFormation will deploy it.

    ``properties`` is the raw property mapping with intrinsic functions left in place; checks
    read it through the value resolver, never directly.
    """

    logical_id: str
    type: str
    properties: Mapping[str, Any]
    location: Location
    condition: str | None = None
    depends_on: tuple[str, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    deletion_policy: Any = None
    update_replace_policy: Any = None
    #: Set when the resource was generated from a SAM resource; names what the user wrote.
    origin: Origin | None = None
    #: Comments in the text the user wrote for this resource (for a generated resource, the
    #: text of the SAM resource or ``Fn::ForEach`` loop it comes from). Empty for JSON.
    comments: tuple[Comment, ...] = ()
    #: CDK: the construct path of the resource (``MyStack/Orders/Handler/Resource``).
    construct_path: str | None = None
    #: CDK: where the construct was created in the app's source, when the assembly says.
    source_location: Location | None = None


@dataclass(frozen=True)
class Stack:
    """A template normalized into resources plus what values are resolved from."""

    name: str
    file: str
    resources: Mapping[str, Resource]
    parameters: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    mappings: Mapping[str, Any] = field(default_factory=dict)
    conditions: Mapping[str, Any] = field(default_factory=dict)
    #: ``cloudformation``, ``sam`` (Serverless transform), ``cdk`` (cloud assembly) or
    #: ``terraform`` (configuration or plan).
    source_kind: str = "cloudformation"
    #: Tags applied to every resource of the stack from outside the template (CDK stack
    #: tags in the assembly manifest; Terraform's provider ``default_tags`` are merged into
    #: each resource instead).
    tags: Mapping[str, str] = field(default_factory=dict)
    #: CloudFormation termination protection as the deployment sets it (CDK manifest);
    #: None when the input does not say.
    termination_protection: bool | None = None

    def after_review(self) -> Stack:
        """This stack as a scan keeps it once every check has judged it.

        Names, files, locations, metadata and comments stay (reports count resources and
        suppressions read metadata and comments); properties, parameters, mappings and
        conditions, the inputs of the checks, are dropped. On a scan of thousands of templates
        they are most of the memory, and most of what helper processes send back.
        """
        resources = {
            logical_id: replace(resource, properties=DROPPED)
            for logical_id, resource in self.resources.items()
        }
        return replace(
            self, resources=resources, parameters=DROPPED, mappings=DROPPED, conditions=DROPPED
        )


class DroppedInputs(Mapping[str, Any]):
    """Stands where a reviewed stack's inputs were: reading it is a mistake, and says so."""

    def __getitem__(self, key: str) -> Any:
        raise self._mistake()

    def __iter__(self) -> Iterator[str]:
        raise self._mistake()

    def __len__(self) -> int:
        raise self._mistake()

    def __reduce__(self) -> str:
        return "DROPPED"  # one instance, also after crossing from a helper process

    @staticmethod
    def _mistake() -> RuntimeError:
        return RuntimeError(
            "a reviewed stack keeps no properties, parameters, mappings or conditions "
            "(Stack.after_review); read them in a check, while the stack is judged"
        )


DROPPED: Mapping[str, Any] = DroppedInputs()


@dataclass(frozen=True)
class InputError:
    """An input golive could not read, or read only in part."""

    file: str
    line: int | None
    message: str


@dataclass(frozen=True)
class ResourceRef:
    """How a finding names a resource: what the user wrote first."""

    logical_id: str
    type: str
    file: str
    line: int | None
    #: The id CloudFormation deploys, when it differs from what the user wrote (SAM).
    deployed_id: str | None = None
    #: The type the user wrote, when it differs from the deployed type (SAM, Terraform).
    source_type: str | None = None
    #: CDK: the construct path, what a CDK user recognises first.
    construct_path: str | None = None
    #: CDK: where the construct was created in the app's source, when known.
    source_location: Location | None = None


@dataclass(frozen=True)
class Suppression:
    """Why a finding is accepted: where the suppression was written and its reason."""

    #: Where it came from: "metadata", "checkov-comment", "cfn_nag", "cdk_nag", "config", ...
    source: str
    reason: str
    #: The verdict the check gave before it was suppressed (FAIL, usually).
    status: Status = Status.FAIL


@dataclass(frozen=True)
class Finding:
    """One check's verdict on one resource."""

    check_id: str
    status: Status
    severity: Severity
    pillar: Pillar
    category: str
    resource: ResourceRef
    reason: str
    #: The property the verdict is about, as a dotted path ("Environment.Variables").
    attribute: str | None = None
    #: Set when the finding is suppressed (``status`` is then SUPPRESSED).
    suppression: Suppression | None = None
    #: True when a baseline already recorded this FAIL (known, not new).
    in_baseline: bool = False
