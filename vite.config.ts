import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web client: built once into dist/web and served by the Fastify process (dev: proxied to :3000).
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000', '/ical': 'http://localhost:3000' } },
});
