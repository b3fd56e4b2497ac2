"""The Terraform reader: evaluation, modules, variables, plans and discovery."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from golive.discover import InputKind, discover_inputs
from golive.loaders.terraform import load_configuration, load_plan, variable_values
from golive.loaders.terraform.instances import resource_instances
from golive.loaders.terraform.model import TfResource
from golive.loaders.terraform.module_files import read_module
from golive.loaders.terraform.modules import ModuleInstance
from golive.loaders.terraform.plan import plan_instances
from golive.values import Reference, Text, Unknown


def instances(folder: Path, inputs: dict[str, object] | None = None) -> dict[str, TfResource]:
    config = read_module(folder)
    assert not config.problems, config.problems
    root = ModuleInstance(config, "", inputs or {}, folder)
    return {r.address: r for r in resource_instances(root)}


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_variables_locals_and_interpolation(tmp_path: Path) -> None:
    write(
        tmp_path,
        "main.tf",
        """
variable "env" {
  default = "prod"
}
locals {
  name = "orders-${var.env}"
  size = length(local.parts) * 2
  parts = split("-", local.name)
}
resource "aws_sqs_queue" "jobs" {
  name = upper(local.name)
  delay_seconds = local.size
  visibility_timeout_seconds = var.env == "prod" ? 60 : 30
  tags = merge({ a = "1" }, { b = "2" })
}
""",
    )
    attributes = instances(tmp_path)["aws_sqs_queue.jobs"].attributes
    assert attributes["name"] == "ORDERS-PROD"
    assert attributes["delay_seconds"] == 4
    assert attributes["visibility_timeout_seconds"] == 60
    assert attributes["tags"] == {"a": "1", "b": "2"}
    changed = instances(tmp_path, {"env": "dev"})["aws_sqs_queue.jobs"].attributes
    assert changed["visibility_timeout_seconds"] == 30


def test_variable_without_value_is_unknown_and_says_how_to_give_it(tmp_path: Path) -> None:
    write(
        tmp_path,
        "main.tf",
        'variable "key" {}\nresource "aws_sqs_queue" "q" {\n  kms_master_key_id = var.key\n}\n',
    )
    value = instances(tmp_path)["aws_sqs_queue.q"].attributes["kms_master_key_id"]
    assert isinstance(value, Unknown)
    assert "--parameter key=VALUE" in value.reason


def test_tfvars_precedence(tmp_path: Path) -> None:
    write(
        tmp_path,
        "main.tf",
        """
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
resource "aws_sqs_queue" "q" {
  name = "${var.a}-${var.b}-${var.c}"
}
""",
    )
    write(tmp_path, "terraform.tfvars", 'a = "tfvars"\nb = "tfvars"\nc = "tfvars"\n')
    write(tmp_path, "x.auto.tfvars", 'b = "auto"\nc = "auto"\n')
    problems: list[object] = []
    values = variable_values(tmp_path, {"c": "cli"}, problems)  # type: ignore[arg-type]
    assert values == {"a": "tfvars", "b": "auto", "c": "cli"}
    assert problems == []


def test_tfvars_heredoc_interpolations_are_evaluated_without_names(tmp_path: Path) -> None:
    write(tmp_path, "terraform.tfvars", 'a = <<EOT\nsize-${1 + 2}\nEOT\nb = "${var.x}"\n')
    problems: list[object] = []
    values = variable_values(tmp_path, {}, problems)  # type: ignore[arg-type]
    assert values == {"a": "size-3\n", "b": Unknown("var cannot be used in a .tfvars file")}
    assert problems == []


def test_a_heredoc_interpolation_that_is_not_hcl_is_unknown(tmp_path: Path) -> None:
    write(
        tmp_path,
        "main.tf",
        'resource "aws_sqs_queue" "jobs" {\n  policy = <<EOT\n{"Sid": "${1 +}"}\nEOT\n}\n'
        'resource "aws_sqs_queue" "other" {\n  name = "other"\n}\n',
    )
    found = instances(tmp_path)
    bad = Unknown("the heredoc interpolation ${1 +} is not valid HCL")
    assert found["aws_sqs_queue.jobs"].attributes["policy"] == Text(('{"Sid": "', bad, '"}\n'))
    assert found["aws_sqs_queue.other"].attributes["name"] == "other"


def test_references_become_references_and_text(tmp_path: Path) -> None:
    write(
        tmp_path,
        "main.tf",
        """
resource "aws_kms_key" "k" {}
resource "aws_sqs_queue" "q" {
  kms_master_key_id = aws_kms_key.k.arn
  name = "q-${aws_kms_key.k.key_id}"
  policy = <<EOT
{"Resource": "${aws_kms_key.k.arn}", "Literal": "$${aws:username}"}
EOT
}
""",
    )
    attributes = instances(tmp_path)["aws_sqs_queue.q"].attributes
    assert attributes["kms_master_key_id"] == Reference("aws_kms_key.k", "arn")
    assert attributes["name"] == Text(("q-", Reference("aws_kms_key.k", "key_id")))
    # The interpolation is a reference; the escaped $${...} stays literal text.
    assert attributes["policy"] == Text(
        (
            '{"Resource": "',
            Reference("aws_kms_key.k", "arn"),
            '", "Literal": "${aws:username}"}\n',
        )
    )


def test_count_and_for_each_expand_into_addresses(tmp_path: Path) -> None:
    write(
        tmp_path,
        "main.tf",
        """
variable "enabled" { default = false }
resource "aws_sqs_queue" "none" {
  count = var.enabled ? 1 : 0
}
resource "aws_sqs_queue" "two" {
  count = 2
  name  = "q-${count.index}"
}
resource "aws_sqs_queue" "named" {
  for_each = { jobs = 30, mail = 60 }
  name = each.key
  visibility_timeout_seconds = each.value
}
resource "aws_sqs_queue" "set" {
  for_each = toset(["x"])
  name = each.value
}
resource "aws_sns_topic" "t" {
  name = aws_sqs_queue.two[1].name
  display_name = aws_sqs_queue.named["mail"].arn
}
""",
    )
    found = instances(tmp_path)
    assert sorted(found) == [
        "aws_sns_topic.t",
        'aws_sqs_queue.named["jobs"]',
        'aws_sqs_queue.named["mail"]',
        'aws_sqs_queue.set["x"]',
        "aws_sqs_queue.two[0]",
        "aws_sqs_queue.two[1]",
    ]
    assert found["aws_sqs_queue.two[1]"].attributes["name"] == "q-1"
    assert found['aws_sqs_queue.named["mail"]'].attributes["visibility_timeout_seconds"] == 60
    topic = found["aws_sns_topic.t"].attributes
    assert topic["name"] == Reference("aws_sqs_queue.two[1]", "name")
    assert topic["display_name"] == Reference('aws_sqs_queue.named["mail"]', "arn")


def test_unknown_count_gives_one_instance_marked_unknown(tmp_path: Path) -> None:
    write(
        tmp_path, "main.tf", 'variable "n" {}\nresource "aws_sqs_queue" "q" {\n  count = var.n\n}\n'
    )
    assert list(instances(tmp_path)) == ["aws_sqs_queue.q[*]"]


def test_dynamic_blocks_and_nested_blocks(tmp_path: Path) -> None:
    write(
        tmp_path,
        "main.tf",
        """
resource "aws_security_group" "web" {
  dynamic "ingress" {
    for_each = [80, 443]
    iterator = port
    content {
      from_port = port.value
      to_port   = port.value
      protocol  = "tcp"
    }
  }
  egress {
    from_port = 0
  }
  lifecycle {
    prevent_destroy = true
  }
}
""",
    )
    group = instances(tmp_path)["aws_security_group.web"]
    assert [i["from_port"] for i in group.attributes["ingress"]] == [80, 443]
    assert group.attributes["egress"] == [{"from_port": 0}]
    assert "lifecycle" not in group.attributes
    assert group.prevent_destroy is True


def test_local_modules_prefix_addresses_and_pass_outputs(tmp_path: Path) -> None:
    write(
        tmp_path / "modules" / "queue",
        "main.tf",
        """
variable "name" {}
resource "aws_sqs_queue" "this" {
  name = var.name
}
output "arn" {
  value = aws_sqs_queue.this.arn
}
""",
    )
    write(
        tmp_path,
        "main.tf",
        """
module "jobs" {
  source = "./modules/queue"
  name   = "jobs"
}
module "many" {
  source   = "./modules/queue"
  for_each = toset(["a"])
  name     = "many-${each.key}"
}
module "remote" {
  source = "terraform-aws-modules/sqs/aws"
}
resource "aws_sns_topic" "t" {
  name = module.jobs.arn
}
""",
    )
    found = instances(tmp_path)
    # The remote module adds nothing: it is not fetched.
    assert sorted(found) == [
        "aws_sns_topic.t",
        "module.jobs.aws_sqs_queue.this",
        'module.many["a"].aws_sqs_queue.this',
    ]
    assert found["module.jobs.aws_sqs_queue.this"].attributes["name"] == "jobs"
    assert found['module.many["a"].aws_sqs_queue.this'].attributes["name"] == "many-a"
    assert found["aws_sns_topic.t"].attributes["name"] == Reference(
        "module.jobs.aws_sqs_queue.this", "arn"
    )
    loaded = load_configuration(tmp_path, {})
    assert loaded.problems == []
    assert [(Path(n.file).name, n.line, n.message) for n in loaded.notes] == [
        (
            "main.tf",
            11,
            "module.remote (source 'terraform-aws-modules/sqs/aws') is not a local module; "
            "not followed",
        )
    ]


def test_default_tags_apply_to_aws_resources(tmp_path: Path) -> None:
    write(
        tmp_path,
        "main.tf",
        """
provider "aws" {
  default_tags {
    tags = { Team = "orders" }
  }
}
resource "aws_sqs_queue" "q" {}
""",
    )
    assert instances(tmp_path)["aws_sqs_queue.q"].default_tags == {"Team": "orders"}


def test_policy_document_data_source_renders_iam_json(tmp_path: Path) -> None:
    write(
        tmp_path,
        "main.tf",
        """
data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
resource "aws_s3_bucket_policy" "b" {
  policy = data.aws_iam_policy_document.p.json
}
""",
    )
    policy = instances(tmp_path)["aws_s3_bucket_policy.b"].attributes["policy"]
    assert policy == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": ["s3:GetObject"],
                "Resource": ["*"],
                "Principal": "*",
                "Condition": {"Bool": {"aws:SecureTransport": ["false"]}},
            }
        ],
    }


def test_file_gives_text_that_policies_and_jsondecode_read(tmp_path: Path) -> None:
    policy = {"Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}]}
    write(tmp_path, "policy.json", json.dumps(policy))
    write(
        tmp_path,
        "main.tf",
        """
resource "aws_iam_policy" "read" {
  policy = file("policy.json")
}
locals {
  decoded = jsondecode(file("policy.json"))
}
resource "aws_iam_policy" "decoded" {
  policy = jsonencode(local.decoded)
  description = local.decoded.Statement[0].Action
}
""",
    )
    found = instances(tmp_path)
    assert found["aws_iam_policy.read"].attributes["policy"] == json.dumps(policy)
    assert found["aws_iam_policy.decoded"].attributes["description"] == "sqs:*"
    stack = load_configuration(tmp_path, {}).stack
    documents = [r.properties["PolicyDocument"] for r in stack.resources.values()]
    assert documents == [policy, policy]


def test_other_data_sources_are_unknown(tmp_path: Path) -> None:
    write(
        tmp_path,
        "main.tf",
        """
data "aws_kms_key" "k" {
  key_id = "alias/x"
}
resource "aws_sqs_queue" "q" {
  kms_master_key_id = data.aws_kms_key.k.arn
}
""",
    )
    value = instances(tmp_path)["aws_sqs_queue.q"].attributes["kms_master_key_id"]
    assert isinstance(value, Unknown) and "data.aws_kms_key.k" in value.reason


def test_comments_inside_a_resource_are_kept(tmp_path: Path) -> None:
    write(
        tmp_path,
        "main.tf",
        """\
resource "aws_sqs_queue" "q" {
  # checkov:skip=CKV_AWS_27: queue holds no data
  name = "q"
}
""",
    )
    comments = instances(tmp_path)["aws_sqs_queue.q"].comments
    assert [(c.line, c.text) for c in comments] == [
        (2, "checkov:skip=CKV_AWS_27: queue holds no data")
    ]


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "good.tf", 'resource "aws_sqs_queue" "q" {}\n')
    write(tmp_path, "bad.tf", 'resource "aws_sqs_queue" "x" {\n  name = = "broken"\n}\n')
    loaded = load_configuration(tmp_path, {})
    assert [(Path(p.file).name, p.line) for p in loaded.problems] == [("bad.tf", 2)]
    assert list(loaded.stack.resources) == ["aws_sqs_queue.q"]


def test_module_cycle_ends(tmp_path: Path) -> None:
    """Modules a and b call each other: the calls stop at the depth limit, with a note."""
    a = write(tmp_path / "a", "main.tf", 'module "b" {\n  source = "../b"\n}\n')
    write(
        tmp_path / "b",
        "main.tf",
        'module "a" {\n  source = "../a"\n}\nresource "aws_sqs_queue" "q" {}\n',
    )
    loaded = load_configuration(tmp_path / "a", {})
    # b's queue at every depth b is called at (1, 3, ... 15), below MAX_MODULE_DEPTH (16).
    assert sorted(loaded.stack.resources) == [
        "module.b." + "module.a.module.b." * depth + "aws_sqs_queue.q" for depth in range(8)
    ]
    assert loaded.problems == []
    assert [(n.file, n.line, n.message) for n in loaded.notes] == [
        (str(a), 1, "module.b: modules nested deeper than 16")
    ]


def test_discovery_reviews_callers_not_their_modules(tmp_path: Path) -> None:
    write(tmp_path / "modules" / "queue", "main.tf", 'resource "aws_sqs_queue" "q" {}\n')
    write(tmp_path / "live", "main.tf", 'module "q" {\n  source = "../modules/queue"\n}\n')
    write(tmp_path / "cdk.out", "manifest.json", "{}")
    write(tmp_path / "cdk.out", "App.template.json", "{}")
    units = discover_inputs([tmp_path])
    assert [(u.kind, u.path.name) for u in units] == [
        (InputKind.CDK_ASSEMBLY, "cdk.out"),
        (InputKind.TERRAFORM, "live"),
    ]
    # A module's file named on the command line is reviewed, as that file alone.
    (single,) = discover_inputs([tmp_path / "modules" / "queue" / "main.tf"])
    assert (single.kind, single.only) == (
        InputKind.TERRAFORM,
        tmp_path / "modules" / "queue" / "main.tf",
    )


PLAN = {
    "format_version": "1.2",
    "terraform_version": "1.9.5",
    "planned_values": {
        "root_module": {
            "resources": [
                {
                    "address": "aws_sqs_queue.jobs",
                    "mode": "managed",
                    "type": "aws_sqs_queue",
                    "name": "jobs",
                    "values": {
                        "name": "jobs",
                        "sqs_managed_sse_enabled": True,
                        "tags_all": {"Team": "x"},
                    },
                },
                {
                    "address": "data.aws_region.current",
                    "mode": "data",
                    "type": "aws_region",
                    "name": "current",
                    "values": {},
                },
            ],
            "child_modules": [
                {
                    "address": "module.fn",
                    "resources": [
                        {
                            "address": "module.fn.aws_lambda_event_source_mapping.m[0]",
                            "mode": "managed",
                            "type": "aws_lambda_event_source_mapping",
                            "name": "m",
                            "index": 0,
                            "values": {"batch_size": 10, "maximum_retry_attempts": -1},
                        }
                    ],
                }
            ],
        }
    },
    "resource_changes": [
        {
            "address": "aws_sqs_queue.jobs",
            "change": {"after_unknown": {"arn": True, "url": True}},
        },
        {
            "address": "module.fn.aws_lambda_event_source_mapping.m[0]",
            "change": {"after_unknown": {"event_source_arn": True, "uuid": True}},
        },
    ],
    "configuration": {
        "root_module": {
            "resources": [{"address": "aws_sqs_queue.jobs", "mode": "managed", "expressions": {}}],
            "module_calls": {
                "fn": {
                    "module": {
                        "resources": [
                            {
                                "address": "aws_lambda_event_source_mapping.m",
                                "mode": "managed",
                                "expressions": {
                                    "batch_size": {"constant_value": 10},
                                    "event_source_arn": {"references": ["var.queue_arn"]},
                                    "function_name": {
                                        "references": [
                                            "aws_lambda_function.f.arn",
                                            "aws_lambda_function.f",
                                        ]
                                    },
                                },
                            }
                        ]
                    }
                }
            },
        }
    },
}


def test_plan_marks_after_apply_values() -> None:
    found = {r.address: r for r in plan_instances(PLAN, "plan.json")[0]}
    assert sorted(found) == ["aws_sqs_queue.jobs", "module.fn.aws_lambda_event_source_mapping.m[0]"]
    queue = found["aws_sqs_queue.jobs"].attributes
    assert queue["tags"] == {"Team": "x"}
    assert "arn" not in queue  # computed by the provider, not written: absent, as in a template
    mapping = found["module.fn.aws_lambda_event_source_mapping.m[0]"].attributes
    assert isinstance(mapping["event_source_arn"], Unknown)  # from a variable: no resource named
    assert mapping["batch_size"] == 10
    assert "maximum_retry_attempts" not in mapping  # a provider default the plan filled in


def test_plan_reference_from_configuration() -> None:
    plan = json.loads(json.dumps(PLAN))
    change = plan["resource_changes"][1]["change"]["after_unknown"]
    change["function_name"] = True
    found = {r.address: r for r in plan_instances(plan, "plan.json")[0]}
    mapping = found["module.fn.aws_lambda_event_source_mapping.m[0]"].attributes
    assert mapping["function_name"] == Reference("module.fn.aws_lambda_function.f", "arn")


def test_plan_file_is_recognised_and_loaded(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.json", json.dumps(PLAN))
    loaded = load_plan(path)
    assert loaded.stack.source_kind == "terraform"
    assert loaded.problems == []
    assert sorted(loaded.stack.resources) == [
        "aws_sqs_queue.jobs",
        "module.fn.aws_lambda_event_source_mapping.m[0]",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"format_version": "1.2", "terraform_version": "1.9", "planned_values": {',
            "not valid JSON",
        ),
        ('{"format_version": "1.2", "terraform_version": "1"}', "without planned_values"),
    ],
)
def test_bad_plans_are_input_errors(tmp_path: Path, text: str, message: str) -> None:
    from golive.scan import run_scan

    path = write(tmp_path, "plan.json", text)
    result = run_scan([path])
    assert [e.file for e in result.errors] == [str(path)], result.errors
    assert message in result.errors[0].message


def test_remote_module_is_a_note_not_an_error(tmp_path: Path) -> None:
    from golive.scan import run_scan

    write(tmp_path, "main.tf", 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n')
    result = run_scan([tmp_path])
    assert result.errors == []
    assert [(n.line, n.message) for n in result.notes] == [
        (
            1,
            "module.vpc (source 'terraform-aws-modules/vpc/aws') is not a local module; "
            "not followed",
        )
    ]
