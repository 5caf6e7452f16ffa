"""Writes schedules.csv: the learning rate torch.optim.lr_scheduler gives at steps 0..59.

    /usr/bin/python3 schedules.py > schedules.csv

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


if __name__ == "__main__":
    main()
