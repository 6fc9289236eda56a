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
        // Every screen is a React.lazy import, so the first page loads only the shell (react-admin's
        // <Admin>, the layout, the menu, the providers) and each screen brings its own MUI and
        // react-admin components. Two named groups on top of that automatic splitting:
        // - react: needed by every page and changes least, one long-cached chunk;
        // - recharts (with the d3 and redux packages it alone uses): only the dashboard needs it.
        // Grouping all of MUI or react-admin into one chunk each would also pull the components
        // only later screens use into the first load (about 80 kB more gzip), so they are not.
        // Dependencies are not pulled into a group with their dependents: recharts would
        // otherwise take react with it into the first load.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 20,
            },
            {
              name: 'recharts',
              test: /node_modules[\\/](recharts|use-sync-external-store|victory-vendor|d3-[\w-]+|internmap|@reduxjs|immer|react-redux|reselect|redux|redux-thunk|es-toolkit|decimal\.js-light|tiny-invariant)[\\/]/,
              priority: 10,
            },
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
