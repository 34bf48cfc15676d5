import { describe, expect, it } from 'vitest';
import { grantToken, InvalidRequestError } from '../shared/api';
import { GrantTable } from './grants';

describe('GrantTable', () => {
  it('issues unguessable tokens the contract accepts, with the path and name to show', () => {
    const table = new GrantTable();
    const a = table.issue('/home/me/Pictures/seven.png', 'read');
    const b = table.issue('/home/me/Pictures/seven.png', 'read');
    expect(a).toMatchObject({ path: '/home/me/Pictures/seven.png', name: 'seven.png' });
    expect(a.grant).not.toBe(b.grant);
    expect(grantToken.safeParse(a.grant).success).toBe(true);
    expect(grantToken.safeParse('/home/me/Pictures/seven.png').success).toBe(false);
  });

  it('refuses to issue a grant for a relative path (it would land in the working folder)', () => {
    const table = new GrantTable();
    expect(() => table.issue('out/set', 'write')).toThrow(InvalidRequestError);
    expect(() => table.issue('/tmp/a\0b', 'write')).toThrow(InvalidRequestError);
    expect(table.issue('/tmp/x/../y', 'write').path).toBe('/tmp/y');
  });

  it('hands out each path once, for the access it was issued for', () => {
    const table = new GrantTable();
    const save = table.issue('/out/model', 'write');
    const open = table.issue('/in/a.png', 'read');
    expect(() => table.take([save.grant], 'read')).toThrow(/for writing, not reading/);
    expect(() => table.take([open.grant], 'write')).toThrow(/for reading, not writing/);
    expect(table.take([save.grant], 'write')).toEqual(['/out/model']);
    expect(() => table.take([save.grant], 'write')).toThrow(/unknown, used or expired/);
    expect(table.take([open.grant], 'read')).toEqual(['/in/a.png']);
  });

  it('all or nothing: one bad token in a request uses up none of the good ones', () => {
    const table = new GrantTable();
    const a = table.issue('/in/a.png', 'read');
    const b = table.issue('/in/b.png', 'read');
    expect(() => table.take([a.grant, 'x'.repeat(43)], 'read')).toThrow(InvalidRequestError);
    expect(() => table.take([a.grant, a.grant], 'read')).toThrow(/unknown, used or expired/);
    expect(table.take([a.grant, b.grant], 'read')).toEqual(['/in/a.png', '/in/b.png']);
    expect(table.size).toBe(0);
  });

  it('grants expire, and the oldest are forgotten past the cap', () => {
    let now = 0;
    const table = new GrantTable({ ttlMs: 1000, max: 2, now: () => now });
    const early = table.issue('/a', 'read');
    now = 1001;
    expect(() => table.take([early.grant], 'read')).toThrow(/expired/);
    const one = table.issue('/1', 'read');
    table.issue('/2', 'read');
    table.issue('/3', 'read');
    expect(table.size).toBe(2);
    expect(() => table.take([one.grant], 'read')).toThrow(InvalidRequestError);
  });
});
