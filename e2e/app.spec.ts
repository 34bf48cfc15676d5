// The app loads against the real core, and a stroke drawn with the mouse lands on the canvas.
import { expect, test } from './fixtures';

test('the app loads and a stroke drawn with the mouse appears on the canvas', async ({ app }) => {
  const canvas = app.getByRole('img', { name: 'Drawing area' }).or(app.getByLabel('Drawing area'));
  await expect(canvas.first()).toBeVisible();
  const inkBefore = await inkedPixels(app);
  const box = (await canvas.first().boundingBox())!;
  await app.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await app.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await app.mouse.move(box.x + box.width * (0.3 + 0.02 * i), box.y + box.height * (0.3 + 0.02 * i));
  }
  await app.mouse.up();
  await expect.poll(() => inkedPixels(app)).toBeGreaterThan(inkBefore + 100);
});

/** Canvas pixels with ink: any pixel whose alpha or darkness differs from the empty background. */
async function inkedPixels(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas[aria-label="Drawing area"]') as HTMLCanvasElement | null;
    if (!canvas) return 0;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const [r0, g0, b0, a0] = [data[0], data[1], data[2], data[3]];
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (
        Math.abs(data[i] - r0) +
          Math.abs(data[i + 1] - g0) +
          Math.abs(data[i + 2] - b0) +
          Math.abs(data[i + 3] - a0) >
        60
      )
        n++;
    }
    return n;
  });
}
