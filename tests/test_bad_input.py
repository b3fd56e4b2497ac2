"""Bad input never crashes a scan: each broken file becomes one clear error entry.

Every case writes a broken (or hostile, or huge) file beside a small valid template and runs
``golive scan --format json`` in-process. The contract, checked by ``scan_dir``: exit code 2,
the valid template still judged, an error entry naming the broken file (with a line where
one makes sense) whose message says what is wrong and what to do, and no traceback.
Messages are matched by meaningful substrings, so wording can improve without churn here.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import golive.loaders.documents
import golive.loaders.foreach
from golive.cli import app

RUNNER = CliRunner()

VALID = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 7
"""


@dataclass
class Scan:
    """One finished ``golive scan`` run."""

    code: int
    report: dict[str, Any]
    stderr: str

    def errors_for(self, name: str) -> list[dict[str, Any]]:
        return [e for e in self.report["errors"] if Path(e["file"]).name == name]

    def judged(self, file_name: str) -> set[str]:
        """Logical ids with at least one finding in ``file_name``."""
        return {
            f["resource"]["logical_id"]
            for f in self.report["findings"]
            if Path(f["resource"]["file"]).name == file_name
        }


def run_scan(*paths: Path) -> Scan:
    result = RUNNER.invoke(app, ["scan", *map(str, paths), "--format", "json"])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    report = json.loads(result.stdout) if result.stdout.strip() else {}
    return Scan(result.exit_code, report, result.stderr)


def scan_dir(folder: Path, bad_name: str) -> dict[str, Any]:
    """Scan ``folder`` (bad file + valid.yaml); return the one error entry for ``bad_name``."""
    (folder / "valid.yaml").write_text(VALID)
    scan = run_scan(folder)
    assert scan.code == 2, scan.report
    assert "AppLogs" in scan.judged("valid.yaml"), "the valid template was not judged"
    errors = scan.errors_for(bad_name)
    assert len(errors) == 1, scan.report["errors"]
    assert not scan.errors_for("valid.yaml")
    return errors[0]


def assert_message(error: dict[str, Any], *parts: str) -> None:
    for part in parts:
        assert part in error["message"], f"{part!r} not in {error['message']!r}"


def resource_line(error: dict[str, Any], key_line: int) -> None:
    # NOTE: YAML locations are the first line of a resource's body (its Type), JSON ones the
    # line of the logical id; either is a correct pointer for a reader.
    assert error["line"] in (key_line, key_line + 1), error


# --- syntax -------------------------------------------------------------------------------


def test_yaml_unclosed_bracket_points_at_the_bracket(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Resources:\n"
        "  Logs:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "    Properties:\n"
        "      Tags: [{Key: team, Value: core}\n"  # line 6: never closed
        "  Other:\n"
        "    Type: AWS::Logs::LogGroup\n"
    )
    error = scan_dir(tmp_path, "bad.yaml")
    assert error["line"] == 6
    assert_message(error, "invalid YAML", "'['", "not closed", "add the missing")


def test_yaml_unclosed_bracket_at_end_of_file_names_a_line_in_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources: {Logs: {Type: AWS::Logs::LogGroup}\n"
    )
    error = scan_dir(tmp_path, "bad.yaml")
    assert error["line"] == 2
    assert_message(error, "'{'", "not closed")


def test_yaml_bad_indentation(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Resources:\n"
        "  Bucket:\n"
        "    Type: AWS::S3::Bucket\n"
        "   Properties:\n"  # line 5: one space short
        "      BucketName: x\n"
    )
    error = scan_dir(tmp_path, "bad.yaml")
    assert error["line"] == 5
    assert_message(error, "invalid YAML", "indentation")


def test_yaml_tab_indentation(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  L:\n\tType: AWS::Logs::LogGroup\n"
    )
    error = scan_dir(tmp_path, "bad.yaml")
    assert error["line"] == 4
    assert_message(error, "tab", "spaces")


def test_yaml_second_document(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Resources:\n"
        "  L:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "---\n"
        "Resources: {}\n"
    )
    error = scan_dir(tmp_path, "bad.yaml")
    assert error["line"] == 5
    assert_message(error, "second document", "split the file")


def test_malformed_json(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(
        "{\n"
        '  "AWSTemplateFormatVersion": "2010-09-09",\n'
        '  "Resources": {\n'
        '    "Logs": {"Type": "AWS::Logs::LogGroup",}\n'  # line 4: trailing comma
        "  }\n"
        "}\n"
    )
    error = scan_dir(tmp_path, "bad.json")
    assert error["line"] == 4
    assert_message(error, "invalid JSON", "column", "trailing commas")


# --- shape --------------------------------------------------------------------------------


def test_resources_given_as_a_list(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Resources:\n"
        "  - Type: AWS::Logs::LogGroup\n"
        "    Properties: {RetentionInDays: 7}\n"
    )
    error = scan_dir(tmp_path, "bad.yaml")
    resource_line(error, 2)
    assert_message(error, "'Resources' must be a mapping", "a list", "LogicalId:")


def test_template_without_resources(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("AWSTemplateFormatVersion: '2010-09-09'\nOutputs: {}\n")
    error = scan_dir(tmp_path, "bad.yaml")
    assert_message(error, "no 'Resources' section")


def test_unknown_intrinsic_long_and_short_form(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Resources:\n"
        "  Short:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "    Properties:\n"
        "      RetentionInDays: !Foo 30\n"  # line 6
        "  Long:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "    Properties:\n"
        "      RetentionInDays:\n"
        "        Fn::Foo: 30\n"  # line 11
    )
    (tmp_path / "valid.yaml").write_text(VALID)
    scan = run_scan(tmp_path)
    assert scan.code == 2
    errors = scan.errors_for("bad.yaml")
    assert [e["line"] for e in errors] == [6, 11]
    for error in errors:
        assert_message(error, "unknown intrinsic function 'Fn::Foo'", "scan that tool's output")
    # The rest of the template is still reviewed; the unknown value is not guessed at.
    assert scan.judged("bad.yaml") == {"Short", "Long"}
    retention = [
        f
        for f in scan.report["findings"]
        if f["check_id"] == "logs.retention" and f["resource"]["logical_id"] in ("Short", "Long")
    ]
    assert {f["status"] for f in retention} == {"UNKNOWN"}
    assert "AppLogs" in scan.judged("valid.yaml")


def test_dependency_cycle(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Resources:\n"
        "  First:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "    Properties:\n"
        "      LogGroupName: !Ref Second\n"
        "  Second:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "    DependsOn: First\n"
    )
    error = scan_dir(tmp_path, "bad.yaml")
    assert error["line"] in (3, 4, 7, 8)
    assert_message(error, "circular dependency", "First", "Second", "remove one of")
    assert "First -> Second -> First" in error["message"] or (
        "Second -> First -> Second" in error["message"]
    )


def test_cycle_does_not_stop_the_review_of_its_resources(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "Resources:\n"
        "  Loop:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "    Properties: {LogGroupName: !GetAtt Loop.Arn}\n"
    )
    (tmp_path / "valid.yaml").write_text(VALID)
    scan = run_scan(tmp_path)
    assert scan.code == 2
    assert "Loop -> Loop" in scan.errors_for("bad.yaml")[0]["message"]
    assert scan.judged("bad.yaml") == {"Loop"}


def test_resource_without_type(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Resources:\n"
        "  Typed:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "  Untyped:\n"  # line 5
        "    Properties: {RetentionInDays: 7}\n"
    )
    error = scan_dir(tmp_path, "bad.yaml")
    resource_line(error, 5)
    assert_message(error, "'Untyped'", "no 'Type'", "Type: AWS::")


def test_resource_type_that_is_not_a_name(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "Resources:\n  Typed:\n    Type: AWS::Logs::LogGroup\n  Odd:\n    Type: 42\n"
    )
    error = scan_dir(tmp_path, "bad.yaml")
    assert_message(error, "'Odd'", "not a name", "Type: AWS::")


@pytest.mark.parametrize("depends_on", ["42", "{Ref: Typed}", "[{Ref: Typed}]"])
def test_depends_on_of_the_wrong_shape(tmp_path: Path, depends_on: str) -> None:
    (tmp_path / "bad.yaml").write_text(
        "Resources:\n"
        "  Typed:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "  Odd:\n"
        "    Type: AWS::Logs::LogGroup\n"
        f"    DependsOn: {depends_on}\n"
    )
    error = scan_dir(tmp_path, "bad.yaml")
    assert error["line"] == 6
    assert_message(error, "'DependsOn' of 'Odd'", "logical id")


def test_malformed_foreach_loop(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "Transform: AWS::LanguageExtensions\n"
        "Resources:\n"
        "  Fn::ForEach::Groups:\n"
        "    - 7\n"
        "    - [a, b]\n"
        "    - Logs${X}: {Type: AWS::Logs::LogGroup}\n"
        "  Kept:\n"
        "    Type: AWS::Logs::LogGroup\n"
    )
    error = scan_dir(tmp_path, "bad.yaml")
    assert error["line"] in (3, 4)
    assert_message(error, "Fn::ForEach::Groups must be [Identifier, Collection")


def test_template_of_loops_only_is_judged(tmp_path: Path) -> None:
    (tmp_path / "loops.yaml").write_text(
        "Transform: AWS::LanguageExtensions\n"
        "Resources:\n"
        "  Fn::ForEach::Groups:\n"
        "    - Name\n"
        "    - [Orders, Billing]\n"
        "    - ${Name}Logs: {Type: AWS::Logs::LogGroup}\n"
    )
    (tmp_path / "valid.yaml").write_text(VALID)
    scan = run_scan(tmp_path)
    assert scan.report["errors"] == []
    assert scan.judged("loops.yaml") == {"OrdersLogs", "BillingLogs"}


def test_nested_loops_that_multiply_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 30 x 30 x 30 copies from a few lines: the loops' own kind of alias bomb.
    monkeypatch.setattr(golive.loaders.foreach, "MAX_EXPANDED_VALUES", 1_000)
    items = "[" + ", ".join(f"i{n}" for n in range(30)) + "]"
    (tmp_path / "loops.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Transform: AWS::LanguageExtensions\n"
        "Resources:\n"
        "  Fn::ForEach::A:\n"
        f"    - a\n    - {items}\n"
        "    - Fn::ForEach::B:\n"
        f"        - b\n        - {items}\n"
        "        - Fn::ForEach::C:\n"
        f"            - c\n            - {items}\n"
        "            - L${a}${b}${c}: {Type: AWS::Logs::LogGroup}\n"
    )
    error = scan_dir(tmp_path, "loops.yaml")
    assert error["line"] is not None
    assert_message(error, "more than 1,000 values", "not expanded or reviewed")


# --- size and hostile input ---------------------------------------------------------------


def test_fifty_thousand_line_template_is_judged(tmp_path: Path) -> None:
    lines = ["AWSTemplateFormatVersion: '2010-09-09'", "Resources:"]
    for i in range(5000):
        lines += [
            f"  Logs{i}:",
            "    Type: AWS::Logs::LogGroup",
            "    Properties:",
            f"      LogGroupName: /app/{i}",
            "      RetentionInDays: 7",
            "      Tags:",
            "        - Key: Team",
            "          Value: core",
            "        - Key: Index",
            f'          Value: "{i}"',
        ]
    (tmp_path / "big.yaml").write_text("\n".join(lines) + "\n")
    assert len(lines) > 50_000
    (tmp_path / "valid.yaml").write_text(VALID)
    scan = run_scan(tmp_path)
    assert scan.report["errors"] == []
    assert scan.code == 1
    assert scan.report["summary"]["resources"] == 5001
    judged = scan.judged("big.yaml")
    assert len(judged) == 5000
    assert {"Logs0", "Logs4999"} <= judged


def test_binary_file_named_like_a_template(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_bytes(b"\x00\x01\x02\xff\xfe" + bytes(range(256)) * 20)
    error = scan_dir(tmp_path, "x.yaml")
    assert_message(error, "binary content", "exclude or rename")


def test_template_not_in_utf8(tmp_path: Path) -> None:
    (tmp_path / "latin1.yaml").write_bytes(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Resources:\n"
        "  Logs:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "    Properties:\n"
        "      LogGroupName: caf\u00e9\n".encode("latin-1")
    )
    error = scan_dir(tmp_path, "latin1.yaml")
    assert error["line"] == 6
    assert_message(error, "not UTF-8", "re-save the file as UTF-8")


def test_template_in_utf16(tmp_path: Path) -> None:
    (tmp_path / "utf16.yaml").write_bytes(VALID.replace("AppLogs", "Other").encode("utf-16"))
    error = scan_dir(tmp_path, "utf16.yaml")
    assert_message(error, "UTF-16", "re-save the file as UTF-8")


def test_yaml_alias_bomb(tmp_path: Path) -> None:
    lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'a0: &a0 ["lol", "lol", "lol"]']
    for level in range(1, 16):
        below = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([below] * 9)}]")
    lines += ["Resources:", "  Logs:", "    Type: AWS::Logs::LogGroup", "    Metadata: *a15"]
    (tmp_path / "bomb.yaml").write_text("\n".join(lines) + "\n")
    error = scan_dir(tmp_path, "bomb.yaml")
    assert error["line"] is not None and 2 < error["line"] <= len(lines)
    assert_message(error, "aliases", "alias bomb", "remove the aliases")


def test_recursive_yaml_alias(tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").write_text(
        "Resources:\n  Logs: &self\n    Type: AWS::Logs::LogGroup\n    Metadata: {again: *self}\n"
    )
    error = scan_dir(tmp_path, "loop.yaml")
    assert error["line"] in (2, 3)
    assert_message(error, "recursive alias", "remove the alias")


def test_deeply_nested_yaml(tmp_path: Path) -> None:
    (tmp_path / "deep.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Resources:\n"
        "  Logs:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "    Properties:\n"
        "      Tags: " + "[" * 100_000 + "\n"
    )
    error = scan_dir(tmp_path, "deep.yaml")
    assert error["line"] == 6
    assert_message(error, "nested more than", "levels deep")


def test_deeply_nested_json(tmp_path: Path) -> None:
    body = '{"a": ' * 900 + "1" + "}" * 900
    (tmp_path / "deep.json").write_text(
        '{"AWSTemplateFormatVersion": "2010-09-09",\n'
        f' "Resources": {{"Fn": {{"Type": "AWS::Lambda::Function", "Properties": {body}}}}}}}\n'
    )
    error = scan_dir(tmp_path, "deep.json")
    assert error["line"] == 2
    assert_message(error, "JSON nested more than", "levels deep")


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(golive.loaders.documents, "MAX_BYTES", 2_000)
    lines = ["AWSTemplateFormatVersion: '2010-09-09'", "Resources:"]
    lines += [f"  L{i}:\n    Type: AWS::Logs::LogGroup" for i in range(200)]
    (tmp_path / "huge.yaml").write_text("\n".join(lines) + "\n")
    # Data that is no template is skipped quietly, whatever its size.
    (tmp_path / "data.json").write_text(json.dumps(list(range(5_000))))
    error = scan_dir(tmp_path, "huge.yaml")
    assert_message(error, "over golive's limit of 2,000 bytes", "split it or exclude the path")


def test_fifo_named_like_a_template_does_not_block(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "valid.yaml").write_text(VALID)
    scan = run_scan(tmp_path)
    assert scan.code == 1
    assert scan.report["errors"] == []
    assert "AppLogs" in scan.judged("valid.yaml")


# --- transforms ---------------------------------------------------------------------------


def test_sam_template_the_translator_rejects(tmp_path: Path) -> None:
    (tmp_path / "sam.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Transform: AWS::Serverless-2016-10-31\n"
        "Resources:\n"
        "  Handler:\n"  # line 4
        "    Type: AWS::Serverless::Function\n"
        "    Properties:\n"
        "      Runtime: python3.12\n"
        "      Handler: app.handler\n"
        "      CodeUri: ./src\n"
        "      Events:\n"
        "        Tick:\n"
        "          Type: NotAnEventSource\n"
        "  HandlerLogs:\n"
        "    Type: AWS::Logs::LogGroup\n"
    )
    (tmp_path / "valid.yaml").write_text(VALID)
    scan = run_scan(tmp_path)
    assert scan.code == 2
    (error,) = scan.errors_for("sam.yaml")
    resource_line(error, 4)
    assert_message(
        error, "SAM transform rejected", "NotAnEventSource", "correct the SAM", "non-SAM resources"
    )
    assert scan.judged("sam.yaml") == {"HandlerLogs"}
    assert "AppLogs" in scan.judged("valid.yaml")


def test_sam_template_with_malformed_sections(tmp_path: Path) -> None:
    (tmp_path / "sam.yaml").write_text(
        "Transform: AWS::Serverless-2016-10-31\n"
        "Globals: [not, a, mapping]\n"
        "Resources:\n"
        "  Computed:\n"
        "    Type: {Fn::Rain::Module: m.yaml}\n"
        "  Logs:\n"
        "    Type: AWS::Logs::LogGroup\n"
    )
    (tmp_path / "valid.yaml").write_text(VALID)
    scan = run_scan(tmp_path)
    assert scan.code == 2
    messages = " | ".join(e["message"] for e in scan.errors_for("sam.yaml"))
    assert "SAM transform" in messages and "is computed" in messages
    assert scan.judged("sam.yaml") == {"Logs"}


def test_macro_transform_other_than_sam(tmp_path: Path) -> None:
    (tmp_path / "macro.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Transform: [AWS::Serverless-2016-10-31, CountMacro]\n"
        "Resources:\n"
        "  MacroLogs:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "    Count: 3\n"
    )
    error = scan_dir(tmp_path, "macro.yaml")
    assert error["line"] == 2
    assert_message(error, "'CountMacro'", "macro golive cannot run", "--template-stage Processed")
    scan = run_scan(tmp_path)
    assert scan.judged("macro.yaml") == {"MacroLogs"}


# --- paths and files that are not templates -----------------------------------------------


def test_path_that_does_not_exist(tmp_path: Path) -> None:
    (tmp_path / "valid.yaml").write_text(VALID)
    missing = tmp_path / "nope" / "template.yaml"
    scan = run_scan(tmp_path / "valid.yaml", missing)
    assert scan.code == 2
    assert str(missing) in scan.stderr
    assert "no such file or directory" in scan.stderr


NOT_TEMPLATES = {
    ".github/workflows/ci.yml": (
        "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n"
    ),
    "docker-compose.yml": (
        "services:\n  web:\n    image: nginx:1.27\n    ports: ['80:80']\n"
        "    depends_on: [db]\n  db:\n    image: postgres:16\n"
    ),
    "k8s/deploy.yaml": (
        "apiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: Deployment\n"
    ),
    "chart/templates/svc.yaml": (
        "metadata:\n  name: {{ .Release.Name }}\n  labels: {{- toYaml . }}\n"
    ),
    "package.json": '{"name": "app", "version": "1.0.0", "dependencies": {"left-pad": "^1"}}\n',
    "tsconfig.json": (
        '{\n  // comments are fine for tsc\n  "compilerOptions": {"strict": true,},\n}\n'
    ),
    "empty.yaml": "",
    # Broken YAML that only mentions Resources: deciding that it is no template must stay
    # linear (a single ".*?" pattern once took 14 s on this 200 KB file).
    "notes.yaml": "Resources:\n" * 18_000 + ": [\n",
    "list.json": "[1, 2, 3]\n",
}


def test_files_that_are_not_templates_are_skipped_quietly(tmp_path: Path) -> None:
    for name, text in NOT_TEMPLATES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    (tmp_path / "valid.yaml").write_text(VALID)
    scan = run_scan(tmp_path)
    assert scan.report["errors"] == []
    assert scan.code == 1  # from the valid template's findings, nothing else
    assert scan.report["summary"]["files"] == len(NOT_TEMPLATES) + 1
    assert scan.report["summary"]["templates"] == 1


# --- nothing in a template is ever run ----------------------------------------------------


def test_template_content_is_never_executed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "MARKER"
    command = f"{sys.executable} -c \"open('{marker}', 'w')\""
    (tmp_path / "evil.yaml").write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Resources:\n"
        "  Logs:\n"
        "    Type: AWS::Logs::LogGroup\n"
        "    Properties:\n"
        f"      LogGroupName: !!python/object/apply:os.system [{json.dumps(command)}]\n"
    )
    (tmp_path / "not-a-template.yaml").write_text(
        f"x: !!python/object/apply:os.system [{json.dumps(command)}]\n"
        "y: !!python/object/new:subprocess.Popen [[touch, MARKER]]\n"
    )
    error = scan_dir(tmp_path, "evil.yaml")
    assert not marker.exists()
    assert error["line"] == 6
    assert_message(error, "!!python/object/apply:os.system", "never runs it", "remove the tag")
    scan = run_scan(tmp_path)
    assert scan.judged("evil.yaml") == {"Logs"}
    assert not scan.errors_for("not-a-template.yaml")
    assert not marker.exists()
