"""Handlers of the orders service (a small example for golive; not production code)."""

from __future__ import annotations

import json
import os
import uuid
from typing import Any

import boto3

_sqs = boto3.client("sqs")
_events = boto3.client("events")
_s3 = boto3.client("s3")


def create_order(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """POST /orders: accept an order and queue it for payment."""
    body = json.loads(event.get("body") or "{}")
    if not body.get("items"):
        return {"statusCode": 400, "body": json.dumps({"error": "an order needs items"})}
    order = {"orderId": str(uuid.uuid4()), "items": body["items"]}
    # The real service writes the order to Aurora (DB_HOST) before queueing it.
    _sqs.send_message(QueueUrl=os.environ["PAYMENT_QUEUE_URL"], MessageBody=json.dumps(order))
    return {"statusCode": 202, "body": json.dumps({"orderId": order["orderId"]})}


def process_payment(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """SQS batch: capture each payment, report the ones that failed."""
    failures = []
    for record in event["Records"]:
        try:
            order = json.loads(record["body"])
            _events.put_events(
                Entries=[
                    {
                        "EventBusName": os.environ["ORDER_BUS_NAME"],
                        "Source": "orders.payments",
                        "DetailType": "PaymentCaptured",
                        "Detail": json.dumps({"orderId": order["orderId"]}),
                    }
                ]
            )
        except Exception:  # the message goes back to the queue, then to its redrive queue
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}


def notify_shipment(event: dict[str, Any], context: Any) -> None:
    """EventBridge: tell the customer their order is on its way."""
    print(json.dumps({"notify": event["detail"]["orderId"]}))


def render_invoice(event: dict[str, Any], context: Any) -> None:
    """S3: copy each uploaded invoice to the rendered/ prefix."""
    prefix = os.environ["INVOICE_PREFIX"]
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        key = record["s3"]["object"]["key"]
        name = key.rsplit("/", 1)[-1]
        _s3.copy_object(Bucket=bucket, Key=prefix + name, CopySource={"Bucket": bucket, "Key": key})


def nightly_report(event: dict[str, Any], context: Any) -> None:
    """Schedule: refresh the reporting database (connection omitted in the example)."""
    print(json.dumps({"report": "nightly", "host": os.environ["REPORTING_DB_HOST"]}))


def legacy_sync(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Invoked by the ERP integration: echo what would be synchronised."""
    return {"synced": len(event.get("orders", [])), "erp": os.environ["ERP_DB_HOST"]}
