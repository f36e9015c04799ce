import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Two pages: the staff console (/) and the resident web chat (/chat), built separately so the
// chat bundle stays small for residents on cheap phones. A third, the development phone
// simulator (/simulator), has its own bundle and is served only when the simulator is on.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: { index: resolve(import.meta.dirname, 'index.html'), chat: resolve(import.meta.dirname, 'chat.html'), simulator: resolve(import.meta.dirname, 'simulator.html') },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true }, '/healthz': 'http://localhost:3000', '/simulator/api': 'http://localhost:3000' },
  },
});
