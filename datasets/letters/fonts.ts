// The fonts the letters set is rendered from (Node-only: reads font files from node_modules).
// Two kinds: outline handwriting fonts from @fontsource (OFL-1.1 / Apache-2.0 .woff files,
// parsed with fontkit) and single-stroke fonts from hersheytext's SVG fonts, whose glyphs are
// pen paths and so go through the same stroke normalization as a live drawing.
// `split` says which side each font lands on: whole fonts are held out for the test split.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openSync } from 'fontkit';
import { type Contour, flattenPath } from './outline';

export type Split = 'train' | 'test';

export interface OutlineFontSpec {
  /** @fontsource package name without the scope. */
  readonly family: string;
  /** Weights to use (each is a separate face file). */
  readonly weights: readonly number[];
  readonly licence: 'OFL-1.1' | 'Apache-2.0';
  readonly split: Split;
  /** Joined-up (cursive) letter forms: sampled more often, as real small letters are often looped. */
  readonly script?: boolean;
}

export interface StrokeFontSpec {
  /** SVG file in hersheytext/svg_fonts. */
  readonly file: string;
  readonly name: string;
  readonly licence: string;
  readonly split: Split;
  readonly script?: boolean;
}

/** Held out for test: six outline families and two stroke fonts chosen to span styles (print, marker, brush, rounded). */
export const OUTLINE_FONTS: readonly OutlineFontSpec[] = [
  { family: 'annie-use-your-telescope', weights: [400], licence: 'OFL-1.1', split: 'train' },
  { family: 'architects-daughter', weights: [400], licence: 'OFL-1.1', split: 'train' },
  { family: 'caveat', weights: [400, 700], licence: 'OFL-1.1', split: 'train' },
  { family: 'caveat-brush', weights: [400], licence: 'OFL-1.1', split: 'test' },
  { family: 'cedarville-cursive', weights: [400], licence: 'OFL-1.1', split: 'train', script: true },
  { family: 'covered-by-your-grace', weights: [400], licence: 'OFL-1.1', split: 'train' },
  { family: 'dancing-script', weights: [400, 700], licence: 'OFL-1.1', split: 'train', script: true },
  { family: 'gaegu', weights: [300, 700], licence: 'OFL-1.1', split: 'train' },
  { family: 'gloria-hallelujah', weights: [400], licence: 'OFL-1.1', split: 'train' },
  { family: 'gochi-hand', weights: [400], licence: 'OFL-1.1', split: 'test' },
  { family: 'handlee', weights: [400], licence: 'OFL-1.1', split: 'train' },
  { family: 'homemade-apple', weights: [400], licence: 'Apache-2.0', split: 'train', script: true },
  { family: 'indie-flower', weights: [400], licence: 'OFL-1.1', split: 'test' },
  { family: 'kalam', weights: [300, 700], licence: 'OFL-1.1', split: 'test' },
  { family: 'nanum-pen-script', weights: [400], licence: 'OFL-1.1', split: 'train' },
  { family: 'neucha', weights: [400], licence: 'OFL-1.1', split: 'train' },
  { family: 'patrick-hand', weights: [400], licence: 'OFL-1.1', split: 'test' },
  { family: 'permanent-marker', weights: [400], licence: 'Apache-2.0', split: 'train' },
  { family: 'playpen-sans', weights: [200, 500, 800], licence: 'OFL-1.1', split: 'train' },
  { family: 'reenie-beanie', weights: [400], licence: 'OFL-1.1', split: 'train' },
  { family: 'rock-salt', weights: [400], licence: 'Apache-2.0', split: 'train' },
  { family: 'schoolbell', weights: [400], licence: 'Apache-2.0', split: 'train' },
  { family: 'shadows-into-light', weights: [400], licence: 'OFL-1.1', split: 'test' },
  { family: 'shantell-sans', weights: [300, 700], licence: 'OFL-1.1', split: 'train' },
  { family: 'short-stack', weights: [400], licence: 'OFL-1.1', split: 'train' },
  { family: 'sue-ellen-francisco', weights: [400], licence: 'OFL-1.1', split: 'train' },
  { family: 'swanky-and-moo-moo', weights: [400], licence: 'OFL-1.1', split: 'train' },
  { family: 'yomogi', weights: [400], licence: 'OFL-1.1', split: 'train' },
];

export const STROKE_FONTS: readonly StrokeFontSpec[] = [
  { file: 'EMSAllure.svg', name: 'EMS Allure', licence: 'OFL-1.1', split: 'train', script: true },
  { file: 'EMSElfin.svg', name: 'EMS Elfin', licence: 'OFL-1.1', split: 'train' },
  { file: 'EMSFelix.svg', name: 'EMS Felix', licence: 'OFL-1.1', split: 'test' },
  { file: 'EMSNixish.svg', name: 'EMS Nixish', licence: 'OFL-1.1', split: 'train' },
  { file: 'EMSNixishItalic.svg', name: 'EMS Nixish Italic', licence: 'OFL-1.1', split: 'train' },
  { file: 'EMSOsmotron.svg', name: 'EMS Osmotron', licence: 'OFL-1.1', split: 'train' },
  { file: 'EMSReadability.svg', name: 'EMS Readability', licence: 'OFL-1.1', split: 'train' },
  { file: 'EMSReadabilityItalic.svg', name: 'EMS Readability Italic', licence: 'OFL-1.1', split: 'test' },
  { file: 'EMSTech.svg', name: 'EMS Tech', licence: 'OFL-1.1', split: 'train' },
  {
    file: 'HersheySans1.svg',
    name: 'Hershey Sans 1-stroke',
    licence: 'Hershey (public use)',
    split: 'train',
  },
  // Duplex (double-line) Hershey faces: print and serif forms drawn by a pen, and an italic with
  // calligraphic capitals, so the stroke half of the set is not all monoline print (generator v4).
  {
    file: 'HersheySansMed.svg',
    name: 'Hershey Sans medium',
    licence: 'Hershey (public use)',
    split: 'train',
  },
  {
    file: 'HersheySerifMed.svg',
    name: 'Hershey Serif medium',
    licence: 'Hershey (public use)',
    split: 'train',
  },
  {
    file: 'HersheySerifMedItalic.svg',
    name: 'Hershey Serif medium italic',
    licence: 'Hershey (public use)',
    split: 'train',
  },
  {
    file: 'HersheyScript1.svg',
    name: 'Hershey Script 1-stroke',
    licence: 'Hershey (public use)',
    split: 'train',
    script: true,
  },
  {
    file: 'HersheyScriptMed.svg',
    name: 'Hershey Script medium',
    licence: 'Hershey (public use)',
    split: 'train',
    script: true,
  },
];

/** A glyph in em units, y down (0 = baseline - 1 em … ), either filled outlines or pen strokes. */
export type GlyphShape =
  | { readonly kind: 'outline'; readonly contours: readonly Contour[] }
  | { readonly kind: 'strokes'; readonly strokes: readonly Contour[] };

/** One face: a name, its split, and a glyph lookup for single characters. */
export interface Face {
  readonly name: string;
  readonly split: Split;
  readonly kind: 'outline' | 'strokes';
  /** Relative chance of being picked among the faces of its kind (script faces: SCRIPT_WEIGHT). */
  readonly weight: number;
  glyph(ch: string): GlyphShape | null;
}

/**
 * Script faces are picked this many times as often as print ones: real small letters are often
 * looped and joined-up (UNIPEN's small letters are), while most handwriting fonts print.
 */
export const SCRIPT_WEIGHT = 3;

const require = createRequire(import.meta.url);

function fontsourceFile(family: string, weight: number): string {
  const dir = dirname(require.resolve(`@fontsource/${family}/package.json`));
  return join(dir, 'files', `${family}-latin-${weight}-normal.woff`);
}

export function loadOutlineFace(spec: OutlineFontSpec, weight: number): Face {
  const font = openSync(fontsourceFile(spec.family, weight));
  const em = font.unitsPerEm;
  const cache = new Map<string, GlyphShape | null>();
  return {
    name: `${spec.family}-${weight}`,
    split: spec.split,
    kind: 'outline',
    weight: spec.script ? SCRIPT_WEIGHT : 1,
    glyph(ch) {
      if (cache.has(ch)) return cache.get(ch)!;
      const cp = ch.codePointAt(0)!;
      let shape: GlyphShape | null = null;
      if (font.hasGlyphForCodePoint(cp)) {
        const contours = flattenPath(font.glyphForCodePoint(cp).path.commands);
        // Font units, y up → em units, y down.
        for (const c of contours) {
          for (let i = 0; i < c.length; i += 2) {
            c[i] /= em;
            c[i + 1] = -c[i + 1] / em;
          }
        }
        if (contours.length > 0) shape = { kind: 'outline', contours };
      }
      cache.set(ch, shape);
      return shape;
    },
  };
}

/** Parses an SVG path of M / L commands (absolute, implicit repeats) into polylines. */
export function parseStrokePath(d: string): Contour[] {
  const strokes: Contour[] = [];
  let cur: Contour | null = null;
  const tokens = d.match(/[MLml]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t === 'M' || t === 'm') {
      if (cur && cur.length >= 2) strokes.push(cur);
      cur = [];
      i++;
    } else if (t === 'L' || t === 'l') {
      i++;
    } else {
      cur ??= [];
      cur.push(Number(t), Number(tokens[i + 1]));
      i += 2;
    }
  }
  if (cur && cur.length >= 2) strokes.push(cur);
  return strokes;
}

export function loadStrokeFace(spec: StrokeFontSpec): Face {
  const svg = readFileSync(
    join(dirname(require.resolve('hersheytext/package.json')), 'svg_fonts', spec.file),
    'utf8',
  );
  const em = Number(/units-per-em="([\d.]+)"/.exec(svg)?.[1] ?? 1000);
  const glyphs = new Map<string, GlyphShape>();
  for (const m of svg.matchAll(/<glyph\s+unicode="([^"&])"[^>]*?\sd="([^"]*)"/g)) {
    const strokes = parseStrokePath(m[2]);
    for (const s of strokes) {
      for (let i = 0; i < s.length; i += 2) {
        s[i] /= em;
        s[i + 1] = -s[i + 1] / em;
      }
    }
    if (strokes.length > 0) glyphs.set(m[1], { kind: 'strokes', strokes });
  }
  return {
    name: spec.name,
    split: spec.split,
    kind: 'strokes',
    weight: spec.script ? SCRIPT_WEIGHT : 1,
    glyph: (ch) => glyphs.get(ch) ?? null,
  };
}

/** Every face (each weight of each outline family, each stroke font). */
export function loadAllFaces(): Face[] {
  const faces: Face[] = [];
  for (const spec of OUTLINE_FONTS) for (const w of spec.weights) faces.push(loadOutlineFace(spec, w));
  for (const spec of STROKE_FONTS) faces.push(loadStrokeFace(spec));
  return faces;
}
