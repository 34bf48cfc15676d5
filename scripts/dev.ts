// `npm run dev`: the Vite dev server for the renderer plus Electron pointed at it (hot reload of
// the UI). Without the Electron binary, the renderer alone is served for a browser.

import { spawn } from 'node:child_process';
import { ELECTRON_MISSING_HINT, electronBinary } from './electron-binary';

const vite = spawn('npx', ['vite'], { stdio: 'inherit' });
const binary = electronBinary();
if (!binary) {
  console.error(ELECTRON_MISSING_HINT);
  console.error(
    'Serving the renderer alone at http://localhost:5173 (it needs window.api: use the e2e host).',
  );
} else {
  const build = spawn('npx', ['tsx', 'scripts/build-electron.ts'], { stdio: 'inherit' });
  build.on('exit', () => {
    const app = spawn(binary, ['.'], {
      stdio: 'inherit',
      env: { ...process.env, GLYPH_LAB_DEV_URL: 'http://localhost:5173' },
    });
    app.on('exit', () => vite.kill());
  });
}
