import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Where the dev server forwards `/graphql`, so the browser only ever talks to its own origin. */
const apiUrl = process.env.API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    // `vite preview` reuses this proxy (preview.proxy defaults to server.proxy).
    proxy: {
      '/graphql': { target: apiUrl, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The frameworks change far less often than the console: separate, long-cached chunks.
        codeSplitting: {
          groups: [
            { name: 'mui', test: /node_modules[\\/]@mui[\\/]/ },
            { name: 'react-admin', test: /node_modules[\\/](react-admin|ra-[\w-]+)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
