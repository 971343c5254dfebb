#!/usr/bin/env python3
"""The function's job written as a plain Python custom runtime with boto3, the way a
user would otherwise write it, for the cold-start and warm comparisons.

It reads one run with glue.get_ml_task_run and returns the main fields of the status
document with the same poll policy, but skips the function's input validation, error
classification and logging. Debian's boto3 1.26 ignores AWS_ENDPOINT_URL_GLUE, so the
endpoint is passed as endpoint_url.
"""
import datetime
import json
import os
import random
import urllib.request

import boto3

RUNTIME_API = f"http://{os.environ['AWS_LAMBDA_RUNTIME_API']}/2018-06-01/runtime/invocation"
MIN_POLL_SECONDS = 30
MAX_POLL_SECONDS = 300
TERMINAL = {"SUCCEEDED", "FAILED", "TIMEOUT", "STOPPED"}

glue = boto3.client("glue", endpoint_url=os.environ.get("AWS_ENDPOINT_URL_GLUE"))


def rfc3339(value):
    if value is None:
        return None
    return value.astimezone(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def next_poll_seconds(elapsed_seconds):
    target = min(max(elapsed_seconds * 0.1, MIN_POLL_SECONDS), MAX_POLL_SECONDS)
    low = max(MIN_POLL_SECONDS, target * 0.8)
    high = min(MAX_POLL_SECONDS, target * 1.2)
    return round(random.uniform(low, high))


def handle(event):
    request = event.get("detail", event)
    transform_id = request["TransformId"]
    task_run_id = request["TaskRunId"]
    run = glue.get_ml_task_run(TransformId=transform_id, TaskRunId=task_run_id)

    now = datetime.datetime.now(datetime.timezone.utc)
    started = run.get("StartedOn") or now
    status = run.get("Status")
    terminal = status in TERMINAL
    properties = run.get("Properties", {})
    return {
        "TransformId": transform_id,
        "TaskRunId": task_run_id,
        "Status": status,
        "IsTerminal": terminal,
        "TaskType": properties.get("TaskType"),
        "LogGroupName": run.get("LogGroupName"),
        "ErrorString": run.get("ErrorString"),
        "StartedOn": rfc3339(run.get("StartedOn")),
        "LastModifiedOn": rfc3339(run.get("LastModifiedOn")),
        "CompletedOn": rfc3339(run.get("CompletedOn")),
        "ExecutionTime": run.get("ExecutionTime"),
        "CheckedOn": rfc3339(now),
        "PollCount": request.get("PollCount", 0) + 1,
        "NextPollSeconds": 0 if terminal else next_poll_seconds((now - started).total_seconds()),
    }


def post(url, body, content_type):
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type})
    urllib.request.urlopen(request).close()


def main():
    while True:
        with urllib.request.urlopen(f"{RUNTIME_API}/next") as response:
            request_id = response.headers["Lambda-Runtime-Aws-Request-Id"]
            event = json.loads(response.read())
        try:
            body = json.dumps(handle(event)).encode()
            post(f"{RUNTIME_API}/{request_id}/response", body, "application/json")
        except Exception as error:  # pylint: disable=broad-except
            failure = {"errorType": type(error).__name__, "errorMessage": str(error)}
            post(f"{RUNTIME_API}/{request_id}/error", json.dumps(failure).encode(),
                 "application/vnd.aws.lambda.error+json")


if __name__ == "__main__":
    main()
