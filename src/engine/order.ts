import { hashString } from '../lib/hash';
import { mulberry32 } from '../lib/random';

/**
 * The order a moment's responses are shown in during one attempt: a Fisher-Yates shuffle driven
 * by the attempt's seed mixed with the moment's id. It depends on nothing else, so a reload, a
 * resume, a rewind and a second visit to the same moment all show the same order, and a new
 * attempt (a new seed) shows a new one. The full authored list is shuffled before any guard
 * filters it, so a response that appears or disappears never moves the others.
 *
 * Positions are only for display: choice ids stay the record everywhere.
 */
export function shuffledOrder<T>(items: readonly T[], seed: number, momentId: string): T[] {
  const random = mulberry32((seed ^ parseInt(hashString(momentId).slice(-8), 16)) >>> 0);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `available` (a subset of `all`) in the attempt's display order for the moment. */
export function displayOrder<T extends { readonly id: string }>(
  all: readonly T[],
  available: readonly T[],
  seed: number,
  momentId: string,
): T[] {
  const shown = new Set(available.map((c) => c.id));
  return shuffledOrder(all, seed, momentId).filter((c) => shown.has(c.id));
}
