#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) of the Sigil benchmarks into the README's Markdown table.

Usage: python3 benchmarks/results-table.py RESULT.json [BYTES_PER_EVENT [UNSELECTED [QUIET]]]

Scores are medians of the measurement iterations (all forks pooled), per event. B/event is the
median of gc.alloc.rate.norm (run with -prof gc). MB/s for the decode benchmarks uses the
average line sizes TraceeDecodeBenchmark prints at setup: BYTES_PER_EVENT of the realistic
buffer, UNSELECTED of skipUnselected's buffer, QUIET of decodeAndMatchQuiet's (each defaults to
the one before). Ratios to tokenScanFloor are of MB/s, each benchmark over its own buffer.
"""
import json
import statistics
import sys


def median_of(metric):
    values = [v for fork in metric["rawData"] for v in fork]
    return statistics.median(values)


def main():
    if len(sys.argv) not in (2, 3, 4, 5):
        sys.exit(__doc__)
    runs = json.load(open(sys.argv[1]))
    bytes_per_event = float(sys.argv[2]) if len(sys.argv) >= 3 else None
    unselected = float(sys.argv[3]) if len(sys.argv) >= 4 else bytes_per_event
    quiet = float(sys.argv[4]) if len(sys.argv) >= 5 else bytes_per_event
    line_bytes = {"TraceeDecodeBenchmark.skipUnselected": unselected,
                  "TraceeDecodeBenchmark.decodeAndMatchQuiet": quiet}
    rows = {}
    for run in runs:
        name = run["benchmark"].rsplit(".", 2)
        key = name[-2] + "." + name[-1]
        params = run.get("params") or {}
        if params:
            key += " (" + ", ".join(f"{k}={v}" for k, v in sorted(params.items(), reverse=True)) + ")"
        ns = median_of(run["primaryMetric"])
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        rows[key] = (ns, median_of(alloc) if alloc else None)

    def ns(key):
        return rows[key][0] if key in rows else None

    print("| benchmark | ns/event | B/event | events/s | MB/s |")
    print("|---|---:|---:|---:|---:|")
    for key, (score, alloc) in rows.items():
        mbs = ""
        if key.startswith("TraceeDecodeBenchmark") and bytes_per_event:
            mbs = f"{line_bytes.get(key, bytes_per_event) / score * 1000:,.0f}"
        b = "n/a" if alloc is None else f"{alloc:.3f}"
        print(f"| {key} | {score:,.1f} | {b} | {1e9 / score:,.0f} | {mbs} |")

    ratios = [
        ("nonMatching / handWrittenFloor", "EngineBenchmark.nonMatching", "EngineBenchmark.handWrittenFloor", "<= 1.5"),
        ("nonMatchingTrc1022Only / handWrittenFloor", "EngineBenchmark.nonMatchingTrc1022Only", "EngineBenchmark.handWrittenFloor", "<= 1.5"),
        ("Drools / Sigil (TRC-1022)", "PeerBenchmark.drools", "PeerBenchmark.sigil", ">= 20"),
        ("Scaling absent: 128 / 2 signatures", "ScalingBenchmark.accept (signatures=128, scenario=absent)", "ScalingBenchmark.accept (signatures=2, scenario=absent)", "<= 1.2"),
        ("Scaling absent: 16 / 2 signatures", "ScalingBenchmark.accept (signatures=16, scenario=absent)", "ScalingBenchmark.accept (signatures=2, scenario=absent)", ""),
        ("Scaling present: 16 / 2 signatures", "ScalingBenchmark.accept (signatures=16, scenario=present)", "ScalingBenchmark.accept (signatures=2, scenario=present)", ""),
        ("Scaling present: 128 / 2 signatures", "ScalingBenchmark.accept (signatures=128, scenario=present)", "ScalingBenchmark.accept (signatures=2, scenario=present)", ""),
        ("tokenScanNonBlocking MB/s / tokenScanFloor MB/s", "TraceeDecodeBenchmark.tokenScanFloor", "TraceeDecodeBenchmark.tokenScanNonBlocking", ""),
        ("databindMap ns / decodeAndMatch ns", "TraceeDecodeBenchmark.databindMap", "TraceeDecodeBenchmark.decodeAndMatch", ""),
    ]
    print()
    print("| ratio | value | goal |")
    print("|---|---:|---|")
    for label, top, bottom, goal in ratios:
        if ns(top) is not None and ns(bottom) is not None:
            print(f"| {label} | {ns(top) / ns(bottom):.2f} | {goal} |")

    floor = ns("TraceeDecodeBenchmark.tokenScanFloor")
    if floor is not None and bytes_per_event:
        floor_mbs = bytes_per_event / floor
        for name, goal in (("decode", ">= 1.0"), ("skipUnselected", ">= 3.0"),
                           ("decodeAndMatch", ">= 1.3"), ("decodeAndMatchQuiet", "")):
            key = "TraceeDecodeBenchmark." + name
            if ns(key) is not None:
                ratio = line_bytes.get(key, bytes_per_event) / ns(key) / floor_mbs
                print(f"| {name} MB/s / tokenScanFloor MB/s | {ratio:.2f} | {goal} |")

    mixed = rows.get("EngineBenchmark.mixed")
    if mixed and mixed[1] is not None:
        print()
        print(f"mixed: {mixed[1]:.2f} B/event; with the batch's findings per event printed at setup,"
              " bytes per finding = B/event x 4096 / findings per batch")


if __name__ == "__main__":
    main()
