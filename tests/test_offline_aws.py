"""The SAM translator is imported with stand-ins for boto3 and botocore, and works with them.

What a process has imported cannot be undone within it, so each case runs in a fresh
interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from golive.loaders.offline_aws import OfflineError, Session, client

SAM_TEMPLATE = {
    "Transform": "AWS::Serverless-2016-10-31",
    "Resources": {
        "Orders": {
            "Type": "AWS::Serverless::Function",
            "Properties": {
                "Runtime": "python3.12",
                "Handler": "app.handler",
                "CodeUri": "./src",
                "Events": {"Get": {"Type": "Api", "Properties": {"Path": "/o", "Method": "get"}}},
            },
        },
    },
}


def run_python(code: str, cwd: Path) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_a_sam_template_is_translated_without_importing_boto3_or_botocore(
    tmp_path: Path,
) -> None:
    (tmp_path / "template.json").write_text(json.dumps(SAM_TEMPLATE))
    seen = run_python(
        """
        import json, sys
        from golive.loaders.cloudformation import load_template
        loaded = load_template(__import__("pathlib").Path("template.json"), {})
        aws = sorted(m for m in sys.modules if m.split(".")[0] in ("boto3", "botocore"))
        import boto3, botocore.client
        print(json.dumps({
            "types": sorted({r.type for r in loaded.stack.resources.values()}),
            "problems": [p.message for p in loaded.problems],
            "aws_modules_while_scanning": aws,
            "boto3_afterwards": getattr(boto3, "__version__", None),
            "botocore_afterwards": botocore.client.__file__,
        }))
        """,
        tmp_path,
    )
    assert seen["problems"] == []
    assert "AWS::Lambda::Function" in seen["types"]  # type: ignore[operator]
    assert "AWS::ApiGateway::RestApi" in seen["types"]  # type: ignore[operator]
    assert seen["aws_modules_while_scanning"] == []
    # The stand-ins are gone once the translator is imported: the real libraries load.
    assert isinstance(seen["boto3_afterwards"], str)
    assert str(seen["botocore_afterwards"]).endswith("client.py")


def test_a_process_that_already_uses_boto3_keeps_it(tmp_path: Path) -> None:
    seen = run_python(
        """
        import json, boto3
        from golive.loaders.offline_aws import import_offline
        import_offline("golive.loaders.sam")
        import samtranslator.translator.translator as translator
        print(json.dumps({"session": translator.Session is boto3.Session}))
        """,
        tmp_path,
    )
    assert seen == {"session": True}


def test_a_name_the_stand_ins_lack_falls_back_to_the_real_libraries(tmp_path: Path) -> None:
    (tmp_path / "needs_more.py").write_text(
        "from botocore.exceptions import NoRegionError\nfrom boto3 import Session\n"
    )
    seen = run_python(
        """
        import json, sys
        from golive.loaders.offline_aws import import_offline
        sys.path.insert(0, ".")
        module = import_offline("needs_more")
        print(json.dumps({
            "error": module.NoRegionError.__module__,
            "session": module.Session.__module__,
            "stand_ins_left": [
                name for name, m in sys.modules.items()
                if getattr(m, "__golive_stand_in__", False)
            ],
        }))
        """,
        tmp_path,
    )
    assert seen == {
        "error": "botocore.exceptions",
        "session": "boto3.session",
        "stand_ins_left": [],
    }


def test_the_stand_ins_refuse_to_create_clients() -> None:
    with pytest.raises(OfflineError, match="serverlessrepo"):
        Session().client("serverlessrepo")
    with pytest.raises(OfflineError, match="appconfig"):
        client("appconfig")
    assert Session().region_name == "us-east-1"
