import { describe, expect, it } from 'vitest';
import { forEachBounded } from './pool';
import { Prng } from './prng';

describe('the simulation PRNG', () => {
  it('replays the same draws for the same seeds and differs for others', () => {
    const draws = (...seeds: number[]) => {
      const prng = new Prng(...seeds);
      return Array.from({ length: 5 }, () => prng.int(0, 1_000_000));
    };
    expect(draws(42, 7, 3)).toEqual(draws(42, 7, 3));
    expect(draws(42, 7, 3)).not.toEqual(draws(42, 7, 4));
    expect(draws(42, 7, 3)).not.toEqual(draws(43, 7, 3));
  });

  it('spreads its floats over [0, 1)', () => {
    const prng = new Prng(1);
    const values = Array.from({ length: 10_000 }, () => prng.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(values.filter((value) => value < 0.05).length / values.length).toBeCloseTo(0.05, 1);
  });
});

describe('forEachBounded', () => {
  it('does every item and never more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await forEachBounded([...Array(20).keys()], 3, async (item) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 1 + (item % 3)));
      done.push(item);
      running--;
    });
    expect(done.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect(peak).toBe(3);
  });
});
