import { isMarker } from './markers';
import { reachableFrom, canReachEnding } from './graph';
import { own } from './own';
import type { Problem } from './problem';
import type { Scenario } from './schema';

/**
 * Graph and reference checks on a schema-valid scenario. Pure; positions are added by the caller
 * that knows the source text.
 */
export function checkScenario(scenario: Scenario, opts: { expectedId?: string } = {}): Problem[] {
  const problems: Problem[] = [];
  const err = (path: Problem['path'], rule: string, message: string) => problems.push({ severity: 'error', path, rule, message });
  const warn = (path: Problem['path'], rule: string, message: string) => problems.push({ severity: 'warning', path, rule, message });
  const nodes = scenario.nodes;
  const meterIds = new Set(Object.keys(scenario.meters));
  const known = (id: string) => Object.hasOwn(nodes, id);

  if (opts.expectedId !== undefined && scenario.id !== opts.expectedId)
    err(['id'], 'id-matches-file', `id "${scenario.id}" must equal the file name "${opts.expectedId}"`);
  if (!known(scenario.start)) err(['start'], 'unknown-target', `unknown node "${scenario.start}"`);
  else if (own(nodes, scenario.start)!.kind === 'route')
    warn(['start'], 'start-kind', 'the start node is a route; trainees normally start at a moment');

  const competencies = new Set<number>();
  scenario.competencies.forEach((c, i) => {
    if (competencies.has(c)) err(['competencies', i], 'duplicate-id', `competency ${c} is listed twice`);
    competencies.add(c);
  });

  for (const [nodeId, node] of Object.entries(nodes)) {
    const base = ['nodes', nodeId] as const;
    if (node.kind === 'moment') {
      const seen = new Set<string>();
      if (!node.choices.some((c) => c.stance === 'partnering'))
        err([...base, 'choices'], 'partnering-choice', 'a moment needs at least one partnering choice');
      node.choices.forEach((choice, i) => {
        const at = [...base, 'choices', i] as const;
        if (seen.has(choice.id)) err([...at, 'id'], 'duplicate-id', `duplicate choice id "${choice.id}" in node "${nodeId}"`);
        seen.add(choice.id);
        if (!known(choice.next)) err([...at, 'next'], 'unknown-target', `unknown node "${choice.next}"`);
        if (choice.next === nodeId) err([...at, 'next'], 'self-loop', `a choice cannot lead back to its own moment "${nodeId}"`);
        if (choice.stance !== 'partnering') {
          if (!choice.feedback) err([...at, 'feedback'], 'drift-feedback', `a ${choice.stance} choice needs feedback`);
          if (!choice.partneringAlternative)
            err([...at, 'partneringAlternative'], 'drift-alternative', `a ${choice.stance} choice needs a partneringAlternative`);
        } else if (!choice.feedback) {
          warn([...at, 'feedback'], 'partnering-feedback', 'a partnering choice should say why it helps (feedback)');
        }
        const markers = new Set<string>();
        choice.markers.forEach((m, j) => {
          if (!isMarker(m)) err([...at, 'markers', j], 'unknown-marker', `"${m}" is not a PCC marker (3.1-8.9)`);
          else if (markers.has(m)) err([...at, 'markers', j], 'duplicate-id', `marker ${m} is listed twice`);
          markers.add(m);
        });
        for (const meter of Object.keys(choice.effects))
          if (!meterIds.has(meter)) err([...at, 'effects', meter], 'unknown-meter', `unknown meter "${meter}"`);
      });
    } else if (node.kind === 'route') {
      const fallback = node.routes.findIndex((r) => !r.when);
      if (fallback === -1) err([...base, 'routes'], 'route-fallback', 'a route node needs a fallback route without `when`');
      else if (fallback < node.routes.length - 1)
        warn([...base, 'routes', fallback + 1], 'route-unreachable', 'routes after the fallback can never be taken');
      node.routes.forEach((route, i) => {
        const at = [...base, 'routes', i] as const;
        if (!known(route.next)) err([...at, 'next'], 'unknown-target', `unknown node "${route.next}"`);
        if (route.next === nodeId) err([...at, 'next'], 'self-loop', `a route cannot lead back to itself`);
        for (const meter of Object.keys(route.when ?? {}))
          if (!meterIds.has(meter)) err([...at, 'when', meter], 'unknown-meter', `unknown meter "${meter}"`);
      });
    }
  }

  if (known(scenario.start)) {
    const reachable = reachableFrom(scenario);
    const toEnding = canReachEnding(scenario);
    for (const nodeId of Object.keys(nodes)) {
      if (!reachable.has(nodeId))
        err(['nodes', nodeId], 'unreachable', `node "${nodeId}" cannot be reached from start "${scenario.start}"`);
      else if (!toEnding.has(nodeId)) err(['nodes', nodeId], 'dead-end', `no ending can be reached from node "${nodeId}"`);
    }
  }
  if (!Object.values(nodes).some((n) => n.kind === 'ending')) err(['nodes'], 'no-ending', 'a scenario needs at least one ending');

  scenario.facilitator?.driftNotes.forEach((n, i) => {
    if (!known(n.node)) err(['facilitator', 'driftNotes', i, 'node'], 'unknown-target', `unknown node "${n.node}"`);
  });
  return problems;
}
