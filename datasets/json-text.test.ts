import { describe, expect, it } from 'vitest';
import { jsonDepth, MAX_JSON_DEPTH, parseJson } from './json-text';

describe('parseJson', () => {
  it('parses ordinary JSON and measures its depth, ignoring brackets in strings', () => {
    expect(parseJson('{"a": [1, {"b": "[[[{{{"}]}', 'x.json')).toEqual({ a: [1, { b: '[[[{{{' }] });
    expect(jsonDepth('{"a": [1, {"b": "[[[\\"{{{"}]}')).toBe(3);
    expect(jsonDepth('"[["')).toBe(0);
  });

  it('refuses a 100,000-deep document with a clear error naming the file', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => parseJson(deep, '/tmp/model.json')).toThrow(
      `/tmp/model.json: JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    );
    const objects = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    expect(() => parseJson(objects, 'dataset.json')).toThrow(/^dataset.json: JSON nested deeper than 64/);
    const ok = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(() => parseJson(ok, 'ok.json')).not.toThrow();
  });

  it('names the file when the text is not JSON', () => {
    expect(() => parseJson('not json', 'data/mnist/manifest.json')).toThrow(
      /^data\/mnist\/manifest.json is not valid JSON \(/,
    );
  });
});
