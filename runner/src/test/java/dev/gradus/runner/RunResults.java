package dev.gradus.runner;

import dev.gradus.runner.run.RunResult;
import dev.gradus.runner.run.RunStatus;
import java.util.Map;

/**
 * Run records for tests, without spelling out all thirty fields: start from {@link #sample} or
 * {@link #of} an existing record and change what the test is about.
 */
public final class RunResults {
  private String runId;
  private int functionIndex;
  private int optimizerIndex;
  private String function = "sphere";
  private String functionLabel = "sphere";
  private Map<String, Object> functionParams = Map.of();
  private String optimizer = "gd";
  private String optimizerLabel = "gd";
  private Map<String, Object> hyperparameters = Map.of();
  private long seed = 1;
  private int repeat;
  private RunStatus status = RunStatus.BUDGET_EXHAUSTED;
  private long iterations = 10;
  private long evaluations = 11;
  private double[] xStart = {1};
  private double[] xFinal = {0};
  private Boolean xFinalInDomain = true;
  private Double fFinal = 0.0;
  private double[] xBest = {0};
  private Double fBest = 0.0;
  private Double gradNormFinal = 0.0;
  private Double finalGap;
  private Double bestGap;
  private Double distanceToOptimum;
  private Long iterationsToTarget;
  private Long evaluationsToTarget;
  private Double secondsToTarget;
  private Map<String, Double> heldOut = Map.of();
  private long wallMs;
  private String error;
  private String errorFile;
  private Long resumedFrom;
  private String stackTrace;

  private RunResults() {}

  /** A budget-exhausted run of gd on a 1-D sphere, without a known gap. */
  public static RunResults sample() {
    return new RunResults();
  }

  /** Every field of {@code r}. */
  public static RunResults of(RunResult r) {
    RunResults b = new RunResults();
    b.runId = r.runId();
    b.functionIndex = r.functionIndex();
    b.optimizerIndex = r.optimizerIndex();
    b.function = r.function();
    b.functionLabel = r.functionLabel();
    b.functionParams = r.functionParams();
    b.optimizer = r.optimizer();
    b.optimizerLabel = r.optimizerLabel();
    b.hyperparameters = r.hyperparameters();
    b.seed = r.seed();
    b.repeat = r.repeat();
    b.status = r.status();
    b.iterations = r.iterations();
    b.evaluations = r.evaluations();
    b.xStart = r.xStart();
    b.xFinal = r.xFinal();
    b.xFinalInDomain = r.xFinalInDomain();
    b.fFinal = r.fFinal();
    b.xBest = r.xBest();
    b.fBest = r.fBest();
    b.gradNormFinal = r.gradNormFinal();
    b.finalGap = r.finalGap();
    b.bestGap = r.bestGap();
    b.distanceToOptimum = r.distanceToOptimum();
    b.iterationsToTarget = r.iterationsToTarget();
    b.evaluationsToTarget = r.evaluationsToTarget();
    b.secondsToTarget = r.secondsToTarget();
    b.heldOut = r.heldOut();
    b.averaged = r.averaged();
    b.wallMs = r.wallMs();
    b.error = r.error();
    b.errorFile = r.errorFile();
    b.resumedFrom = r.resumedFrom();
    b.stackTrace = r.stackTrace();
    return b;
  }

  /** The held-out metrics at the final point, by name. */
  public RunResults heldOut(Map<String, Double> values) {
    this.heldOut = values;
    return this;
  }

  /** The run id alone, as a plan names it. */
  public RunResults id(String value) {
    this.runId = value;
    return this;
  }

  /** The run id and the configuration indices and names it is made of. */
  public RunResults run(int function, String functionName, int optimizer, String optimizerName) {
    this.functionIndex = function;
    this.optimizerIndex = optimizer;
    this.function = functionName;
    this.functionLabel = functionName;
    this.optimizer = optimizerName;
    this.optimizerLabel = optimizerName;
    return this;
  }

  public RunResults labels(String functionLabel, String optimizerLabel) {
    this.functionLabel = functionLabel;
    this.optimizerLabel = optimizerLabel;
    return this;
  }

  public RunResults hyperparameters(Map<String, Object> values) {
    this.hyperparameters = values;
    return this;
  }

  public RunResults status(RunStatus value) {
    this.status = value;
    return this;
  }

  public RunResults counts(long iterationsTaken, long evaluationsMade) {
    this.iterations = iterationsTaken;
    this.evaluations = evaluationsMade;
    return this;
  }

  public RunResults points(double[] start, double[] last, double[] best) {
    this.xStart = start;
    this.xFinal = last;
    this.xBest = best;
    return this;
  }

  public RunResults inDomain(Boolean value) {
    this.xFinalInDomain = value;
    return this;
  }

  public RunResults values(Double last, Double best) {
    this.fFinal = last;
    this.fBest = best;
    return this;
  }

  public RunResults gaps(Double last, Double best) {
    this.finalGap = last;
    this.bestGap = best;
    return this;
  }

  public RunResults iterationsToTarget(Long value) {
    this.iterationsToTarget = value;
    return this;
  }

  public RunResults toTarget(Long evaluations, Double seconds) {
    this.evaluationsToTarget = evaluations;
    this.secondsToTarget = seconds;
    return this;
  }

  /** Without the wall-clock fields (wall time, seconds to target): what differs between runs. */
  public RunResults timeless() {
    this.wallMs = 0;
    this.secondsToTarget = null;
    return this;
  }

  public RunResults wallMs(long value) {
    this.wallMs = value;
    return this;
  }

  public RunResults error(String message, String file) {
    this.error = message;
    this.errorFile = file;
    return this;
  }

  public RunResults resumedFrom(Long value) {
    this.resumedFrom = value;
    return this;
  }

  public RunResults seed(long value, int repeatNumber) {
    this.seed = value;
    this.repeat = repeatNumber;
    return this;
  }

  public RunResults distance(Double value, Double gradNorm) {
    this.distanceToOptimum = value;
    this.gradNormFinal = gradNorm;
    return this;
  }

  private RunResult.Averaged averaged;

  public RunResults averaged(RunResult.Averaged value) {
    this.averaged = value;
    return this;
  }

  public RunResult build() {
    return new RunResult(
        runId != null
            ? runId
            : "f"
                + functionIndex
                + "-"
                + function
                + "_o"
                + optimizerIndex
                + "-"
                + optimizer
                + "_r"
                + repeat,
        functionIndex,
        optimizerIndex,
        function,
        functionLabel,
        functionParams,
        optimizer,
        optimizerLabel,
        hyperparameters,
        seed,
        repeat,
        status,
        iterations,
        evaluations,
        xStart,
        xFinal,
        xFinalInDomain,
        fFinal,
        xBest,
        fBest,
        gradNormFinal,
        finalGap,
        bestGap,
        distanceToOptimum,
        iterationsToTarget,
        evaluationsToTarget,
        secondsToTarget,
        heldOut,
        averaged,
        wallMs,
        error,
        errorFile,
        resumedFrom,
        stackTrace);
  }
}
