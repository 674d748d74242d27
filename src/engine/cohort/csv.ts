import type { ScenarioFigures } from './aggregate';

/**
 * CSV (RFC 4180: comma-separated, CRLF, quotes doubled). A cell that starts with =, +, - or @
 * is prefixed with an apostrophe so a spreadsheet shows it as text instead of running it as a
 * formula (choice ids and names come from other people's files).
 */
export function csvCell(value: string | number | boolean | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const toCsv = (rows: readonly (readonly (string | number | boolean | undefined)[])[]): string =>
  rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

const meterText = (m: Readonly<Record<string, number>>) =>
  Object.entries(m)
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
const pct = (share: number) => Math.round(share * 1000) / 10;

/** One row per choice on the current map: trainee hash, attempt, step, node, choice, stance, flags, meters. */
export function choicesCsv(figures: ScenarioFigures, names?: ReadonlyMap<string, string>): string {
  return toCsv([
    ['scenario', 'trainee', ...(names ? ['name'] : []), 'attempt', 'step', 'node', 'choice', 'stance', 'flags', 'meters'],
    ...figures.choiceRows.map((r) => [
      figures.scenarioId,
      r.trainee,
      ...(names ? [names.get(r.trainee) ?? ''] : []),
      r.attemptId,
      r.step + 1,
      r.nodeId,
      r.choiceId,
      r.stance,
      r.flags.join(';'),
      meterText(r.meters),
    ]),
  ]);
}

/** One row per attempt, including the ones counted apart (with the reason). */
export function attemptsCsv(figures: ScenarioFigures, names?: ReadonlyMap<string, string>): string {
  return toCsv([
    [
      'scenario',
      'trainee',
      ...(names ? ['name'] : []),
      'attempt',
      'scenario version',
      'on current map',
      'finished',
      'choices',
      'partnering %',
      'ending',
      'outcome',
      'rewinds',
      'note',
    ],
    ...figures.attemptRows.map((r) => [
      figures.scenarioId,
      r.trainee,
      ...(names ? [names.get(r.trainee) ?? ''] : []),
      r.attemptId,
      r.scenarioVersion,
      'yes',
      r.finished ? 'yes' : 'no',
      r.choices,
      pct(r.partneringShare),
      r.endingId,
      r.outcome,
      r.rewinds,
      r.replayed ? 'replayed from another version' : '',
    ]),
    ...figures.apart.map((r) => [
      figures.scenarioId,
      r.trainee,
      ...(names ? [names.get(r.trainee) ?? ''] : []),
      r.attemptId,
      r.scenarioVersion,
      'no',
      '',
      '',
      '',
      '',
      '',
      '',
      r.reason,
    ]),
  ]);
}
