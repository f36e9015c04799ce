import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The embed snippet, /chat/embed.js: one classic script (no modules) at a fixed name that a
// landlord's site loads with a single <script> tag.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    lib: { entry: resolve(import.meta.dirname, 'src/embed/embed.ts'), formats: ['iife'], name: 'complaintsChatEmbed', fileName: () => 'chat/embed.js' },
  },
});
