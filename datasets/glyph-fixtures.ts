// Small glyphs shared by the normalization tests, in arbitrary input units (y down).

/** A "2"-like glyph of one stroke: a hook, a diagonal and a base, a few key points on whole numbers. */
export const TWO: [number, number][][] = [
  [
    [2, 3],
    [4, 1],
    [7, 1],
    [9, 3],
    [8, 6],
    [2, 12],
    [10, 12],
  ],
];
