/**
 * Bundles scenarios/*.yaml: validates each file at build (and dev) time with the same checks as
 * `npm run scenarios:check`, fails the build with `file:line:col  path  message` lines, and exposes
 *   virtual:catalyst/scenarios  -> `summaries` (small, for the library) and `loadScenario(id)`,
 *   one lazy chunk per scenario, so the trainee downloads only the conversation they open.
 * CATALYST_SCENARIOS=id1,id2 bundles only those scenarios (`npm run package -- --scenario ID`); an
 * id with no file fails the build.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import {
  findPartneringPath,
  formatProblem,
  hasErrors,
  parseScenarioSource,
  scenarioVersion,
  summarize,
  type Scenario,
} from '../src/domain';

const INDEX_ID = 'virtual:catalyst/scenarios';
const ONE_PREFIX = 'virtual:catalyst/scenario/';

interface Loaded {
  readonly id: string;
  readonly scenario: Scenario;
  readonly version: string;
}

/** The scenario ids a build is limited to (CATALYST_SCENARIOS, comma-separated), or undefined for all. */
export function onlyScenarios(env: string | undefined = process.env.CATALYST_SCENARIOS): Set<string> | undefined {
  const ids = (env ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return ids.length ? new Set(ids) : undefined;
}

export function scenariosPlugin(dir = 'scenarios', only = onlyScenarios()): Plugin {
  let root = process.cwd();
  const folder = () => resolve(root, dir);

  // Parsed once per set of file versions: every virtual module asks, but files rarely change.
  let cache: { stamp: string; result: ReturnType<typeof parseAll> } | undefined;
  function loadAll() {
    const files = readdirSync(folder())
      .filter((f) => /\.ya?ml$/.test(f) && (!only || only.has(f.replace(/\.ya?ml$/, ''))))
      .sort()
      .map((f) => join(folder(), f));
    const stamp = files.map((f) => `${f}:${statSync(f).mtimeMs}`).join('|');
    if (cache?.stamp !== stamp) cache = { stamp, result: parseAll(files) };
    return cache.result;
  }

  function parseAll(files: string[]): { loaded: Loaded[]; messages: string[]; files: string[] } {
    const loaded: Loaded[] = [];
    const messages: string[] = [];
    for (const file of files) {
      const id = basename(file).replace(/\.ya?ml$/, '');
      const { scenario, problems } = parseScenarioSource(readFileSync(file, 'utf8'), { expectedId: id });
      const shown = `${dir}/${basename(file)}`;
      if (hasErrors(problems) || !scenario)
        messages.push(...problems.filter((p) => p.severity === 'error').map((p) => formatProblem(shown, p)));
      else loaded.push({ id, scenario, version: scenarioVersion(scenario) });
    }
    return { loaded, messages, files };
  }

  return {
    name: 'catalyst-scenarios',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      if (id === INDEX_ID || id.startsWith(ONE_PREFIX)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:catalyst/')) return null;
      const { loaded, messages, files } = loadAll();
      for (const f of files) this.addWatchFile(f);
      if (messages.length) this.error(`Invalid scenario files:\n${messages.join('\n')}`);
      const missing = [...(only ?? [])].filter((wanted) => !loaded.some((l) => l.id === wanted));
      if (missing.length) this.error(`CATALYST_SCENARIOS names scenarios with no file in ${dir}/: ${missing.join(', ')}`);
      if (id === `\0${INDEX_ID}`) {
        const summaries = loaded.map((l) => summarize(l.scenario, l.version));
        const loaders = loaded.map((l) => `  ${JSON.stringify(l.id)}: () => import(${JSON.stringify(ONE_PREFIX + l.id)})`).join(',\n');
        return [
          `export const summaries = JSON.parse(${JSON.stringify(JSON.stringify(summaries))});`,
          `const loaders = {\n${loaders}\n};`,
          `export function loadScenario(id) {`,
          `  const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;`,
          `  return load ? load().then((m) => m.default) : Promise.resolve(undefined);`,
          `}`,
        ].join('\n');
      }
      const one = loaded.find((l) => `\0${ONE_PREFIX}${l.id}` === id);
      if (!one) return null;
      // The partnering path is computed here, once, rather than on the trainee's device.
      const partneringPath = findPartneringPath(one.scenario);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify({ scenario: one.scenario, version: one.version, partneringPath }))});`;
    },
    handleHotUpdate({ file, server }) {
      if (file.startsWith(folder())) {
        for (const mod of server.moduleGraph.idToModuleMap.values())
          if (mod.id?.startsWith('\0virtual:catalyst/')) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
        return [];
      }
      return undefined;
    },
  };
}
