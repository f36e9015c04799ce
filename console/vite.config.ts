import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The staff console (/) with React, and the development phone simulator (/simulator), which is
// served only when the simulator is on. The resident web chat (/chat) and its embed snippet are
// built by vite.chat.config.ts and vite.embed.config.ts into the same dist/, after this build:
// the chat has its own small bundle for residents on cheap phones. The dev server serves all
// pages (chat.html with real React).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: { index: resolve(import.meta.dirname, 'index.html'), simulator: resolve(import.meta.dirname, 'simulator.html') },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true }, '/healthz': 'http://localhost:3000', '/simulator/api': 'http://localhost:3000' },
  },
});
