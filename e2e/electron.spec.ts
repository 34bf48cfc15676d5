// The packaged shell in a real Electron: runs where the Electron binary exists, and says plainly
// that it was skipped where it does not (these machines cannot download it).
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../scripts/electron-binary';

const binary = electronBinary();

test('Electron: the window opens securely with window.api and the drawing area', async () => {
  if (!binary) {
    const reason =
      'no Electron binary on this machine (it downloads on first run; run `npx install-electron --no` where there is internet)';
    console.log(`electron.spec.ts: skipped: ${reason}`);
    test.skip(true, reason);
  }
  const app = await electron.launch({ executablePath: binary!, args: ['.'] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByLabel('Drawing area')).toBeVisible();
    const exposed = await window.evaluate(() => ({
      api: typeof (window as unknown as { api?: unknown }).api,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ api: 'object', require: 'undefined', process: 'undefined' });
  } finally {
    await app.close();
  }
});
