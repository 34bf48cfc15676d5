// Accessibility: axe-core (through @axe-core/playwright) on every screen — Draw (empty and with a
// prediction; Line mode with a line read and a character's alternatives open), Train, Samples, Models and the help overlay — in the light and the dark theme, chosen
// with the app's own theme switch. No serious or critical violation of WCAG 2.1 A/AA (contrast
// included). Also: keyboard focus is visible, and the confidence bars read as named meters with values.
// Writes a screenshot of each screen in each theme to test-results/screenshots/a11y-*.png.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ONE, SEVEN, writeLine } from './line-drawing';
import { drawStrokes, THREE, ZERO } from './mouse-drawing';
import { createSet } from './sample-sets';
import { screenshotPath } from './screenshots';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Serious and critical violations, one line each: rule, impact, and the first few offending nodes. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 4)
          .map(
            (n) =>
              `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`,
          )
          .join(' | ')}`,
    );
}

/**
 * Disabled controls: axe skips them (WCAG exempts inactive controls), but a newcomer still has to read
 * "Compare" to learn what it would do. Each visible disabled button whose text reads below 4.5:1
 * against what is behind it, as "label: ratio".
 */
async function faintDisabledButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // [r, g, b, a] in 0–255 (alpha 0–1) from "rgb(…)", "rgba(…)" or "color(srgb r g b / a)".
    const rgba = (c: string): number[] => {
      const n = (c.match(/[\d.]+/g) ?? []).map(Number);
      const k = c.startsWith('color(') ? 255 : 1;
      return [n[0]! * k, n[1]! * k, n[2]! * k, n[3] ?? 1];
    };
    const over = (top: number[], under: number[]) =>
      under.map((v, i) => top[3]! * top[i]! + (1 - top[3]!) * v);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    // What is painted behind an element: its and its ancestors' backgrounds, composited.
    const background = (el: Element | null): number[] => {
      const layers: number[][] = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3]! > 0) layers.push(c);
        if (c[3] === 1) break;
      }
      return layers.reduceRight((under, top) => over(top, under), [255, 255, 255]);
    };
    const faint: string[] = [];
    for (const b of document.querySelectorAll<HTMLButtonElement>('button:disabled')) {
      if (!b.offsetParent || !b.textContent?.trim()) continue;
      const s = getComputedStyle(b);
      // A faded button: its text and fill are seen blended into what is behind it.
      const a = Number(s.opacity);
      const behind = background(b.parentElement);
      const text = over([...rgba(s.color).slice(0, 3), a], behind);
      const fill = over([...background(b).slice(0, 3), a], behind);
      const [hi, lo] = [luminance(text), luminance(fill)].sort((x, y) => y - x);
      const ratio = (hi! + 0.05) / (lo! + 0.05);
      if (ratio < 4.5) faint.push(`${b.textContent.trim()}: ${ratio.toFixed(2)}`);
    }
    return faint;
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`every screen passes axe with no serious violations (${theme} theme)`, async ({ app }) => {
    test.setTimeout(120_000);
    await app.getByLabel('Theme').selectOption(theme);
    await expect(app.locator('html')).toHaveAttribute('data-theme', theme);
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      await app.screenshot({ animations: 'disabled', path: screenshotPath(`a11y-${name}-${theme}.png`) });
      found[name] = [...(await seriousViolations(app)), ...(await faintDisabledButtons(app))];
    };

    await expect(app.getByRole('meter').first()).toBeVisible();
    await check('draw-empty');
    await drawStrokes(app, ZERO);
    await expect(app.getByLabel('Top prediction')).not.toHaveText('–');
    await app.getByRole('switch', { name: 'Where it looked' }).click();
    await expect(app.getByRole('switch', { name: 'Where it looked' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await check('draw');

    await app.getByRole('radio', { name: 'A line' }).click();
    await writeLine(app, [SEVEN, ONE, THREE]);
    await expect(app.getByLabel('Line text')).not.toHaveText('–');
    await app.getByRole('list', { name: 'Characters read' }).getByRole('button').first().click();
    await expect(app.getByRole('group', { name: 'Alternatives for character 1' })).toBeVisible();
    await check('draw-line');
    await app.getByRole('radio', { name: 'One character' }).click();

    await app.getByRole('tab', { name: 'Train' }).click();
    await check('train');

    await createSet(app, 'Symbols', ['★']);
    await check('samples');

    await app.getByRole('tab', { name: 'Models' }).click();
    await expect(app.getByRole('table', { name: 'Saved models' })).toBeVisible();
    await check('models');

    await app.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await check('help');

    expect(found).toEqual({
      'draw-empty': [],
      draw: [],
      'draw-line': [],
      train: [],
      samples: [],
      models: [],
      help: [],
    });
  });
}

test('the confidence bars read as named meters with values', async ({ app }) => {
  await drawStrokes(app, ZERO);
  await expect(app.getByLabel('Top prediction')).toHaveText('0');
  const bars = app.getByRole('list', { name: 'Confidence per class' }).getByRole('meter');
  await expect(bars).toHaveCount(10);
  await expect(bars.first()).toHaveAccessibleName('Confidence for 0');
  await expect(bars.first()).toHaveAttribute('aria-valuetext', /^\d+(\.\d)?%$/);
  await expect(bars.last()).toHaveAttribute('aria-valuetext', /%$/);
});

test('keyboard: Tab reaches every control of every screen, each with a visible focus ring', async ({
  app,
}) => {
  await drawStrokes(app, ZERO);
  for (const tab of ['Draw', 'Draw, a line', 'Train', 'Samples', 'Models']) {
    await app.getByRole('tab', { name: tab.split(',')[0]! }).click();
    await app.keyboard.press('Escape');
    if (tab === 'Draw, a line') {
      await app.getByRole('radio', { name: 'A line' }).click();
      await writeLine(app, [SEVEN, ONE]);
      await expect(app.getByLabel('Line text')).not.toHaveText('–');
    }
    // Every enabled control of the screen shown, then Tab through them all (and a few more).
    const controls = await app.evaluate(
      () =>
        document.querySelectorAll(
          'button:not(:disabled):not([tabindex="-1"]), select:not(:disabled), input:not(:disabled), textarea, a[href], [tabindex="0"]',
        ).length,
    );
    await app.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached = new Set<string>();
    const unmarked: string[] = [];
    for (let i = 0; i < controls + 4; i++) {
      await app.keyboard.press('Tab');
      const stop = await app.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        const all = [...document.querySelectorAll('*')];
        return {
          id: String(all.indexOf(el)),
          ring,
          what: `${el.tagName.toLowerCase()} “${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}”`,
        };
      });
      if (!stop) continue;
      reached.add(stop.id);
      if (!stop.ring) unmarked.push(stop.what);
    }
    expect(unmarked, `${tab}: focused without a visible ring`).toEqual([]);
    // Radio groups and tab lists take one Tab stop for the group (arrow keys move within it).
    expect(reached.size, `${tab}: controls reached by Tab`).toBeGreaterThan(Math.min(controls, 6) / 2);
  }
});
