"""golive as a policy validation plugin of a Python CDK app.

    from golive.cdk_plugin import GolivePolicyValidation

    app = App(policy_validation_beta1=[GolivePolicyValidation(fail_on="high")])
    # or: Validations.of(app).add_plugins(GolivePolicyValidation())

aws-cdk-lib runs in Node.js; through jsii it calls ``validate`` back in this Python process
once the cloud assembly is written, and golive reviews the assembly in-process
(``golive.cdk_validation``). Importing this module needs aws-cdk-lib, which golive does not
depend on: only a CDK app imports it. The settings file (``golive.toml``) is found from the
working directory, as for ``golive scan``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

try:
    import aws_cdk as cdk
    import jsii
except ImportError as exc:  # pragma: no cover - only outside a CDK app
    raise ImportError(
        "golive.cdk_plugin is imported by a CDK app: install aws-cdk-lib (pip install "
        "aws-cdk-lib) in the environment that runs it"
    ) from exc

from golive import __version__
from golive.cdk_validation import ValidationReport, validation_report
from golive.invocation import load_settings, merge_flags
from golive.model import Profile
from golive.settings import FailOn


@jsii.implements(cdk.IPolicyValidationPluginBeta1)
class GolivePolicyValidation:
    """Reports golive's failures in CDK's validation report; see ``golive.cdk_validation``."""

    def __init__(
        self,
        *,
        fail_on: str = "high",
        profile: str | None = None,
        report_unknown: bool = False,
        config: str | None = None,
    ) -> None:
        self._fail_on = FailOn(fail_on)
        self._profile = Profile(profile) if profile else None
        self._report_unknown = report_unknown
        self._config = Path(config) if config else None

    @property
    def name(self) -> str:
        """The name CDK shows, and the prefix of acknowledgements: ``golive::<check id>``."""
        return "golive"

    @property
    def version(self) -> str:
        return __version__

    @property
    def rule_ids(self) -> list[str] | None:
        return None

    def validate(self, context: Any) -> Any:
        """Called by CDK with ``context.template_paths``; returns CDK's report object."""
        settings = merge_flags(load_settings(self._config, Path.cwd()), self._profile)
        report = validation_report(
            context.template_paths, settings, self._fail_on, self._report_unknown
        )
        return _to_cdk(report)


def _to_cdk(report: ValidationReport) -> Any:
    violations = [
        cdk.PolicyViolationBeta1(
            rule_name=v.rule_name,
            description=v.description,
            fix=v.fix,
            severity=v.severity,
            rule_metadata=v.metadata,
            violating_resources=[
                cdk.PolicyViolatingResourceBeta1(
                    resource_logical_id=r.logical_id,
                    template_path=r.template,
                    locations=list(r.locations),
                )
                for r in v.resources
            ],
        )
        for v in report.violations
    ]
    return cdk.PolicyValidationPluginReportBeta1(
        success=report.success,
        violations=violations,
        plugin_version=__version__,
        metadata=report.metadata,
    )
