// Pen to bars, in real Chromium with the built-in digits model (what a first-time user gets): draw a
// glyph with many pointer moves and read the Draw screen's own latency log — from the first pointer
// event since the last result to the updated bars committed to the page, in the same frame.
// The figures are printed for docs/benchmarks.md; nothing here asserts a time.

import { expect, test } from './fixtures';
import { screenshotPath } from './screenshots';

/** A loop of a "0" then a tail, as one stroke: enough moves for a few hundred latency samples. */
function glyph(n: number): [number, number][] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = (2 * Math.PI * i) / n - Math.PI / 2;
    return [0.5 + 0.18 * Math.cos(a), 0.5 + 0.3 * Math.sin(a)];
  });
}

test('pen to bars: the built-in model answers while drawing, latency recorded', async ({ app }) => {
  const canvas = app.getByLabel('Drawing area');
  const box = (await canvas.boundingBox())!;
  const at = ([fx, fy]: [number, number]) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  const points = glyph(120);
  const latency = app.locator('.latency');
  for (let round = 0; round < 2; round++) {
    await app.mouse.move(...at(points[0]!));
    await app.mouse.down();
    for (const p of points.slice(1)) await app.mouse.move(...at(p), { steps: 2 });
    await app.mouse.up();
    await expect(app.getByLabel('Top prediction')).toHaveText('0');
    await app.keyboard.press('Delete');
  }
  await expect(app.getByRole('list', { name: 'Confidence per class' })).toBeAttached();
  const count = Number(await latency.getAttribute('data-latency-count'));
  expect(count).toBeGreaterThan(50);
  const median = await latency.getAttribute('data-latency-median-ms');
  const p95 = await latency.getAttribute('data-latency-p95-ms');
  const pass = [
    await latency.getAttribute('data-pass-median-ms'),
    await latency.getAttribute('data-pass-p95-ms'),
  ];
  // What a first-time user sees with the built-in model, with the saliency overlay on.
  await app.mouse.move(...at(points[0]!));
  await app.mouse.down();
  for (const p of points.slice(1)) await app.mouse.move(...at(p));
  await app.mouse.up();
  await app.getByRole('switch', { name: 'Where it looked' }).check();
  await expect(app.getByLabel('Top prediction')).toHaveText('0');
  await app.screenshot({ animations: 'disabled', path: screenshotPath('draw-builtin.png') });
  console.log(
    `pen to bars (built-in digits model, ${count} updates): median ${median} ms, p95 ${p95} ms; normalize + forward per pass: median ${pass[0]} ms, p95 ${pass[1]} ms`,
  );
});
