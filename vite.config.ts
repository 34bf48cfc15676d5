import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: a React app built to dist/renderer, served by Electron from app://glyph-lab/ (base './').
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
  server: { port: 5173, strictPort: true },
});
