#!/usr/bin/env python3
"""Model of what the wait loop costs for one Glue ML task run, and of the Glue request
rate when many waits run at once.

For run durations from 1 minute to 24 hours it simulates the loop under three poll
policies: the function's default (a tenth of the elapsed time, 30 to 300 seconds,
jitter of +-20%), fixed 10-second polling and fixed 60-second polling (the function
with POLL_MIN_SECONDS = POLL_MAX_SECONDS = 10 or 60). For each it reports the polls,
the Step Functions state transitions, the Lambda GB-seconds, the list-price cost and
the detection delay (from the run's end to the poll that detects it). The transitions
per poll and per execution are counted by walking the state machine definition in
infra/statemachine/wait-for-task-run.asl.json, not typed in here.

Usage: python3 tests/benchmarks/polling-cost.py [--samples 400] [--warm-ms MS]
Writes artifacts/bench/results/polling.json, docs/benchmarks-polling.png and
docs/benchmarks-glue-rate.png, and prints Markdown tables.
"""
import argparse
import json
import math
import pathlib
import random
import statistics

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)

ROOT = pathlib.Path(__file__).resolve().parents[2]
ASL_FILE = ROOT / "infra" / "statemachine" / "wait-for-task-run.asl.json"
RESULTS = ROOT / "artifacts" / "bench" / "results"
WARM_RESULT = RESULTS / "warm-aot.json"

# List prices assumed for us-east-1, x86_64, without free tier. Check them against the
# AWS Step Functions and AWS Lambda pricing pages before quoting a cost.
PRICE_PER_TRANSITION = 0.025 / 1000  # Step Functions Standard, USD per state transition
PRICE_PER_GB_SECOND = 0.0000166667  # Lambda x86_64, USD
PRICE_PER_REQUEST = 0.20 / 1_000_000  # Lambda, USD per invocation
MEMORY_GB = 128 / 1024  # the function's MemorySize in template.yaml

# The function's defaults (README, FunctionSettings, PollPolicy).
MAX_WAIT_SECONDS = 86_400
ELAPSED_FRACTION = 0.1
JITTER_FRACTION = 0.2
START_DELAY_SECONDS = 60

# NOTE: Glue does not publish a rate limit for GetMLTaskRun. AWS documents only that
# Glue API requests are throttled per account and Region. This figure is an assumption for
# the comparison, not an AWS number.
ASSUMED_GLUE_LIMIT_PER_SECOND = 10


class Policy:
    """A poll policy: the function's PollPolicy with its bounds, optionally started late."""

    def __init__(self, name, label, min_seconds, max_seconds, first_delay_seconds=0):
        self.name = name
        self.label = label
        self.min_seconds = min_seconds
        self.max_seconds = max_seconds
        self.first_delay_seconds = first_delay_seconds

    def next_poll_seconds(self, elapsed, until_deadline, rng):
        """Port of PollPolicy.NextPollSeconds, rounding half away from zero as .NET does."""
        target = min(max(max(0.0, elapsed) * ELAPSED_FRACTION, self.min_seconds), self.max_seconds)
        low = max(self.min_seconds, target * (1 - JITTER_FRACTION))
        high = min(self.max_seconds, target * (1 + JITTER_FRACTION))
        drawn = low + rng.random() * (high - low)
        seconds = math.floor(drawn + 0.5)
        seconds = min(max(seconds, self.min_seconds), self.max_seconds)
        return min(seconds, math.ceil(max(1.0, until_deadline)))


COLORS = {"default": "C0", "fixed10": "C1", "fixed60": "C2", "default-spread": "C3", "min100": "C4"}

POLICIES = [
    Policy("default", "default (elapsed/10, 30-300 s, +-20%)", 30, 300),
    Policy("fixed10", "fixed 10 s", 10, 10),
    Policy("fixed60", "fixed 60 s", 60, 60),
]


def simulate_wait(policy, run_seconds, start_seconds, rng):
    """Returns (polls, detection time, or None when the wait bound ended the wait first).

    The run starts at 0 (its StartedOn) and the wait at start_seconds, and a poll takes
    no time. The wait bound counts from the first poll, as FirstCheckedOn does.
    """
    t = start_seconds + policy.first_delay_seconds * rng.random()
    deadline = t + MAX_WAIT_SECONDS
    if policy.min_seconds == policy.max_seconds and policy.first_delay_seconds == 0:
        # Fixed polling: the same walk in closed form, to keep 24-hour runs quick.
        steps = max(0, math.ceil((run_seconds - t) / policy.min_seconds))
        detected = min(t + steps * policy.min_seconds, deadline)
        return steps + 1, (detected if detected >= run_seconds else None)
    polls = 0
    while True:
        polls += 1
        if t >= run_seconds:
            return polls, t
        if t >= deadline:
            return polls, None
        t += policy.next_poll_seconds(t, deadline - t, rng)


# --- State transitions, counted by running the ASL ---------------------------------


def json_path(data, path):
    if path == "$":
        return data
    value = data
    for part in path[2:].split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(path)
        value = value[part]
    return value


def choice_matches(rule, data):
    if "And" in rule:
        return all(choice_matches(inner, data) for inner in rule["And"])
    try:
        value = json_path(data, rule["Variable"])
        present = True
    except KeyError:
        value, present = None, False
    if "IsPresent" in rule:
        return present == rule["IsPresent"]
    if not present:
        return False
    if "IsNull" in rule:
        return (value is None) == rule["IsNull"]
    if "BooleanEquals" in rule:
        return value is rule["BooleanEquals"]
    if "StringEquals" in rule:
        return value == rule["StringEquals"]
    raise ValueError(f"Choice operator not modelled: {sorted(rule)}")


def apply_parameters(template, data):
    result = {}
    for key, value in template.items():
        if key.endswith(".$"):
            # Intrinsic functions become a placeholder string; the walk only branches on plain paths.
            result[key[:-2]] = "intrinsic" if value.startswith("States.") else json_path(data, value)
        elif isinstance(value, dict):
            result[key] = apply_parameters(value, data)
        else:
            result[key] = value
    return result


def count_transitions(asl, documents):
    """Walks the state machine on status documents, one per poll, the last one terminal.

    Returns the number of states entered, the final Succeed included.
    """
    documents = iter(documents)
    name = asl["StartAt"]
    data = {}
    entered = 0
    while True:
        state = asl["States"][name]
        entered += 1
        kind = state["Type"]
        if kind == "Task":
            if state["Resource"] == "arn:aws:states:::lambda:invoke":
                data = next(documents)
            elif state.get("ResultPath", "$") is not None:
                data = {**data, state["ResultPath"][2:]: {}}
        elif kind == "Pass" and "Parameters" in state:
            data = apply_parameters(state["Parameters"], data)
        elif kind == "Choice":
            matched = next((rule["Next"] for rule in state["Choices"] if choice_matches(rule, data)), None)
            name = matched or state["Default"]
            continue
        elif kind in ("Succeed", "Fail"):
            return entered
        name = state["Next"]


def transitions_formula(asl):
    """Fits transitions = per_poll * polls + fixed from walks of 1 to 4 polls."""
    def documents(polls):
        for i in range(polls):
            terminal = i == polls - 1
            yield {
                "Status": "SUCCEEDED" if terminal else "RUNNING",
                "IsTerminal": terminal,
                "WaitExpired": False,
                "NextPollSeconds": 0 if terminal else 30,
                "PollCount": i + 1,
                "ErrorString": None,
                "TransformId": "tfm-1",
                "TaskRunId": "tsk-1",
            }

    counts = [count_transitions(asl, documents(polls)) for polls in range(1, 5)]
    per_poll = counts[1] - counts[0]
    if any(counts[i + 1] - counts[i] != per_poll for i in range(3)):
        raise ValueError(f"Transitions do not grow linearly with polls: {counts}")
    return per_poll, counts[0] - per_poll


# --- Cost model ----------------------------------------------------------------------


def run_cost(polls, per_poll, fixed, billed_ms):
    transitions = per_poll * polls + fixed
    gb_seconds = polls * MEMORY_GB * billed_ms / 1000
    step_functions = transitions * PRICE_PER_TRANSITION
    lam = gb_seconds * PRICE_PER_GB_SECOND + polls * PRICE_PER_REQUEST
    return transitions, gb_seconds, step_functions + lam, lam


def summarize_duration(policy, run_seconds, samples, rng, per_poll, fixed, billed_ms):
    polls, delays = [], []
    for _ in range(samples):
        # The wait starts 0 to 60 s after the run, for the delivery of the CloudTrail or
        # EventBridge event that starts it, so the run's end falls at a random point of
        # the poll cycle. The 60 s are an assumption, not a measured delivery time.
        count, detected = simulate_wait(policy, run_seconds, rng.uniform(0, START_DELAY_SECONDS), rng)
        polls.append(count)
        delays.append((detected - run_seconds) if detected is not None else float("nan"))
    mean_polls = statistics.fmean(polls)
    transitions, gb_seconds, cost, lambda_cost = run_cost(mean_polls, per_poll, fixed, billed_ms)
    finite = sorted(d for d in delays if not math.isnan(d))
    return {
        "polls_mean": mean_polls,
        "polls_min": min(polls),
        "polls_max": max(polls),
        "transitions": transitions,
        "gb_seconds": gb_seconds,
        "cost_usd": cost,
        "lambda_cost_usd": lambda_cost,
        "delay_mean": statistics.fmean(finite) if finite else float("nan"),
        "delay_p95": finite[int(0.95 * (len(finite) - 1))] if finite else float("nan"),
        "bound_reached": sum(math.isnan(d) for d in delays),
    }


def glue_rate(policy, waits, horizon_seconds, rng):
    """Starts `waits` waits within one second on runs that outlast the horizon; returns
    GetMLTaskRun calls per whole second."""
    counts = [0] * (horizon_seconds + 1)
    for _ in range(waits):
        t = rng.random() + policy.first_delay_seconds * rng.random()
        while t <= horizon_seconds:
            counts[int(t)] += 1
            t += policy.next_poll_seconds(t, MAX_WAIT_SECONDS - t, rng)
    return counts


def crossover_checks(policies_by_name, per_poll, fixed, billed_ms, samples, seed):
    """Evaluates the two poll-policy targets on a one-minute grid."""
    default, fixed60 = policies_by_name["default"], policies_by_name["fixed60"]
    rng = random.Random(seed)
    rows = []
    for minutes in range(1, 121):
        d = summarize_duration(default, minutes * 60, samples, rng, per_poll, fixed, billed_ms)
        f = summarize_duration(fixed60, minutes * 60, samples, rng, per_poll, fixed, billed_ms)
        rows.append((minutes, d, f))
    fewer_polls_from = next(
        (m for m, d, f in rows if all(dd["polls_mean"] < ff["polls_mean"] for _, dd, ff in rows if _ >= m)),
        None,
    )
    fewer_worst_case_from = next(
        (m for m, d, f in rows if all(dd["polls_max"] < ff["polls_min"] for _, dd, ff in rows if _ >= m)),
        None,
    )
    faster_until = max((m for m, d, f in rows if all(dd["delay_mean"] < ff["delay_mean"] for _, dd, ff in rows if _ <= m)), default=0)
    over_30 = [(m, d, f) for m, d, f in rows if m > 30]
    under_10 = [(m, d, f) for m, d, f in rows if m < 10]
    return {
        "grid": [
            {"minutes": m, "default": d, "fixed60": f} for m, d, f in rows
        ],
        "default_fewer_polls_in_mean_from_minutes": fewer_polls_from,
        "default_fewer_polls_in_every_draw_from_minutes": fewer_worst_case_from,
        "default_faster_in_mean_up_to_minutes": faster_until,
        "target_fewer_polls_over_30_min": all(d["polls_mean"] < f["polls_mean"] for _, d, f in over_30),
        "target_faster_under_10_min": all(d["delay_mean"] < f["delay_mean"] for _, d, f in under_10),
    }


def warm_duration_ms(override):
    if override is not None:
        return override, "given with --warm-ms"
    if WARM_RESULT.exists():
        measured = json.loads(WARM_RESULT.read_text())["durationMs"]["median"]
        return measured, f"median warm invocation measured by warm.mjs ({measured:.2f} ms)"
    return 2.0, "no warm-aot.json yet: 2 ms assumed"


def format_money(value):
    return f"${value:.6f}" if value < 0.01 else f"${value:.4f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=400, help="simulated runs per duration and policy")
    parser.add_argument("--warm-ms", type=float, default=None, help="Lambda duration per poll in ms (default: measured)")
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args()

    asl = json.loads(ASL_FILE.read_text())
    per_poll, fixed = transitions_formula(asl)
    warm_ms, warm_source = warm_duration_ms(args.warm_ms)
    billed_ms = math.ceil(warm_ms)  # Lambda bills duration in 1 ms steps
    rng = random.Random(args.seed)
    by_name = {p.name: p for p in POLICIES}

    table_minutes = [1, 5, 10, 15, 30, 60, 120, 240, 480, 720, 1440]
    table = {p.name: {m: summarize_duration(p, m * 60, args.samples, rng, per_poll, fixed, billed_ms)
                      for m in table_minutes} for p in POLICIES}

    chart_seconds = [60 * (1440 ** (i / 79)) for i in range(80)]
    chart = {p.name: [summarize_duration(p, s, args.samples, rng, per_poll, fixed, billed_ms)
                      for s in chart_seconds] for p in POLICIES}

    checks = crossover_checks(by_name, per_poll, fixed, billed_ms, args.samples, args.seed + 1)

    waits = 1000
    horizon = 7200
    rate_policies = POLICIES + [
        Policy("default-spread", "default + first poll spread over 0-30 s", 30, 300, first_delay_seconds=30),
        Policy("min100", "elapsed/10, 100-300 s, +-20%", 100, 300),
    ]
    rates = {p.name: glue_rate(p, waits, horizon, random.Random(args.seed + 2)) for p in rate_policies}
    rate_summary = {}
    for p in rate_policies:
        counts = rates[p.name]
        minute_means = [statistics.fmean(counts[i:i + 60]) for i in range(0, horizon, 60)]
        above = [i for i, mean in enumerate(minute_means) if mean > ASSUMED_GLUE_LIMIT_PER_SECOND]
        rate_summary[p.name] = {
            "label": p.label,
            "peak_per_second": max(counts),
            "peak_after_first_minute": max(counts[60:]),
            "mean_per_second_first_5_min": statistics.fmean(counts[:300]),
            "mean_per_second_second_hour": statistics.fmean(counts[3600:7200]),
            "minutes_with_mean_above_limit": len(above),
            "last_minute_with_mean_above_limit": above[-1] + 1 if above else 0,
        }

    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "polling.json").write_text(json.dumps({
        "transitions_per_poll": per_poll,
        "transitions_fixed": fixed,
        "warm_ms": warm_ms,
        "billed_ms": billed_ms,
        "warm_source": warm_source,
        "table": table,
        "checks": {k: v for k, v in checks.items() if k != "grid"},
        "rates": rate_summary,
    }, indent=2))

    draw_policy_chart(chart_seconds, chart)
    draw_rate_chart(rates, rate_policies)

    print(f"Transitions from the ASL: {per_poll} per poll + {fixed} per execution (SUCCEEDED path).")
    print(f"Lambda duration per poll: {warm_source}, billed {billed_ms} ms at 128 MB.\n")
    print("| run | policy | polls (min-max) | transitions | Lambda GB-s | cost per run | detection delay mean / p95 s |")
    print("|---|---|---|---|---|---|---|")
    for m in table_minutes:
        for p in POLICIES:
            r = table[p.name][m]
            run = f"{m} min" if m < 60 else f"{m // 60} h"
            print(f"| {run} | {p.label} | {r['polls_mean']:.1f} ({r['polls_min']}-{r['polls_max']}) "
                  f"| {r['transitions']:.0f} | {r['gb_seconds']:.4f} | {format_money(r['cost_usd'])} "
                  f"| {r['delay_mean']:.1f} / {r['delay_p95']:.0f} |")
    print()
    print(f"Default has fewer polls than fixed 60 s (mean) for every run from {checks['default_fewer_polls_in_mean_from_minutes']} min "
          f"(in every draw from {checks['default_fewer_polls_in_every_draw_from_minutes']} min); "
          f"target 'over 30 min': {'met' if checks['target_fewer_polls_over_30_min'] else 'missed'}.")
    print(f"Default detects faster than fixed 60 s (mean) for every run up to {checks['default_faster_in_mean_up_to_minutes']} min; "
          f"target 'under 10 min': {'met' if checks['target_faster_under_10_min'] else 'missed'}.")
    print()
    print(f"{waits} waits started within one second, GetMLTaskRun calls over {horizon // 60} min "
          f"(assumed limit {ASSUMED_GLUE_LIMIT_PER_SECOND}/s):")
    print("| policy | peak in 1 s | peak in 1 s after the first minute | mean /s, first 5 min "
          "| mean /s, second hour | minutes whose mean is above the limit | last such minute |")
    print("|---|---|---|---|---|---|---|")
    for p in rate_policies:
        r = rate_summary[p.name]
        print(f"| {r['label']} | {r['peak_per_second']} | {r['peak_after_first_minute']} "
              f"| {r['mean_per_second_first_5_min']:.1f} | {r['mean_per_second_second_hour']:.1f} "
              f"| {r['minutes_with_mean_above_limit']} | {r['last_minute_with_mean_above_limit']} |")

def draw_policy_chart(seconds, chart):
    minutes = [s / 60 for s in seconds]
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.6))
    panels = [
        ("polls_mean", "polls per run", "Polls (GetMLTaskRun calls)"),
        ("cost_usd", "USD per run (list prices)", "Cost: Step Functions + Lambda"),
        ("delay_mean", "seconds (mean)", "Detection delay"),
    ]
    for axis, (key, ylabel, title) in zip(axes, panels):
        for policy in POLICIES:
            axis.plot(minutes, [r[key] for r in chart[policy.name]], label=policy.label,
                      color=COLORS[policy.name])
        axis.set_xscale("log")
        if key != "delay_mean":
            axis.set_yscale("log")
        axis.set_xticks([1, 10, 60, 240, 1440])
        axis.set_xticklabels(["1 min", "10 min", "1 h", "4 h", "24 h"])
        axis.set_xlabel("task run duration")
        axis.set_ylabel(ylabel)
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
    axes[0].legend(loc="upper left", fontsize=8)
    fig.suptitle("Wait loop cost per Glue ML task run, by poll policy (tests/benchmarks/polling-cost.py)")
    fig.tight_layout()
    fig.savefig(ROOT / "docs" / "benchmarks-polling.png", dpi=110)
    plt.close(fig)


def draw_rate_chart(rates, policies):
    fig, (left, right) = plt.subplots(1, 2, figsize=(15, 4.8))
    for policy in policies:
        if policy.name in ("default", "fixed60", "default-spread"):
            left.plot(range(600), rates[policy.name][:600], label=policy.label, linewidth=0.8,
                      color=COLORS[policy.name])
        counts = rates[policy.name]
        minutes = range(len(counts) // 60)
        right.plot([m + 1 for m in minutes], [statistics.fmean(counts[m * 60:m * 60 + 60]) for m in minutes],
                   label=policy.label, color=COLORS[policy.name])
    for axis in (left, right):
        axis.axhline(ASSUMED_GLUE_LIMIT_PER_SECOND, color="black", linestyle="--", linewidth=1,
                     label=f"assumed Glue limit, {ASSUMED_GLUE_LIMIT_PER_SECOND}/s (not published)")
        axis.set_yscale("log")
        axis.grid(True, which="both", alpha=0.3)
    left.set_xlabel("seconds after the start")
    left.set_ylabel("GetMLTaskRun calls in each second")
    left.set_title("Each second, first 10 minutes")
    right.set_xlabel("minutes after the start")
    right.set_ylabel("mean calls per second over each minute")
    right.set_title("Minute means, first 2 hours")
    left.legend(fontsize=8, loc="lower right")
    right.legend(fontsize=8, loc="lower left")
    fig.suptitle("Glue request rate of 1,000 waits started within the same second (tests/benchmarks/polling-cost.py)")
    fig.tight_layout()
    fig.savefig(ROOT / "docs" / "benchmarks-glue-rate.png", dpi=110)
    plt.close(fig)

if __name__ == "__main__":
    main()
