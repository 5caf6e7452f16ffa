"""Writes mlp.csv: the mlp's loss and gradient on the shipped digits, by PyTorch.

Run with a PyTorch install (Debian: apt-get install python3-torch), from this folder:
    /usr/bin/python3 mlp.py > mlp.csv
It reads the digits exactly as Gradus ships them (pixel counts divided by 16), builds each
network of CASES with torch.nn.functional in float64 (parameters in Gradus's order: per layer W as
inputs x units, row-major, then b), and evaluates the mean cross-entropy on all 1,797 rows at a
parameter vector it writes out itself (as repr, so the Java side reads the very same doubles).
MlpTorchTest only reads the CSV; the default test suite never needs torch.
"""
import math

import torch

import digits

x, y = digits.load()

CASES = [("tanh", [16]), ("relu", [16]), ("sigmoid", [16, 8])]
ACTIVATIONS = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid}

print("case,index,theta,gradient")
for case, (activation, hidden) in enumerate(CASES):
    widths = [x.shape[1]] + hidden + [10]
    count = sum((widths[l] + 1) * widths[l + 1] for l in range(len(widths) - 1))
    theta = [0.3 * math.sin(0.37 * j + case) for j in range(count)]
    t = torch.tensor(theta, requires_grad=True)
    a, at = x, 0
    for l in range(len(widths) - 1):
        i, o = widths[l], widths[l + 1]
        w = t[at : at + i * o].reshape(i, o)
        at += i * o
        b = t[at : at + o]
        at += o
        a = a @ w + b
        if l + 1 < len(widths) - 1:
            a = ACTIVATIONS[activation](a)
    loss = torch.nn.functional.cross_entropy(a, y)
    loss.backward()
    print(f"{case},{activation} {' '.join(map(str, hidden))},,")
    for j, (value, gradient) in enumerate(zip(theta, t.grad.tolist())):
        print(f"{case},{j},{value!r},{gradient!r}")
    print(f"{case},loss,,{loss.item()!r}")
