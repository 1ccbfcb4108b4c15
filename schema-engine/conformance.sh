#!/usr/bin/env bash
# Runs the sqldef conformance corpus against the engine (test-scoped PlanUrls main, --desired-url mode).
# Usage: schema-engine/conformance.sh [extra conformance.py args, e.g. --cases 'sqldef/(tables|indices)__']
# Results land in schema-engine/target/conformance (summary.md, results.csv, artifacts/).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl schema-engine -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
# Snapshot the classes so that rebuilding while the run goes on does not change the tool under test.
SNAP=schema-engine/target/conformance-classes
rm -rf "$SNAP" && mkdir -p "$SNAP"
cp -r schema-engine/target/classes "$SNAP/main" && cp -r schema-engine/target/test-classes "$SNAP/test" \
  && cp -r common/target/classes "$SNAP/common"
CP="$SNAP/test:$SNAP/main:$SNAP/common:$(cat schema-engine/target/cp.txt)"
OUT=${CONFORMANCE_OUT:-schema-engine/target/conformance}
python3 /work/shared/tools/conformance.py --corpus /work/shared/corpus --sources sqldef \
  --db-prefix ec_cf --jobs "${JOBS:-2}" --out "$OUT" \
  --tool converge="java -XX:TieredStopAtLevel=1 -Xshare:auto -cp $CP dev.converge.engine.tools.PlanUrls {from} {to}" "$@"
