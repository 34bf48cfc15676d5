import { describe, expect, it } from 'vitest';
import { dismissNotice, MAX_NOTICES, type Notice, noticesOn, raiseNotice } from './notices';

const saved = { kind: 'success', text: 'Saved a sample of “★”.', screen: 'samples' } as const;

describe('notices', () => {
  it('refreshes a repeated message instead of stacking copies, and counts it', () => {
    let list: Notice[] = [];
    list = raiseNotice(list, { ...saved, id: 1 });
    list = raiseNotice(list, { ...saved, id: 2 });
    list = raiseNotice(list, { ...saved, id: 3 });
    expect(list).toEqual([{ ...saved, id: 3, count: 3 }]);
    // The timer of id 1 fires: the refreshed notice stays.
    expect(dismissNotice(list, 1)).toHaveLength(1);
    expect(dismissNotice(list, 3)).toEqual([]);
  });

  it('keeps the same text of another kind or screen apart', () => {
    let list: Notice[] = [];
    list = raiseNotice(list, { ...saved, id: 1 });
    list = raiseNotice(list, { ...saved, kind: 'error', id: 2 });
    list = raiseNotice(list, { ...saved, screen: 'models', id: 3 });
    expect(list.map((n) => n.id)).toEqual([1, 2, 3]);
  });

  it('shows each notice only on its own screen', () => {
    let list: Notice[] = [];
    list = raiseNotice(list, { ...saved, id: 1 });
    list = raiseNotice(list, { kind: 'success', text: 'Exported', screen: 'models', id: 2 });
    expect(noticesOn(list, 'samples').map((n) => n.id)).toEqual([1]);
    expect(noticesOn(list, 'models').map((n) => n.id)).toEqual([2]);
    expect(noticesOn(list, 'draw')).toEqual([]);
  });

  it(`keeps at most ${MAX_NOTICES} per screen, dropping the oldest`, () => {
    let list: Notice[] = [];
    for (let i = 1; i <= 5; i++) list = raiseNotice(list, { ...saved, text: `n${i}`, id: i });
    list = raiseNotice(list, { ...saved, screen: 'models', id: 9 });
    expect(noticesOn(list, 'samples').map((n) => n.text)).toEqual(['n3', 'n4', 'n5']);
    expect(noticesOn(list, 'models')).toHaveLength(1);
  });
});
