"""The check catalogue: what each check means, as validated data.

One YAML file per service (``lambda.yaml``, ``logs.yaml`` ...) holds its checks' entries
keyed by id. Everything people read about a check (reports, ``golive rules``, ``golive
explain``, the docs pages) is generated from these entries. Validation here is the writing
guide: a malformed entry fails loudly, at load time and in the guard tests.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from golive.model import Pillar, Profile, Severity

CATEGORIES = (
    "Compute & Performance",
    "Security & Encryption",
    "Identity & Access",
    "Networking",
    "Data Protection & Backup",
    "Monitoring & Observability",
    "Reliability & Resilience",
    "Cost Optimization",
    "Delivery",
)
CROSSWALK_SCHEMES: dict[str, re.Pattern[str]] = {
    "checkov": re.compile(r"^CKV2?_AWS_\d+$"),
    "cfn_nag": re.compile(r"^[FW]\d+$"),
    "cdk_nag": re.compile(r"^AwsSolutions-[A-Z0-9]+$"),
    "securityhub": re.compile(r"^[A-Za-z0-9]+\.\d+$"),
    "cis": re.compile(r"^\d+(\.\d+)*$"),
    "config_rule": re.compile(r"^[a-z0-9-]+$"),
}
_ID = re.compile(r"^[a-z0-9]+(\.[a-z0-9-]+)+$")
_TITLE_BANNED = ("ensure", "check", "verify")
_REQUIRED = (
    "title",
    "pillar",
    "category",
    "section",
    "practice",
    "severity",
    "resource_types",
    "check",
    "status_phrase",
    "noun",
    "why",
    "applies",
    "not_needed_when",
    "recommendation",
    "remediation",
    "references",
    "crosswalk",
    "checklist",
)
_OPTIONAL = ("options", "trade_offs", "since", "status")


class CatalogError(ValueError):
    """A catalogue entry that does not meet the rules; the message names file, id and field."""


@dataclass(frozen=True)
class Plural:
    """A noun phrase with its singular and plural forms."""

    one: str
    other: str

    def count(self, n: int) -> str:
        """``"1 Lambda function without ..."`` or ``"43 Lambda functions without ..."``."""
        return f"{n} {self.one if n == 1 else self.other}"


@dataclass(frozen=True)
class CheckMeta:
    """One catalogue entry."""

    id: str
    title: str
    pillar: Pillar
    category: str
    section: str
    practice: str
    severities: Mapping[Profile, Severity]
    resource_types: tuple[str, ...]
    check: str
    status_phrase: Plural
    noun: Plural
    why: tuple[str, ...]
    applies: tuple[str, ...]
    not_needed_when: tuple[str, ...]
    recommendation: str
    remediation: Mapping[str, str]
    references: tuple[str, ...]
    crosswalk: Mapping[str, tuple[str, ...]]
    checklist: str
    options: Mapping[str, Mapping[Profile, Any]] = field(default_factory=dict)
    trade_offs: tuple[str, ...] = ()
    since: str = "0.1.0"
    status: str = "stable"

    def severity(self, profile: Profile) -> Severity:
        """The severity under ``profile``."""
        return self.severities[profile]

    def option(self, name: str, profile: Profile) -> Any:
        """A threshold or setting under ``profile``; unknown names are a bug, so they raise."""
        return self.options[name][profile]

    def risk_label(self, profile: Profile) -> str:
        """The severity as a reader sees it, with its range across profiles when it varies."""
        current = self.severity(profile).value.capitalize()
        ranks = sorted(set(self.severities.values()), key=lambda s: s.rank)
        if len(ranks) == 1:
            return current
        span = f"{ranks[0].value.capitalize()} to {ranks[-1].value.capitalize()}"
        return f"{current} ({span} across profiles)"


def _per_profile(value: Any, convert: Any, where: str) -> dict[Profile, Any]:
    if isinstance(value, dict):
        unknown = set(value) - {p.value for p in Profile}
        if unknown or len(value) != len(Profile):
            raise CatalogError(f"{where}: give a value for each of {[p.value for p in Profile]}")
        return {Profile(k): convert(v) for k, v in value.items()}
    return {p: convert(value) for p in Profile}


def _strings(value: Any, where: str, *, allow_empty: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CatalogError(f"{where}: expected a list of non-empty strings")
    if not value and not allow_empty:
        raise CatalogError(f"{where}: must not be empty")
    return tuple(v.strip() for v in value)


def parse_entry(check_id: str, raw: Any, file_prefix: str) -> CheckMeta:
    """Validate one entry and build its ``CheckMeta``."""
    where = f"{file_prefix}.yaml: {check_id}"
    if not _ID.match(check_id):
        raise CatalogError(
            f"{where}: ids are dotted lowercase slugs like 'lambda.reserved-concurrency'"
        )
    if check_id.split(".", 1)[0] != file_prefix:
        raise CatalogError(f"{where}: the id must start with '{file_prefix}.' (its catalogue file)")
    if not isinstance(raw, dict):
        raise CatalogError(f"{where}: an entry is a mapping of fields")
    missing = [k for k in _REQUIRED if k not in raw]
    extra = [k for k in raw if k not in _REQUIRED and k not in _OPTIONAL]
    if missing or extra:
        raise CatalogError(f"{where}: missing fields {missing}, unknown fields {extra}")
    title = str(raw["title"])
    if title.split(" ", 1)[0].lower() in _TITLE_BANNED or len(title) > 100:
        raise CatalogError(f"{where}: a title states the compliant state in under 100 characters")
    if raw["category"] not in CATEGORIES:
        raise CatalogError(f"{where}: category must be one of {CATEGORIES}")
    references = _strings(raw["references"], f"{where}.references")
    if not all(r.startswith("https://") for r in references):
        raise CatalogError(f"{where}: references are https links")
    crosswalk = raw["crosswalk"]
    if not isinstance(crosswalk, dict) or set(crosswalk) - set(CROSSWALK_SCHEMES):
        raise CatalogError(f"{where}: crosswalk keys are {sorted(CROSSWALK_SCHEMES)}")
    for scheme, ids in crosswalk.items():
        for peer_id in _strings(ids, f"{where}.crosswalk.{scheme}", allow_empty=True):
            if not CROSSWALK_SCHEMES[scheme].match(peer_id):
                raise CatalogError(f"{where}: {peer_id!r} is not a {scheme} id")
    remediation = raw["remediation"]
    if not isinstance(remediation, dict) or set(remediation) != {
        "cloudformation",
        "terraform",
        "cdk",
    }:
        raise CatalogError(f"{where}: remediation has cloudformation, terraform and cdk snippets")
    for plural_field in ("status_phrase", "noun"):
        value = raw[plural_field]
        if not isinstance(value, dict) or set(value) != {"one", "other"}:
            raise CatalogError(f"{where}.{plural_field}: give 'one' and 'other' forms")
    options = raw.get("options") or {}
    if not isinstance(options, dict):
        raise CatalogError(f"{where}.options: a mapping of option name to value(s)")
    return CheckMeta(
        id=check_id,
        title=title,
        pillar=Pillar(raw["pillar"]),
        category=raw["category"],
        section=str(raw["section"]),
        practice=str(raw["practice"]),
        severities=_per_profile(raw["severity"], Severity, f"{where}.severity"),
        resource_types=_strings(raw["resource_types"], f"{where}.resource_types"),
        check=str(raw["check"]).strip(),
        status_phrase=Plural(**raw["status_phrase"]),
        noun=Plural(**raw["noun"]),
        why=_strings(raw["why"], f"{where}.why"),
        applies=_strings(raw["applies"], f"{where}.applies"),
        not_needed_when=_strings(
            raw["not_needed_when"], f"{where}.not_needed_when", allow_empty=True
        ),
        recommendation=str(raw["recommendation"]).strip(),
        remediation={k: str(v) for k, v in remediation.items()},
        references=references,
        crosswalk={k: tuple(v) for k, v in crosswalk.items() if v},
        checklist=str(raw["checklist"]).strip(),
        options={
            k: _per_profile(v, lambda x: x, f"{where}.options.{k}") for k, v in options.items()
        },
        trade_offs=_strings(raw.get("trade_offs") or ["-"], f"{where}.trade_offs")
        if raw.get("trade_offs")
        else (),
        since=str(raw.get("since", "0.1.0")),
        status=str(raw.get("status", "stable")),
    )


@cache
def load_catalog() -> Mapping[str, CheckMeta]:
    """Every catalogue entry by id, validated (read once per process)."""
    entries: dict[str, CheckMeta] = {}
    for prefix, raw in raw_catalog().items():
        for check_id, body in (raw or {}).items():
            if check_id in entries:
                raise CatalogError(f"{prefix}.yaml: duplicate id {check_id}")
            entries[check_id] = parse_entry(check_id, body, prefix)
    return entries


#: The catalogue's YAML, parsed once at development time (``python -m golive._dev.docs``):
#: PyYAML's constructor took 0.1 s of every run, a third of a small scan. Used only while its
#: digest matches the YAML files, so an edited catalogue is never read stale.
CACHE_NAME = "catalog.cache.json"


def raw_catalog() -> dict[str, Any]:
    """The parsed YAML of every catalogue file, by file prefix, in file order."""
    files = _yaml_files()
    digest = catalog_digest(files)
    cache_file = resources.files("golive").joinpath(f"data/{CACHE_NAME}")
    try:
        cached = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cached = None
    if isinstance(cached, dict) and cached.get("digest") == digest:
        return dict(cached["files"])
    return {prefix: _parse_yaml(text) for prefix, text in files}


def catalog_digest(files: list[tuple[str, str]]) -> str:
    """A digest of the catalogue's YAML ``files`` (names and contents)."""
    hasher = hashlib.sha256()
    for prefix, text in files:
        hasher.update(prefix.encode() + b"\0" + text.encode() + b"\0")
    return hasher.hexdigest()


def render_cache() -> str:
    """The cache file's text for the current YAML files."""
    files = _yaml_files()
    body = {"digest": catalog_digest(files), "files": {p: _parse_yaml(t) for p, t in files}}
    return json.dumps(body, ensure_ascii=False, sort_keys=False) + "\n"


def _yaml_files() -> list[tuple[str, str]]:
    folder = resources.files(__name__)
    return [
        (item.name[: -len(".yaml")], item.read_text(encoding="utf-8"))
        for item in sorted(folder.iterdir(), key=lambda p: p.name)
        if item.name.endswith(".yaml")
    ]


def _parse_yaml(text: str) -> Any:
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
