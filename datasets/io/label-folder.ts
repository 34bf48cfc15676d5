// Class labels as folder names, safe on every file system: lowercase ASCII letters, digits and '-'
// stay as they are (a digits set reads `0/`…`9/`); every other code point becomes `_<hex>_`, which keeps
// "A" and "a" apart on case-insensitive file systems and avoids reserved names ("con", ".."). The same
// encoding as app/core's sample store, so folders written by either are read by both. Pure.

const KEEP = /^[a-z0-9-]$/;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

export function labelToFolder(label: string): string {
  if (label.length === 0) throw new Error('labelToFolder: empty label');
  let out = '';
  for (const ch of label) out += KEEP.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`;
  if (RESERVED.test(out)) out = `_${out.codePointAt(0)!.toString(16)}_${out.slice(1)}`;
  return out;
}

/** The label a folder name encodes; a name that is not in this encoding (from another tool) is the label itself. */
export function folderToLabel(folder: string): string {
  let out = '';
  let i = 0;
  while (i < folder.length) {
    const ch = folder[i];
    if (ch === '_') {
      const end = folder.indexOf('_', i + 1);
      const code = end < 0 ? Number.NaN : Number.parseInt(folder.slice(i + 1, end), 16);
      if (!(code >= 0 && code <= 0x10ffff) || !/^[0-9a-f]+$/.test(folder.slice(i + 1, end))) return folder;
      out += String.fromCodePoint(code);
      i = end + 1;
    } else if (KEEP.test(ch)) {
      out += ch;
      i++;
    } else {
      return folder;
    }
  }
  return out.length > 0 ? out : folder;
}
