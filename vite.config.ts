import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { scenariosPlugin } from './scripts/vite-plugin-scenarios';

// base './' + hash routing: the build runs from any static host and any sub-path, with no
// server rewrite rules (see README, Architecture).
export default defineConfig({
  base: './',
  plugins: [react(), scenariosPlugin()],
  build: {
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
    // dist/.vite/manifest.json: read by scripts/bundle-check.ts (trainee JavaScript budget).
    manifest: true,
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
});
