import path from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { petaDasar } from './scripts/vite-peta-dasar';
import { precompress } from './scripts/vite-precompress';

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src/web'),
  resolve: {
    // Zod without its `new Function` probe, which a strict CSP reports (src/web/zod-jitless.ts, ADR 0013).
    alias: [{ find: /^zod$/, replacement: path.resolve(import.meta.dirname, 'src/web/zod-jitless.ts') }],
  },
  plugins: [
    // React's API on Preact's runtime: the field phone's first page was 83 kB of brotli JavaScript, of
    // which react-dom alone was 45 (docs/decisions/0023-preact-runtime.md).
    preact({ devToolsEnabled: false }),
    // The offline base map: land and island names from open-data packages (ADR 0018).
    petaDasar(),
    // The installable, offline app (docs/decisions/0010-offline-web-app.md): our own service worker
    // (src/web/sw.ts) gets the list of every built file to precache; a new version waits for the user.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Siaga — Koordinasi Pengamanan Pilkada',
        short_name: 'Siaga',
        description: 'Laporan, kejadian, kerawanan dan hari H dari lapangan, juga tanpa sinyal.',
        lang: 'id',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b4f6c',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,json}'],
        // The map library and its worker (about 1.6 MB) are kept too: the offline map needs them.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
    precompress(),
  ],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
