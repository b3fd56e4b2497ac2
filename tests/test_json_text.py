"""JSON text with holes (Fn::Sub policies, Terraform heredocs) parsed around the holes."""

from __future__ import annotations

import json

from golive.json_text import json_filled, json_source
from golive.policies import Document, parse_document
from golive.values import Reference, Text, Unknown

BUCKET = Reference("Logs", "Arn")
ACCOUNT = Unknown("AWS::AccountId is known only at deployment")


def test_each_hole_comes_back_where_it_was_written() -> None:
    text = Text(('{"Resource": ["', BUCKET, '", "arn:aws:iam::', ACCOUNT, ':root"]}'))
    source, holes = json_source(text)
    assert json_filled(json.loads(source), holes) == {
        "Resource": [BUCKET, Text(("arn:aws:iam::", ACCOUNT, ":root"))]
    }


def test_a_bare_hole_stands_for_the_whole_value_when_asked() -> None:
    text = Text(('{"memory": ', Reference("Memory"), "}"))
    source, holes = json_source(text, bare=True)
    assert json_filled(json.loads(source), holes) == {"memory": Reference("Memory")}
    plain, _ = json_source(text)
    assert plain.startswith('{"memory": \ue000')  # not JSON: the caller decides


def test_a_sub_policy_document_is_read_with_its_references() -> None:
    text = Text(
        (
            '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "',
            BUCKET,
            '/*"}]}',
        )
    )
    document = parse_document(text)
    assert isinstance(document, Document)
    (statement,) = document.statements
    assert (statement.effect, statement.action, statement.resource) == (
        "Allow",
        "s3:GetObject",
        Text((BUCKET, "/*")),
    )
    broken = Text(('{"Statement": ', BUCKET, "}"))
    assert parse_document(broken) == Unknown(broken.reason)
