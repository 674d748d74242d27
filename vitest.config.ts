import { defineConfig } from 'vitest/config';
import { scenariosPlugin } from './scripts/vite-plugin-scenarios';

export default defineConfig({
  // The bundled scenarios' virtual module works in tests as in the app.
  plugins: [scenariosPlugin()],
  test: {
    // Playwright specs live in e2e/ and must not be picked up here.
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    // The suite must pass on a busy 2-core machine: component tests that take 0.5 s idle have
    // taken over 5 s (Vitest's default) there. A hang still fails, just later.
    testTimeout: 30_000,
  },
});
