import type { PathSegment, Problem } from '../../domain/problem';

/**
 * Stable DOM ids for editor inputs, derived from the path a problem names:
 * ['nodes', 'opening', 'choices', 1, 'next'] -> "field-nodes.opening.choices.1.next".
 * The problems panel focuses a field by rebuilding this id from a problem's path.
 */
export const fieldId = (path: readonly PathSegment[]): string => `field-${path.join('.')}`;

/** The node a problem is about, if any (selecting it opens the node in the inspector). */
export function nodeOfPath(path: readonly PathSegment[]): string | undefined {
  return path[0] === 'nodes' && typeof path[1] === 'string' ? path[1] : undefined;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  client: 'Client line',
  narration: 'Narration',
  cue: 'Cue',
  kind: 'Kind',
  outcome: 'Outcome',
  summary: 'Summary',
  text: 'Response text',
  stance: 'Stance',
  markers: 'Markers',
  flags: 'Flags',
  effects: 'Effects',
  feedback: 'Feedback',
  reflect: 'Reflective question',
  partneringAlternative: 'Partnering alternative',
  next: 'Next node',
  when: 'Condition',
  choices: 'Choices',
  routes: 'Routes',
  id: 'Id',
  title: 'Title',
  estimatedMinutes: 'Estimated minutes',
  competencies: 'Competencies',
  temptation: 'Temptation',
  meters: 'Meters',
  start: 'Start node',
  schemaVersion: 'Schema version',
  facilitator: 'Facilitator guide',
  objectives: 'Objectives',
  discussion: 'Discussion questions',
  driftNotes: 'Drift notes',
  name: 'Name',
  role: 'Role',
  background: 'Background',
  label: 'Label',
  initial: 'Initial value',
  note: 'Note',
  node: 'Node',
};

/** Human wording of where a problem is: "opening › choice 2 › Next node". */
export function describePath(path: readonly PathSegment[]): { where: string; field: string } {
  const node = nodeOfPath(path);
  const rest = node ? path.slice(2) : path;
  const parts: string[] = [node ? `Node ${node}` : 'Scenario'];
  let field = node ? 'Node' : 'Scenario';
  for (let i = 0; i < rest.length; i++) {
    const seg = rest[i]!;
    const prev = rest[i - 1];
    if (typeof seg === 'number') {
      const noun =
        prev === 'choices' ? 'choice' : prev === 'routes' ? 'route' : prev === 'markers' ? 'marker' : prev === 'flags' ? 'flag' : 'item';
      parts[parts.length - 1] = `${noun} ${seg + 1}`;
      field = parts[parts.length - 1]!;
      continue;
    }
    if (prev === 'effects' || prev === 'when' || (prev === 'meters' && i === 1)) {
      field = `${seg}`;
      parts.push(seg);
      continue;
    }
    field = FIELD_LABELS[seg] ?? seg;
    parts.push(field);
  }
  return { where: parts.join(' › '), field };
}

/** Problems grouped by the id of the field they name, for inline messages next to inputs. */
export function problemsByField(problems: readonly Problem[]): ReadonlyMap<string, readonly Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = fieldId(p.path);
    const list = out.get(key);
    if (list) list.push(p);
    else out.set(key, [p]);
  }
  return out;
}

/** Count of problems per node id, for the map's badges. */
export function problemsByNode(problems: readonly Problem[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of problems) {
    const node = nodeOfPath(p.path);
    if (node) out[node] = (out[node] ?? 0) + 1;
  }
  return out;
}

/**
 * The element to focus for a problem: the field with the exact id, or the nearest ancestor path
 * that has one (e.g. a marker index falls back to the markers search box).
 */
export function findFieldElement(path: readonly PathSegment[], root: ParentNode = document): HTMLElement | null {
  for (let n = path.length; n >= 1; n--) {
    const el = root.querySelector<HTMLElement>(`[id="${cssEscape(fieldId(path.slice(0, n)))}"]`);
    if (el) return el;
  }
  return null;
}

const cssEscape = (s: string) => s.replace(/["\\]/g, '\\$&');
