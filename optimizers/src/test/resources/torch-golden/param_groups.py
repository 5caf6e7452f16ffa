"""Writes param_groups.csv: torch.optim with two parameter groups on a 2-block least squares.

    /usr/bin/python3 param_groups.py > param_groups.csv

The model is z = X·W + b with W of shape [2, 3] and b of shape [3], f = Σ (z − Y)² / (2·rows)
over four fixed rows. The gradient is computed with plain Python floats in the same order as
GroupedTorchGoldenTest's Java copy and assigned to p.grad, so both sides feed the optimizers
bit-identical gradients; torch does everything else (param_groups, clipping, scheduling).
Each line is case,step,W00,W01,W02,W10,W11,W12,b0,b1,b2 after that many steps, in float64.
"""
import torch

X = [[1.0, 2.0], [-0.5, 1.5], [2.0, -1.0], [0.3, 0.7]]
Y = [[1.0, 0.0, -1.0], [0.5, 2.0, 0.0], [-1.0, 1.0, 3.0], [0.2, -0.4, 0.6]]
STEPS = 40


def gradient(w, b):
    """∂f/∂W, ∂f/∂b as nested lists, in the Java test's order of operations."""
    rows = len(X)
    dw = [[0.0] * 3 for _ in range(2)]
    db = [0.0] * 3
    for n in range(rows):
        for j in range(3):
            r = X[n][0] * w[0][j] + X[n][1] * w[1][j] + b[j] - Y[n][j]
            dw[0][j] += X[n][0] * r / rows
            dw[1][j] += X[n][1] * r / rows
            db[j] += r / rows
    return dw, db


def adamw(w, b):
    return torch.optim.AdamW(
        [{"params": [w]}, {"params": [b], "weight_decay": 0.0}], lr=0.05, weight_decay=0.1
    ), None, None


def momentum_cosine_clipped(w, b):
    o = torch.optim.SGD(
        [{"params": [w]}, {"params": [b], "lr": 0.2, "momentum": 0.5}],
        lr=0.05,
        momentum=0.9,
        weight_decay=0.01,
    )
    return o, torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=25, eta_min=0.001), 0.5


def adam_step_decay(w, b):
    o = torch.optim.Adam(
        [{"params": [w], "lr": 0.1, "weight_decay": 0.05}, {"params": [b]}], lr=0.02
    )
    return o, torch.optim.lr_scheduler.StepLR(o, step_size=7, gamma=0.5), None


CASES = {
    "adamw_bias_no_decay": adamw,
    "momentum_cosine_clipped": momentum_cosine_clipped,
    "adam_step_decay": adam_step_decay,
}


def main():
    torch.set_default_dtype(torch.float64)
    print("# torch %s; columns: case,step,W00,W01,W02,W10,W11,W12,b0,b1,b2" % torch.__version__)
    for name, make in CASES.items():
        w = torch.tensor([[0.1, -0.2, 0.3], [0.4, 0.0, -0.1]], requires_grad=True)
        b = torch.tensor([0.05, -0.05, 0.0], requires_grad=True)
        optimizer, scheduler, max_norm = make(w, b)
        for step in range(STEPS + 1):
            values = w.detach().flatten().tolist() + b.detach().tolist()
            print("%s,%d,%s" % (name, step, ",".join(repr(v) for v in values)))
            if step == STEPS:
                break
            dw, db = gradient(w.detach().tolist(), b.detach().tolist())
            w.grad = torch.tensor(dw)
            b.grad = torch.tensor(db)
            if max_norm is not None:
                torch.nn.utils.clip_grad_norm_([w, b], max_norm)
            optimizer.step()
            if scheduler is not None:
                scheduler.step()


if __name__ == "__main__":
    main()
