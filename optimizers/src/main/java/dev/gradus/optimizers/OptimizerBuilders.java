package dev.gradus.optimizers;

import dev.gradus.spi.OptimizerProvider;
import java.util.List;

/**
 * The typed builders {@link Optimizers} hands out, one per built-in optimizer (adam and adamw share
 * one). Each setter sets the hyperparameter of the same name in snake_case, as a suite writes it,
 * and checks it at once against the provider's declaration, so a builder has the defaults, ranges
 * and messages of {@code ./gradus describe}; see {@link OptimizerBuilder}.
 */
public final class OptimizerBuilders {
  private OptimizerBuilders() {}

  /** The hyperparameters of {@code gd} ({@link Optimizers#gd()}). */
  public static final class Gd extends OptimizerBuilder<Gd> {
    Gd(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Gd lr(double lr) {
      return set("lr", lr);
    }

    /** {@code weight_decay}: weight decay λ (L2 penalty). */
    public Gd weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code maximize}: maximize f instead of minimizing it (negates the gradient first). */
    public Gd maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** The hyperparameters of {@code momentum} ({@link Optimizers#momentum()}). */
  public static final class Momentum extends OptimizerBuilder<Momentum> {
    Momentum(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Momentum lr(double lr) {
      return set("lr", lr);
    }

    /** {@code momentum}: momentum factor μ. */
    public Momentum momentum(double momentum) {
      return set("momentum", momentum);
    }

    /** {@code dampening}: dampening τ of the buffer. */
    public Momentum dampening(double dampening) {
      return set("dampening", dampening);
    }

    /** {@code nesterov}: Nesterov momentum (needs momentum &gt; 0, dampening 0). */
    public Momentum nesterov(boolean nesterov) {
      return set("nesterov", nesterov);
    }

    /** {@code weight_decay}: weight decay λ (L2 penalty). */
    public Momentum weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code maximize}: maximize f instead of minimizing it (negates the gradient first). */
    public Momentum maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** The hyperparameters of {@code adam} and {@code adamw} ({@link Optimizers#adam()}). */
  public static final class Adam extends OptimizerBuilder<Adam> {
    Adam(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Adam lr(double lr) {
      return set("lr", lr);
    }

    /** {@code betas}: β₁, β₂: decay rates of the first and second moment averages. */
    public Adam betas(double beta1, double beta2) {
      return set("betas", List.of(beta1, beta2));
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public Adam eps(double eps) {
      return set("eps", eps);
    }

    /** {@code weight_decay}: weight decay λ (L2 penalty). */
    public Adam weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code amsgrad}: use the running maximum of the second moment. */
    public Adam amsgrad(boolean amsgrad) {
      return set("amsgrad", amsgrad);
    }

    /** {@code maximize}: maximize f instead of minimizing it (negates the gradient first). */
    public Adam maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** The hyperparameters of {@code rmsprop} ({@link Optimizers#rmsprop()}). */
  public static final class RmsProp extends OptimizerBuilder<RmsProp> {
    RmsProp(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public RmsProp lr(double lr) {
      return set("lr", lr);
    }

    /** {@code alpha}: smoothing constant α of the average. */
    public RmsProp alpha(double alpha) {
      return set("alpha", alpha);
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public RmsProp eps(double eps) {
      return set("eps", eps);
    }

    /** {@code weight_decay}: weight decay λ (L2 penalty). */
    public RmsProp weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code momentum}: momentum factor μ. */
    public RmsProp momentum(double momentum) {
      return set("momentum", momentum);
    }

    /** {@code centered}: normalize by the estimated variance of the gradient. */
    public RmsProp centered(boolean centered) {
      return set("centered", centered);
    }

    /** {@code maximize}: maximize f instead of minimizing it (negates the gradient first). */
    public RmsProp maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** The hyperparameters of {@code adagrad} ({@link Optimizers#adagrad()}). */
  public static final class Adagrad extends OptimizerBuilder<Adagrad> {
    Adagrad(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Adagrad lr(double lr) {
      return set("lr", lr);
    }

    /** {@code lr_decay}: η in γ / (1 + (t − 1)η). */
    public Adagrad lrDecay(double lrDecay) {
      return set("lr_decay", lrDecay);
    }

    /** {@code weight_decay}: weight decay λ (L2 penalty). */
    public Adagrad weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code initial_accumulator_value}: starting value of the sum of squared gradients. */
    public Adagrad initialAccumulatorValue(double initialAccumulatorValue) {
      return set("initial_accumulator_value", initialAccumulatorValue);
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public Adagrad eps(double eps) {
      return set("eps", eps);
    }

    /** {@code maximize}: maximize f instead of minimizing it (negates the gradient first). */
    public Adagrad maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** The hyperparameters of {@code nadam} ({@link Optimizers#nadam()}). */
  public static final class NAdam extends OptimizerBuilder<NAdam> {
    NAdam(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public NAdam lr(double lr) {
      return set("lr", lr);
    }

    /** {@code betas}: β₁, β₂: decay rates of the first and second moment averages. */
    public NAdam betas(double beta1, double beta2) {
      return set("betas", List.of(beta1, beta2));
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public NAdam eps(double eps) {
      return set("eps", eps);
    }

    /** {@code weight_decay}: weight decay λ (L2 penalty). */
    public NAdam weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code momentum_decay}: ψ in the momentum schedule μₜ = β₁(1 − ½·0.96^(tψ)). */
    public NAdam momentumDecay(double momentumDecay) {
      return set("momentum_decay", momentumDecay);
    }

    /**
     * {@code decoupled_weight_decay}: shrink θ by γλθ (as AdamW) instead of adding λθ to the
     * gradient.
     */
    public NAdam decoupledWeightDecay(boolean decoupledWeightDecay) {
      return set("decoupled_weight_decay", decoupledWeightDecay);
    }

    /** {@code maximize}: maximize f instead of minimizing it (negates the gradient first). */
    public NAdam maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** The hyperparameters of {@code lbfgs} ({@link Optimizers#lbfgs()}). */
  public static final class Lbfgs extends OptimizerBuilder<Lbfgs> {
    Lbfgs(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: step length scale γ. */
    public Lbfgs lr(double lr) {
      return set("lr", lr);
    }

    /** {@code max_iter}: iterations per step. */
    public Lbfgs maxIter(long maxIter) {
      return set("max_iter", maxIter);
    }

    /** {@code max_eval}: evaluations per step; 0 means max_iter·5/4 (torch's default). */
    public Lbfgs maxEval(long maxEval) {
      return set("max_eval", maxEval);
    }

    /** {@code tolerance_grad}: stop when max |∇f| is at most this. */
    public Lbfgs toleranceGrad(double toleranceGrad) {
      return set("tolerance_grad", toleranceGrad);
    }

    /** {@code tolerance_change}: stop when the step or the change in f is below this. */
    public Lbfgs toleranceChange(double toleranceChange) {
      return set("tolerance_change", toleranceChange);
    }

    /** {@code history_size}: number of (s, y) pairs kept. */
    public Lbfgs historySize(long historySize) {
      return set("history_size", historySize);
    }

    /** {@code line_search}: line search: none (fixed step) or strong_wolfe. */
    public Lbfgs lineSearch(LineSearch lineSearch) {
      return set("line_search", lineSearch.id());
    }

    /** The values of {@code line_search}. */
    public enum LineSearch {
      /** {@code none}. */
      NONE("none"),
      /** {@code strong_wolfe}. */
      STRONG_WOLFE("strong_wolfe");

      private final String id;

      LineSearch(String id) {
        this.id = id;
      }

      /** The name a suite writes. */
      public String id() {
        return id;
      }
    }
  }

  /** The hyperparameters of {@code adadelta} ({@link Optimizers#adadelta()}). */
  public static final class Adadelta extends OptimizerBuilder<Adadelta> {
    Adadelta(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Adadelta lr(double lr) {
      return set("lr", lr);
    }

    /** {@code rho}: ρ: decay rate of the squared-gradient and squared-update averages. */
    public Adadelta rho(double rho) {
      return set("rho", rho);
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public Adadelta eps(double eps) {
      return set("eps", eps);
    }

    /** {@code weight_decay}: weight decay λ (L2 penalty). */
    public Adadelta weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code maximize}: maximize f instead of minimizing it (negates the gradient first). */
    public Adadelta maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** The hyperparameters of {@code adamax} ({@link Optimizers#adamax()}). */
  public static final class Adamax extends OptimizerBuilder<Adamax> {
    Adamax(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Adamax lr(double lr) {
      return set("lr", lr);
    }

    /** {@code betas}: β₁, β₂: decay rates of the first and second moment averages. */
    public Adamax betas(double beta1, double beta2) {
      return set("betas", List.of(beta1, beta2));
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public Adamax eps(double eps) {
      return set("eps", eps);
    }

    /** {@code weight_decay}: weight decay λ (L2 penalty). */
    public Adamax weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code maximize}: maximize f instead of minimizing it (negates the gradient first). */
    public Adamax maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** The hyperparameters of {@code asgd} ({@link Optimizers#asgd()}). */
  public static final class Asgd extends OptimizerBuilder<Asgd> {
    Asgd(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Asgd lr(double lr) {
      return set("lr", lr);
    }

    /** {@code lambd}: λ: decay term of η and of θ. */
    public Asgd lambd(double lambd) {
      return set("lambd", lambd);
    }

    /** {@code alpha}: α: power of the η decay. */
    public Asgd alpha(double alpha) {
      return set("alpha", alpha);
    }

    /** {@code t0}: the step after which averaging starts. */
    public Asgd t0(double t0) {
      return set("t0", t0);
    }

    /** {@code weight_decay}: weight decay λ (L2 penalty). */
    public Asgd weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code maximize}: maximize f instead of minimizing it (negates the gradient first). */
    public Asgd maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** The hyperparameters of {@code radam} ({@link Optimizers#radam()}). */
  public static final class RAdam extends OptimizerBuilder<RAdam> {
    RAdam(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public RAdam lr(double lr) {
      return set("lr", lr);
    }

    /** {@code betas}: β₁, β₂: decay rates of the first and second moment averages. */
    public RAdam betas(double beta1, double beta2) {
      return set("betas", List.of(beta1, beta2));
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public RAdam eps(double eps) {
      return set("eps", eps);
    }

    /** {@code weight_decay}: weight decay λ (L2 penalty). */
    public RAdam weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /**
     * {@code decoupled_weight_decay}: decay θ by γλ directly (AdamW-style) instead of adding λθ to
     * the gradient.
     */
    public RAdam decoupledWeightDecay(boolean decoupledWeightDecay) {
      return set("decoupled_weight_decay", decoupledWeightDecay);
    }

    /** {@code maximize}: maximize f instead of minimizing it (negates the gradient first). */
    public RAdam maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** The hyperparameters of {@code rprop} ({@link Optimizers#rprop()}). */
  public static final class Rprop extends OptimizerBuilder<Rprop> {
    Rprop(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Rprop lr(double lr) {
      return set("lr", lr);
    }

    /**
     * {@code etas}: η₋, η₊: step-size factors on a sign change and on a kept sign; 0 &lt; η₋ &lt; 1
     * &lt; η₊.
     */
    public Rprop etas(double etaMinus, double etaPlus) {
      return set("etas", List.of(etaMinus, etaPlus));
    }

    /** {@code step_sizes}: minimal and maximal step size; min ≤ max. */
    public Rprop stepSizes(double minStep, double maxStep) {
      return set("step_sizes", List.of(minStep, maxStep));
    }

    /** {@code maximize}: maximize f instead of minimizing it (negates the gradient first). */
    public Rprop maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** The hyperparameters of {@code adafactor} ({@link Optimizers#adafactor()}). */
  public static final class Adafactor extends OptimizerBuilder<Adafactor> {
    Adafactor(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Adafactor lr(double lr) {
      return set("lr", lr);
    }

    /** {@code beta2_decay}: τ: the second-moment weight of step t is t^τ (β̂₂ = 1 − t^τ). */
    public Adafactor beta2Decay(double beta2Decay) {
      return set("beta2_decay", beta2Decay);
    }

    /**
     * {@code eps}: ε₁ (floor of the variance estimate; torch's None = float64 machine epsilon 2⁻⁵²,
     * the default here), ε₂ (floor of RMS(θ) in the step size).
     */
    public Adafactor eps(double eps1, double eps2) {
      return set("eps", List.of(eps1, eps2));
    }

    /** {@code d}: clipping threshold of RMS(U). */
    public Adafactor d(double d) {
      return set("d", d);
    }

    /** {@code weight_decay}: weight decay λ (L2 penalty). */
    public Adafactor weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code maximize}: maximize f instead of minimizing it (negates the gradient first). */
    public Adafactor maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** The hyperparameters of {@code lion} ({@link Optimizers#lion()}). */
  public static final class Lion extends OptimizerBuilder<Lion> {
    Lion(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Lion lr(double lr) {
      return set("lr", lr);
    }

    /** {@code b1}: β₁: interpolation of momentum and gradient whose sign is the step. */
    public Lion b1(double b1) {
      return set("b1", b1);
    }

    /** {@code b2}: β₂: decay rate of the momentum m. */
    public Lion b2(double b2) {
      return set("b2", b2);
    }

    /** {@code weight_decay}: weight decay λ, added to the update as λθ. */
    public Lion weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }
  }

  /** The hyperparameters of {@code lars} ({@link Optimizers#lars()}). */
  public static final class Lars extends OptimizerBuilder<Lars> {
    Lars(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Lars lr(double lr) {
      return set("lr", lr);
    }

    /** {@code momentum}: momentum μ. */
    public Lars momentum(double momentum) {
      return set("momentum", momentum);
    }

    /** {@code weight_decay}: weight decay λ, added to the update as λθ. */
    public Lars weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code trust_coefficient}: η: a block moves by about γη of its own norm per step. */
    public Lars trustCoefficient(double trustCoefficient) {
      return set("trust_coefficient", trustCoefficient);
    }

    /** {@code eps}: ε added to the trust ratio's denominator. */
    public Lars eps(double eps) {
      return set("eps", eps);
    }

    /** {@code nesterov}: Nesterov momentum. */
    public Lars nesterov(boolean nesterov) {
      return set("nesterov", nesterov);
    }
  }

  /** The hyperparameters of {@code lamb} ({@link Optimizers#lamb()}). */
  public static final class Lamb extends OptimizerBuilder<Lamb> {
    Lamb(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Lamb lr(double lr) {
      return set("lr", lr);
    }

    /** {@code b1}: β₁: decay rate of the first moment. */
    public Lamb b1(double b1) {
      return set("b1", b1);
    }

    /** {@code b2}: β₂: decay rate of the second moment. */
    public Lamb b2(double b2) {
      return set("b2", b2);
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public Lamb eps(double eps) {
      return set("eps", eps);
    }

    /** {@code eps_root}: ε added inside the square root. */
    public Lamb epsRoot(double epsRoot) {
      return set("eps_root", epsRoot);
    }

    /** {@code weight_decay}: weight decay λ, added to the update as λθ. */
    public Lamb weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }
  }

  /** The hyperparameters of {@code adabelief} ({@link Optimizers#adabelief()}). */
  public static final class AdaBelief extends OptimizerBuilder<AdaBelief> {
    AdaBelief(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public AdaBelief lr(double lr) {
      return set("lr", lr);
    }

    /** {@code b1}: β₁: decay rate of the first moment. */
    public AdaBelief b1(double b1) {
      return set("b1", b1);
    }

    /** {@code b2}: β₂: decay rate of the belief s, the second moment of g − m. */
    public AdaBelief b2(double b2) {
      return set("b2", b2);
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public AdaBelief eps(double eps) {
      return set("eps", eps);
    }

    /** {@code eps_root}: ε added to s at every step, before bias correction. */
    public AdaBelief epsRoot(double epsRoot) {
      return set("eps_root", epsRoot);
    }
  }

  /** The hyperparameters of {@code yogi} ({@link Optimizers#yogi()}). */
  public static final class Yogi extends OptimizerBuilder<Yogi> {
    Yogi(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Yogi lr(double lr) {
      return set("lr", lr);
    }

    /** {@code b1}: β₁: decay rate of the first moment. */
    public Yogi b1(double b1) {
      return set("b1", b1);
    }

    /** {@code b2}: β₂: rate of the additive second-moment update. */
    public Yogi b2(double b2) {
      return set("b2", b2);
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public Yogi eps(double eps) {
      return set("eps", eps);
    }

    /** {@code initial_accumulator_value}: the starting value of both moments m and v. */
    public Yogi initialAccumulatorValue(double initialAccumulatorValue) {
      return set("initial_accumulator_value", initialAccumulatorValue);
    }
  }

  /** The hyperparameters of {@code novograd} ({@link Optimizers#novograd()}). */
  public static final class NovoGrad extends OptimizerBuilder<NovoGrad> {
    NovoGrad(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public NovoGrad lr(double lr) {
      return set("lr", lr);
    }

    /** {@code b1}: β₁: momentum of the normalised gradients. */
    public NovoGrad b1(double b1) {
      return set("b1", b1);
    }

    /** {@code b2}: β₂: decay rate of each block's squared gradient norm. */
    public NovoGrad b2(double b2) {
      return set("b2", b2);
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public NovoGrad eps(double eps) {
      return set("eps", eps);
    }

    /** {@code eps_root}: ε added inside the square root. */
    public NovoGrad epsRoot(double epsRoot) {
      return set("eps_root", epsRoot);
    }

    /** {@code weight_decay}: weight decay λ, added to the update as λθ. */
    public NovoGrad weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }
  }

  /** The hyperparameters of {@code sgd-schedule-free} ({@link Optimizers#sgdScheduleFree()}). */
  public static final class SgdScheduleFree extends OptimizerBuilder<SgdScheduleFree> {
    SgdScheduleFree(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public SgdScheduleFree lr(double lr) {
      return set("lr", lr);
    }

    /** {@code momentum}: β: interpolation y = (1 − β)z + βx. */
    public SgdScheduleFree momentum(double momentum) {
      return set("momentum", momentum);
    }

    /** {@code weight_decay}: weight decay λ, taken at y. */
    public SgdScheduleFree weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code warmup_steps}: linear warm-up of γ over this many steps. */
    public SgdScheduleFree warmupSteps(long warmupSteps) {
      return set("warmup_steps", warmupSteps);
    }

    /** {@code r}: the average's weights grow as t^r (0: uniform). */
    public SgdScheduleFree r(double r) {
      return set("r", r);
    }

    /** {@code weight_lr_power}: the average's weights grow as γmax^weight_lr_power. */
    public SgdScheduleFree weightLrPower(double weightLrPower) {
      return set("weight_lr_power", weightLrPower);
    }
  }

  /**
   * The hyperparameters of {@code adamw-schedule-free} ({@link Optimizers#adamwScheduleFree()}).
   */
  public static final class AdamWScheduleFree extends OptimizerBuilder<AdamWScheduleFree> {
    AdamWScheduleFree(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public AdamWScheduleFree lr(double lr) {
      return set("lr", lr);
    }

    /** {@code betas}: β₁: interpolation of y between z and x; β₂: second moment decay. */
    public AdamWScheduleFree betas(double beta1, double beta2) {
      return set("betas", List.of(beta1, beta2));
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public AdamWScheduleFree eps(double eps) {
      return set("eps", eps);
    }

    /** {@code weight_decay}: weight decay λ, taken at y. */
    public AdamWScheduleFree weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code warmup_steps}: linear warm-up of γ over this many steps. */
    public AdamWScheduleFree warmupSteps(long warmupSteps) {
      return set("warmup_steps", warmupSteps);
    }

    /** {@code r}: the average's weights grow as t^r (0: uniform). */
    public AdamWScheduleFree r(double r) {
      return set("r", r);
    }

    /** {@code weight_lr_power}: the average's weights grow as γmax^weight_lr_power. */
    public AdamWScheduleFree weightLrPower(double weightLrPower) {
      return set("weight_lr_power", weightLrPower);
    }
  }

  /** The hyperparameters of {@code muon} ({@link Optimizers#muon()}). */
  public static final class Muon extends OptimizerBuilder<Muon> {
    Muon(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ of the matrix blocks. */
    public Muon lr(double lr) {
      return set("lr", lr);
    }

    /** {@code weight_decay}: decoupled weight decay λ: θ ← θ(1 − γλ). */
    public Muon weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code momentum}: momentum μ. */
    public Muon momentum(double momentum) {
      return set("momentum", momentum);
    }

    /** {@code nesterov}: Nesterov momentum: orthogonalise (1−μ)G + μB. */
    public Muon nesterov(boolean nesterov) {
      return set("nesterov", nesterov);
    }

    /**
     * {@code ns_coefficients}: a, b, c of the quintic Newton–Schulz step X ← aX + (bA + cA²)X, A =
     * XXᵀ.
     */
    public Muon nsCoefficients(double a, double b, double c) {
      return set("ns_coefficients", List.of(a, b, c));
    }

    /** {@code eps}: ε in the normalisation X = U / (‖U‖_F + ε). */
    public Muon eps(double eps) {
      return set("eps", eps);
    }

    /** {@code ns_steps}: Newton–Schulz iterations. */
    public Muon nsSteps(long nsSteps) {
      return set("ns_steps", nsSteps);
    }

    /**
     * {@code adjust_lr_fn}: scale of a block's lr: original √max(1, rows/cols), match_rms_adamw
     * 0.2√max(rows, cols).
     */
    public Muon adjustLrFn(AdjustLr adjustLrFn) {
      return set("adjust_lr_fn", adjustLrFn.id());
    }

    /** {@code fallback_lr}: AdamW learning rate of non-matrix blocks. */
    public Muon fallbackLr(double fallbackLr) {
      return set("fallback_lr", fallbackLr);
    }

    /** {@code fallback_betas}: AdamW β₁, β₂ of non-matrix blocks. */
    public Muon fallbackBetas(double beta1, double beta2) {
      return set("fallback_betas", List.of(beta1, beta2));
    }

    /** {@code fallback_eps}: AdamW ε of non-matrix blocks. */
    public Muon fallbackEps(double fallbackEps) {
      return set("fallback_eps", fallbackEps);
    }

    /** {@code fallback_weight_decay}: AdamW decoupled weight decay of non-matrix blocks. */
    public Muon fallbackWeightDecay(double fallbackWeightDecay) {
      return set("fallback_weight_decay", fallbackWeightDecay);
    }

    /** The values of {@code adjust_lr_fn}. */
    public enum AdjustLr {
      /** {@code original}. */
      ORIGINAL("original"),
      /** {@code match_rms_adamw}. */
      MATCH_RMS_ADAMW("match_rms_adamw");

      private final String id;

      AdjustLr(String id) {
        this.id = id;
      }

      /** The name a suite writes. */
      public String id() {
        return id;
      }
    }
  }

  /** The hyperparameters of {@code shampoo} ({@link Optimizers#shampoo()}). */
  public static final class Shampoo extends OptimizerBuilder<Shampoo> {
    Shampoo(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public Shampoo lr(double lr) {
      return set("lr", lr);
    }

    /** {@code eps}: ε: the statistics start at εI (H₀ = ε for vectors). */
    public Shampoo eps(double eps) {
      return set("eps", eps);
    }

    /**
     * {@code update_interval}: steps between recomputations of L^(−1/4) and R^(−1/4) (1: every
     * step, as the paper).
     */
    public Shampoo updateInterval(long updateInterval) {
      return set("update_interval", updateInterval);
    }

    /** {@code momentum}: heavy-ball momentum μ on the preconditioned step. */
    public Shampoo momentum(double momentum) {
      return set("momentum", momentum);
    }

    /** {@code weight_decay}: weight decay λ (L2 penalty on G). */
    public Shampoo weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }
  }

  /** The hyperparameters of {@code newton} ({@link Optimizers#newton()}). */
  public static final class Newton extends OptimizerBuilder<Newton> {
    Newton(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: the first step the backtracking line search tries. */
    public Newton lr(double lr) {
      return set("lr", lr);
    }

    /**
     * {@code damping}: the least multiple τ of the identity added to the Hessian (Levenberg
     * damping).
     */
    public Newton damping(double damping) {
      return set("damping", damping);
    }
  }

  /** The hyperparameters of {@code newton-cg} ({@link Optimizers#newtonCg()}). */
  public static final class NewtonCg extends OptimizerBuilder<NewtonCg> {
    NewtonCg(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: the first step the backtracking line search tries. */
    public NewtonCg lr(double lr) {
      return set("lr", lr);
    }

    /**
     * {@code max_cg_iterations}: most conjugate-gradient iterations (Hessian-vector products) per
     * step.
     */
    public NewtonCg maxCgIterations(long maxCgIterations) {
      return set("max_cg_iterations", maxCgIterations);
    }
  }

  /** The hyperparameters of {@code trust-region} ({@link Optimizers#trustRegion()}). */
  public static final class TrustRegion extends OptimizerBuilder<TrustRegion> {
    TrustRegion(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code initial_radius}: the first radius Δ₀. */
    public TrustRegion initialRadius(double initialRadius) {
      return set("initial_radius", initialRadius);
    }

    /** {@code max_radius}: the largest radius Δ may grow to. */
    public TrustRegion maxRadius(double maxRadius) {
      return set("max_radius", maxRadius);
    }

    /** {@code eta}: a step is taken when actual/predicted decrease ρ exceeds eta. */
    public TrustRegion eta(double eta) {
      return set("eta", eta);
    }

    /**
     * {@code max_cg_iterations}: most conjugate-gradient iterations (Hessian-vector products) per
     * step.
     */
    public TrustRegion maxCgIterations(long maxCgIterations) {
      return set("max_cg_iterations", maxCgIterations);
    }
  }

  /** The hyperparameters of {@code adahessian} ({@link Optimizers#adahessian()}). */
  public static final class AdaHessian extends OptimizerBuilder<AdaHessian> {
    AdaHessian(OptimizerProvider provider) {
      super(provider);
    }

    /** {@code lr}: learning rate γ. */
    public AdaHessian lr(double lr) {
      return set("lr", lr);
    }

    /** {@code betas}: β₁, β₂: decay rates of the first and second moment averages. */
    public AdaHessian betas(double beta1, double beta2) {
      return set("betas", List.of(beta1, beta2));
    }

    /** {@code eps}: ε added to the denominator for stability. */
    public AdaHessian eps(double eps) {
      return set("eps", eps);
    }

    /** {@code weight_decay}: weight decay λ, added to the update as λθ. */
    public AdaHessian weightDecay(double weightDecay) {
      return set("weight_decay", weightDecay);
    }

    /** {@code hessian_power}: k: the power of the Hessian diagonal's root in the denominator. */
    public AdaHessian hessianPower(double hessianPower) {
      return set("hessian_power", hessianPower);
    }

    /** {@code seed}: seed of the Rademacher vectors of Hutchinson's estimate. */
    public AdaHessian seed(long seed) {
      return set("seed", seed);
    }
  }
}
