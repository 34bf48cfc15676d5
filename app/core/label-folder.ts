// Class labels as folder names that are safe on every file system: any Unicode label ("★", "A", "a",
// "con", "..") maps to a distinct folder name. Lowercase ASCII letters, digits and '-' stay as they are
// (so a digits set reads `0/`…`9/`); every other code point becomes `_<hex>_`, which keeps upper and
// lower case apart on case-insensitive file systems and avoids reserved names. The real label is also
// kept in the dataset's `dataset.json`; this encoding is reversible anyway.

const KEEP = /^[a-z0-9-]$/;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

export function labelToFolder(label: string): string {
  let out = '';
  for (const ch of label) {
    out += KEEP.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`;
  }
  // Windows reserves device names regardless of case; encode their first letter.
  if (RESERVED.test(out)) out = `_${out.codePointAt(0)!.toString(16)}_${out.slice(1)}`;
  return out;
}

export function folderToLabel(folder: string): string | null {
  let out = '';
  let i = 0;
  while (i < folder.length) {
    const ch = folder[i]!;
    if (ch === '_') {
      const end = folder.indexOf('_', i + 1);
      if (end < 0) return null;
      const code = Number.parseInt(folder.slice(i + 1, end), 16);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) return null;
      out += String.fromCodePoint(code);
      i = end + 1;
    } else if (KEEP.test(ch)) {
      out += ch;
      i++;
    } else {
      return null;
    }
  }
  return out.length > 0 ? out : null;
}
