#!/usr/bin/env bash
# Measures every row of the performance table of docs/performance.md side by side in one run:
# Gradus through './gradus run' (wall_ms of runs.jsonl, or the whole process for the suite and the
# quickstart), the same work hand-written in plain fused Java (HandWrittenRuns), and PyTorch
# (benchmarks/pytorch/, when /usr/bin/python3 has torch); then the kernel-level JMH benchmarks
# (graph against hand-written kernels, in-process) and the report's timings. Every ratio compares
# numbers from this run.
#
#   benchmarks/run.sh            # more repeats (about 8 minutes on 2 cores)
#   benchmarks/run.sh --quick    # fewer JMH iterations and repeats, for a smoke test (3-5 minutes)
#
# Builds benchmarks/target/benchmarks.jar and the runner's jar when missing or stale. Raw results
# go to benchmarks/target/perf/ (runs.txt, pytorch.txt, jmh.csv, report.txt, and each run's folder).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/benchmarks/target/perf"
jar="$root/benchmarks/target/benchmarks.jar"
python=/usr/bin/python3

jmh_args=(-f 1 -wi 3 -w 1 -i 5 -r 1)
suite_tries=3 # the 1,000-run suite: the least time of this many tries per side and thread count
export RUN_REPEATS=4 # PyTorch's whole-run repeats, the first included
if [ "${1:-}" = "--quick" ]; then
  jmh_args=(-f 1 -wi 1 -w 1 -i 2 -r 1)
  suite_tries=2
  RUN_REPEATS=3
fi

stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find graph-core optimizers functions runner benchmarks -path '*/target' -prune -o \
    \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -type f -print -quit)" ]
}
if stale; then
  echo "run.sh: building benchmarks/target/benchmarks.jar ..." >&2
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package >&2
fi
./gradus --version >/dev/null # builds the runner's jar (and its start-up archive) if missing or stale
mkdir -p "$out"
: >"$out/runs.txt"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

seconds() { # wall seconds of a command, output discarded
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
least() { sort -g | head -1; }

# --- the run-level rows: one './gradus run' per workload, its repeats one after another ---------
# Each suite of benchmarks/suite/ repeats one run; with --threads 1 runs.jsonl lists them in the
# order they ran. The first includes the JIT's warm-up; the figure is the median of the others.
first_and_median() { # "<median of lines 2..> <line 1>" of numbers on stdin
  awk '{ v[NR] = $1 } END {
    n = NR - 1; for (i = 2; i <= NR; i++) later[i - 1] = v[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (later[j] < later[i]) { t = later[i]; later[i] = later[j]; later[j] = t }
    median = n % 2 ? later[(n + 1) / 2] : (later[n / 2] + later[n / 2 + 1]) / 2
    print median, v[1] }'
}
echo "== runs through ./gradus run (--threads 1 --no-report), and the same runs hand-written ..."
for workload in beale-adam rosenbrock-adam linear-regression; do
  suite=$workload
  [ "$workload" = linear-regression ] && suite=linear-regression-gd
  dir="$out/run-$workload"
  rm -rf "$dir"
  ./gradus run "benchmarks/suite/$suite.yaml" --threads 1 --no-report --quiet --out "$dir" >/dev/null
  repeats=$(wc -l <"$dir/runs.jsonl")
  read -r median first < <(sed -E 's/.*"wall_ms":([0-9]+).*/\1/' "$dir/runs.jsonl" \
    | awk '{ print $1 / 1000 }' | first_and_median)
  echo "gradus $workload $median $first" >>"$out/runs.txt"
  # the same number of repeats in one JVM; HandWrittenRuns prints "RESULT <workload>-run s first=s"
  java -Xmx2g -cp "$jar" dev.gradus.benchmarks.HandWrittenRuns "$workload" "$repeats" \
    | awk -v w="$workload" '/^RESULT/ { sub(/first=/, "", $4); print "hand", w, $3, $4 }' \
      >>"$out/runs.txt"
done

echo "== suite: 1,000 runs on 1 and 2 threads, ./gradus run --no-report and hand-written," \
  "whole processes (best of $suite_tries) ..."
for threads in 1 2; do
  gradus=$(for _ in $(seq "$suite_tries"); do
    rm -rf "$out/suite-t$threads"
    seconds ./gradus run benchmarks/suite/suite-1000.yaml --threads "$threads" --no-report \
      --quiet --out "$out/suite-t$threads"
  done | least)
  hand=$(for _ in $(seq "$suite_tries"); do
    seconds java -cp "$jar" dev.gradus.benchmarks.HandWrittenRuns suite "$threads"
  done | least)
  echo "gradus suite-$threads $gradus" >>"$out/runs.txt"
  echo "hand suite-$threads $hand" >>"$out/runs.txt"
done
echo "gradus start-and-wiring $(for _ in 1 2 3; do seconds ./gradus list; done | least)" \
  >>"$out/runs.txt"

: >"$out/pytorch.txt"
if "$python" -c "import torch" 2>/dev/null; then
  echo "== PyTorch ($("$python" -c 'import torch; print(torch.__version__)'), float64) ..."
  for script in beale_adam rosenbrock linear_regression adam_step mlp_step; do
    (cd benchmarks/pytorch && "$python" "$script.py") >>"$out/pytorch.txt"
  done
else
  echo "== PyTorch: skipped, '$python -c \"import torch\"' fails (install python3-torch)"
fi

echo "== report: quickstart and shootout; a run with and without the report, and the report alone ..."
best_of_3() { # the least wall seconds of three tries of a command; "$dir" is emptied before each
  for _ in 1 2 3; do
    rm -rf "$dir"
    seconds "$@"
  done | least
}
{
  for suite in quickstart shootout; do
    dir="$out/report-$suite"
    without=$(best_of_3 ./gradus run "examples/$suite.yaml" --no-report --quiet --out "$dir")
    with=$(best_of_3 ./gradus run "examples/$suite.yaml" --quiet --out "$dir")
    alone=$(for _ in 1 2 3; do seconds ./gradus report "$dir"; done | least)
    size=$(du -sk "$dir" | cut -f1)
    echo "$suite $without $with $alone $size"
  done
} >"$out/report.txt"

echo "== kernel level: JMH (graph and hand-written Java kernels, in-process), with -prof gc ..."
# JMH's lock file (java.io.tmpdir/jmh.lock) only keeps JMH runs apart, and on a shared machine
# another checkout's run holds /tmp/jmh.lock while builds load the cores anyway: a private one
mkdir -p "$out/tmp"
if ! java -Djava.io.tmpdir="$out/tmp" -jar "$jar" "${jmh_args[@]}" -prof gc -rf csv \
  -rff "$out/jmh.csv" >"$out/jmh.log" 2>&1; then
  tail -5 "$out/jmh.log" >&2
  echo "run.sh: JMH failed; its output is in $out/jmh.log" >&2
  exit 1
fi
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

awk -v pytorch="$out/pytorch.txt" -v runs="$out/runs.txt" -v report="$out/report.txt" -v cores="$(nproc)" '
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
  # "stretch met", "met" or "not met" of a figure against goal and stretch, at most or at least
  function status(value, goal, stretch, atLeast) {
    if (value == "") return "-"
    if (atLeast) return value >= stretch ? "stretch met" : value >= goal ? "met" : "not met"
    return value <= stretch ? "stretch met" : value <= goal ? "met" : "not met"
  }
  function row(name, g, h, t, goalText, stretchText, state) {
    printf "%-44s %10s %10s %10s %11s %12s  %-8s %-8s %s\n", name, fmt(g), fmt(h), fmt(t),
      ratio(g, h), ratio(t, g), goalText, stretchText, state
  }
  function first(g, h, t) {
    printf "%-44s %10s %10s %10s\n", "  first repeat (JIT warm-up)", fmt(g), fmt(h), fmt(t)
  }
  BEGIN {
    FS = ","
    while ((getline line < pytorch) > 0) {
      n = split(line, f, " ")
      torch[f[2]] = f[3]
      for (i = 4; i <= n; i++) if (f[i] ~ /^first=/) { sub(/^first=/, "", f[i]); torchFirst[f[2]] = f[i] + 0 }
    }
    while ((getline line < runs) > 0) {
      split(line, f, " "); value[f[1], f[2]] = f[3]; firstOf[f[1], f[2]] = f[4]
    }
    while ((getline line < report) > 0) { split(line, f, " "); withReport[f[1]] = f[3] }
  }
  NR > 1 {
    gsub(/"/, "")
    name = $1; sub(/^dev\.gradus\.benchmarks\./, "", name)
    if (name ~ /:gc\.alloc\.rate\.norm$/) { sub(/:.*/, "", name); alloc[name] = $5 }
    else if (name !~ /:/) { time[name] = seconds($5, $7) }
  }
  END {
    printf "\nThe table of docs/performance.md: one run each (median of the later repeats; the first apart)\n"
    printf "%-44s %10s %10s %10s %11s %12s  %-8s %-8s %s\n", "workload", "gradus", "hand Java",
      "PyTorch", "gradus/hand", "torch/gradus", "goal", "stretch", "status (gradus/hand)"
    split("beale-adam rosenbrock-adam linear-regression", ids, " ")
    label["beale-adam"] = "Adam on Beale, 20,000 steps"
    label["rosenbrock-adam"] = "Adam on Rosenbrock n = 1e6, 20 steps"
    label["linear-regression"] = "gd on linear regression 1e6 points, 100 ep."
    goal["beale-adam"] = 3; stretch["beale-adam"] = 2
    goal["rosenbrock-adam"] = 1.5; stretch["rosenbrock-adam"] = 1.2
    goal["linear-regression"] = 1.5; stretch["linear-regression"] = 1.2
    for (i = 1; i <= 3; i++) {
      id = ids[i]; g = value["gradus", id]; h = value["hand", id]; t = torch[id "-run"]
      row(label[id], g, h, t, "<= " goal[id] "x", "<= " stretch[id] "x",
        (g == "" || h == "") ? "-" : status(g / h, goal[id], stretch[id], 0))
      first(firstOf["gradus", id], firstOf["hand", id], torchFirst[id "-run"])
    }
    g1 = value["gradus", "suite-1"]; g2 = value["gradus", "suite-2"]
    h1 = value["hand", "suite-1"]; h2 = value["hand", "suite-2"]
    printf "%-44s %10s %10s %10s %11s %12s  %-8s %-8s %s\n", "suite 1,000 runs: 1 thread (whole process)",
      fmt(g1), fmt(h1), "-", ratio(g1, h1), "-", "", "", ""
    printf "%-44s %10s %10s %10s %11s %12s  %-8s %-8s %s\n", "suite 1,000 runs: 2 threads vs hand 2 thr.",
      fmt(g2), fmt(h2), "-", ratio(g2, h2), "-", "<= 4x", "<= 2x",
      (g2 == "" || h2 == "") ? "-" : status(g2 / h2, 4, 2, 0)
    printf "%-44s %10s %10s %10s %11s %12s  %-8s %-8s %s\n", "suite: speed-up, 2 threads vs 1",
      ratio(g1, g2), ratio(h1, h2), "-", "", "", ">= 1.6x", ">= 1.65x",
      (g1 == "" || g2 == "") ? "-" : status(g1 / g2, 1.6, 1.65, 1) " (hand: the machine)" \
      ((g2 > 0 && g1 / g2 > cores) || (h2 > 0 && h1 / h2 > cores) ? "; above the core count: the load changed, re-run" : "")
    q = withReport["quickstart"]
    printf "%-44s %10s %10s %10s %11s %12s  %-8s %-8s %s\n", "quickstart end to end with report (best of 3)",
      fmt(q), "-", "-", "", "", "<= 3 s", "<= 1.5 s", status(q, 3, 1.5, 0)
    g = time["MlpStepBenchmark.step"]; h = time["MlpStepBenchmark.handWritten"]; t = torch["mlp-step"]
    printf "%-44s %10s %10s %10s %11s %12s  %-8s %-8s %s\n", "MLP step 64-32-10, batch 64 (JMH, per step)",
      fmt(g), fmt(h), fmt(t), ratio(g, h), ratio(t, g), ">= 3x", "", (g == "" || t == "") ? "-" \
      : (t / g >= 3 ? "met" : "not met") " (torch/gradus)"
    printf "start and wiring (./gradus list, best of 3): %s\n", fmt(value["gradus", "start-and-wiring"])
    printf "gradus: wall_ms of runs.jsonl (whole ms); hand Java: System.nanoTime in one JVM, same repeats;\n"
    printf "PyTorch: perf_counter of the same work; suite rows: wall time of the whole process.\n"

    printf "\nKernel level (JMH, in-process, per operation; no runner loop, records or start-up):\n"
    workloads = split("beale-adam BealeAdamBenchmark.graph BealeAdamBenchmark.handWritten " \
          "rosenbrock-1e6 RosenbrockBenchmark.graph RosenbrockBenchmark.handWritten " \
          "adam-1e7 AdamStepBenchmark.optimizer AdamStepBenchmark.handWritten " \
          "linear-regression LinearRegressionBenchmark.graph LinearRegressionBenchmark.handWritten " \
          "mlp-step MlpStepBenchmark.step MlpStepBenchmark.handWritten " \
          "mlp-step-with-loss MlpStepBenchmark.suiteStep -", w, " ")
    what["beale-adam"] = "one Adam step on Beale"
    what["rosenbrock-1e6"] = "one value + gradient, n = 1e6"
    what["adam-1e7"] = "one Adam step, 1e7 parameters"
    what["linear-regression"] = "100 epochs of gd (fit only)"
    what["mlp-step"] = "one minibatch step"
    what["mlp-step-with-loss"] = "a suite step: + full training loss"
    printf "%-18s %11s %11s %11s %11s %13s %12s  %s\n", "kernel", "gradus", "hand Java", "PyTorch",
      "gradus/hand", "torch/gradus", "alloc B/op", "what"
    for (i = 1; i <= workloads; i += 3) {
      id = w[i]; g = time[w[i + 1]]; h = time[w[i + 2]]
      printf "%-18s %11s %11s %11s %11s %13s %12s  %s\n", id, fmt(g), fmt(h), fmt(torch[id]),
        ratio(g, h), ratio(torch[id], g), (w[i + 1] in alloc) ? sprintf("%.3f", alloc[w[i + 1]]) : "-", what[id]
    }
    printf "alloc B/op: JMH gc.alloc.rate.norm of the gradus side per operation (per step for beale-adam)\n"
    printf "\nsteady state, small sizes (gc.alloc.rate.norm per operation; ~0 means allocation-free):\n"
    for (name in alloc) if (name ~ /^SteadyStateBenchmark\./) {
      short = name; sub(/^SteadyStateBenchmark\./, "", short)
      printf "  %-28s %10s  %8.3f B/op\n", short, fmt(time[name]), alloc[name]
    }
    printf "\n"
  }' "$out/jmh.csv"

awk '{ printf "%-10s run without the report %5.1f s, with it %5.1f s: the report adds %4.1f s (%.2fx); gradus report alone %4.1f s; folder %.1f MB\n", \
  $1, $2, $3, $3 - $2, ($3 - $2) / $2, $4, $5 / 1024 }' "$out/report.txt"
