import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const libs = fileURLToPath(new URL('../../libs', import.meta.url));

/**
 * The web app, built into dist/web and served by the gateway on the same origin. `npm run
 * web:dev` serves it with hot reload and sends the API to a gateway on :3000.
 */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    // Pure shared code (money, error codes) comes straight from libs/, as on the server.
    alias: [{ find: /^@glimmer\/([^/]+)\/(.*)$/, replacement: `${libs}/$1/src/$2` }],
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      onLog(level, log, handler) {
        // Mantine marks its modules "use client" for React Server Components; meaningless here.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/v1': 'http://127.0.0.1:3000',
      '/docs-json': 'http://127.0.0.1:3000',
      '/ops/queues': 'http://127.0.0.1:3000',
    },
  },
});
