// Flat ESLint config: typescript-eslint recommended + react-hooks, plus the architecture's import
// boundaries (README, Architecture: "may import"). Folder boundaries are zones over resolved file
// paths (eslint-plugin-import-x `no-restricted-paths`), so `../../domain/schema`, `src/domain`,
// re-exports and dynamic `import()` are all caught the same way; `no-cycle` keeps imports one-way.
// Package bans (no React in the engine, no Zustand outside persistence) stay name-based.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const LAYERS = ['app', 'domain', 'engine', 'persistence', 'records', 'features', 'components', 'lib', 'testing'];

const pkg = (name) => `^${name.replace('/', '\\/')}(/|$)`;
const rule = (group, message, extra = {}) => ({ regex: group, message, ...extra });

const reactLibs = ['react', 'react-dom', 'react-router', '@xstate/react', '@xyflow/react'];
const noReact = reactLibs.map((p) => rule(pkg(p), 'no React here: keep this layer framework-free.'));
const noStore = [
  rule(pkg('zustand'), 'no Zustand here: state stores live in persistence/.'),
  rule(pkg('idb'), 'no storage here: use persistence/.'),
];
const noXState = [
  rule(pkg('xstate'), 'no XState in domain/: the engine compiles scenarios.'),
  rule(pkg('@xstate/[^/]+'), 'no XState in domain/.'),
];

// Trainee-bundle rule: UI modules may import domain types from anywhere, but values only from the
// small files (stances, kinds, reference, ...), never the barrel, schema.ts or source.ts (zod + yaml).
const noHeavyDomain = rule(
  '(^|/)domain(/index|/schema|/source)?(\\.ts)?$',
  'import domain values from the specific file (e.g. domain/stances): the barrel, schema.ts and source.ts pull zod and yaml into the trainee bundle. `import type` is fine.',
  { allowTypeImports: true },
);

const restrict = (files, patterns) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

/** Files in `layer` may import from src/ only the layers in `allowed` (and themselves). */
const zone = (layer, allowed, why) => ({
  target: `./src/${layer}`,
  from: LAYERS.filter((l) => l !== layer && !allowed.includes(l)).map((l) => `./src/${l}`),
  message: why,
});
const featureZones = features.map((feature) => ({
  target: `./src/features/${feature}`,
  // records/ (the standards code) loads only from the app shell, in a launched mode; pages read
  // where records go from persistence/records-status.
  from: ['./src/features', './src/app', './src/testing', './src/records'],
  except: [`./${feature}`],
  message: `features do not import each other, the app shell, records/ or testing/ (${feature}): share via components/, engine/, domain/ or persistence/.`,
}));
const ZONES = [
  zone('domain', ['lib'], 'domain/ may import only lib/.'),
  zone('engine', ['domain', 'lib'], 'engine/ may import domain/ and xstate only.'),
  zone('persistence', ['domain', 'engine', 'lib'], 'persistence/ may import domain/, engine/ and lib/.'),
  zone(
    'records',
    ['domain', 'engine', 'persistence', 'lib'],
    'records/ (learner records) may import domain/, engine/, persistence/ and lib/.',
  ),
  zone('components', ['domain', 'lib'], 'components/ are presentational: domain/ data and lib/ only.'),
  zone('lib', [], 'lib/ imports nothing from src/.'),
  { target: './src/app', from: ['./src/testing'], message: 'testing/ is for tests only.' },
  ...featureZones,
];

export default tseslint.config(
  // scripts/_*.ts: local scratch scripts, not committed.
  {
    ignores: [
      'scripts/_*',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      '.bench/**',
      '.lighthouse/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
      // The project does not run the React Compiler: its diagnostics (from react-hooks 7's
      // recommended set) are advice, not build breakers. rules-of-hooks stays an error.
      ...Object.fromEntries(
        Object.entries(reactHooks.configs.flat.recommended.rules)
          .filter(([name, level]) => level === 'error' && name !== 'react-hooks/rules-of-hooks')
          .map(([name]) => [name, 'warn']),
      ),
    },
  },

  // Folder boundaries as resolved-path zones, and no import cycles, in src/ (tests may reach
  // across layers: they assemble the real parts).
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      // no-cycle parses the files it follows: tell it TypeScript files are modules it can read.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: ZONES }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  // Package bans, by name.
  restrict(['src/domain/**'], [...noReact, ...noXState, ...noStore]),
  restrict(['src/engine/**', 'src/lib/**'], [...noReact, ...noStore]),
  restrict(['src/components/**', 'src/app/**'], [noHeavyDomain]),
  // The studio is a lazy chunk and may use the full domain (zod, yaml); trainee features may not.
  ...features.filter((f) => f !== 'studio').map((f) => restrict([`src/features/${f}/**`], [noHeavyDomain])),

  // Node scripts, configs and e2e specs: not React (Playwright fixtures call `use`), Node globals.
  {
    files: ['scripts/**', 'e2e/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
    rules: Object.fromEntries(Object.keys(reactHooks.configs.flat.recommended.rules).map((name) => [name, 'off'])),
  },
);
