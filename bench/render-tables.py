#!/usr/bin/env python3
"""Turns natter-bench JSON lines (compare.sh's results.jsonl) into Markdown tables, servers side by side."""
import json
import sys

COLUMNS = {
    "idle": ["connections", "failed", "connectPerS", "rssMB", "deltaMB", "bytesPerConn"],
    "fanout": ["rate", "deliveriesPerS", "expectedPerS", "delivered%", "p50ms", "p99ms", "p999ms", "serverCpu%", "benchCpu%"],
    "durable": ["inFlight", "acksPerS", "p50ms", "p99ms", "p999ms", "maxMs", "serverCpu%", "benchCpu%", "errors"],
    "history": ["page", "depth", "p50ms", "p99ms", "maxMs"],
    "reconnect-storm": ["clients", "caughtUp", "failed", "p50ms", "p99ms", "allMs", "rssBeforeMB", "rssAfterMB"],
}


def fmt(value):
    if isinstance(value, float):
        if value == int(value):
            return str(int(value))
        return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"
    return "-" if value is None else str(value)


def main(path):
    runs = [json.loads(line) for line in open(path) if line.startswith("{")]
    for scenario, columns in COLUMNS.items():
        mine = [r for r in runs if r["scenario"] == scenario]
        if not mine:
            continue
        print(f"### {scenario}\n")
        print("| server | " + " | ".join(columns) + " |")
        print("|---" * (len(columns) + 1) + "|")
        for run in mine:
            label = run["parameters"].get("label", "?")
            for row in run["rows"]:
                print(f"| {label} | " + " | ".join(fmt(row.get(c)) for c in columns) + " |")
        for run in mine:
            summary = ", ".join(f"{k} {fmt(v)}" for k, v in run["summary"].items() if k != "server")
            print(f"\n{run['parameters'].get('label', '?')} ({run['date']}): {summary}")
        print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/natter-bench-results/results.jsonl")
