"""Each secret pattern is found behind the quick screen that runs before the patterns."""

from __future__ import annotations

import pytest

from golive.checks.secretscan import _PATTERNS, secret_patterns

SAMPLES = {
    "an AWS access key id": "export AWS_ACCESS_KEY_ID=AKIAZ7EXAMPLEKEY1234",
    "an AWS secret access key": "Aws_Secret_Access_Key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "a private key": "-----BEGIN RSA PRIVATE KEY-----\nMIIE...",
    "a GitHub token": "token ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
    "a Slack token": "xoxb-1234567890-abcdefghij",
    "a Stripe key": "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
    "a password inside a URL": "postgres://app:hunter22@db.internal:5432/orders",
}


def test_every_pattern_has_a_sample() -> None:
    assert sorted(label for _, label in _PATTERNS) == sorted(SAMPLES)


@pytest.mark.parametrize(("label", "text"), SAMPLES.items())
def test_each_pattern_is_found(label: str, text: str) -> None:
    assert secret_patterns(text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        "arn:aws:iam::123456789012:role/app",
        "https://example.com/path?q=1",  # a URL without credentials
        "AKIA is a prefix, not a key",
        "{{resolve:secretsmanager:db:SecretString:password}}",
    ],
)
def test_ordinary_values_are_not_secrets(text: str) -> None:
    assert secret_patterns(text) == []
