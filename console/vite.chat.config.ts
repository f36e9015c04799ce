import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The resident web chat (/chat): at most 60 KB gzipped for everything the page loads (a test
// enforces it). React 19 with react-dom alone is about that much, so the chat is built with
// Preact's React-compatible layer in their place: the components are written against React's
// API and type-checked with React's types; the staff console keeps real React.
export function chatBuild({ preact = true, outDir = 'dist' }: { preact?: boolean; outDir?: string } = {}): UserConfig {
  return {
    root: import.meta.dirname,
    plugins: [react()],
    resolve: {
      alias: preact
        ? [
            { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
            { find: /^react-dom$/, replacement: 'preact/compat' },
            { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
            { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
            { find: /^react$/, replacement: 'preact/compat' },
          ]
        : [],
    },
    build: {
      outDir,
      // Added to the staff console's build in the same folder.
      emptyOutDir: false,
      rolldownOptions: { input: { chat: resolve(import.meta.dirname, 'chat.html') } },
    },
  };
}

export default defineConfig(chatBuild());
