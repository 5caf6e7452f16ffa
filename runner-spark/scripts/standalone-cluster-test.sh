#!/usr/bin/env bash
# Optional test: starts Spark's standalone master and one worker on 127.0.0.1 from the Maven jars
# (no Spark download), submits a suite with gradus-spark.jar, and compares the results with a local
# run. Not part of ./mvnw verify (it takes a minute and opens loopback ports 7077, 8080, 8081).
#   bash runner-spark/scripts/standalone-cluster-test.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl runner-spark -am package \
  dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$work/spark.classpath"
cp="$(cat "$work/spark.classpath")"
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
 --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"

# Executors launched by the worker need a SPARK_HOME whose jars/ holds Spark's class path.
mkdir -p "$work/spark-home/jars" "$work/spark-home/conf"
touch "$work/spark-home/RELEASE" # marks a distribution, so launchers use jars/ rather than build dirs
tr ':' '\n' <<<"$cp" | while read -r jar; do ln -s "$jar" "$work/spark-home/jars/"; done
export SPARK_HOME="$work/spark-home" SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13

java $opens -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 \
  --webui-port 8080 >"$work/master.log" 2>&1 &
sleep 5
java $opens -cp "$cp" org.apache.spark.deploy.worker.Worker spark://127.0.0.1:7077 --host 127.0.0.1 \
  --cores 2 --memory 2g --webui-port 8081 --work-dir "$work/worker" >"$work/worker.log" 2>&1 &
sleep 5

cat >"$work/suite.yaml" <<'YAML'
suite: standalone
seed: 9
repeats: 2
budget: {max_iterations: 300}
functions:
  - {name: rosenbrock, dim: 3, start: random}
  - {name: beale}
optimizers:
  - {name: adam, lr: [0.01, 0.001]}
  - {name: gd, lr: 0.001}
YAML

java $opens -cp "$cp:runner-spark/target/gradus-spark.jar" org.apache.spark.deploy.SparkSubmit \
  --master spark://127.0.0.1:7077 --conf spark.driver.host=127.0.0.1 \
  --class dev.gradus.spark.GradusSpark runner-spark/target/gradus-spark.jar \
  "$work/suite.yaml" --out "$work/cluster"
./gradus run "$work/suite.yaml" --out "$work/local" --quiet >/dev/null

strip() { sed -E 's/"wall_ms":[0-9]+/"wall_ms":0/' "$1" | sort; }
if diff <(strip "$work/local/runs.jsonl") <(strip "$work/cluster/runs.jsonl") >/dev/null; then
  echo "standalone cluster: $(wc -l <"$work/cluster/runs.jsonl") runs, identical to the local run"
else
  echo "standalone cluster: results differ from the local run" >&2
  exit 1
fi
