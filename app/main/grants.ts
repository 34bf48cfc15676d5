// File grants: the only way a path reaches main from the renderer. Main issues a grant when the
// person chooses a path in one of its dialogs (read for open, write for save) or drops a file on the
// window (read, registered by the preload); the renderer holds only the random token and sends it
// back. A grant is single-use and expires, so a token seen once is worth nothing later.
// Electron-free: main and the e2e host share it.

import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { type FileGrant, InvalidRequestError } from '../shared/api';

/** read: open dialogs and drops (import); write: save dialogs (export). */
export type Access = 'read' | 'write';

export interface GrantTableOptions {
  /** How long an unused grant stays valid. Default 10 minutes: a dialog answer is used at once. */
  ttlMs?: number;
  /** At most this many grants outstanding; issuing more forgets the oldest. */
  max?: number;
  now?: () => number;
}

const VERB: Record<Access, string> = { read: 'reading', write: 'writing' };

interface Entry {
  path: string;
  access: Access;
  expires: number;
}

export class GrantTable {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(options: GrantTableOptions = {}) {
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.max = options.max ?? 20_000;
    this.now = options.now ?? Date.now;
  }

  /** Issue a grant for an absolute path (dialogs and the preload give nothing else). */
  issue(target: string, access: Access): FileGrant {
    if (!path.isAbsolute(target) || target.includes('\0'))
      throw new InvalidRequestError(`a grant needs an absolute path, not ${JSON.stringify(target)}`);
    const resolved = path.resolve(target);
    const grant = randomBytes(32).toString('base64url');
    this.entries.set(grant, { path: resolved, access, expires: this.now() + this.ttlMs });
    // Map keeps insertion order and every grant lives as long: the first entries expire first.
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.max && entry.expires >= this.now()) break;
      this.entries.delete(key);
    }
    return { grant, path: resolved, name: path.basename(resolved) };
  }

  /**
   * The paths behind the given grants, which are used up. All or nothing: one unknown, expired,
   * repeated or wrong-access token refuses the whole request and uses up none.
   */
  take(grants: readonly string[], access: Access): string[] {
    const now = this.now();
    const seen = new Set<string>();
    const paths = grants.map((grant) => {
      const entry = this.entries.get(grant);
      if (!entry || entry.expires < now || seen.has(grant))
        throw new InvalidRequestError('unknown, used or expired file grant: choose the file again');
      if (entry.access !== access)
        throw new InvalidRequestError(`this file grant is for ${VERB[entry.access]}, not ${VERB[access]}`);
      seen.add(grant);
      return entry.path;
    });
    for (const grant of grants) this.entries.delete(grant);
    return paths;
  }

  /** Grants outstanding (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
