// Flat ESLint config: typescript-eslint recommended + react-hooks, plus the architecture's import
// boundaries (see /work/shared/architecture.md, "may import") enforced with no-restricted-imports.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** An import of a folder under src/ (relative, from anywhere below src/). */
const srcFolder = (name) => `^(\\.\\.?/)+(src/)?${name}(/|$)`;
const pkg = (name) => `^${name.replace('/', '\\/')}(/|$)`;

const rule = (group, message, extra = {}) => ({ regex: group, message, ...extra });

const reactLibs = ['react', 'react-dom', 'react-router', '@xstate/react', '@xyflow/react'];
const noReact = reactLibs.map((p) => rule(pkg(p), 'no React here: keep this layer framework-free.'));
const noStore = [rule(pkg('zustand'), 'no Zustand here: state stores live in persistence/.'), rule(pkg('idb'), 'no storage here: use persistence/.')];
const noXState = [rule(pkg('xstate'), 'no XState in domain/: the engine compiles scenarios.'), rule(pkg('@xstate/[^/]+'), 'no XState in domain/.')];
const no = (folder, why) => rule(srcFolder(folder), why);

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

export default tseslint.config(
  // scripts/_*.ts: local scratch scripts, not committed.
  { ignores: ['scripts/_*', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**', '.bench/**', '.lighthouse/**'] },
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

  // domain/: lib only. No React, XState, Zustand, DOM storage, or app code.
  restrict(['src/domain/**'], [
    ...noReact,
    ...noXState,
    ...noStore,
    ...['app', 'engine', 'persistence', 'features', 'components', 'testing'].map((f) => no(f, `domain/ may import only lib/ (not ${f}/).`)),
  ]),
  // engine/: domain + xstate. No React, Zustand, persistence or features.
  restrict(['src/engine/**'], [
    ...noReact,
    ...noStore,
    ...['app', 'persistence', 'features', 'components', 'testing'].map((f) => no(f, `engine/ may import domain/ and xstate only (not ${f}/).`)),
  ]),
  // persistence/: domain + engine types. No React UI, features or app.
  restrict(['src/persistence/**'], [
    ...['app', 'features', 'components', 'testing'].map((f) => no(f, `persistence/ may not import ${f}/.`)),
  ]),
  // components/: presentational. No features, persistence or app.
  restrict(['src/components/**'], [
    ...['app', 'features', 'persistence', 'testing'].map((f) => no(f, `components/ are presentational: they may not import ${f}/.`)),
    noHeavyDomain,
  ]),
  // lib/: imports nothing from src/.
  restrict(['src/lib/**'], [
    ...['app', 'domain', 'engine', 'persistence', 'features', 'components', 'testing'].map((f) => no(f, `lib/ imports nothing from src/ (not ${f}/).`)),
  ]),
  // features/<x>/: not other features, not the app shell.
  ...features.map((feature) =>
    restrict([`src/features/${feature}/**`], [
      ...features
        .filter((other) => other !== feature)
        .map((other) => rule(`^(\\.\\./)+(features/)?${other}(/|$)`, `features do not import each other (${feature} -> ${other}): share via components/, engine/, domain/ or persistence/.`)),
      no('app', 'features may not import the app shell (app/ composes features).'),
      no('testing', 'testing/ is for tests only.'),
      // The studio is a lazy chunk and may use the full domain (zod, yaml); trainee features may not.
      ...(['studio', 'editor'].includes(feature) ? [] : [noHeavyDomain]),
    ]),
  ),
  restrict(['src/app/**'], [no('testing', 'testing/ is for tests only.'), noHeavyDomain]),

  // Node scripts, configs and e2e specs: not React (Playwright fixtures call `use`), Node globals.
  {
    files: ['scripts/**', 'e2e/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
    rules: Object.fromEntries(Object.keys(reactHooks.configs.flat.recommended.rules).map((name) => [name, 'off'])),
  },
);
