"""Writes schedules.csv: the learning rate torch.optim.lr_scheduler gives at steps 0..59.

    /usr/bin/python3 schedules.py > schedules.csv

After the original cases come the later ones (MORE): ConstantLR, MultiplicativeLR, LambdaLR,
CyclicLR, ChainedScheduler, OneCycleLR with Adam; for schedulers that cycle momentum a series
"<case>.momentum" holds param_groups[0]["momentum"] (or betas[0]) at each step. PLATEAU cases drive
ReduceLROnPlateau with the loss series "plateau_loss" (stepped with it after each optimizer step).
TRAJECTORIES record x and y after each step of optimizers under momentum-cycling schedulers on
f = x^2 + 5y^2 + xy from (2, -1.5), the gradient assigned to p.grad as in generate.py.

Each scheduler is stepped once per optimizer step, the way torch documents it, so these values
come from torch's default (chainable, partly recursive) get_lr path, not from its closed forms.
"""
import torch
from torch.optim import lr_scheduler as s

STEPS = 60
BASE = 0.1

CASES = {
    "step": lambda o: s.StepLR(o, step_size=3, gamma=0.5),
    "multistep": lambda o: s.MultiStepLR(o, milestones=[5, 12], gamma=0.3),
    "exponential": lambda o: s.ExponentialLR(o, gamma=0.95),
    "cosine": lambda o: s.CosineAnnealingLR(o, T_max=20, eta_min=0.001),
    "cosine_warm_restarts": lambda o: s.CosineAnnealingWarmRestarts(o, T_0=4, T_mult=2, eta_min=0.001),
    "linear": lambda o: s.LinearLR(o),
    "polynomial": lambda o: s.PolynomialLR(o, total_iters=30, power=2.0),
    "one_cycle_cos": lambda o: s.OneCycleLR(o, max_lr=1.0, total_steps=STEPS),
    "one_cycle_linear": lambda o: s.OneCycleLR(o, max_lr=1.0, total_steps=STEPS, anneal_strategy="linear"),
    "one_cycle_three_phase": lambda o: s.OneCycleLR(o, max_lr=1.0, total_steps=STEPS, three_phase=True),
    "sequential": lambda o: s.SequentialLR(
        o,
        [s.LinearLR(o, start_factor=0.5, total_iters=10), s.CosineAnnealingLR(o, T_max=40)],
        milestones=[10],
    ),
}


MORE = {
    "constant_lr": (torch.optim.SGD, {}, lambda o: s.ConstantLR(o)),
    "constant_lr_half": (torch.optim.SGD, {}, lambda o: s.ConstantLR(o, factor=0.5, total_iters=12)),
    "lambda": (torch.optim.SGD, {}, lambda o: s.LambdaLR(o, lambda t: 0.95 ** t)),
    "multiplicative": (torch.optim.SGD, {}, lambda o: s.MultiplicativeLR(o, lambda t: 0.9 + 0.001 * t)),
    "cyclic_triangular": (
        torch.optim.SGD, {"momentum": 0.9},
        lambda o: s.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=7)),
    "cyclic_triangular2": (
        torch.optim.SGD, {"momentum": 0.9},
        lambda o: s.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=5, step_size_down=8,
                             mode="triangular2", base_momentum=0.7, max_momentum=0.95)),
    "cyclic_exp_range": (
        torch.optim.SGD, {"momentum": 0.9},
        lambda o: s.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=6, mode="exp_range", gamma=0.97)),
    "cyclic_no_momentum": (
        torch.optim.SGD, {},
        lambda o: s.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=9, cycle_momentum=False)),
    "one_cycle_adam": (torch.optim.Adam, {}, lambda o: s.OneCycleLR(o, max_lr=1.0, total_steps=STEPS)),
    "one_cycle_adam_three_phase": (
        torch.optim.Adam, {},
        lambda o: s.OneCycleLR(o, max_lr=1.0, total_steps=STEPS, three_phase=True,
                               base_momentum=0.8, max_momentum=0.9)),
    "chained": (
        torch.optim.SGD, {},
        lambda o: s.ChainedScheduler([
            s.ConstantLR(o, factor=0.5, total_iters=4), s.ExponentialLR(o, gamma=0.97),
            s.StepLR(o, step_size=10, gamma=0.5), s.LinearLR(o, start_factor=0.2, total_iters=8),
            s.MultiStepLR(o, milestones=[20, 40], gamma=0.7), s.PolynomialLR(o, total_iters=50, power=1.5)])),
}

# a loss with plateaus, descents and a rise, the same in both directions (max negates it)
PLATEAU_LOSS = (
    [1.0, 0.9, 0.8, 0.8, 0.8, 0.80001, 0.8, 0.8, 0.7, 0.69995]
    + [0.69995] * 6 + [0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.49, 0.49, 0.49, 0.49]
    + [0.3 - 0.01 * k for k in range(8)] + [0.3] * 12 + [0.1, 0.1, 0.1, 0.1]
)

PLATEAU = {
    "plateau_min_rel": (False, dict(patience=2)),
    "plateau_min_abs": (False, dict(threshold_mode="abs", threshold=0.05, patience=1, factor=0.5)),
    "plateau_max_rel": (True, dict(mode="max", patience=3, factor=0.3, threshold=1e-3)),
    "plateau_max_abs_cooldown": (True, dict(mode="max", threshold_mode="abs", threshold=0.0, patience=1,
                                            factor=0.5, cooldown=3)),
    "plateau_min_lr": (False, dict(patience=0, factor=0.5, min_lr=0.02)),
    "plateau_eps": (False, dict(patience=0, factor=0.9, min_lr=0.0, eps=0.004)),
}

TRAJECTORIES = {
    "traj_one_cycle_gd": (torch.optim.SGD, dict(lr=0.01), lambda o: s.OneCycleLR(o, max_lr=0.1, total_steps=STEPS)),
    "traj_one_cycle_sgd_nesterov": (
        torch.optim.SGD, dict(lr=0.01, momentum=0.9, nesterov=True),
        lambda o: s.OneCycleLR(o, max_lr=0.05, total_steps=STEPS, three_phase=True)),
    "traj_one_cycle_rmsprop": (torch.optim.RMSprop, dict(lr=0.01), lambda o: s.OneCycleLR(o, max_lr=0.05, total_steps=STEPS)),
    "traj_one_cycle_adam": (torch.optim.Adam, dict(lr=0.01), lambda o: s.OneCycleLR(o, max_lr=0.3, total_steps=STEPS)),
    "traj_one_cycle_adamw": (torch.optim.AdamW, dict(lr=0.01), lambda o: s.OneCycleLR(o, max_lr=0.3, total_steps=STEPS, anneal_strategy="linear")),
    "traj_cyclic_sgd": (
        torch.optim.SGD, dict(lr=0.01, momentum=0.5, dampening=0.1),
        lambda o: s.CyclicLR(o, base_lr=0.001, max_lr=0.05, step_size_up=10, mode="triangular2")),
}


def momentum_of(optimizer):
    group = optimizer.param_groups[0]
    return group["momentum"] if "momentum" in group else group["betas"][0]


def main():
    print("# torch %s; columns: schedule,step,lr" % torch.__version__)
    for name, make in CASES.items():
        p = torch.zeros(1, requires_grad=True)
        optimizer = torch.optim.SGD([p], lr=BASE)
        scheduler = make(optimizer)
        for step in range(STEPS):
            print("%s,%d,%r" % (name, step, optimizer.param_groups[0]["lr"]))
            optimizer.step()
            scheduler.step()
    print("# from here on also: <case>.momentum,step,momentum (or beta1); plateau_loss,step,loss;"
          " <case>.x / <case>.y,step,coordinate after the step")
    for name, (kind, options, make) in MORE.items():
        p = torch.zeros(1, requires_grad=True)
        optimizer = kind([p], lr=BASE, **options)
        scheduler = make(optimizer)
        lrs, momenta = [], []
        for step in range(STEPS):
            lrs.append(optimizer.param_groups[0]["lr"])
            momenta.append(momentum_of(optimizer))
            optimizer.step()
            scheduler.step()
        for step, lr in enumerate(lrs):
            print("%s,%d,%r" % (name, step, lr))
        if getattr(scheduler, "cycle_momentum", False):
            for step, m in enumerate(momenta):
                print("%s.momentum,%d,%r" % (name, step, m))
    for step, loss in enumerate(PLATEAU_LOSS):
        print("plateau_loss,%d,%r" % (step, loss))
    for name, (negate, options) in PLATEAU.items():
        p = torch.zeros(1, requires_grad=True)
        optimizer = torch.optim.SGD([p], lr=BASE)
        scheduler = s.ReduceLROnPlateau(optimizer, **options)
        for step, loss in enumerate(PLATEAU_LOSS):
            print("%s,%d,%r" % (name, step, optimizer.param_groups[0]["lr"]))
            optimizer.step()
            scheduler.step(-loss if negate else loss)
    for name, (kind, options, make) in TRAJECTORIES.items():
        p = torch.tensor([2.0, -1.5], dtype=torch.float64, requires_grad=True)
        optimizer = kind([p], **options)
        scheduler = make(optimizer)
        xs, ys = [], []
        for step in range(STEPS):
            x, y = p.detach().tolist()
            p.grad = torch.tensor([2 * x + y, 10 * y + x], dtype=torch.float64)
            optimizer.step()
            scheduler.step()
            x, y = p.detach().tolist()
            xs.append(x)
            ys.append(y)
        for step, x in enumerate(xs):
            print("%s.x,%d,%r" % (name, step, x))
        for step, y in enumerate(ys):
            print("%s.y,%d,%r" % (name, step, y))


if __name__ == "__main__":
    main()
