#!/usr/bin/env bash
# Runs the performance workloads of docs/performance.md on both sides and prints their ratios:
# the JMH benchmarks (graph and hand-written Java), the PyTorch scripts when /usr/bin/python3 has
# torch, and the 1,000-run suite on 1 and 2 threads. Every ratio compares numbers from this run.
#
#   benchmarks/run.sh            # modest JMH iteration counts (about 5 minutes)
#   benchmarks/run.sh --quick    # fewer iterations, for a smoke test
#
# Raw results go to benchmarks/target/perf/ (jmh.csv, pytorch.txt, suite.txt).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/benchmarks/target/perf"
jar="$root/benchmarks/target/benchmarks.jar"
python=/usr/bin/python3

jmh_args=(-f 1 -wi 3 -w 1 -i 5 -r 1)
if [ "${1:-}" = "--quick" ]; then
  jmh_args=(-f 1 -wi 1 -w 1 -i 2 -r 1)
fi

stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find graph-core optimizers functions benchmarks -path '*/target' -prune -o \
    \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -type f -print -quit)" ]
}
if stale; then
  echo "run.sh: building benchmarks/target/benchmarks.jar ..." >&2
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package >&2
fi
mkdir -p "$out"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1)"

echo "== JMH (graph and hand-written Java), with -prof gc ..."
java -jar "$jar" "${jmh_args[@]}" -prof gc -rf csv -rff "$out/jmh.csv" >"$out/jmh.log" 2>&1

: >"$out/pytorch.txt"
if "$python" -c "import torch" 2>/dev/null; then
  echo "== PyTorch ($("$python" -c 'import torch; print(torch.__version__)')) ..."
  for script in beale_adam rosenbrock adam_step linear_regression mlp_step; do
    (cd benchmarks/pytorch && "$python" "$script.py") | tee -a "$out/pytorch.txt"
  done
else
  echo "== PyTorch: skipped, '$python -c \"import torch\"' fails (install python3-torch)"
fi

echo "== suite: 1,000 runs on 1 and 2 threads ..."
./gradus --version >/dev/null # builds the runner jar if it is missing or stale
seconds() { # wall seconds of a command, output discarded
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
{
  for threads in 1 2; do
    rm -rf "$out/suite-t$threads"
    echo "suite-threads-$threads $(seconds ./gradus run \
      benchmarks/suite/suite-1000.yaml --threads "$threads" --quiet --out "$out/suite-t$threads")"
  done
  # start-up: the best of three, to discount a cold disk cache
  best=$(for _ in 1 2 3; do seconds ./gradus list; done | sort -g | head -1)
  echo "start-and-wiring $best"
} >"$out/suite.txt"

echo "== report: quickstart and shootout; a run with and without the report, and the report alone ..."
best_of_3() { # the least wall seconds of three tries of a command; "$dir" is emptied before each
  for _ in 1 2 3; do
    rm -rf "$dir"
    seconds "$@"
  done | sort -g | head -1
}
{
  for suite in quickstart shootout; do
    dir="$out/report-$suite"
    without=$(best_of_3 ./gradus run "examples/$suite.yaml" --no-report --quiet --out "$dir")
    with=$(best_of_3 ./gradus run "examples/$suite.yaml" --quiet --out "$dir")
    alone=$(for _ in 1 2 3; do seconds ./gradus report "$dir"; done | sort -g | head -1)
    size=$(du -sk "$dir" | cut -f1)
    echo "$suite $without $with $alone $size"
  done
} >"$out/report.txt"

awk -v pytorch="$out/pytorch.txt" -v suite="$out/suite.txt" '
  function seconds(score, unit) {
    if (unit ~ /^ns/) return score * 1e-9
    if (unit ~ /^us/) return score * 1e-6
    if (unit ~ /^ms/) return score * 1e-3
    return score
  }
  function fmt(s) {
    if (s == "") return "-"
    if (s < 1e-6) return sprintf("%.0f ns", s * 1e9)
    if (s < 1e-3) return sprintf("%.2f us", s * 1e6)
    if (s < 1) return sprintf("%.2f ms", s * 1e3)
    return sprintf("%.3f s", s)
  }
  function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "-" : sprintf("%.2fx", a / b) }
  BEGIN {
    FS = ","
    while ((getline line < pytorch) > 0) { split(line, f, " "); torch[f[2]] = f[3] }
    while ((getline line < suite) > 0) { split(line, f, " "); run[f[1]] = f[2] }
  }
  NR > 1 {
    gsub(/"/, "")
    name = $1; sub(/^dev\.gradus\.benchmarks\./, "", name)
    if (name ~ /:gc\.alloc\.rate\.norm$/) { sub(/:.*/, "", name); alloc[name] = $5 }
    else if (name !~ /:/) { time[name] = seconds($5, $7) }
  }
  END {
    workloads = split("beale-adam BealeAdamBenchmark.graph BealeAdamBenchmark.handWritten per-step " \
          "rosenbrock-1e6 RosenbrockBenchmark.graph RosenbrockBenchmark.handWritten value+grad " \
          "adam-1e7 AdamStepBenchmark.optimizer AdamStepBenchmark.handWritten step " \
          "linear-regression LinearRegressionBenchmark.graph LinearRegressionBenchmark.handWritten 100-epochs " \
          "mlp-step MlpStepBenchmark.step MlpStepBenchmark.handWritten per-step " \
          "mlp-step-with-loss MlpStepBenchmark.suiteStep - per-step", w, " ")
    goal["beale-adam"] = "<= 5x hand, >= 100x vs torch"
    goal["rosenbrock-1e6"] = "<= 3x hand"
    goal["adam-1e7"] = "<= 1.5x hand"
    goal["linear-regression"] = "<= 3x hand"
    goal["mlp-step"] = ">= 3x vs torch, 0 B/op"
    goal["mlp-step-with-loss"] = "(a suite step: + full training loss)"
    printf "\n%-18s %11s %11s %11s %11s %13s %12s  %s\n", "workload", "gradus", "hand Java", "PyTorch",
      "gradus/hand", "torch/gradus", "alloc B/op", "goal"
    for (i = 1; i <= workloads; i += 4) {
      id = w[i]; g = time[w[i + 1]]; h = time[w[i + 2]]
      printf "%-18s %11s %11s %11s %11s %13s %12s  %s\n", id, fmt(g), fmt(h), fmt(torch[id]),
        ratio(g, h), ratio(torch[id], g), (w[i + 1] in alloc) ? sprintf("%.3f", alloc[w[i + 1]]) : "-", goal[id]
    }
    t1 = run["suite-threads-1"]; t2 = run["suite-threads-2"]
    printf "\nsuite, 1,000 runs: 1 thread %s, 2 threads %s, speed-up %s (goal >= 1.8x)\n",
      fmt(t1), fmt(t2), ratio(t1, t2)
    printf "start and wiring (gradus list): %s (goal < 1 s)\n", fmt(run["start-and-wiring"])
    printf "alloc B/op: JMH gc.alloc.rate.norm of the gradus side per operation (per step for beale-adam)\n"
    printf "\nsteady state, small sizes (gc.alloc.rate.norm per operation; ~0 means allocation-free):\n"
    for (name in alloc) if (name ~ /^SteadyStateBenchmark\./) {
      short = name; sub(/^SteadyStateBenchmark\./, "", short)
      printf "  %-28s %10s  %8.3f B/op\n", short, fmt(time[name]), alloc[name]
    }
  }' "$out/jmh.csv"

awk '{ printf "%-10s run without the report %5.1f s, with it %5.1f s: the report adds %4.1f s (%.2fx); gradus report alone %4.1f s; folder %.1f MB\n", \
  $1, $2, $3, $3 - $2, ($3 - $2) / $2, $4, $5 / 1024 }' "$out/report.txt"
