#!/usr/bin/env bash
# The Flink job's figure: events/s of sigil-flink (file in, findings to a discarding sink) at
# parallelism 1 and 2, next to `sigil scan` on the same generated file, in one run.
#
# The file is the benchmarks' generated Tracee stream with a shipper's node field added in front
# of each event ({"node":"node-K",...}, K = line number modulo NODES), so that the job can key by
# node (--node-key json:/node) and spread nodes over subtasks; sigil scan skips the unknown key.
# The parallelism-1 row with the default node key (one constant node, as for any file) is there
# too. "job events/s" divides by the job's own run time (Flink's net runtime, without starting
# and stopping the embedded cluster); "events/s" by the process's wall time.
#
# Needs: the built jars (mvn -B package -DskipTests), GNU time at /usr/bin/time.
#
# Usage: benchmarks/flink-figure.sh [FILE] [EVENTS] [NODES]
#   FILE    where the generated NDJSON goes (default /tmp/sigil-flink-figure.ndjson; never the repo)
#   EVENTS  how many events (default 2000000, about 3 GB)
#   NODES   how many nodes the events are spread over (default 8)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
file="${1:-/tmp/sigil-flink-figure.ndjson}"
events="${2:-2000000}"
nodes="${3:-8}"
bench_jar="$root/benchmarks/target/benchmarks.jar"
sigil_jar="$root/cli/target/sigil.jar"
flink_jar="$root/flink/target/sigil-flink.jar"
# shellcheck source=figure-common.sh
source "$root/benchmarks/figure-common.sh"

need_built "$bench_jar" "$sigil_jar" "$flink_jar"

if [[ ! -f "$file" || "$(cat "$file.events" 2>/dev/null)" != "$events $nodes" ]]; then
  java -cp "$bench_jar" dev.sigil.benchmarks.events.GenerateTraceeFile "$file.plain" "$events" 42 0.01
  awk -v nodes="$nodes" '{ printf "{\"node\":\"node-%d\",%s\n", NR % nodes, substr($0, 2) }' \
      "$file.plain" > "$file"
  rm -f "$file.plain"
  echo "$events $nodes" > "$file.events"
fi
bytes=$(stat -c %s "$file")
cat "$file" > /dev/null  # from the page cache: the figure is CPU, not disk

log="$(mktemp)"
trap 'rm -f "$log" "$log.time"' EXIT

# measure NAME COMMAND...: runs the command under GNU time, prints one table row.
measure() {
  local name="$1"
  local wall rss cpu job
  timed "$@"
  job=$(awk '/^sigil-flink: .* read to the end/ { gsub(/[()]/, ""); for (i = 1; i <= NF; i++)
      if ($i == "job") print $(i + 1) }' "$log")
  awk -v name="$name" -v wall="$wall" -v rss="$rss" -v cpu="$cpu" -v events="$events" \
      -v bytes="$bytes" -v job="${job:-$wall}" 'BEGIN {
      printf "| %-58s | %8.2f | %7.2f | %10.0f | %14.0f | %9.1f |\n",
        name, wall, cpu, events / wall, events / job, rss / 1024 }'
}

echo "file: $file ($events events over $nodes nodes, $bytes bytes)"
print_machine
echo
echo "| command                                                    | wall (s) | CPU (s) |   events/s | job events/s | RSS (MB) |"
echo "|------------------------------------------------------------|---------:|--------:|-----------:|-------------:|---------:|"
measure "sigil scan FILE" java -jar "$sigil_jar" scan "$file" --summary json
if java -jar "$sigil_jar" scan --help 2>&1 | grep -q -- '--threads'; then
  measure "sigil scan --threads 1 FILE" java -jar "$sigil_jar" scan --threads 1 "$file" --summary json
fi
measure "sigil-flink --parallelism 1 (one node)" \
    java -jar "$flink_jar" --input "$file" --output discard --parallelism 1
measure "sigil-flink --parallelism 1 --node-key json:/node" \
    java -jar "$flink_jar" --input "$file" --output discard --parallelism 1 --node-key json:/node
measure "sigil-flink --parallelism 2 --node-key json:/node" \
    java -jar "$flink_jar" --input "$file" --output discard --parallelism 2 --node-key json:/node
