"""Writes trajectories.csv: 50-step trajectories of torch.optim optimizers on two 2-D functions.

Run with a PyTorch install (Debian: apt-get install python3-torch), from this folder:
    python3 generate.py > trajectories.csv
The Java tests only read the CSV; they never need torch. The gradients are computed here with the
same floating-point expressions as GoldenTrajectoryTest's objectives, so both sides feed the
optimizers bit-identical gradients.
"""
import sys

import torch

torch.set_default_dtype(torch.float64)

STEPS = 50


def quadratic(x, y):
    return x * x + 5 * y * y + x * y, (2 * x + y, 10 * y + x)


def rosenbrock(x, y):
    a = 1 - x
    b = y - x * x
    return a * a + 100 * b * b, (-2 * a - 400 * x * b, 200 * b)


OBJECTIVES = {
    "quadratic": (quadratic, (2.0, -1.5)),
    "rosenbrock": (rosenbrock, (-1.5, 2.0)),
}

# name: (torch class, kwargs, lr on the quadratic, lr on Rosenbrock); the Java test maps each name
# to the same hyperparameters.
CASES = {
    "gd": (torch.optim.SGD, {}, 0.05, 2e-4),
    "momentum-nesterov": (torch.optim.SGD, {"momentum": 0.9, "nesterov": True}, 0.02, 1e-4),
    "momentum-dampening": (torch.optim.SGD, {"momentum": 0.8, "dampening": 0.3}, 0.02, 1e-4),
    "adam-amsgrad": (torch.optim.Adam, {"amsgrad": True, "betas": (0.8, 0.99)}, 0.1, 0.01),
    "adam-weight-decay": (torch.optim.Adam, {"weight_decay": 0.1, "eps": 1e-3}, 0.1, 0.01),
    "adamw": (torch.optim.AdamW, {}, 0.1, 0.01),
    "rmsprop-centered-momentum": (
        torch.optim.RMSprop,
        {"centered": True, "momentum": 0.5},
        0.01,
        1e-3,
    ),
    "adagrad-decay": (
        torch.optim.Adagrad,
        {"lr_decay": 0.01, "initial_accumulator_value": 0.5},
        0.1,
        0.05,
    ),
    # No NAdam: torch 1.13 (Debian bookworm's) computes the next product of the momentum schedule as
    # mu_product·μₜ·μₜ₊₁, one μₜ too many, unlike its documented Π_{i=1}^{t+1} μᵢ and later torch.
    "lbfgs": (torch.optim.LBFGS, {"history_size": 3, "max_iter": 4}, 0.5, 1e-3),
    "lbfgs-strong-wolfe": (torch.optim.LBFGS, {"line_search_fn": "strong_wolfe"}, 1.0, 1.0),
    "adadelta": (torch.optim.Adadelta, {}, 1.0, 1.0),
    "adadelta-rho-decay": (
        torch.optim.Adadelta,
        {"rho": 0.8, "eps": 1e-4, "weight_decay": 0.1},
        1.0,
        1.0,
    ),
    "adamax": (torch.optim.Adamax, {}, 0.1, 0.01),
    "adamax-maximize-decay": (
        torch.optim.Adamax,
        {"betas": (0.8, 0.99), "weight_decay": 0.1, "maximize": True},
        0.1,
        0.01,
    ),
    "asgd": (torch.optim.ASGD, {}, 0.05, 2e-4),
    # t0 = 5: ax is a copy of the iterate through step 7 and a running average from step 8 on.
    "asgd-averaging": (
        torch.optim.ASGD,
        {"lambd": 0.01, "alpha": 0.5, "t0": 5, "weight_decay": 0.05},
        0.05,
        2e-4,
    ),
    "asgd-maximize": (torch.optim.ASGD, {"t0": 10, "maximize": True}, 0.01, 1e-5),
    # torch 1.13's RAdam has neither maximize nor decoupled_weight_decay (later torch has both).
    "radam": (torch.optim.RAdam, {}, 0.1, 0.01),
    "radam-weight-decay": (
        torch.optim.RAdam,
        {"betas": (0.8, 0.9), "weight_decay": 0.1, "eps": 1e-3},
        0.1,
        0.01,
    ),
    "rprop": (torch.optim.Rprop, {}, 0.01, 1e-3),
    "rprop-maximize-etas": (
        torch.optim.Rprop,
        {"etas": (0.3, 1.5), "step_sizes": (1e-3, 0.5), "maximize": True},
        0.01,
        1e-3,
    ),
}

# ASGD cases whose averaged point state["ax"] is recorded too, as rows of case "<name>:ax".
AVERAGED = ("asgd-averaging", "asgd-maximize")


def trajectory(cls, kwargs, lr, function, start):
    p = torch.tensor(start, requires_grad=True)
    optimizer = cls([p], lr=lr, **kwargs)

    def closure():
        x, y = p.detach().tolist()
        value, gradient = function(x, y)
        p.grad = torch.tensor(gradient)
        return torch.tensor(value)

    rows, averaged = [], []
    for _ in range(STEPS):
        optimizer.step(closure)
        rows.append(p.detach().tolist())
        if "ax" in optimizer.state[p]:
            averaged.append(optimizer.state[p]["ax"].tolist())
    return rows, averaged


def main():
    out = sys.stdout
    out.write("# torch %s; columns: case,objective,step,x,y\n" % torch.__version__)
    for name, (cls, kwargs, lr_quadratic, lr_rosenbrock) in CASES.items():
        for objective, (function, start) in OBJECTIVES.items():
            lr = lr_quadratic if objective == "quadratic" else lr_rosenbrock
            rows, averaged = trajectory(cls, kwargs, lr, function, start)
            for step, (x, y) in enumerate(rows, 1):
                out.write("%s,%s,%d,%r,%r\n" % (name, objective, step, x, y))
            if name in AVERAGED:
                for step, (x, y) in enumerate(averaged, 1):
                    out.write("%s:ax,%s,%d,%r,%r\n" % (name, objective, step, x, y))


if __name__ == "__main__":
    main()
