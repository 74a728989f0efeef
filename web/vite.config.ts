import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API during development (`npm run start:dev` at the root). */
const API = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': API, '/health': API },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every asset a file of its own under /assets: the service's Content-Security-Policy allows
    // fonts and images from 'self' only, and hashed names may be cached for a year.
    assetsInlineLimit: 0,
    // One bundle for an internal application, cached for a year by its hashed name.
    chunkSizeWarningLimit: 800,
  },
});
