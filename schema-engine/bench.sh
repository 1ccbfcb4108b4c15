#!/usr/bin/env bash
# Benchmark (not a test): plan of a synthetic N-table schema via --desired-url against pg_dump --schema-only of
# both databases, measured in the same run; then applies the plan and checks that re-planning is empty.
# Usage: schema-engine/bench.sh [N=1000]   (databases ec_bench_<N>_*, dropped at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
PG="-h 127.0.0.1 -U postgres"
DIR=$(mktemp -d)
trap 'for d in base changed; do psql -X -q $PG -d postgres -c "DROP DATABASE IF EXISTS ec_bench_${N}_$d WITH (FORCE)"; done; rm -rf "$DIR"' EXIT
python3 /work/shared/tools/bench/gen_schema.py "$N" "$DIR" >/dev/null
for d in base changed; do
  psql -X -q $PG -d postgres -c "DROP DATABASE IF EXISTS ec_bench_${N}_$d WITH (FORCE)" -c "CREATE DATABASE ec_bench_${N}_$d"
  psql -X -q -v ON_ERROR_STOP=1 $PG -d "ec_bench_${N}_$d" -f "$DIR/$d.sql" >/dev/null
done
./mvnw -B -q -pl schema-engine -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
CP="schema-engine/target/test-classes:schema-engine/target/classes:common/target/classes:$(cat schema-engine/target/cp.txt)"
BASE=postgresql://postgres@127.0.0.1:5432/ec_bench_${N}_base
CHANGED=postgresql://postgres@127.0.0.1:5432/ec_bench_${N}_changed
/usr/bin/time -f "pg_dump --schema-only of both: %e s wall, %U s user" bash -c \
  "pg_dump --schema-only $PG ec_bench_${N}_base >/dev/null && pg_dump --schema-only $PG ec_bench_${N}_changed >/dev/null"
/usr/bin/time -f "converge plan --desired-url: %e s wall, %U s user" \
  java -Dconverge.timing=true -cp "$CP" dev.converge.engine.tools.PlanUrls "$BASE" "$CHANGED" > "$DIR/plan.sql"
echo "plan: $(grep -c ';$' "$DIR/plan.sql") statements"
psql -X -q -v ON_ERROR_STOP=1 $PG -d "ec_bench_${N}_base" -f "$DIR/plan.sql" >/dev/null
java -cp "$CP" dev.converge.engine.tools.PlanUrls "$BASE" "$CHANGED" > "$DIR/replan.sql"
if [ -s "$DIR/replan.sql" ]; then echo "NOT converged: re-plan is not empty"; head -20 "$DIR/replan.sql"; exit 1; fi
echo "converged: re-plan after applying is empty"
