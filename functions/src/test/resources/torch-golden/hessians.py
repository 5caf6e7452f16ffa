"""Writes hessians.tsv: Hessians and Hessian-vector products by PyTorch, for HessianTorchTest.

Run with a PyTorch install (torch 1.13; Debian: apt-get install python3-torch), from this folder:
    /usr/bin/python3 hessians.py > hessians.tsv
Every function is written here in torch from its formula (the catalog's `formula`, the lecture's
expressions as Gradus's expression language reads them), in float64, and evaluated with
torch.autograd.functional.hessian and torch.autograd.functional.hvp at points and directions this
script chooses and writes out as repr, so the Java side reads the very same doubles. Points keep
away from the kinks of the non-smooth functions (|·| and √ at 0), where the Hessian is not defined.
HessianTorchTest only reads the file; the default test suite never needs torch.

Tab-separated columns (expressions contain commas): source (expression or catalog), name (the expression text, or the catalog id),
dimension, variables (names, ';'-separated, the parameter order), point, direction, value,
gradient, hessian (row-major), hvp; lists are ';'-separated.
"""
import math

import torch
from torch.autograd.functional import hessian, hvp

torch.set_default_dtype(torch.float64)
PI = math.pi


def sin2(u):
    return torch.sin(u) ** 2


# ---- the lecture's expressions, as the expression language writes them ----
X_DATA = [1.0, 2.0, 3.0, 4.0]
Y_DATA = [3.0, 5.0, 7.5, 8.5]

EXPRESSIONS = [
    ("sin((x + y) * z)", ["x", "y", "z"], lambda v: torch.sin((v[0] + v[1]) * v[2])),
    ("c * (a + 2 * b)", ["a", "b", "c"], lambda v: v[2] * (v[0] + 2 * v[1])),
    ("(2 * a + b) * (c * d)", ["a", "b", "c", "d"], lambda v: (2 * v[0] + v[1]) * (v[2] * v[3])),
    ("m * x + b", ["m", "x", "b"], lambda v: v[0] * v[1] + v[2]),
    (
        "mean(([3, 5, 7.5, 8.5] - (m * [1, 2, 3, 4] + b))^2)",
        ["m", "b"],
        lambda v: torch.mean((torch.tensor(Y_DATA) - (v[0] * torch.tensor(X_DATA) + v[1])) ** 2),
    ),
    ("sigmoid(w * x + b)", ["w", "x", "b"], lambda v: torch.sigmoid(v[0] * v[1] + v[2])),
    (
        "1 / (1 + exp(-(w * x + b)))",
        ["w", "x", "b"],
        lambda v: 1 / (1 + torch.exp(-(v[0] * v[1] + v[2]))),
    ),
    ("x * sigmoid(x) * (1 - sigmoid(x))", ["x"], lambda v: v[0] * torch.sigmoid(v[0]) * (1 - torch.sigmoid(v[0]))),
]
EXPRESSION_POINTS = {
    1: [[0.7], [-1.3]],
    2: [[0.4, -0.6], [1.5, 0.25]],
    3: [[1.0, 2.0, 3.0], [0.3, -0.8, 1.7]],
    4: [[1.0, 2.0, 3.0, 4.0], [-0.5, 0.75, 1.25, -2.0]],
}


# ---- the catalog, from each function's formula ----
def ackley(x):
    n = x.shape[0]
    return (
        -20 * torch.exp(-0.2 * torch.sqrt(torch.sum(x**2) / n))
        - torch.exp(torch.sum(torch.cos(2 * PI * x)) / n)
        + math.e
        + 20
    )


def beale(v):
    x, y = v[0], v[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


def booth(v):
    x, y = v[0], v[1]
    return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2


def bukin_n6(v):
    x, y = v[0], v[1]
    return 100 * torch.sqrt(torch.abs(y - 0.01 * x**2)) + 0.01 * torch.abs(x + 10)


def cross_in_tray(v):
    x, y = v[0], v[1]
    envelope = torch.exp(torch.abs(100 - torch.sqrt(x**2 + y**2) / PI))
    return -0.0001 * (torch.abs(torch.sin(x) * torch.sin(y) * envelope) + 1) ** 0.1


def easom(v):
    x, y = v[0], v[1]
    return -torch.cos(x) * torch.cos(y) * torch.exp(-((x - PI) ** 2 + (y - PI) ** 2))


def eggholder(v):
    x, y = v[0], v[1]
    return -(y + 47) * torch.sin(torch.sqrt(torch.abs(x / 2 + y + 47))) - x * torch.sin(
        torch.sqrt(torch.abs(x - (y + 47)))
    )


def goldstein_price(v):
    x, y = v[0], v[1]
    a = 1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x**2 - 14 * y + 6 * x * y + 3 * y**2)
    b = 30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x**2 + 48 * y - 36 * x * y + 27 * y**2)
    return a * b


def griewank(x):
    i = torch.arange(1, x.shape[0] + 1, dtype=torch.float64)
    return 1 + torch.sum(x**2) / 4000 - torch.prod(torch.cos(x / torch.sqrt(i)))


def himmelblau(v):
    x, y = v[0], v[1]
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def holder_table(v):
    x, y = v[0], v[1]
    return -torch.abs(torch.sin(x) * torch.cos(y) * torch.exp(torch.abs(1 - torch.sqrt(x**2 + y**2) / PI)))


def levi_n13(v):
    x, y = v[0], v[1]
    return sin2(3 * PI * x) + (x - 1) ** 2 * (1 + sin2(3 * PI * y)) + (y - 1) ** 2 * (1 + sin2(2 * PI * y))


def matyas(v):
    x, y = v[0], v[1]
    return 0.26 * (x**2 + y**2) - 0.48 * x * y


def mccormick(v):
    x, y = v[0], v[1]
    return torch.sin(x + y) + (x - y) ** 2 - 1.5 * x + 2.5 * y + 1


def rastrigin(x):
    return 10 * x.shape[0] + torch.sum(x**2 - 10 * torch.cos(2 * PI * x))


def rosenbrock(x):
    return torch.sum(100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)


def schaffer_n2(v):
    x, y = v[0], v[1]
    return 0.5 + (sin2(x**2 - y**2) - 0.5) / (1 + 0.001 * (x**2 + y**2)) ** 2


def schaffer_n4(v):
    x, y = v[0], v[1]
    return 0.5 + (torch.cos(torch.sin(torch.abs(x**2 - y**2))) ** 2 - 0.5) / (1 + 0.001 * (x**2 + y**2)) ** 2


SHEKEL_A = torch.tensor(
    [[4, 4, 4, 4], [1, 1, 1, 1], [8, 8, 8, 8], [6, 6, 6, 6], [3, 7, 3, 7],
     [2, 9, 2, 9], [5, 3, 5, 3], [8, 1, 8, 1], [6, 2, 6, 2], [7, 3.6, 7, 3.6]]
)
SHEKEL_C = torch.tensor([0.1, 0.2, 0.2, 0.4, 0.4, 0.6, 0.3, 0.7, 0.5, 0.5])


def shekel(x):
    return -torch.sum(1 / (SHEKEL_C + torch.sum((x - SHEKEL_A) ** 2, dim=1)))


def sphere(x):
    return torch.sum(x**2)


def styblinski_tang(x):
    return 0.5 * torch.sum(x**4 - 16 * x**2 + 5 * x)


def three_hump_camel(v):
    x, y = v[0], v[1]
    return 2 * x**2 - 1.05 * x**4 + x**6 / 6 + x * y + y**2


# id, function, dimension, points (kept off kinks: |·| and √ arguments away from 0)
CATALOG = [
    ("ackley", ackley, 3, [[0.3, -1.2, 2.1], [-3.5, 0.8, 1.6], [0.05, 0.1, -0.07]]),
    ("beale", beale, 2, [[1.0, 1.5], [-2.0, 0.5], [3.2, -0.4]]),
    ("booth", booth, 2, [[0.0, 0.0], [1.5, -2.5], [-4.0, 7.0]]),
    ("bukin-n6", bukin_n6, 2, [[-10.5, 2.0], [-7.0, 0.1], [-13.0, 2.5]]),
    ("cross-in-tray", cross_in_tray, 2, [[1.2, 2.3], [-3.1, 1.4], [5.5, -6.2]]),
    ("easom", easom, 2, [[3.0, 3.3], [2.5, 3.6], [4.0, 2.0]]),
    ("eggholder", eggholder, 2, [[100.0, 200.0], [-250.0, 50.0], [480.0, 400.0]]),
    ("goldstein-price", goldstein_price, 2, [[0.2, -0.9], [-1.0, 1.0], [1.5, 0.5]]),
    ("griewank", griewank, 3, [[10.0, -20.0, 5.0], [1.5, 2.5, -3.5], [-100.0, 50.0, 80.0]]),
    ("himmelblau", himmelblau, 2, [[3.1, 1.9], [-2.0, 2.5], [0.0, -4.0]]),
    ("holder-table", holder_table, 2, [[8.0, 9.5], [-2.5, 3.3], [5.0, -1.2]]),
    ("levi-n13", levi_n13, 2, [[1.1, 0.9], [-3.3, 4.1], [7.2, -5.6]]),
    ("matyas", matyas, 2, [[1.0, 2.0], [-3.0, 0.5], [9.0, -7.0]]),
    ("mccormick", mccormick, 2, [[-0.5, -1.5], [2.0, 1.0], [-1.2, 3.5]]),
    ("rastrigin", rastrigin, 3, [[0.2, -1.3, 2.4], [3.1, -4.7, 0.05], [-0.6, 0.9, -2.2]]),
    ("rosenbrock", rosenbrock, 3, [[1.1, 0.9, 1.2], [-1.5, 2.0, 0.5], [0.0, 0.3, -0.7]]),
    ("schaffer-n2", schaffer_n2, 2, [[1.3, 0.4], [-5.0, 12.0], [20.0, -3.0]]),
    ("schaffer-n4", schaffer_n4, 2, [[1.3, 0.4], [-5.0, 12.0], [20.0, -3.0]]),
    ("shekel", shekel, 4, [[4.1, 3.9, 4.0, 4.2], [2.0, 5.0, 7.0, 1.0], [6.5, 3.0, 6.8, 3.2]]),
    ("sphere", sphere, 3, [[1.0, -2.0, 3.0], [0.1, 0.2, -0.3], [-4.0, 4.5, -5.0]]),
    ("styblinski-tang", styblinski_tang, 3, [[-2.9, 2.7, 0.5], [1.0, -1.0, 3.0], [-4.5, 0.0, 4.9]]),
    ("three-hump-camel", three_hump_camel, 2, [[0.5, -0.2], [-1.7, 0.9], [2.0, 1.0]]),
]


def direction(n, k):
    """A fixed direction per point: entries cos(1 + 0.7·j + k), not a special one."""
    return [math.cos(1 + 0.7 * j + k) for j in range(n)]


def fmt(values):
    return ";".join(repr(float(v)) for v in values)


def record(source, name, names, f, point, k):
    x = torch.tensor(point)
    v = torch.tensor(direction(len(point), k))
    xg = x.clone().requires_grad_(True)
    value = f(xg)
    (gradient,) = torch.autograd.grad(value, xg)
    h = hessian(f, x)
    _, hv = hvp(f, x, v)
    print(
        "\t".join(
            [
                source,
                name,
                str(len(point)),
                ";".join(names),
                fmt(point),
                fmt(v.tolist()),
                repr(value.item()),
                fmt(gradient.tolist()),
                fmt(h.reshape(-1).tolist()),
                fmt(hv.tolist()),
            ]
        )
    )


print("\t".join("source name dimension variables point direction value gradient hessian hvp".split()))
for text, names, f in EXPRESSIONS:
    for k, point in enumerate(EXPRESSION_POINTS[len(names)]):
        record("expression", text, names, f, point, k)
for name, f, n, points in CATALOG:
    names = ["x", "y"] if n == 2 else ["x" + str(i) for i in range(n)]
    for k, point in enumerate(points):
        record("catalog", name, names, f, point, k)
