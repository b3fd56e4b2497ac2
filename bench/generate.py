#!/usr/bin/env python3
"""Deterministic CloudFormation and SAM inputs for golive's benchmarks.

Standard library only; run it with any Python 3.10+.  See bench/README.md.

    python3 bench/generate.py template OUT --resources 1000   # OUT/template.yaml
    python3 bench/generate.py folder OUT --templates 500      # OUT/t00000.yaml ...
    python3 bench/generate.py sam OUT --functions 94          # OUT/template.yaml + src/, layers/

The same arguments and --seed always write the same bytes.  Templates are built from
groups of related resources (a bucket with its key and policy, a function with its role,
log group and alarm, a queue with its dead-letter queue, a topic with its subscriptions, a
table, a database with its security groups) that refer to each other and to earlier
groups with short-form (!Ref, !GetAtt, !Sub, !If) and long-form (Ref, Fn::GetAtt,
Fn::Sub, Fn::Join) intrinsics.  Some buckets, queues and tables carry literal names that
policies and subscriptions elsewhere in the template spell out as literal ARNs.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# --------------------------------------------------------------------------- YAML writer


@dataclass(frozen=True)
class Tag:
    """A short-form intrinsic: ``!Ref Name``, ``!GetAtt A.B``, ``!Sub [text, {vars}]``."""

    name: str
    value: Any


#: plain (unquoted) scalars: conservative in flow context (inside [...] or {...}), while
#: block context also takes colons and single spaces, as hand-written templates do
_PLAIN_FLOW = re.compile(r"[A-Za-z/][A-Za-z0-9_./-]*")
_PLAIN_BLOCK = re.compile(r"[A-Za-z/][A-Za-z0-9_./:*-]*(?: [A-Za-z0-9_./:*-]+)*")
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def _scalar(value: Any, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    plain = (_PLAIN_FLOW if flow else _PLAIN_BLOCK).fullmatch(text)
    if plain and ": " not in text and not text.endswith(":") and text.lower() not in _RESERVED:
        return text
    return json.dumps(text)


def _flow(value: Any) -> str:
    if isinstance(value, Tag):
        return f"{value.name} {_flow(value.value)}"
    if isinstance(value, dict):
        items = (f"{_scalar(k, True)}: {_flow(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value, True)


def _inline_text(value: Any) -> str:
    """A scalar, a short-form tag or an empty container after ``key:`` or ``-`` in a block."""
    if isinstance(value, Tag) and not isinstance(value.value, (dict, list)):
        return f"{value.name} {_scalar(value.value)}"
    if isinstance(value, (Tag, dict, list)):
        return _flow(value)
    return _scalar(value)


def _inline(value: Any) -> bool:
    return isinstance(value, Tag) or not isinstance(value, (dict, list)) or not value


def _block(value: Any, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    if isinstance(value, dict):
        for key, item in value.items():
            if _inline(item):
                out.append(f"{pad}{_scalar(key)}: {_inline_text(item)}")
            else:
                out.append(f"{pad}{_scalar(key)}:")
                _block(item, depth + 1, out)
        return
    for item in value:
        if _inline(item):
            out.append(f"{pad}- {_inline_text(item)}")
        elif isinstance(item, dict):
            nested: list[str] = []
            _block(item, depth + 1, nested)
            nested[0] = f"{pad}- {nested[0].lstrip()}"
            out.extend(nested)
        else:
            out.append(f"{pad}- {_flow(item)}")


def to_yaml(document: dict[str, Any]) -> str:
    lines: list[str] = []
    for key, value in document.items():
        if lines:
            lines.append("")
        block = {key: value}
        _block(block, 0, lines)
    return "\n".join(lines) + "\n"


def long_form(value: Any) -> Any:
    """The same value with every short-form tag spelt out (for JSON templates)."""
    if isinstance(value, Tag):
        inner = long_form(value.value)
        if value.name == "!Ref":
            return {"Ref": inner}
        if value.name == "!GetAtt" and isinstance(inner, str):
            inner = inner.split(".", 1)
        return {"Fn::" + value.name[1:]: inner}
    if isinstance(value, dict):
        return {k: long_form(v) for k, v in value.items()}
    if isinstance(value, list):
        return [long_form(v) for v in value]
    return value


# --------------------------------------------------------------------------- intrinsics


class Intrinsics:
    """Writes each intrinsic in short or long form, as the seeded generator picks."""

    def __init__(self, rng: random.Random, short_share: float = 0.75) -> None:
        self.rng = rng
        self.short_share = short_share

    def _short(self) -> bool:
        return self.rng.random() < self.short_share

    def ref(self, name: str) -> Any:
        return Tag("!Ref", name) if self._short() else {"Ref": name}

    def getatt(self, name: str, attr: str) -> Any:
        roll = self.rng.random()
        if roll < self.short_share * 0.8:
            return Tag("!GetAtt", f"{name}.{attr}")
        if roll < self.short_share:
            return Tag("!GetAtt", [name, attr])
        return {"Fn::GetAtt": [name, attr]}

    def sub(self, text: str, variables: dict[str, Any] | None = None) -> Any:
        value: Any = [text, variables] if variables else text
        return Tag("!Sub", value) if self._short() else {"Fn::Sub": value}

    def if_(self, condition: str, yes: Any, no: Any) -> Any:
        value = [condition, yes, no]
        return Tag("!If", value) if self._short() else {"Fn::If": value}


# --------------------------------------------------------------------------- CloudFormation

Resource = dict[str, Any]
ASSUME_LAMBDA = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}


@dataclass
class Group:
    """Resources that belong together, and what later groups may refer to."""

    resources: dict[str, Resource] = field(default_factory=dict)
    queues: list[tuple[str, str | None]] = field(default_factory=list)
    tables: list[tuple[str, str | None]] = field(default_factory=list)
    buckets: list[tuple[str, str | None]] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    outputs: dict[str, Any] = field(default_factory=dict)
    #: parameters and conditions used, so that a small template declares no unused one
    uses: set[str] = field(default_factory=set)


class StackBuilder:
    """Builds one template of (about) a given number of resources from related groups."""

    KINDS = ("storage", "function", "queue", "topic", "table", "database")
    WEIGHTS = (22, 30, 18, 10, 12, 8)

    def __init__(self, rng: random.Random, prefix: str, max_outputs: int = 60) -> None:
        self.rng = rng
        self.fn = Intrinsics(rng)
        self.prefix = prefix
        self.max_outputs = max_outputs
        self.resources: dict[str, Resource] = {}
        self.outputs: dict[str, Any] = {}
        self.queues: list[tuple[str, str | None]] = []
        self.tables: list[tuple[str, str | None]] = []
        self.buckets: list[tuple[str, str | None]] = []
        self.topics: list[str] = []
        self.serial = 0
        self.uses: set[str] = set()

    # -- naming

    def _next(self) -> int:
        self.serial += 1
        return self.serial

    def _literal(self, kind: str, n: int) -> str:
        return f"bench-{self.prefix}{kind}-{n:05d}"

    # -- pieces shared by groups

    def _alarm(self, namespace: str, metric: str, dim: str, target: Any, n: int) -> Resource:
        props: dict[str, Any] = {
            "AlarmDescription": f"{metric} on {namespace} {n}",
            "Namespace": namespace,
            "MetricName": metric,
            "Dimensions": [{"Name": dim, "Value": target}],
            "Statistic": self.rng.choice(["Sum", "Maximum", "Average"]),
            "Period": self.rng.choice([60, 300]),
            "EvaluationPeriods": self.rng.choice([1, 3, 5]),
            "Threshold": self.rng.choice([1, 5, 80]),
            "ComparisonOperator": "GreaterThanOrEqualToThreshold",
            "TreatMissingData": "notBreaching",
        }
        if self.topics:
            props["AlarmActions"] = [self.fn.ref(self.rng.choice(self.topics))]
        return {"Type": "AWS::CloudWatch::Alarm", "Properties": props}

    @staticmethod
    def _kept(resource_type: str, policy: str, props: dict[str, Any]) -> Resource:
        """A resource with the same deletion and update-replace policy."""
        return {
            "Type": resource_type,
            "DeletionPolicy": policy,
            "UpdateReplacePolicy": policy,
            "Properties": props,
        }

    def _key(self, n: int, service: str) -> Resource:
        return self._kept(
            "AWS::KMS::Key",
            "Retain",
            {
                "Description": f"{service} key {n}",
                "EnableKeyRotation": self.rng.random() < 0.8,
                "KeyPolicy": {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Sid": "Root",
                            "Effect": "Allow",
                            "Principal": {
                                "AWS": self.fn.sub("arn:aws:iam::${AWS::AccountId}:root")
                            },
                            "Action": "kms:*",
                            "Resource": "*",
                        }
                    ],
                },
            },
        )

    def _tags(self, n: int) -> list[dict[str, Any]]:
        return [
            {"Key": "Environment", "Value": self.fn.ref("Environment")},
            {"Key": "Component", "Value": f"component-{n % 17}"},
        ]

    # -- groups

    def storage(self) -> Group:
        n, g = self._next(), Group()
        bucket, fn = f"Bucket{n}", self.fn
        literal = self._literal("data", n) if self.rng.random() < 0.35 else None
        props: dict[str, Any] = {
            "VersioningConfiguration": {"Status": "Enabled"},
            "PublicAccessBlockConfiguration": {
                "BlockPublicAcls": True,
                "BlockPublicPolicy": True,
                "IgnorePublicAcls": True,
                "RestrictPublicBuckets": True,
            },
            "Tags": self._tags(n),
        }
        if literal:
            props["BucketName"] = literal
        if self.rng.random() < 0.5:
            key = f"BucketKey{n}"
            g.resources[key] = self._key(n, "s3")
            rule = {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": fn.getatt(key, "Arn")}
        else:
            rule = {"SSEAlgorithm": "AES256"}
        props["BucketEncryption"] = {
            "ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": rule}]
        }
        if self.buckets and self.rng.random() < 0.3:
            target, target_name = self.rng.choice(self.buckets)
            props["LoggingConfiguration"] = {
                "DestinationBucketName": target_name or fn.ref(target),
                "LogFilePrefix": f"{bucket}/",
            }
        policy = self.rng.choice(["Retain", "Delete"])
        g.resources[bucket] = self._kept("AWS::S3::Bucket", policy, props)
        if self.rng.random() < 0.8:
            if literal:
                arns: Any = [f"arn:aws:s3:::{literal}", f"arn:aws:s3:::{literal}/*"]
                target_bucket: Any = literal
            else:
                arns = [fn.getatt(bucket, "Arn"), fn.sub(f"arn:aws:s3:::${{{bucket}}}/*")]
                target_bucket = fn.ref(bucket)
            g.resources[f"{bucket}Policy"] = {
                "Type": "AWS::S3::BucketPolicy",
                "Properties": {
                    "Bucket": target_bucket,
                    "PolicyDocument": {
                        "Version": "2012-10-17",
                        "Statement": [
                            {
                                "Sid": "DenyInsecureTransport",
                                "Effect": "Deny",
                                "Principal": "*",
                                "Action": "s3:*",
                                "Resource": arns,
                                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                            }
                        ],
                    },
                },
            }
        g.buckets.append((bucket, literal))
        g.outputs[f"{bucket}Name"] = {"Value": fn.ref(bucket)}
        return g

    def _function_policy(self, n: int) -> dict[str, Any]:
        fn, statements = self.fn, []
        if self.queues:
            queue, name = self.rng.choice(self.queues)
            res = (
                fn.sub(f"arn:aws:sqs:${{AWS::Region}}:${{AWS::AccountId}}:{name}")
                if name
                else fn.getatt(queue, "Arn")
            )
            statements.append({"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": res})
        if self.tables:
            table, name = self.rng.choice(self.tables)
            arn = "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/"
            if name:
                res = fn.sub(arn + name)
            elif self.rng.random() < 0.5:
                res = fn.sub(arn + "${Table}", {"Table": fn.ref(table)})
            else:
                res = fn.getatt(table, "Arn")
            statements.append(
                {
                    "Effect": "Allow",
                    "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
                    "Resource": res,
                }
            )
        if self.buckets:
            bucket, name = self.rng.choice(self.buckets)
            res = (
                f"arn:aws:s3:::{name}/*"
                if name
                else {"Fn::Join": ["", [fn.getatt(bucket, "Arn"), "/*"]]}
            )
            statements.append(
                {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": res}
            )
        if not statements:
            statements.append(
                {"Effect": "Allow", "Action": ["xray:PutTraceSegments"], "Resource": "*"}
            )
        return {
            "PolicyName": f"function-{n}",
            "PolicyDocument": {"Version": "2012-10-17", "Statement": statements},
        }

    def function(self) -> Group:
        n, g, fn = self._next(), Group(), self.fn
        name, role, logs = f"Function{n}", f"Function{n}Role", f"Function{n}Logs"
        g.resources[role] = {
            "Type": "AWS::IAM::Role",
            "Properties": {
                "AssumeRolePolicyDocument": ASSUME_LAMBDA,
                "ManagedPolicyArns": [
                    "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
                ],
                "Policies": [self._function_policy(n)],
            },
        }
        runtime = self.rng.choice(["python3.12", "nodejs22.x", "python3.13"])
        code: dict[str, Any]
        if self.rng.random() < 0.4:
            code = {"ZipFile": "def handler(event, context):\n    return event\n"}
        else:
            code = {"S3Bucket": fn.ref("ArtifactBucket"), "S3Key": f"functions/{n}.zip"}
            g.uses.add("ArtifactBucket")
        props: dict[str, Any] = {
            "Runtime": runtime,
            "Handler": "index.handler",
            "Role": fn.getatt(role, "Arn"),
            "Code": code,
            "MemorySize": self.rng.choice([128, 256, 512, 1024]),
            "Timeout": self.rng.choice([3, 10, 30, 60]),
            "Environment": {"Variables": {"STAGE": fn.ref("Environment")}},
            "TracingConfig": {"Mode": self.rng.choice(["Active", "PassThrough"])},
            "Tags": self._tags(n),
        }
        if self.queues and self.rng.random() < 0.3:
            queue, _ = self.rng.choice(self.queues)
            props["DeadLetterConfig"] = {"TargetArn": fn.getatt(queue, "Arn")}
        if self.rng.random() < 0.5:
            props["ReservedConcurrentExecutions"] = self.rng.choice([5, 10, 50])
        g.resources[name] = {
            "Type": "AWS::Lambda::Function",
            "DependsOn": [logs],
            "Properties": props,
        }
        g.resources[logs] = {
            "Type": "AWS::Logs::LogGroup",
            "Properties": {
                "LogGroupName": fn.sub(f"/aws/lambda/${{AWS::StackName}}-function-{n}"),
                "RetentionInDays": self.rng.choice([7, 30, 90, 365]),
            },
        }
        if self.rng.random() < 0.6:
            alarm = self._alarm("AWS/Lambda", "Errors", "FunctionName", fn.ref(name), n)
            alarm["Condition"] = "IsProduction"
            g.uses.add("IsProduction")
            g.resources[f"{name}Errors"] = alarm
        g.outputs[f"{name}Arn"] = {
            "Value": fn.getatt(name, "Arn"),
            "Export": {"Name": fn.sub(f"${{AWS::StackName}}-{name}")},
        }
        return g

    def queue(self) -> Group:
        n, g, fn = self._next(), Group(), self.fn
        queue, dlq = f"Queue{n}", f"Queue{n}Dlq"
        literal = self._literal("queue", n) if self.rng.random() < 0.3 else None
        g.resources[dlq] = {
            "Type": "AWS::SQS::Queue",
            "Properties": {"MessageRetentionPeriod": 1209600, "SqsManagedSseEnabled": True},
        }
        props: dict[str, Any] = {
            "VisibilityTimeout": self.rng.choice([30, 60, 180]),
            "RedrivePolicy": {
                "deadLetterTargetArn": fn.getatt(dlq, "Arn"),
                "maxReceiveCount": self.rng.choice([3, 5, 10]),
            },
            "Tags": self._tags(n),
        }
        if literal:
            props["QueueName"] = literal
        if self.rng.random() < 0.5:
            props["KmsMasterKeyId"] = "alias/aws/sqs"
        g.resources[queue] = {"Type": "AWS::SQS::Queue", "Properties": props}
        if self.rng.random() < 0.7:
            g.resources[f"{dlq}Depth"] = self._alarm(
                "AWS/SQS",
                "ApproximateNumberOfMessagesVisible",
                "QueueName",
                fn.getatt(dlq, "QueueName"),
                n,
            )
        g.queues.append((queue, literal))
        g.outputs[f"{queue}Url"] = {"Value": fn.ref(queue)}
        return g

    def topic(self) -> Group:
        n, g, fn = self._next(), Group(), self.fn
        topic = f"Topic{n}"
        props: dict[str, Any] = {"DisplayName": f"topic {n}"}
        if self.rng.random() < 0.6:
            g.resources[f"{topic}Key"] = self._key(n, "sns")
            props["KmsMasterKeyId"] = fn.ref(f"{topic}Key")
        g.resources[topic] = {"Type": "AWS::SNS::Topic", "Properties": props}
        for i in range(self.rng.choice([1, 1, 2])):
            sub: dict[str, Any] = {"TopicArn": fn.ref(topic)}
            if self.queues:
                queue, literal = self.rng.choice(self.queues)
                sub["Protocol"] = "sqs"
                sub["Endpoint"] = (
                    fn.sub(f"arn:aws:sqs:${{AWS::Region}}:${{AWS::AccountId}}:{literal}")
                    if literal
                    else fn.getatt(queue, "Arn")
                )
                sub["RawMessageDelivery"] = True
            else:
                sub["Protocol"] = "email"
                sub["Endpoint"] = f"oncall+{n}@example.com"
            g.resources[f"{topic}Subscription{i}"] = {
                "Type": "AWS::SNS::Subscription",
                "Properties": sub,
            }
        g.topics.append(topic)
        return g

    def table(self) -> Group:
        n, g, fn = self._next(), Group(), self.fn
        table = f"Table{n}"
        literal = self._literal("table", n) if self.rng.random() < 0.3 else None
        props: dict[str, Any] = {
            "AttributeDefinitions": [
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "sk", "AttributeType": "S"},
            ],
            "KeySchema": [
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "sk", "KeyType": "RANGE"},
            ],
            "BillingMode": "PAY_PER_REQUEST",
            "PointInTimeRecoverySpecification": {
                "PointInTimeRecoveryEnabled": fn.if_("IsProduction", True, False)
            },
            "SSESpecification": {"SSEEnabled": True},
            "Tags": self._tags(n),
        }
        if literal:
            props["TableName"] = literal
        g.uses.add("IsProduction")
        g.resources[table] = self._kept("AWS::DynamoDB::Table", "Retain", props)
        if self.rng.random() < 0.5:
            g.resources[f"{table}Throttles"] = self._alarm(
                "AWS/DynamoDB", "ThrottledRequests", "TableName", fn.ref(table), n
            )
        g.tables.append((table, literal))
        return g

    def database(self) -> Group:
        n, g, fn = self._next(), Group(), self.fn
        app_sg, db_sg, db = f"App{n}SecurityGroup", f"Db{n}SecurityGroup", f"Db{n}"
        g.uses.update(("VpcId", "SubnetIds", "IsProduction"))
        for sg, text in ((app_sg, "application"), (db_sg, "database")):
            g.resources[sg] = {
                "Type": "AWS::EC2::SecurityGroup",
                "Properties": {
                    "GroupDescription": f"{text} {n}",
                    "VpcId": fn.ref("VpcId"),
                    "SecurityGroupEgress": [
                        {"IpProtocol": "-1", "CidrIp": "0.0.0.0/0", "Description": "all out"}
                    ],
                },
            }
        g.resources[app_sg]["Properties"]["SecurityGroupIngress"] = [
            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "10.0.0.0/8"}
        ]
        g.resources[f"{db_sg}Ingress"] = {
            "Type": "AWS::EC2::SecurityGroupIngress",
            "Properties": {
                "GroupId": fn.getatt(db_sg, "GroupId"),
                "SourceSecurityGroupId": fn.getatt(app_sg, "GroupId"),
                "IpProtocol": "tcp",
                "FromPort": 5432,
                "ToPort": 5432,
            },
        }
        g.resources[f"{db}Subnets"] = {
            "Type": "AWS::RDS::DBSubnetGroup",
            "Properties": {"DBSubnetGroupDescription": f"db {n}", "SubnetIds": fn.ref("SubnetIds")},
        }
        props: dict[str, Any] = {
            "Engine": "postgres",
            "EngineVersion": "17.5",
            "DBInstanceClass": self.rng.choice(["db.t4g.medium", "db.r6g.large"]),
            "AllocatedStorage": self.rng.choice([20, 100, 500]),
            "MasterUsername": "app",
            "ManageMasterUserPassword": True,
            "DBSubnetGroupName": fn.ref(f"{db}Subnets"),
            "VPCSecurityGroups": [fn.getatt(db_sg, "GroupId")],
            "MultiAZ": fn.if_("IsProduction", True, False),
            "BackupRetentionPeriod": self.rng.choice([1, 7, 35]),
            "StorageEncrypted": True,
            "DeletionProtection": self.rng.random() < 0.6,
            "Tags": self._tags(n),
        }
        if self.rng.random() < 0.5:
            g.resources[f"{db}Key"] = self._key(n, "rds")
            props["KmsKeyId"] = fn.ref(f"{db}Key")
        g.resources[db] = self._kept("AWS::RDS::DBInstance", "Snapshot", props)
        if self.rng.random() < 0.7:
            g.resources[f"{db}Cpu"] = self._alarm(
                "AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", fn.ref(db), n
            )
        g.outputs[f"{db}Endpoint"] = {"Value": fn.getatt(db, "Endpoint.Address")}
        return g

    def filler(self) -> Group:
        """One resource on its own, to reach an exact count."""
        n, g = self._next(), Group()
        g.resources[f"Logs{n}"] = {
            "Type": "AWS::Logs::LogGroup",
            "Properties": {
                "LogGroupName": f"/bench/{self.prefix}service-{n}",
                "RetentionInDays": 14,
            },
        }
        return g

    # -- assembly

    def _commit(self, g: Group) -> None:
        self.resources.update(g.resources)
        self.queues += g.queues
        self.tables += g.tables
        self.buckets += g.buckets
        self.topics += g.topics
        self.uses |= g.uses
        for key, value in g.outputs.items():
            if len(self.outputs) < self.max_outputs:
                self.outputs[key] = value

    def build(self, count: int) -> dict[str, Any]:
        makers: dict[str, Callable[[], Group]] = {k: getattr(self, k) for k in self.KINDS}
        while len(self.resources) < count:
            kind = self.rng.choices(self.KINDS, self.WEIGHTS)[0]
            group = makers[kind]()
            if len(self.resources) + len(group.resources) > count:
                group = self.filler()
            self._commit(group)
        return self.document()

    def document(self) -> dict[str, Any]:
        parameters = {
            "Environment": {
                "Type": "String",
                "AllowedValues": ["production", "staging", "development"],
                "Default": "production",
            },
            "VpcId": {"Type": "AWS::EC2::VPC::Id"},
            "SubnetIds": {"Type": "List<AWS::EC2::Subnet::Id>"},
            "ArtifactBucket": {"Type": "String", "Default": "bench-artifacts"},
        }
        doc: dict[str, Any] = {
            "AWSTemplateFormatVersion": "2010-09-09",
            "Description": f"golive benchmark stack {self.prefix or 'main'} "
            f"({len(self.resources)} resources)",
            "Parameters": {
                k: v for k, v in parameters.items() if k == "Environment" or k in self.uses
            },
        }
        if "IsProduction" in self.uses:
            equals = {"Fn::Equals": [self.fn.ref("Environment"), "production"]}
            doc["Conditions"] = {"IsProduction": equals}
        doc["Resources"] = self.resources
        if self.outputs:
            doc["Outputs"] = self.outputs
        return doc


def cloudformation_template(resources: int, seed: int, prefix: str = "") -> dict[str, Any]:
    """One CloudFormation template of exactly ``resources`` resources."""
    rng = random.Random(f"cfn-{seed}-{prefix}")
    return StackBuilder(rng, prefix).build(resources)


def write_template(doc: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".json":
        path.write_text(json.dumps(long_form(doc), indent=2) + "\n")
    else:
        path.write_text(to_yaml(doc))


def folder(out: Path, templates: int, seed: int) -> int:
    """``templates`` small templates (5 to 15 resources; one in ten in JSON); total resources."""
    total = 0
    rng = random.Random(f"folder-{seed}")
    for i in range(templates):
        count = rng.randint(5, 15)
        doc = cloudformation_template(count, seed, prefix=f"t{i:05d}-")
        suffix = ".json" if i % 10 == 9 else ".yaml"
        # 100 templates per sub-folder, as a repository of many stacks would spread them
        write_template(doc, out / f"team{i // 100:03d}" / f"stack{i:05d}{suffix}")
        total += count
    return total


# --------------------------------------------------------------------------- SAM


def _sam_function(
    rng: random.Random, fn: Intrinsics, i: int, res: dict[str, Any], pools: dict[str, list[str]]
) -> None:
    name = f"Fn{i:03d}"
    table = pools["tables"][i % len(pools["tables"])]
    events: dict[str, Any] = {}
    api = {"Path": f"/resource{i:03d}/{{id}}", "Method": "get"}
    if i % 3 == 0:
        api["RestApiId"] = fn.ref("AdminApi")
    events["Get"] = {"Type": "Api", "Properties": api}
    if i % 4 == 1:
        events["Post"] = {
            "Type": "Api",
            "Properties": {**api, "Path": f"/resource{i:03d}", "Method": "post"},
        }
    policies: list[Any] = [{"DynamoDBCrudPolicy": {"TableName": fn.ref(table)}}]
    trigger = ("sqs", "schedule", "s3", "none", "sqs", "none")[i % 6]
    if trigger == "sqs":
        queue = f"{name}Inbox"
        res[f"{queue}Dlq"] = {
            "Type": "AWS::SQS::Queue",
            "Properties": {"MessageRetentionPeriod": 1209600},
        }
        res[queue] = {
            "Type": "AWS::SQS::Queue",
            "Properties": {
                "VisibilityTimeout": 180,
                "RedrivePolicy": {
                    "deadLetterTargetArn": fn.getatt(f"{queue}Dlq", "Arn"),
                    "maxReceiveCount": 5,
                },
            },
        }
        events["Jobs"] = {
            "Type": "SQS",
            "Properties": {"Queue": fn.getatt(queue, "Arn"), "BatchSize": 10},
        }
        policies.append({"SQSPollerPolicy": {"QueueName": fn.getatt(queue, "QueueName")}})
    elif trigger == "schedule":
        events["Nightly"] = {
            "Type": "Schedule",
            "Properties": {"Schedule": f"cron({i % 60} 3 * * ? *)", "Enabled": True},
        }
    elif trigger == "s3":
        if not pools["buckets"] or rng.random() < 0.5:
            bucket = f"Uploads{len(pools['buckets']):02d}"
            res[bucket] = {
                "Type": "AWS::S3::Bucket",
                "Properties": {
                    "BucketName": f"bench-uploads-{len(pools['buckets']):02d}",
                    "VersioningConfiguration": {"Status": "Enabled"},
                },
            }
            pools["buckets"].append(bucket)
        bucket = pools["buckets"][-1]
        events["Upload"] = {
            "Type": "S3",
            "Properties": {
                "Bucket": fn.ref(bucket),
                "Events": "s3:ObjectCreated:*",
                "Filter": {"S3Key": {"Rules": [{"Name": "prefix", "Value": f"in/{name}/"}]}},
            },
        }
        literal = res[bucket]["Properties"]["BucketName"]
        policies.append({"S3ReadPolicy": {"BucketName": literal}})
    props: dict[str, Any] = {
        "CodeUri": f"src/{name.lower()}/",
        "Description": f"handler {i}",
        "Events": events,
        "Policies": policies,
        "Environment": {"Variables": {"TABLE": fn.ref(table)}},
    }
    if i % 5 == 0:
        props["MemorySize"] = 1024
        props["Timeout"] = 60
    if i % 7 == 0:
        props["DeadLetterQueue"] = {"Type": "SQS", "TargetArn": fn.getatt("SharedDlq", "Arn")}
    if i % 10 == 3:
        props["AutoPublishAlias"] = "live"
    if i % 9 == 2:
        props["Runtime"] = "nodejs22.x"
        props["Handler"] = "index.handler"
    res[name] = {"Type": "AWS::Serverless::Function", "Properties": props}
    if i % 4 == 0:
        res[f"{name}Errors"] = {
            "Type": "AWS::CloudWatch::Alarm",
            "Properties": {
                "Namespace": "AWS/Lambda",
                "MetricName": "Errors",
                "Dimensions": [{"Name": "FunctionName", "Value": fn.ref(name)}],
                "Statistic": "Sum",
                "Period": 60,
                "EvaluationPeriods": 1,
                "Threshold": 1,
                "ComparisonOperator": "GreaterThanOrEqualToThreshold",
                "AlarmActions": [fn.ref("AlertsTopic")],
            },
        }


def sam_template(functions: int, seed: int) -> dict[str, Any]:
    """A SAM application: ``functions`` functions behind one implicit and one explicit API."""
    rng = random.Random(f"sam-{seed}")
    fn = Intrinsics(rng)
    res: dict[str, Any] = {
        "CommonLayer": {
            "Type": "AWS::Serverless::LayerVersion",
            "Properties": {
                "ContentUri": "layers/common/",
                "CompatibleRuntimes": ["python3.12"],
                "RetentionPolicy": "Retain",
            },
        },
        "AdminApiLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 90}},
        "AdminApi": {
            "Type": "AWS::Serverless::Api",
            "Properties": {
                "StageName": fn.ref("Stage"),
                "AccessLogSetting": {
                    "DestinationArn": fn.getatt("AdminApiLogs", "Arn"),
                    "Format": "$context.requestId $context.status",
                },
                "MethodSettings": [
                    {"ResourcePath": "/*", "HttpMethod": "*", "ThrottlingRateLimit": 100}
                ],
            },
        },
        "AlertsTopic": {"Type": "AWS::SNS::Topic", "Properties": {}},
        "SharedDlq": {"Type": "AWS::SQS::Queue", "Properties": {}},
    }
    pools: dict[str, list[str]] = {"tables": [], "buckets": []}
    for t in range(max(1, functions // 10)):
        table = f"Table{t:02d}"
        res[table] = {
            "Type": "AWS::Serverless::SimpleTable",
            "Properties": {
                "PrimaryKey": {"Name": "id", "Type": "String"},
                "SSESpecification": {"SSEEnabled": True},
            },
        }
        pools["tables"].append(table)
    for i in range(functions):
        _sam_function(rng, fn, i, res, pools)
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Transform": "AWS::Serverless-2016-10-31",
        "Description": f"golive benchmark SAM application ({functions} functions)",
        "Parameters": {
            "Stage": {"Type": "String", "Default": "prod", "AllowedValues": ["prod", "dev"]},
        },
        "Globals": {
            "Function": {
                "Runtime": "python3.12",
                "Handler": "app.handler",
                "MemorySize": 256,
                "Timeout": 15,
                "Tracing": "Active",
                "Layers": [fn.ref("CommonLayer")],
                "Environment": {"Variables": {"STAGE": fn.ref("Stage")}},
            },
            "Api": {"TracingEnabled": True, "EndpointConfiguration": "REGIONAL"},
        },
        "Resources": res,
        "Outputs": {
            "ApiUrl": {
                "Value": fn.sub(
                    "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/"
                )
            },
            "AdminApiId": {"Value": fn.ref("AdminApi")},
        },
    }


def sam_app(out: Path, functions: int, seed: int) -> int:
    """The SAM template plus a handler per function and the layer's folder; resource count."""
    doc = sam_template(functions, seed)
    write_template(doc, out / "template.yaml")
    for name, resource in doc["Resources"].items():
        if resource["Type"] == "AWS::Serverless::Function":
            src = out / "src" / name.lower()
            src.mkdir(parents=True, exist_ok=True)
            (src / "app.py").write_text("def handler(event, context):\n    return event\n")
    (out / "layers" / "common").mkdir(parents=True, exist_ok=True)
    (out / "layers" / "common" / "requirements.txt").write_text("")
    return len(doc["Resources"])


# --------------------------------------------------------------------------- command line

GENERATED = Path(__file__).resolve().parent / ".generated"


def mark_ignored(directory: Path) -> None:
    """Make a generated directory ignore itself in git (as pytest's cache folder does)."""
    directory.mkdir(parents=True, exist_ok=True)
    marker = directory / ".gitignore"
    if not marker.exists():
        marker.write_text("# written by bench/generate.py\n*\n")


def iter_files(root: Path) -> Iterator[Path]:
    return (p for p in sorted(root.rglob("*")) if p.suffix in (".yaml", ".json"))


def generate(
    kind: str,
    out: Path,
    *,
    resources: int = 1000,
    templates: int = 500,
    functions: int = 94,
    seed: int = 1,
) -> dict[str, Any]:
    """Write one input into ``out`` (its old templates removed first); what was written."""
    if out.exists():
        for old in iter_files(out):
            old.unlink()
    out.mkdir(parents=True, exist_ok=True)
    if out.resolve().is_relative_to(GENERATED):
        mark_ignored(GENERATED)
    summary: dict[str, Any] = {"kind": kind, "out": str(out)}
    if kind == "template":
        write_template(cloudformation_template(resources, seed), out / "template.yaml")
        summary.update(templates=1, resources=resources)
    elif kind == "folder":
        summary.update(templates=templates, resources=folder(out, templates, seed))
    elif kind == "sam":
        # resources as written; the SAM transform makes about 5.5 times as many
        summary.update(templates=1, sam_resources=sam_app(out, functions, seed))
    else:
        raise ValueError(f"unknown kind {kind!r}")
    summary["bytes"] = sum(p.stat().st_size for p in iter_files(out))
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    ap.add_argument("kind", choices=("template", "folder", "sam"))
    ap.add_argument("out", type=Path, help="directory to write into (its templates replaced)")
    ap.add_argument("--resources", type=int, default=1000, help="template: resources (1000)")
    ap.add_argument("--templates", type=int, default=500, help="folder: templates (500)")
    ap.add_argument("--functions", type=int, default=94, help="sam: functions (94)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    summary = generate(
        args.kind,
        args.out,
        resources=args.resources,
        templates=args.templates,
        functions=args.functions,
        seed=args.seed,
    )
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
