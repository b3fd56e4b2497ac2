"""What looks like a secret in a template: names that hold one, values that are one.

Used by the ``cloudformation.*`` checks. Names are judged by their words: a name holds a
secret when it mentions a password, secret, token, API key, private key or credential and
does not merely describe one (``SecretArn``, ``PasswordLength``, ``EnableTokenAuth``).
Values are judged by shape: AWS access key ids, private key blocks, well-known token
formats, credentials inside URLs. Raw template nodes are walked without resolving
parameters, so only what is *written in the template* counts as literal.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re
from dataclasses import dataclass
from typing import Any

from golive.resolver import Resolver
from golive.values import is_intrinsic


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SECRET_WORDS = (
    "password",
    "passwd",
    "passphrase",
    "pwd",
    "secret",
    "token",
    "apikey",
    "privatekey",
    "accesskey",
    "credential",
    "authkey",
)
#: Short forms that count only as whole words ("DbPass", not "Passthrough" or "Bypass").
_SECRET_ABBREVIATIONS = frozenset({"pass", "pw"})
#: A last word that makes a name describe a secret rather than hold one.
_DESCRIBING = _wordset(
    "arn arns name names id ids length path paths type types enabled enable rotation days "
    "hours ttl expiry expiration expires policy policies prefix suffix version template "
    "param parameter parameters ref reference location uri url urls count size validity "
    "units required reset mode format source config configuration settings options field "
    "fields attribute attributes bucket header list store provider endpoint region role "
    "identifier tag tags hint arnlist generator manager duration strategy character "
    "characters level selector schedule"
)
#: A first word that makes a name a switch or an instruction about a secret.
_SWITCHING = _wordset(
    "enable enabled disable use is has manage managed require requires generate allow "
    "create rotate exclude include auto no skip"
)
#: Names that contain a secret's word but are settings: custom resources, IMDS.
_NOT_SECRETS = frozenset({"servicetoken", "httptokens"})
#: Words that make the whole name a reference to a key or a secret kept elsewhere.
_POINTING = frozenset({"kms", "arn", "arns"})
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")

_PATTERNS = (
    (re.compile(r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b"), "an AWS access key id"),
    (
        re.compile(r"aws_secret_access_key\s*[=:]\s*['\"]?[A-Za-z0-9/+]{40}\b", re.IGNORECASE),
        "an AWS secret access key",
    ),
    (re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----"), "a private key"),
    (re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"), "a GitHub token"),
    (re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"), "a Slack token"),
    (re.compile(r"\b[sr]k_live_[A-Za-z0-9]{20,}"), "a Stripe key"),
    (
        re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@\x00'\"]+:(?!\$\{)[^/\s@\x00'\"]+@"),
        "a password inside a URL",
    ),
)
#: Text each pattern needs (case-insensitive for the secret access key's name): a value
#: holding none of them is skipped without running the patterns; nearly every value is.
_NEEDED = ("AKIA", "ASIA", "PRIVATE KEY", "gh", "xox", "k_live_", "://")
_NEEDED_ANY_CASE = "aws_secret_access_key"
PLACEHOLDER = "\x00"
_SWITCH_VALUES = frozenset(
    {"true", "false", "none", "null", "required", "optional", "enabled", "disabled"}
)
_INTERPOLATION = re.compile(r"\$\{[^}]+\}|\{\{[^}]+\}\}|<[A-Za-z0-9_ -]+>")
_SUB_VARIABLE = re.compile(r"\$\{(?!!)[^}]*\}")
_OPAQUE = ("Ref", "Fn::GetAtt", "Fn::ImportValue", "Fn::GetAZs", "Fn::Cidr", "Fn::Transform")
#: Keys whose values are program text or data that may carry secrets: examined, not named.
CARRIER_KEYS = frozenset({"UserData", "ZipFile"})


def words(name: str) -> list[str]:
    """The lower-case words of a name: ``DB_MasterPassword`` -> db, master, password."""
    last = name.rstrip("/").rsplit("/", 1)[-1]
    return [w.lower() for w in _WORD.findall(last)]


@functools.lru_cache(maxsize=4096)
def names_secret(name: str) -> bool:
    """Whether a property, variable or parameter named ``name`` holds a secret."""
    parts = words(name)
    if not parts:
        return False
    compact = "".join(parts)
    if compact in _NOT_SECRETS or parts[-1] in _DESCRIBING or parts[0] in _SWITCHING:
        return False
    if _POINTING.intersection(parts):
        return False
    return any(word in compact for word in _SECRET_WORDS) or bool(
        _SECRET_ABBREVIATIONS & set(parts)
    )


def secret_patterns(text: str) -> list[str]:
    """What in ``text`` has the shape of a secret ("an AWS access key id", ...)."""
    if not any(needed in text for needed in _NEEDED) and not (
        "_" in text and _NEEDED_ANY_CASE in text.lower()
    ):
        return []
    return [label for pattern, label in _PATTERNS if pattern.search(text)]


def decoded(text: str) -> str | None:
    """``text`` decoded from base64 when it is base64 of readable text (pre-encoded UserData)."""
    compact = "".join(text.split())
    if len(compact) < 24 or len(compact) % 4 or not re.fullmatch(r"[A-Za-z0-9+/=]+", compact):
        return None
    try:
        plain = base64.b64decode(compact, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return plain if plain.isprintable() or "\n" in plain else None


@dataclass(frozen=True)
class Leaf:
    """A string value as written: its property path, the name it sits under, its text.

    ``literal`` is False when part of the value comes from elsewhere (a parameter, a
    resource, an import); those parts read as ``PLACEHOLDER`` in ``text``. ``source``
    names where the value comes from when it is not literal.
    """

    path: str
    name: str | None
    text: str
    literal: bool
    source: str = ""


def leaves(node: Any, resolver: Resolver, path: str = "", name: str | None = None) -> list[Leaf]:
    """Every string leaf of a raw property tree, intrinsic functions read as written."""
    found: list[Leaf] = []
    _walk(node, resolver, path, name, found)
    return found


def _walk(node: Any, resolver: Resolver, path: str, name: str | None, found: list[Leaf]) -> None:
    # Appends to one list rather than chaining generators: every leaf would otherwise pass
    # through one generator frame per level above it.
    if isinstance(node, str):
        found.append(Leaf(path, name, node, True))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            _walk(item, resolver, f"{path}.{index}", name, found)
    elif isinstance(node, dict):
        if is_intrinsic(node):
            _intrinsic(node, resolver, path, name, found)
            return
        pair_name = _pair_name(node)
        for key, value in node.items():
            if key == "Tags":
                continue
            label = pair_name if (pair_name and key == "Value") else str(key)
            if pair_name and key == "Value" and _points_elsewhere(node):
                continue
            _walk(value, resolver, f"{path}.{key}" if path else str(key), label, found)


def _pair_name(node: dict[str, Any]) -> str | None:
    """The name of a ``{Name, Value}`` pair (ECS and CodeBuild environments, SSM parameters)."""
    name = node.get("Name")
    return name if isinstance(name, str) and "Value" in node else None


def _points_elsewhere(node: dict[str, Any]) -> bool:
    """CodeBuild variables of type PARAMETER_STORE or SECRETS_MANAGER hold a name, not a value."""
    return str(node.get("Type", "")).upper() in ("PARAMETER_STORE", "SECRETS_MANAGER")


def _intrinsic(
    node: dict[str, Any], resolver: Resolver, path: str, name: str | None, found: list[Leaf]
) -> None:
    ((function, arg),) = node.items()
    if function in _OPAQUE:
        target = arg if isinstance(arg, str) else arg[0] if isinstance(arg, list) and arg else "?"
        kind = "parameter" if str(target) in resolver.stack.parameters else "value"
        if function == "Ref" and str(target) in resolver.stack.resources:
            kind = "resource"
        source = f"{kind} {target}" if function in ("Ref", "Fn::GetAtt") else function
        found.append(Leaf(path, name, PLACEHOLDER, False, source))
    elif function == "Fn::Sub":
        template, variables = (
            (arg[0], arg[1]) if isinstance(arg, list) and len(arg) == 2 else (arg, {})
        )
        if isinstance(template, str):
            text = _SUB_VARIABLE.sub(PLACEHOLDER, template)
            found.append(
                Leaf(path, name, text, PLACEHOLDER not in text, "a Fn::Sub with references")
            )
        if isinstance(variables, dict):
            for key, value in variables.items():
                _walk(value, resolver, f"{path}.{key}", name, found)
    elif function == "Fn::Join" and isinstance(arg, list) and len(arg) == 2:
        items = arg[1] if isinstance(arg[1], list) else []
        if all(isinstance(i, str) for i in items) and isinstance(arg[0], str):
            found.append(Leaf(path, name, arg[0].join(items), True))
        else:
            for item in items:
                _walk(item, resolver, path, name, found)
    elif function == "Fn::If" and isinstance(arg, list) and len(arg) == 3:
        _walk(arg[1], resolver, path, name, found)
        _walk(arg[2], resolver, path, name, found)
    elif function == "Fn::FindInMap":
        value = resolver.resolve(node)
        if isinstance(value, str):
            found.append(Leaf(path, name, value, True, "the template's Mappings"))
        else:
            found.append(Leaf(path, name, PLACEHOLDER, False, "a mapping"))
    elif function == "Fn::Base64":
        _walk(arg, resolver, path, name, found)
    else:
        found.append(Leaf(path, name, PLACEHOLDER, False, function))


def holds_value(text: str) -> bool:
    """Whether a literal under a secret's name is a value, not a pointer or a switch."""
    stripped = text.strip()
    if not stripped or stripped.strip("*") == "":
        return False
    lowered = stripped.lower()
    if lowered in _SWITCH_VALUES or stripped.isdigit():
        return False
    if _INTERPOLATION.fullmatch(stripped):
        return False  # another tool's variable (${var.x}, ${ssm:...}), filled in before deploying
    # ARNs, dynamic references and Parameter Store paths point at a secret kept elsewhere.
    return not (lowered.startswith(("arn:", "/")) or "{{resolve:" in lowered)
