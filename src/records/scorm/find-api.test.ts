import { describe, expect, it } from 'vitest';
import { findScormApi } from './find-api';
import { decodeSuspendData, encodeSuspendData } from './suspend-data';

/** Frames as the browser links them: each window knows its parent (the top is its own parent). */
function frames(depth: number, put: (wins: Record<string, unknown>[]) => void) {
  const wins: Record<string, unknown>[] = [];
  for (let i = 0; i <= depth; i++) wins.push({ opener: null });
  wins.forEach((w, i) => (w.parent = wins[i + 1] ?? w));
  put(wins);
  return wins[0] as unknown as Window;
}
const api12 = () => ({ LMSInitialize: () => 'true', LMSSetValue: () => 'true' });
const api2004 = () => ({ Initialize: () => 'true', SetValue: () => 'true' });

describe('finding the LMS API', () => {
  it('finds API three frames up, and API_1484_11 for SCORM 2004', () => {
    const a = api12();
    expect(
      findScormApi(
        '1.2',
        frames(3, (w) => (w[3]!.API = a)),
      ),
    ).toBe(a);
    const b = api2004();
    expect(
      findScormApi(
        '2004',
        frames(2, (w) => (w[1]!.API_1484_11 = b)),
      ),
    ).toBe(b);
    expect(
      findScormApi(
        '2004',
        frames(2, (w) => (w[1]!.API = a)),
      ),
    ).toBeUndefined();
  });

  it('looks through the opener when no parent has it (an LMS that opens the SCO in a new window)', () => {
    const a = api12();
    const lms = frames(1, (w) => (w[1]!.API = a));
    const popup = frames(0, (w) => (w[0]!.opener = lms));
    expect(findScormApi('1.2', popup)).toBe(a);
  });

  it('skips a frame of another origin instead of failing', () => {
    const a = api12();
    const sco = frames(2, (w) => {
      Object.defineProperty(w[1], 'API', {
        get: () => {
          throw new DOMException('Blocked a frame', 'SecurityError');
        },
      });
      w[2]!.API = a;
    });
    expect(findScormApi('1.2', sco)).toBe(a);
    expect(
      findScormApi(
        '1.2',
        frames(4, () => {}),
      ),
    ).toBeUndefined();
  });

  it('ignores an API object that is not a SCORM API', () => {
    expect(
      findScormApi(
        '1.2',
        frames(1, (w) => (w[1]!.API = { hello: 1 })),
      ),
    ).toBeUndefined();
  });
});

describe('suspend_data', () => {
  const run = {
    id: 'r',
    scenarioId: 'tiny',
    path: ['a', 'b'],
    seed: 7,
    rewinds: [{ step: 0, choiceId: 'x', at: '2026-11-30T10:00:00.000Z' }],
  };

  it('round-trips the run', () => {
    expect(decodeSuspendData(encodeSuspendData(run, 4096)!)).toEqual({ scenarioId: 'tiny', run });
  });

  it('drops rewinds before the path when SCORM 1.2 space runs out, and gives up rather than cut the path', () => {
    const rewinds = Array.from({ length: 80 }, (_, i) => ({ step: i, choiceId: `choice-${i}`, at: '2026-11-30T10:00:00.000Z' }));
    const long = encodeSuspendData({ ...run, rewinds }, 4096)!;
    expect(long.length).toBeLessThanOrEqual(4096);
    expect(decodeSuspendData(long)!.run).toMatchObject({ path: ['a', 'b'], rewinds: [], seed: 7 });
    expect(encodeSuspendData({ ...run, path: Array.from({ length: 400 }, (_, i) => `response-${i}`) }, 4096)).toBeUndefined();
  });

  it('reads nothing from empty, foreign or broken data', () => {
    for (const data of ['', 'lesson=3', '{"catalyst":2,"run":{}}', '{"run":{"scenarioId":"x"}}', '{"catalyst":1,"run":{"scenarioId":5}}'])
      expect(decodeSuspendData(data)).toBeUndefined();
  });
});
