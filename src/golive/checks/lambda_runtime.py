"""Checks on a Lambda function's runtime and architecture (catalogue: ``catalog/lambda.yaml``).

Both read the table below: when each managed runtime is deprecated, when Lambda blocks
creating and then updating functions on it, and whether it runs on arm64 (the runtimes
built on Amazon Linux 1 run only on x86_64).

Runtimes are judged as of ``AS_OF``, the day the table was last compared with the AWS
Lambda runtimes page, not as of the day the scan runs: a report must not change between two
runs of the same golive on the same template. The profile's look-ahead window
(``lookahead_days``) covers the time until the next golive release refreshes the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.invocations import Mode
from golive.model import Resource
from golive.values import first_unknown

#: The day the table was last checked against the AWS Lambda runtimes page.
AS_OF = date(2026, 11, 23)


@dataclass(frozen=True)
class Runtime:
    """One managed runtime: its deprecation schedule and whether it runs on arm64."""

    deprecated: date
    create_blocked: date
    update_blocked: date
    successor: str | None = None
    arm64: bool = True


def _runtime(
    deprecated: str,
    create: str,
    update: str,
    successor: str | None = None,
    *,
    arm64: bool = True,
) -> Runtime:
    return Runtime(
        date.fromisoformat(deprecated),
        date.fromisoformat(create),
        date.fromisoformat(update),
        successor,
        arm64,
    )


# NOTE: dates from https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (the
# supported and deprecated runtime tables), as of AS_OF. Runtimes on Amazon Linux 1 never
# offered arm64.
RUNTIMES: dict[str, Runtime] = {
    "nodejs": _runtime("2016-10-31", "2016-10-31", "2016-10-31", "nodejs24.x", arm64=False),
    "nodejs4.3": _runtime("2020-03-05", "2020-03-05", "2020-03-05", "nodejs24.x", arm64=False),
    "nodejs4.3-edge": _runtime("2020-03-05", "2019-04-30", "2019-04-30", "nodejs24.x", arm64=False),
    "nodejs6.10": _runtime("2019-08-12", "2019-08-12", "2019-08-12", "nodejs24.x", arm64=False),
    "nodejs8.10": _runtime("2020-03-06", "2020-03-06", "2020-03-06", "nodejs24.x", arm64=False),
    "nodejs10.x": _runtime("2021-07-30", "2021-07-30", "2022-02-14", "nodejs24.x", arm64=False),
    "nodejs12.x": _runtime("2023-03-31", "2023-03-31", "2023-04-30", "nodejs24.x"),
    "nodejs14.x": _runtime("2023-12-04", "2024-01-09", "2027-03-03", "nodejs24.x"),
    "nodejs16.x": _runtime("2024-06-12", "2027-02-01", "2027-03-03", "nodejs24.x"),
    "nodejs18.x": _runtime("2025-09-01", "2027-02-01", "2027-03-03", "nodejs24.x"),
    "nodejs20.x": _runtime("2026-04-30", "2027-02-01", "2027-03-03", "nodejs24.x"),
    "nodejs22.x": _runtime("2027-04-30", "2027-06-01", "2027-07-01", "nodejs24.x"),
    "nodejs24.x": _runtime("2028-04-30", "2028-06-01", "2028-07-01"),
    "python2.7": _runtime("2021-07-15", "2021-07-15", "2022-05-30", "python3.14", arm64=False),
    "python3.6": _runtime("2022-07-18", "2022-07-18", "2022-08-29", "python3.14", arm64=False),
    "python3.7": _runtime("2023-12-04", "2024-01-09", "2027-03-03", "python3.14", arm64=False),
    "python3.8": _runtime("2024-10-14", "2027-02-01", "2027-03-03", "python3.14"),
    "python3.9": _runtime("2025-12-15", "2027-02-01", "2027-03-03", "python3.14"),
    "python3.10": _runtime("2026-10-31", "2027-02-01", "2027-03-03", "python3.14"),
    "python3.11": _runtime("2027-06-30", "2027-07-31", "2027-08-31", "python3.14"),
    "python3.12": _runtime("2028-10-31", "2028-11-30", "2029-01-10", "python3.14"),
    "python3.13": _runtime("2029-06-30", "2029-07-31", "2029-08-31", "python3.14"),
    "python3.14": _runtime("2029-06-30", "2029-07-31", "2029-08-31"),
    "java8": _runtime("2024-01-08", "2024-02-08", "2027-03-03", "java25", arm64=False),
    "java8.al2": _runtime("2027-06-30", "2027-07-31", "2027-08-31", "java25"),
    "java11": _runtime("2027-06-30", "2027-07-31", "2027-08-31", "java25"),
    "java17": _runtime("2027-06-30", "2027-07-31", "2027-08-31", "java25"),
    "java21": _runtime("2029-06-30", "2029-07-31", "2029-08-31", "java25"),
    "java25": _runtime("2029-06-30", "2029-07-31", "2029-08-31"),
    "dotnetcore1.0": _runtime("2019-06-27", "2019-07-30", "2019-07-30", "dotnet10", arm64=False),
    "dotnetcore2.0": _runtime("2019-05-30", "2019-05-30", "2019-05-30", "dotnet10", arm64=False),
    "dotnetcore2.1": _runtime("2022-01-05", "2022-01-05", "2022-04-13", "dotnet10", arm64=False),
    "dotnetcore3.1": _runtime("2023-04-03", "2023-04-03", "2023-05-03", "dotnet10"),
    "dotnet6": _runtime("2024-12-20", "2027-02-01", "2027-03-03", "dotnet10"),
    "dotnet8": _runtime("2026-11-10", "2027-02-01", "2027-03-03", "dotnet10"),
    "dotnet10": _runtime("2028-11-14", "2028-12-14", "2029-01-15"),
    "ruby2.5": _runtime("2021-07-30", "2021-07-30", "2022-03-31", "ruby3.4", arm64=False),
    "ruby2.7": _runtime("2023-12-07", "2024-01-09", "2027-03-03", "ruby3.4"),
    "ruby3.2": _runtime("2026-03-31", "2027-02-01", "2027-03-03", "ruby3.4"),
    "ruby3.3": _runtime("2027-03-31", "2027-04-30", "2027-05-31", "ruby3.4"),
    "ruby3.4": _runtime("2028-03-31", "2028-04-30", "2028-05-31"),
    "go1.x": _runtime("2024-01-08", "2024-02-08", "2027-03-03", "provided.al2023", arm64=False),
    "provided": _runtime("2024-01-08", "2024-02-08", "2027-03-03", "provided.al2023", arm64=False),
    "provided.al2": _runtime("2026-07-31", "2027-02-01", "2027-03-03", "provided.al2023"),
    "provided.al2023": _runtime("2029-06-30", "2029-07-31", "2029-08-31"),
}  # fmt: skip


def _is_image(fn: Resource, ctx: Context) -> bool:
    package = ctx.value(fn, "PackageType")
    return package.known and package.value == "Image"


def at_edge(fn: Resource, ctx: Context) -> bool:
    """Whether CloudFront runs ``fn`` as a Lambda@Edge function."""
    return any(i.via == "CloudFront Lambda@Edge" for i in ctx.invocations(fn))


def _upgrade(runtime: Runtime) -> str:
    return f"; move to {runtime.successor}" if runtime.successor else ""


@check("lambda.runtime-supported")
def runtime_supported(fn: Resource, ctx: Context) -> Verdict:
    if _is_image(fn, ctx):
        return not_applicable(
            "a container image function: the image brings its own runtime, which Lambda "
            "does not deprecate; keep its base image patched instead"
        )
    name = ctx.value(fn, "Runtime")
    if name.unknown:
        return unknown(f"the runtime is not known: {name.reason}", "Runtime")
    if name.absent or not isinstance(name.value, str):
        return unknown("the function names no Runtime, which a .zip function needs", "Runtime")
    runtime = RUNTIMES.get(name.value)
    if runtime is None:
        return unknown(
            f"runtime {name.value} is not in golive's table of Lambda runtimes "
            f"(as of {AS_OF.isoformat()})",
            "Runtime",
        )
    if runtime.deprecated <= AS_OF:
        return failed(_deprecated(name.value, runtime), "Runtime")
    window = int(ctx.option("lookahead_days"))
    if runtime.deprecated <= AS_OF + timedelta(days=window):
        return failed(
            f"runtime {name.value} is deprecated on {runtime.deprecated.isoformat()}, within "
            f"the {window} days this profile looks ahead{_upgrade(runtime)}",
            "Runtime",
        )
    return passed(
        f"runtime {name.value} is supported until {runtime.deprecated.isoformat()}", "Runtime"
    )


def _deprecated(name: str, runtime: Runtime) -> str:
    since = f"runtime {name} was deprecated on {runtime.deprecated.isoformat()}"
    if runtime.update_blocked <= AS_OF:
        return (
            f"{since}; since {runtime.update_blocked.isoformat()} Lambda refuses updates to "
            f"functions on it, so this template can no longer change the function"
            f"{_upgrade(runtime)}"
        )
    create = (
        f"blocks creating functions on it since {runtime.create_blocked.isoformat()}"
        if runtime.create_blocked <= AS_OF
        else f"blocks creating functions on it from {runtime.create_blocked.isoformat()}"
    )
    return (
        f"{since} and gets no security patches; Lambda {create} and updating them from "
        f"{runtime.update_blocked.isoformat()}{_upgrade(runtime)}"
    )


@check("lambda.arm64")
def arm64(fn: Resource, ctx: Context) -> Verdict:
    if at_edge(fn, ctx):
        return not_applicable("a Lambda@Edge function: Lambda@Edge runs x86_64 functions only")
    if only_custom_resource_handler(fn, ctx):
        return not_applicable(
            "a custom-resource handler only: it runs a few seconds per stack operation, "
            "too little for the architecture to change the bill"
        )
    architectures = ctx.value(fn, "Architectures")
    doubt = architectures.reason or first_unknown(architectures.value)
    if doubt:
        return unknown(f"the architecture is not known: {doubt}", "Architectures")
    chosen = architectures.value if isinstance(architectures.value, list) else []
    if "arm64" in chosen:
        return passed("runs on arm64 (Graviton)", "Architectures")
    if not _is_image(fn, ctx):
        name = ctx.value(fn, "Runtime")
        if name.unknown:
            return unknown(
                f"runs on x86_64; whether its runtime offers arm64 is not known: {name.reason}",
                "Runtime",
            )
        runtime = RUNTIMES.get(name.value) if isinstance(name.value, str) else None
        if runtime is not None and not runtime.arm64:
            return not_applicable(
                f"runtime {name.value} runs on x86_64 only (Amazon Linux 1){_upgrade(runtime)}, "
                "which offers arm64"
            )
    return failed(
        "runs on x86_64 (the default): the same function on arm64 costs about 20% less per "
        "GB-second and often runs faster",
        "Architectures",
    )


def only_custom_resource_handler(fn: Resource, ctx: Context) -> bool:
    """Whether only CloudFormation custom resources invoke ``fn``."""
    invocations = ctx.invocations(fn)
    return bool(invocations) and all(i.mode is Mode.CUSTOM_RESOURCE for i in invocations)
