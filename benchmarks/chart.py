#!/usr/bin/env python3
"""Draws events/s per engine and path as an SVG bar chart, from one run's figures.

Usage: python3 benchmarks/chart.py JMH.json SCAN.json [OUT.svg] [--tracee EVENTS_PER_S]
                                   [--title TEXT]

  JMH.json   the JMH JSON of a run (-rf json) with TraceeDecodeBenchmark and PeerBenchmark
  SCAN.json  what benchmarks/scan-figure.sh wrote for the same machine (its JSON argument)
  OUT.svg    where the chart goes (default: standard output)
  --tracee   Tracee v0.24.1's own Go path over the same generated events, events/s, as an
             external figure (default 31000: the 30,000-32,000 measured on this machine class)

Two groups, on one logarithmic axis: Tracee JSON in, each line decoded (whole processes, and
the decoders alone in memory), and rule engines alone over events already in memory (TRC-1022's
rule). JMH scores are medians of the measurement iterations, per event. Needs no packages.
"""
import json
import math
import statistics
import sys
from xml.sax.saxutils import escape

SIGIL = "#1f6fb2"
OTHER = "#9a9a9a"
EXTERNAL = "#c8a24a"


def jmh_events_per_second(runs, name):
    for run in runs:
        if run["benchmark"].endswith("TraceeDecodeBenchmark." + name) and not run.get("params"):
            values = [v for fork in run["primaryMetric"]["rawData"] for v in fork]
            unit = run["primaryMetric"]["scoreUnit"]
            ns = statistics.median(values)
            if unit != "ns/op":
                raise SystemExit(f"{name}: expected ns/op, got {unit}")
            return 1e9 / ns
    return None


def scan_row(scan, prefix):
    for row in scan["rows"]:
        if row["name"].startswith(prefix):
            return row
    return None


def bars(runs, scan, tracee):
    events = f"{scan['events']:,} generated events"
    json_in = []
    for threads in ("2", "1"):
        row = scan_row(scan, f"sigil scan FILE --threads {threads}")
        if row:
            json_in.append((f"Sigil: sigil scan --threads {threads}", row["eventsPerSecond"], SIGIL,
                            f"whole process, {events}, all built-ins"))
    for name, label, note in (
            ("decode", "Sigil: decoding alone", "in memory, one thread, every line decoded"),
            ("decodeAndMatch", "Sigil: decoding + all built-ins",
             "in memory, one thread, unselected lines skipped")):
        value = jmh_events_per_second(runs, name)
        if value:
            json_in.append((label, value, SIGIL, note))
    value = jmh_events_per_second(runs, "databindMap")
    if value:
        json_in.append(("jackson-databind: a Map per line + TRC-1022", value, OTHER,
                        "in memory, one thread"))
    json_in.append(("Tracee v0.24.1 (Go): trace.Event + TRC-1022", tracee, EXTERNAL,
                    "whole process, 300,000 generated events; external figure"))
    row = scan_row(scan, "jq ")
    if row:
        json_in.append(("jq: select by eventName", row["eventsPerSecond"], OTHER,
                        f"whole process, {events}"))
    engines = []
    for name, label, color in (("PeerBenchmark.sigil", "Sigil engine: TRC-1022", SIGIL),
                               ("PeerBenchmark.drools", "Drools 10.2: TRC-1022 as a rule", OTHER)):
        value = peer(runs, name)
        if value:
            engines.append((label, value, color, "events in memory, no JSON"))
    return [("Tracee JSON in: events/s, each line read", json_in),
            ("Rule engines alone: events/s, events already in memory", engines)]


def peer(runs, qualified):
    for run in runs:
        if run["benchmark"].endswith(qualified):
            values = [v for fork in run["primaryMetric"]["rawData"] for v in fork]
            return 1e9 / statistics.median(values)
    return None


def human(value):
    if value >= 1e6:
        return f"{value / 1e6:g}M"
    if value >= 1e3:
        return f"{value / 1e3:g}k"
    return f"{value:g}"


def svg(groups, title):
    values = [v for _, items in groups for _, v, _, _ in items]
    low = 10 ** math.floor(math.log10(min(values)))
    high = 10 ** math.ceil(math.log10(max(values)))
    label_width, plot_width, right = 390, 420, 90
    width = label_width + plot_width + right
    bar, gap, header = 22, 14, 34
    height = 64 + sum(header + len(items) * (bar + gap) for _, items in groups) + 40

    def x(value):
        return label_width + plot_width * (math.log10(value) - math.log10(low)) / (
            math.log10(high) - math.log10(low))

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="12" y="24" font-size="15" font-weight="bold">{escape(title)}</text>',
           f'<text x="12" y="42" fill="#555">events per second, logarithmic axis; longer is faster</text>']
    y = 64
    top = y
    for heading, items in groups:
        out.append(f'<text x="12" y="{y + 18}" font-weight="bold">{escape(heading)}</text>')
        y += header
        for label, value, color, note in items:
            out.append(f'<text x="{label_width - 8}" y="{y + 11}" text-anchor="end">{escape(label)}</text>')
            out.append(f'<text x="{label_width - 8}" y="{y + 22}" text-anchor="end" fill="#777" '
                       f'font-size="10">{escape(note)}</text>')
            out.append(f'<rect x="{label_width}" y="{y}" width="{x(value) - label_width:.1f}" '
                       f'height="{bar}" fill="{color}"/>')
            out.append(f'<text x="{x(value) + 5:.1f}" y="{y + 15}">{value:,.0f}</text>')
            y += bar + gap
    decade = low
    while decade <= high:
        gx = x(decade)
        out.append(f'<line x1="{gx:.1f}" y1="{top}" x2="{gx:.1f}" y2="{y}" stroke="#ddd"/>')
        out.append(f'<text x="{gx:.1f}" y="{y + 14}" text-anchor="middle" fill="#555">{human(decade)}</text>')
        decade *= 10
    out.append("</svg>")
    # Gridlines drawn last would cover bars: move them to just after the background.
    grid = [line for line in out if line.startswith("<line")]
    rest = [line for line in out if not line.startswith("<line")]
    return "\n".join(rest[:2] + grid + rest[2:]) + "\n"


def main():
    args = sys.argv[1:]
    tracee = 31000.0
    title = "Sigil and the alternatives, one run"
    if "--tracee" in args:
        i = args.index("--tracee")
        tracee = float(args[i + 1])
        del args[i:i + 2]
    if "--title" in args:
        i = args.index("--title")
        title = args[i + 1]
        del args[i:i + 2]
    if len(args) not in (2, 3):
        sys.exit(__doc__)
    runs = json.load(open(args[0]))
    scan = json.load(open(args[1]))
    text = svg(bars(runs, scan, tracee), title)
    if len(args) == 3:
        open(args[2], "w").write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
