// JSON text from files a user (or anyone) can edit: parsed with a bound on nesting depth, and every
// error names the file. JSON.parse itself copes with 100,000 levels, but whatever walks the result
// next (JSON.stringify on save, structured clone over IPC, schema checks) recurses and overflows the
// stack, so a deep document is refused here by a linear scan before it is parsed. Browser-safe.

/** Deeper than any file Glyph Lab writes (a model.json is about 8 levels deep). */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of objects and arrays in `text`, stopping early once past `limit`. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character (\" stays in the string)
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** `JSON.parse(text)`, refusing nesting past `maxDepth`; `name` (a file) starts every error. */
export function parseJson(text: string, name: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepth(text, maxDepth) > maxDepth) {
    throw new Error(`${name}: JSON nested deeper than ${maxDepth} levels`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${name} is not valid JSON (${(error as Error).message})`);
  }
}
