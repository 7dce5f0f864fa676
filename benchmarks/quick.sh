#!/bin/sh
# The quick profile: every contender in ONE JMH run (one fork each, 1 warm-up and 2 measured
# iterations of 1 s), then the report (tables + plots) from its JSON. About 10 minutes on 2 cores.
# Needs PostgreSQL on 127.0.0.1:5432 (database test, user postgres, trust auth), like the tests.
#
#   benchmarks/quick.sh                 # writes benchmarks/results/quick.{json,md,machine.txt} and PNGs
#   benchmarks/quick.sh -p n=10000 ...  # any extra JMH options are passed on
set -eu
cd "$(dirname "$0")/.."
out=benchmarks/results
mkdir -p "$out"
mvn -B -ntp -q -pl benchmarks -am package -DskipTests
{
  echo "started: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "command: java -jar benchmarks/target/benchmarks.jar -f 1 -wi 1 -i 2 -w 500ms -r 1s -rf json -rff $out/quick.json $*"
  echo "nproc: $(nproc)"
  lscpu | head -16
  java -version 2>&1
  echo "load before: $(uptime)"
} > "$out/quick.machine.txt"
# Load average every 30 s while JMH runs, to show how quiet the machine was.
( while sleep 30; do uptime; done ) > "$out/quick.load.txt" &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT
java -jar benchmarks/target/benchmarks.jar -f 1 -wi 1 -i 2 -w 500ms -r 1s -rf json -rff "$out/quick.json" "$@" \
  > "$out/quick.log" 2>&1
echo "finished: $(date -u +%Y-%m-%dT%H:%M:%SZ), load after: $(uptime)" >> "$out/quick.machine.txt"
java -cp benchmarks/target/benchmarks.jar dev.roleusage.benchmarks.report.Report "$out/quick.json" "$out"
if command -v psql > /dev/null; then
  psql -h 127.0.0.1 -U postgres -d test -f benchmarks/explain-postgresql.sql > "$out/quick.explain.txt" 2>&1 || true
fi
