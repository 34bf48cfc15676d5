import { describe, expect, it } from 'vitest';
import { decode, encode } from './wire';

describe('e2e wire encoding', () => {
  it('round-trips typed arrays nested in plain data through JSON', () => {
    const value = {
      a: new Float32Array([1.5, -2, Number.MAX_VALUE]),
      list: [new Uint8Array([0, 255, 7]), { deep: new Int32Array([-1, 2 ** 30]) }],
      text: 'x',
      n: 3,
      nothing: null,
    };
    const back = decode(JSON.parse(JSON.stringify(encode(value)))) as typeof value;
    expect(back.a).toBeInstanceOf(Float32Array);
    expect([...back.a]).toEqual([...value.a]);
    expect([...(back.list[0] as Uint8Array)]).toEqual([0, 255, 7]);
    expect([...(back.list[1] as { deep: Int32Array }).deep]).toEqual([-1, 2 ** 30]);
    expect(back.text).toBe('x');
    expect(back.nothing).toBeNull();
  });

  it('encodes a subarray view by its own bytes only', () => {
    const whole = new Float32Array([1, 2, 3, 4]);
    const back = decode(encode(whole.subarray(1, 3))) as Float32Array;
    expect([...back]).toEqual([2, 3]);
  });
});
