#!/usr/bin/env bash
# The whole-process figure: `sigil scan` over a generated Tracee file, on one thread and on two,
# next to jq over the same file. Prints wall time, CPU time, events/s, MB/s and peak RSS (GNU
# time's "Maximum resident set size"), as a Markdown table and, for chart.py, as JSON.
#
# Needs: the built jars (mvn -B package -DskipTests), GNU time at /usr/bin/time, and jq
# (Debian/Ubuntu: apt-get update && apt-get install -y jq time).
#
# Usage: benchmarks/scan-figure.sh [FILE] [EVENTS] [JSON]
#   FILE    where the generated NDJSON goes (default /tmp/sigil-scan-figure.ndjson; never the repo)
#   EVENTS  how many events (default 1000000, about 1.5 GB); the file is regenerated when its
#           recorded event count differs
#   JSON    where the rows go as JSON (default FILE.figure.json)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
file="${1:-/tmp/sigil-scan-figure.ndjson}"
events="${2:-1000000}"
json="${3:-$file.figure.json}"
bench_jar="$root/benchmarks/target/benchmarks.jar"
sigil_jar="$root/cli/target/sigil.jar"
# shellcheck source=figure-common.sh
source "$root/benchmarks/figure-common.sh"

need_built "$bench_jar" "$sigil_jar"
command -v jq >/dev/null || { echo "jq missing: apt-get update && apt-get install -y jq" >&2; exit 2; }

if [[ ! -f "$file" || "$(cat "$file.events" 2>/dev/null)" != "$events" ]]; then
  java -cp "$bench_jar" dev.sigil.benchmarks.events.GenerateTraceeFile "$file" "$events" 42 0.01
  echo "$events" > "$file.events"
fi
bytes=$(stat -c %s "$file")
# Both tools read from the page cache: the figure is CPU, not disk.
cat "$file" > /dev/null

log="$(mktemp)"
rows="$(mktemp)"
trap 'rm -f "$log" "$rows"' EXIT

# measure NAME COMMAND...: runs the command under GNU time, prints one table row and keeps it
# (with the command's last line of standard error: sigil's summary) for the JSON.
measure() {
  local name="$1"
  local wall rss cpu
  timed "$@"
  awk -v name="$name" -v wall="$wall" -v rss="$rss" -v cpu="$cpu" -v events="$events" \
      -v bytes="$bytes" 'BEGIN {
      printf "| %-48s | %8.2f | %7.2f | %12.0f | %8.1f | %13.1f |\n",
        name, wall, cpu, events / wall, bytes / wall / 1e6, rss / 1024 }'
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$wall" "$cpu" "$rss" "$(tail -1 "$log")" >> "$rows"
  rm -f "$log.time"
}

echo "file: $file ($events events, $bytes bytes, $(awk -v b="$bytes" -v e="$events" 'BEGIN{printf "%.0f", b/e}') B/event)"
print_machine
echo
echo "| command                                          | wall (s) | CPU (s) |     events/s |     MB/s | peak RSS (MB) |"
echo "|--------------------------------------------------|---------:|--------:|-------------:|---------:|--------------:|"
measure "sigil scan FILE --threads 1" java -jar "$sigil_jar" scan "$file" --summary json --threads 1
summary1="$(tail -1 "$log")"
measure "sigil scan FILE --threads 2" java -jar "$sigil_jar" scan "$file" --summary json --threads 2
summary2="$(tail -1 "$log")"
measure "jq -c 'select(.eventName==\"magic_write\")' FILE" jq -c 'select(.eventName=="magic_write")' "$file"
echo
echo "sigil scan --threads 1 summary: $summary1"
echo "sigil scan --threads 2 summary: $summary2"

python3 - "$rows" "$json" "$events" "$bytes" "$(nproc)" "$(cpu_model)" <<'PY'
import json, sys
rows_file, out, events, size, cores, cpu = sys.argv[1:7]
rows = []
for line in open(rows_file):
    name, wall, cpu_s, rss, last = line.rstrip("\n").split("\t", 4)
    row = {"name": name, "wallSeconds": float(wall), "cpuSeconds": float(cpu_s),
           "eventsPerSecond": int(events) / float(wall), "megabytesPerSecond": int(size) / float(wall) / 1e6,
           "peakRssMegabytes": int(rss) / 1024}
    if last.startswith("{"):
        row["summary"] = json.loads(last)
    rows.append(row)
json.dump({"events": int(events), "bytes": int(size), "cores": int(cores), "cpu": cpu, "rows": rows},
          open(out, "w"), indent=1)
print("rows written to " + out)
PY
