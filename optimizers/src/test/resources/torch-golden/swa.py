"""Writes swa.csv: torch.optim.swa_utils.AveragedModel's equal-weight average of SGD iterates.

    /usr/bin/python3 swa.py > swa.csv

SGD with momentum 0.9 and lr 2e-4 on Rosenbrock (1 − x)² + 100(y − x²)² from (−1.5, 2), in float64,
the gradient computed with the same floating-point expressions as the Java objective and assigned
to p.grad. After step t (counted from 1), when t ≥ swa_start and (t − swa_start) % swa_freq == 0,
AveragedModel.update_parameters averages the model, as a training loop calling it on that schedule
does. Each line is case,step,x,y,avg_x,avg_y after that many steps; the average is empty before the
first update.
"""
import torch
from torch.optim.swa_utils import AveragedModel

STEPS = 40
CASES = {"every_step": (1, 1), "start_10_every_3": (10, 3)}


def gradient(x, y):
    a = 1 - x
    b = y - x * x
    return -2 * a - 400 * x * b, 200 * b


def main():
    print("case,step,x,y,avg_x,avg_y")
    for name, (start, freq) in CASES.items():
        model = torch.nn.Linear(1, 1, bias=False).double()  # only a holder for p
        p = torch.nn.Parameter(torch.tensor([-1.5, 2.0], dtype=torch.float64))
        model.weight = p
        averaged = AveragedModel(model)
        opt = torch.optim.SGD([p], lr=2e-4, momentum=0.9)
        for t in range(1, STEPS + 1):
            gx, gy = gradient(p[0].item(), p[1].item())
            opt.zero_grad()
            p.grad = torch.tensor([gx, gy], dtype=torch.float64)
            opt.step()
            if t >= start and (t - start) % freq == 0:
                averaged.update_parameters(model)
            x, y = p.detach().tolist()
            if averaged.n_averaged.item() > 0:
                ax, ay = averaged.module.weight.detach().tolist()
                print(f"{name},{t},{x!r},{y!r},{ax!r},{ay!r}")
            else:
                print(f"{name},{t},{x!r},{y!r},,")


if __name__ == "__main__":
    main()
