# What the figure scripts (scan-figure.sh, flink-figure.sh) share: checking that what they run
# is there, describing the machine, and timing one command with GNU time. Sourced, not run.

# need_built JAR...: stops the script (status 2) unless every jar is built and GNU time is there.
need_built() {
  local jar
  for jar in "$@"; do
    [[ -f "$jar" ]] || { echo "missing $jar: run 'mvn -B package -DskipTests' first" >&2; exit 2; }
  done
  [[ -x /usr/bin/time ]] || { echo "GNU time missing: apt-get install -y time" >&2; exit 2; }
}

# cpu_model: the CPU's model name, from /proc/cpuinfo.
cpu_model() {
  grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'
}

# print_machine: the lines that say where and under what load a figure was taken.
print_machine() {
  echo "machine: $(nproc) cores, $(cpu_model), $(java -version 2>&1 | head -1)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# timed NAME COMMAND...: runs the command under GNU time, its standard output discarded, its
# standard error to "$log" and GNU time's report to "$log.time" (the caller's "$log"); stops the
# script with the end of "$log" when the command fails. Sets wall (seconds), cpu (user and system
# seconds) and rss (peak resident set size, KB): declare them local in the caller.
timed() {
  local name="$1"; shift
  /usr/bin/time -v -o "$log.time" "$@" > /dev/null 2> "$log" || {
    echo "$name failed:" >&2; tail -5 "$log" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log.time")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log.time")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$log.time")
}
