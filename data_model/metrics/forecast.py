"""A straight line through a figure's values so far, carried to the end of its period, with
the range it could plausibly end in.

The line is the least-squares fit of (day, value) points; the range is the fit's 90 %
prediction interval at the end day (Student's t with n − 2 degrees of freedom). The points are
the figure over the period up to each quarter's end, so they lean on each other: the range is
a rough one, and the pages call it an estimate. With fewer than MIN_POINTS points there is no
residual to measure, so no forecast at all rather than a range that pretends.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_POINTS = 3
# Two-sided 90 % quantiles of Student's t by degrees of freedom; 1.7 covers 11–30, and more
# quarters than that no target period has.
T90 = {1: 6.314, 2: 2.920, 3: 2.353, 4: 2.132, 5: 2.015, 6: 1.943, 7: 1.895, 8: 1.860, 9: 1.833, 10: 1.812}
T90_MANY = 1.7


@dataclass(frozen=True)
class Forecast:
    """Where the line ends (`central`) and the range around it, in the figure's unit."""

    low: float
    central: float
    high: float
    points: int


def linear_forecast(
    points: list[tuple[float, float]], at: float, floor: float = 0.0, ceiling: float | None = None
) -> Forecast | None:
    """The fit of `points` (x, y) evaluated at x = `at`, kept within [floor, ceiling]; None
    with fewer than MIN_POINTS points or when every x is the same."""
    n = len(points)
    if n < MIN_POINTS:
        return None
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    if sxx == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sxx
    intercept = mean_y - slope * mean_x
    central = intercept + slope * at
    residual = sum((y - (intercept + slope * x)) ** 2 for x, y in points)
    spread = math.sqrt(residual / (n - 2))
    half = T90.get(n - 2, T90_MANY) * spread * math.sqrt(1 + 1 / n + (at - mean_x) ** 2 / sxx)

    def kept(value: float) -> float:
        value = max(value, floor)
        return min(value, ceiling) if ceiling is not None else value

    return Forecast(kept(central - half), kept(central), kept(central + half), n)
