import { describe, expect, it } from 'vitest';
import { displayOrder, shuffledOrder } from './order';

const ids = ['a', 'b', 'c', 'd'];
const choices = ids.map((id) => ({ id }));

describe('response order', () => {
  it('is a permutation that the same seed and moment always repeat', () => {
    const once = shuffledOrder(ids, 123, 'opening');
    expect([...once].sort()).toEqual(ids);
    expect(shuffledOrder(ids, 123, 'opening')).toEqual(once);
  });

  it('changes with the seed and with the moment', () => {
    const orders = new Set(Array.from({ length: 50 }, (_, seed) => shuffledOrder(ids, seed, 'opening').join('')));
    expect(orders.size).toBeGreaterThan(12); // 24 orders exist
    const byMoment = new Set(['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((m) => shuffledOrder(ids, 99, m).join('')));
    expect(byMoment.size).toBeGreaterThan(1);
  });

  it('puts each response first about equally often over many attempts', () => {
    const first: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
    for (let seed = 0; seed < 4000; seed++) first[shuffledOrder(ids, seed * 2654435761, 'opening')[0]!]!++;
    for (const n of Object.values(first)) expect(n / 4000).toBeGreaterThan(0.2); // chance is 0.25
    for (const n of Object.values(first)) expect(n / 4000).toBeLessThan(0.3);
  });

  it('shows only the available responses, each where the full order puts it', () => {
    const full = displayOrder(choices, choices, 5, 'middle').map((c) => c.id);
    const some = displayOrder(
      choices,
      choices.filter((c) => c.id !== 'b'),
      5,
      'middle',
    ).map((c) => c.id);
    expect(some).toEqual(full.filter((id) => id !== 'b'));
  });
});
