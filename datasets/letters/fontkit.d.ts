// The slice of fontkit 2's API this build uses (the package ships no type declarations).
declare module 'fontkit' {
  export interface FontkitPathCommand {
    command: string;
    args: number[];
  }
  export interface FontkitGlyph {
    id: number;
    name: string;
    path: { commands: FontkitPathCommand[] };
  }
  export interface FontkitFont {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): FontkitGlyph;
  }
  export function openSync(path: string): FontkitFont;
}
