package io.fieldlink.simulator.physics;

/**
 * Arps decline: q(t) = qi / (1 + b·Di·t)^(1/b), with b = 0 the exponential limit qi·e^(−Di·t).
 * Time in days, rates in units per day.
 *
 * @param qi initial rate
 * @param di initial nominal decline per day
 * @param b hyperbolic exponent, 0 ≤ b ≤ 1 (0 exponential, 1 harmonic)
 */
public record ArpsDecline(double qi, double di, double b) {
    public ArpsDecline {
        if (qi <= 0 || di <= 0 || b < 0 || b > 1) {
            throw new IllegalArgumentException("Arps needs qi > 0, Di > 0 and 0 <= b <= 1; was " + qi + ", " + di + ", " + b);
        }
    }

    public double rate(double days) {
        if (days <= 0) {
            return qi;
        }
        if (b < 1e-9) {
            return qi * Math.exp(-di * days);
        }
        return qi / Math.pow(1 + b * di * days, 1 / b);
    }
}
