import { describe, expect, it } from 'vitest';
import { DataType, encodeValueInfo } from './onnx-proto';
import { ProtoWriter, utf8 } from './protobuf';
import { fromUtf8, readFields } from './protobuf-reader';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

describe('ProtoWriter', () => {
  it('writes varints as the protobuf encoding guide does', () => {
    expect(hex(new ProtoWriter().int(1, 150).finish())).toBe('08 96 01');
    expect(hex(new ProtoWriter().int(1, 0).finish())).toBe('08 00');
    expect(hex(new ProtoWriter().int(1, 2 ** 40).finish())).toBe('08 80 80 80 80 80 20');
  });

  it('writes negative int64 as ten-byte two’s complement', () => {
    expect(hex(new ProtoWriter().int(2, -1).finish())).toBe('10 ff ff ff ff ff ff ff ff ff 01');
    expect(hex(new ProtoWriter().int(2, -2).finish())).toBe('10 fe ff ff ff ff ff ff ff ff 01');
  });

  it('writes strings, nested messages and fixed32 floats', () => {
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('12 07 74 65 73 74 69 6e 67');
    expect(hex(new ProtoWriter().message(3, new ProtoWriter().int(1, 150)).finish())).toBe('1a 03 08 96 01');
    expect(hex(new ProtoWriter().float(2, 1).finish())).toBe('15 00 00 80 3f');
  });

  it('writes packed floats and packed varints', () => {
    expect(hex(new ProtoWriter().packedFloats(4, [1, -2]).finish())).toBe('22 08 00 00 80 3f 00 00 00 c0');
    expect(hex(new ProtoWriter().packedInts(4, [3, 270, 86942]).finish())).toBe('22 06 03 8e 02 9e a7 05');
  });

  it('grows past its initial buffer', () => {
    const big = new Float32Array(1000).map((_, i) => i);
    const bytes = new ProtoWriter().packedFloats(1, big).finish();
    expect(bytes.length).toBe(1 + 2 + 4000);
    expect(new DataView(bytes.buffer, 3 + 999 * 4, 4).getFloat32(0, true)).toBe(999);
  });

  it('encodes UTF-8 without TextEncoder', () => {
    expect(hex(utf8('é€😀'))).toBe('c3 a9 e2 82 ac f0 9f 98 80');
    expect(fromUtf8(utf8('Glyph é€😀'))).toBe('Glyph é€😀');
  });

  it('reads back what it wrote', () => {
    const bytes = new ProtoWriter()
      .int(1, 150)
      .string(2, 'a')
      .float(3, 0.5)
      .int(4, 2 ** 40)
      .finish();
    expect(
      readFields(bytes).map((f) => (f.value instanceof Uint8Array ? fromUtf8(f.value) : f.value)),
    ).toEqual([150, 'a', 0.5, 2 ** 40]);
  });
});

describe('ONNX messages', () => {
  it('encodes a ValueInfoProto with a symbolic batch dimension', () => {
    // ValueInfo{name:"x", type: TypeProto{tensor_type{elem_type: FLOAT, shape{dim{dim_param:"batch"}, dim{dim_value:3}}}}}
    const bytes = encodeValueInfo({ name: 'x', elemType: DataType.FLOAT, shape: ['batch', 3] }).finish();
    expect(hex(bytes)).toBe('0a 01 78 12 13 0a 11 08 01 12 0d 0a 07 12 05 62 61 74 63 68 0a 02 08 03');
  });
});
