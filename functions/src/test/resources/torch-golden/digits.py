"""The shipped digits as the torch-golden scripts read them: pixel counts divided by 16, float64."""
import csv
import os

import torch

torch.set_default_dtype(torch.float64)

HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "../../../main/resources/dev/gradus/functions/datasets/digits.csv")


def load():
    """(x, y): the 1,797 images as rows of 64 intensities in [0, 1], and their labels."""
    rows = [r for r in csv.reader(open(DIGITS)) if r and not r[0].startswith("#")]
    data = rows[1:]
    x = torch.tensor([[int(v) / 16 for v in r[:-1]] for r in data])
    y = torch.tensor([int(r[-1]) for r in data])
    return x, y
