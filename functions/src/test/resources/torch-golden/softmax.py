"""Writes softmax.csv: softmax regression's loss and gradient on the shipped digits, by PyTorch.

Run with a PyTorch install (Debian: apt-get install python3-torch), from this folder:
    /usr/bin/python3 softmax.py > softmax.csv
It reads the digits exactly as Gradus ships them (pixel counts divided by 16) and evaluates the
mean cross-entropy of softmax(X W + b) with torch.nn.functional.cross_entropy in float64, at three
parameter vectors it writes out itself (as repr, so the Java side reads the very same doubles).
SoftmaxTorchTest only reads the CSV; the default test suite never needs torch.
"""
import math

import torch

import digits

x, y = digits.load()
n, k = x.shape
c = 10

# a row per parameter: its value and the gradient there; then the loss, with index "loss"
print("point,index,theta,gradient")
for point in range(3):
    # W (k x c, row-major) then b (c): Gradus's parameter order
    theta = [0.05 * math.sin(0.7 * j + point) * (point + 1) for j in range(k * c + c)]
    t = torch.tensor(theta, requires_grad=True)
    w = t[: k * c].reshape(k, c)
    b = t[k * c:]
    loss = torch.nn.functional.cross_entropy(x @ w + b, y)
    loss.backward()
    for j, (value, gradient) in enumerate(zip(theta, t.grad.tolist())):
        print(f"{point},{j},{value!r},{gradient!r}")
    print(f"{point},loss,,{loss.item()!r}")
