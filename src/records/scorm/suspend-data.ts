/**
 * What Catalyst keeps in `cmi.suspend_data`: the run itself (its id, scenario version, path of
 * choice ids, order seed and rewinds), so that when the LMS relaunches a suspended attempt the
 * conversation resumes where it was, in the same response order, on any device. The path is the
 * run's source of truth (README, Architecture); replaying it rebuilds everything else.
 *
 * SCORM 1.2 allows 4,096 characters. A run is about 100 characters plus ~20 per choice and ~70 per
 * rewind; when rewinds would overflow, they are dropped first (they only feed the debrief's
 * "rewound" notes), never the path.
 */

const FORMAT = 1;

export interface SuspendedRun {
  readonly scenarioId: string;
  /** Validated by the progress store when adopted. */
  readonly run: Record<string, unknown>;
}

export function encodeSuspendData(
  run: { readonly scenarioId: string; readonly path: readonly string[]; readonly rewinds?: readonly unknown[] },
  maxLength: number,
): string | undefined {
  const full = JSON.stringify({ catalyst: FORMAT, run });
  if (full.length <= maxLength) return full;
  const lean = JSON.stringify({ catalyst: FORMAT, run: { ...run, rewinds: [] } });
  return lean.length <= maxLength ? lean : undefined;
}

/** The run held in suspend_data, or undefined for empty, foreign or unreadable data. */
export function decodeSuspendData(data: string): SuspendedRun | undefined {
  if (!data.trim()) return undefined;
  try {
    const parsed: unknown = JSON.parse(data);
    if (!parsed || typeof parsed !== 'object') return undefined;
    const { catalyst, run } = parsed as { catalyst?: unknown; run?: unknown };
    if (catalyst !== FORMAT || !run || typeof run !== 'object') return undefined;
    const scenarioId = (run as { scenarioId?: unknown }).scenarioId;
    return typeof scenarioId === 'string' ? { scenarioId, run: run as Record<string, unknown> } : undefined;
  } catch {
    return undefined;
  }
}
