// Vite config of the browser client. React JSX is compiled by Vite's own oxc transform
// (no @vitejs/plugin-react: its babel peer dependencies do not resolve with vite 8 here).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: { '@podium/contracts': here('../../libs/contracts/src/index.ts') },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // LiveKit in one chunk of its own name: only media pages import it, and a test checks that the
    // programme page's first visit never loads it (test/web/bundle-split.spec.ts, static-assets).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React first: otherwise the livekit group takes it along as a dependency and every page loads it.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'livekit', test: /node_modules[\\/](livekit-client|@livekit[\\/]components-(react|core))[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/health': 'http://127.0.0.1:3000',
      '/signin': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
