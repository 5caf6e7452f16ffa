package dev.gradus.optimizers;

import dev.gradus.optimizers.internal.AdaBeliefProvider;
import dev.gradus.optimizers.internal.AdaHessianProvider;
import dev.gradus.optimizers.internal.AdadeltaProvider;
import dev.gradus.optimizers.internal.AdafactorProvider;
import dev.gradus.optimizers.internal.AdagradProvider;
import dev.gradus.optimizers.internal.AdamProvider;
import dev.gradus.optimizers.internal.AdamWProvider;
import dev.gradus.optimizers.internal.AdamWScheduleFreeProvider;
import dev.gradus.optimizers.internal.AdamaxProvider;
import dev.gradus.optimizers.internal.AsgdProvider;
import dev.gradus.optimizers.internal.GdProvider;
import dev.gradus.optimizers.internal.LambProvider;
import dev.gradus.optimizers.internal.LarsProvider;
import dev.gradus.optimizers.internal.LbfgsProvider;
import dev.gradus.optimizers.internal.LionProvider;
import dev.gradus.optimizers.internal.MomentumProvider;
import dev.gradus.optimizers.internal.MuonProvider;
import dev.gradus.optimizers.internal.NAdamProvider;
import dev.gradus.optimizers.internal.NewtonCgProvider;
import dev.gradus.optimizers.internal.NewtonProvider;
import dev.gradus.optimizers.internal.NovoGradProvider;
import dev.gradus.optimizers.internal.RAdamProvider;
import dev.gradus.optimizers.internal.RmsPropProvider;
import dev.gradus.optimizers.internal.RpropProvider;
import dev.gradus.optimizers.internal.SgdScheduleFreeProvider;
import dev.gradus.optimizers.internal.ShampooProvider;
import dev.gradus.optimizers.internal.TrustRegionProvider;
import dev.gradus.optimizers.internal.YogiProvider;
import dev.gradus.spi.AveragedIterate;
import dev.gradus.spi.BlockAware;
import dev.gradus.spi.Optimizer;
import java.util.List;
import java.util.Objects;

/**
 * The built-in optimizers as typed builders ({@code Optimizers.adam().lr(1e-2).build()}, one
 * factory per id of {@code ./gradus list}), and ways to combine any optimizer with schedules,
 * clipping, wrappers and parameter groups, as links in an optax-style chain.
 */
public final class Optimizers {
  private Optimizers() {}

  /**
   * {@code inner} with its gradient clipped by {@code clip} and its learning rate set by {@code
   * schedule} at each step. Step t (from 0) clips the gradient in place, then calls {@code inner}
   * with lr = schedule.lr(t, lr), where lr is the learning rate the caller passes (normally {@link
   * Optimizer#learningRate()}). Works with any optimizer, plugin ones included.
   *
   * <p>The composed state holds the inner state and the step counter t; its snapshot has the inner
   * snapshot's entries under the prefix {@code inner.} and the scalar {@code schedule_step}, and is
   * recorded under the inner optimizer's id.
   *
   * <p>A schedule that {@link Schedule#cyclesMomentum() cycles momentum} (one_cycle, cyclic) passes
   * {@code schedule.momentum(t, its momentum)} to an inner {@link dev.gradus.spi.MomentumAware} (to
   * each group's, when grouped). A {@link LossDrivenSchedule} (reduce_on_plateau) keeps its state
   * in the composed state, under {@code schedule.<name>} in the snapshot; step t runs with the rate
   * of that state, then the schedule observes the {@code value} the step was given.
   *
   * @param schedule {@link Schedule#constant()} for none
   * @param clip {@link GradientClip#none()} for none. It acts once on the whole gradient, before
   *     any {@link #grouped} groups split it, as torch users clip all parameters together.
   * @throws IllegalArgumentException if the schedule cycles momentum and the inner optimizer (the
   *     groups' algorithm, when grouped) is not momentum-aware, as torch raises
   */
  public static ComposedOptimizer compose(Optimizer inner, Schedule schedule, GradientClip clip) {
    Objects.requireNonNull(inner, "inner");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(clip, "clip");
    return inner instanceof AveragedIterate
        ? new Composed.Averaged(inner, schedule, clip)
        : new Composed(inner, schedule, clip);
  }

  /**
   * torch's {@code param_groups} over one flat vector: each block of the objective (the {@code
   * blocks} given to {@link BlockAware#init(int, List)}) whose name matches a group's glob is
   * stepped by that group's optimizer, every other block by {@code base}. Groups are the same
   * algorithm with other hyperparameters (such as {@code weight_decay: 0} for biases), each with
   * its own state, as torch keeps state per parameter.
   *
   * <p>Each group's coordinates are gathered into buffers made once per run, stepped, and scattered
   * back; a step allocates nothing. A group's optimizer that is itself block-aware sees its blocks
   * at their places in that buffer. An optimizer that evaluates f itself (L-BFGS) sees f of its
   * group's coordinates with the others held fixed. Under {@link #compose}, clipping acts once on
   * the whole gradient before the groups, and the schedule applies its rule to each group's own
   * learning rate (torch's {@code initial_lr} per group); the snapshot holds each group's state
   * under the prefix {@code group<i>.}, and that of the blocks in no group under {@code rest.}.
   *
   * @param base the entry's optimizer, for blocks in no group; its id and learning rate are the
   *     grouped optimizer's
   * @param groups the groups, in order; their optimizers must have {@code base}'s id
   * @throws IllegalArgumentException if a group's optimizer is another algorithm; a pattern that
   *     matches no block, or two patterns that match one block, fail {@code init} with {@link
   *     ParamGroups.Mismatch}
   */
  public static BlockAware grouped(Optimizer base, List<ParamGroup> groups) {
    Objects.requireNonNull(base, "base");
    boolean averaged =
        base instanceof AveragedIterate
            || groups.stream().anyMatch(g -> g.optimizer() instanceof AveragedIterate);
    return averaged ? new Grouped.Averaged(base, groups) : new Grouped(base, groups);
  }

  // ---- wrappers (see docs/optimizers.md, "Wrappers") ----
  //
  // Order in a chain: clip → schedule → wrappers → param groups → optimizer. A wrapper is built
  // around whatever it is given (a provider's optimizer, a grouped one, another wrapper), keeps its
  // own state next to the inner state (snapshot: its own entries, and the inner ones under the
  // prefix "inner."), has the inner optimizer's id and learning rate, passes on the rate, the
  // momentum a schedule sets and, under compose, the schedule itself, and allocates nothing per
  // step. The result is MomentumAware when the inner optimizer is, and AveragedIterate when the
  // wrapper (ema, swa) or the inner optimizer keeps an averaged point (the outermost one wins).

  /**
   * Lookahead (Zhang, Lucas, Hinton &amp; Ba, 2019; optax.lookahead): {@code inner} takes {@code
   * sync_period} (k) fast steps, then slow ← slow + α(fast − slow) and fast ← slow, α = {@code
   * slow_step_size}; the slow weights start at the first step's point.
   */
  public static BlockAware lookahead(Optimizer inner, Wrappers.LookaheadConfig config) {
    Optimizer algorithm = Composed.algorithm(Objects.requireNonNull(inner, "inner"));
    if (algorithm instanceof AveragedIterate averaged
        && averaged.averagedName().equals("schedule-free-x")) {
      // its step rebuilds the parameters from its own z and x sequences, so lookahead's
      // synchronisation of the parameters would never reach the state that moves
      throw new IllegalArgumentException(
          "lookahead cannot wrap '"
              + algorithm.id()
              + "': a schedule-free optimizer rebuilds its parameters from its own z and x at every"
              + " step, so lookahead's synchronisation would not reach them");
    }
    return Wrapped.of(new Lookahead(inner, Objects.requireNonNull(config, "config")));
  }

  /**
   * An exponential moving average of {@code inner}'s iterates (optax.ema), an {@link
   * AveragedIterate} named {@code ema}: after step t, ema ← decay·ema + (1 − decay)·x_t from ema =
   * 0, and the averaged point is ema/(1 − decayᵗ) with {@code debias}, else ema. It leaves the
   * trajectory unchanged.
   */
  public static BlockAware ema(Optimizer inner, Wrappers.EmaConfig config) {
    return Wrapped.of(new Ema(inner, Objects.requireNonNull(config, "config")));
  }

  /**
   * Stochastic weight averaging / Polyak averaging (Izmailov et al., 2018; Polyak &amp; Juditsky,
   * 1992), an {@link AveragedIterate} named {@code swa}: the equal-weight mean of the points after
   * steps swa_start, swa_start + swa_freq, … (steps counted from 1), updated as
   * torch.optim.swa_utils.AveragedModel does. It leaves the trajectory unchanged.
   */
  public static BlockAware swa(Optimizer inner, Wrappers.SwaConfig config) {
    return Wrapped.of(new Swa(inner, Objects.requireNonNull(config, "config")));
  }

  /**
   * Sharpness-aware minimization (Foret et al., 2021): at x with gradient g, e = ρ g/‖g‖₂ (ASAM,
   * Kwon et al., 2021, with {@code adaptive}: e = ρ x²g/‖x g‖₂ element-wise), ∇f(x + e) is
   * evaluated through the step's {@link dev.gradus.spi.Evaluator} (one more counted evaluation), x
   * is put back, and {@code inner} steps at x with ∇f(x + e). With a minibatch objective that
   * evaluation is on the step's own batch (see docs/optimizers.md).
   *
   * @throws IllegalArgumentException if {@code inner} is L-BFGS, whose line search takes the value
   *     and gradient it is given as a pair: f(x) with ∇f(x + e) would be neither point's
   */
  public static BlockAware sam(Optimizer inner, Wrappers.SamConfig config) {
    Optimizer algorithm = Composed.algorithm(Objects.requireNonNull(inner, "inner"));
    if (algorithm.id().equals("lbfgs")) {
      throw new IllegalArgumentException(
          "sam cannot wrap 'lbfgs': its line search takes the value and gradient it is given as"
              + " the same point's, and sam gives it f(x) with the gradient at x + e");
    }
    return Wrapped.of(new Sam(inner, Objects.requireNonNull(config, "config")));
  }

  // ---- the built-in optimizers, typed (see OptimizerBuilder) ----
  //
  // One factory per provider id, named after it (adamw-schedule-free -> adamwScheduleFree); each
  // builder reads its defaults and ranges from that provider, so there is nothing to keep in step.

  /** {@code gd}: gradient descent (torch.optim.SGD without momentum). */
  public static OptimizerBuilders.Gd gd() {
    return new OptimizerBuilders.Gd(new GdProvider());
  }

  /** {@code momentum}: SGD with momentum, optionally Nesterov (torch.optim.SGD). */
  public static OptimizerBuilders.Momentum momentum() {
    return new OptimizerBuilders.Momentum(new MomentumProvider());
  }

  /** {@code adam}: torch.optim.Adam (Kingma &amp; Ba, 2015). */
  public static OptimizerBuilders.Adam adam() {
    return new OptimizerBuilders.Adam(new AdamProvider());
  }

  /**
   * {@code adamw}: torch.optim.AdamW, Adam with decoupled weight decay (Loshchilov &amp; Hutter,
   * 2019).
   */
  public static OptimizerBuilders.Adam adamw() {
    return new OptimizerBuilders.Adam(new AdamWProvider());
  }

  /** {@code rmsprop}: RMSprop, optionally centered and with momentum (torch.optim.RMSprop). */
  public static OptimizerBuilders.RmsProp rmsprop() {
    return new OptimizerBuilders.RmsProp(new RmsPropProvider());
  }

  /** {@code adagrad}: Adagrad (torch.optim.Adagrad). */
  public static OptimizerBuilders.Adagrad adagrad() {
    return new OptimizerBuilders.Adagrad(new AdagradProvider());
  }

  /** {@code nadam}: NAdam, Adam with Nesterov momentum (torch.optim.NAdam). */
  public static OptimizerBuilders.NAdam nadam() {
    return new OptimizerBuilders.NAdam(new NAdamProvider());
  }

  /** {@code lbfgs}: limited-memory BFGS, several iterations per step (torch.optim.LBFGS). */
  public static OptimizerBuilders.Lbfgs lbfgs() {
    return new OptimizerBuilders.Lbfgs(new LbfgsProvider());
  }

  /** {@code adadelta}: torch.optim.Adadelta (Zeiler, 2012). */
  public static OptimizerBuilders.Adadelta adadelta() {
    return new OptimizerBuilders.Adadelta(new AdadeltaProvider());
  }

  /** {@code adamax}: torch.optim.Adamax (Kingma &amp; Ba, 2015, section 7.1). */
  public static OptimizerBuilders.Adamax adamax() {
    return new OptimizerBuilders.Adamax(new AdamaxProvider());
  }

  /** {@code asgd}: torch.optim.ASGD: averaged SGD (Polyak &amp; Juditsky, 1992). */
  public static OptimizerBuilders.Asgd asgd() {
    return new OptimizerBuilders.Asgd(new AsgdProvider());
  }

  /** {@code radam}: torch.optim.RAdam (Liu et al., 2020). */
  public static OptimizerBuilders.RAdam radam() {
    return new OptimizerBuilders.RAdam(new RAdamProvider());
  }

  /** {@code rprop}: torch.optim.Rprop (Riedmiller &amp; Braun, 1993). */
  public static OptimizerBuilders.Rprop rprop() {
    return new OptimizerBuilders.Rprop(new RpropProvider());
  }

  /**
   * {@code adafactor}: torch.optim.Adafactor of torch 2.5 (Shazeer &amp; Stern, 2018,
   * arXiv:1804.04235).
   */
  public static OptimizerBuilders.Adafactor adafactor() {
    return new OptimizerBuilders.Adafactor(new AdafactorProvider());
  }

  /**
   * {@code lion}: Lion, sign of interpolated momentum (Chen et al., 2023, arXiv:2302.06675);
   * optax.lion's hyperparameters.
   */
  public static OptimizerBuilders.Lion lion() {
    return new OptimizerBuilders.Lion(new LionProvider());
  }

  /**
   * {@code lars}: LARS, momentum SGD with one trust ratio per parameter block (You, Gitman &amp;
   * Ginsburg, 2017, arXiv:1708.03888).
   */
  public static OptimizerBuilders.Lars lars() {
    return new OptimizerBuilders.Lars(new LarsProvider());
  }

  /**
   * {@code lamb}: LAMB, Adam with one trust ratio per parameter block (You et al., 2020,
   * arXiv:1904.00962).
   */
  public static OptimizerBuilders.Lamb lamb() {
    return new OptimizerBuilders.Lamb(new LambProvider());
  }

  /**
   * {@code adabelief}: AdaBelief, Adam with the variance of g around its mean (Zhuang et al., 2020,
   * arXiv:2010.07468).
   */
  public static OptimizerBuilders.AdaBelief adabelief() {
    return new OptimizerBuilders.AdaBelief(new AdaBeliefProvider());
  }

  /**
   * {@code yogi}: Yogi, Adam with an additive second-moment update (Zaheer et al., 2018, NeurIPS).
   */
  public static OptimizerBuilders.Yogi yogi() {
    return new OptimizerBuilders.Yogi(new YogiProvider());
  }

  /**
   * {@code novograd}: NovoGrad, one second moment per parameter block (Ginsburg et al., 2019,
   * arXiv:1905.11286).
   */
  public static OptimizerBuilders.NovoGrad novograd() {
    return new OptimizerBuilders.NovoGrad(new NovoGradProvider());
  }

  /**
   * {@code sgd-schedule-free}: Schedule-free SGD, gradients at y, answer x (Defazio et al., 2024,
   * The Road Less Scheduled, arXiv:2405.15682).
   */
  public static OptimizerBuilders.SgdScheduleFree sgdScheduleFree() {
    return new OptimizerBuilders.SgdScheduleFree(new SgdScheduleFreeProvider());
  }

  /**
   * {@code adamw-schedule-free}: Schedule-free AdamW, gradients at y, answer x (Defazio et al.,
   * 2024, The Road Less Scheduled, arXiv:2405.15682).
   */
  public static OptimizerBuilders.AdamWScheduleFree adamwScheduleFree() {
    return new OptimizerBuilders.AdamWScheduleFree(new AdamWScheduleFreeProvider());
  }

  /**
   * {@code muon}: Muon, SGD-Nesterov momentum orthogonalised by 5 Newton–Schulz steps on each
   * matrix block, as torch.optim.Muon (Jordan et al., 2024, github.com/KellerJordan/Muon);
   * non-matrix blocks (biases, and the whole vector of an objective without matrix blocks) take
   * AdamW steps with the fallback_* hyperparameters.
   */
  public static OptimizerBuilders.Muon muon() {
    return new OptimizerBuilders.Muon(new MuonProvider());
  }

  /**
   * {@code shampoo}: Shampoo, W ← W − γ·L^(−1/4)·G·R^(−1/4) on each matrix block, L and R
   * accumulating GGᵀ and GᵀG from εI (Gupta, Koren &amp; Singer, 2018); vector blocks, and the
   * whole vector of an objective without matrix blocks, use the diagonal order-1 case
   * (Adagrad-like).
   */
  public static OptimizerBuilders.Shampoo shampoo() {
    return new OptimizerBuilders.Shampoo(new ShampooProvider());
  }

  /**
   * {@code newton}: damped Newton with the dense Hessian from Hessian-vector products, Nocedal
   * &amp; Wright's Cholesky with added identity and Armijo backtracking; at most 2,000 coordinates.
   */
  public static OptimizerBuilders.Newton newton() {
    return new OptimizerBuilders.Newton(new NewtonProvider());
  }

  /**
   * {@code newton-cg}: line-search Newton–CG, truncated conjugate gradients on Hessian-vector
   * products (Nocedal &amp; Wright, Algorithm 7.1).
   */
  public static OptimizerBuilders.NewtonCg newtonCg() {
    return new OptimizerBuilders.NewtonCg(new NewtonCgProvider());
  }

  /**
   * {@code trust-region}: trust region with the Steihaug–Toint CG step (Nocedal &amp; Wright,
   * Algorithms 4.1 and 7.2), scipy trust-ncg's defaults.
   */
  public static OptimizerBuilders.TrustRegion trustRegion() {
    return new OptimizerBuilders.TrustRegion(new TrustRegionProvider());
  }

  /**
   * {@code adahessian}: Adam with Hutchinson's estimate of the Hessian diagonal (Yao et al., AAAI
   * 2021), its authors' defaults.
   */
  public static OptimizerBuilders.AdaHessian adahessian() {
    return new OptimizerBuilders.AdaHessian(new AdaHessianProvider());
  }
}
