import type { Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import { nativePickers } from './dialogs';

// A fake `dialog` that records the options it was shown with and answers as a person would.
function fakeDialog(answer: { canceled: boolean; filePaths?: string[]; filePath?: string }) {
  const shown: unknown[] = [];
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      shown.push(args.at(-1));
      return { canceled: answer.canceled, filePaths: answer.filePaths ?? [] };
    },
    showSaveDialog: async (...args: unknown[]) => {
      shown.push(args.at(-1));
      return { canceled: answer.canceled, filePath: answer.filePath ?? '' };
    },
  } as unknown as Dialog;
  return { dialog, shown };
}

describe('native dialog pickers', () => {
  it('open: filters by extension when given, none otherwise; cancel is an empty list', async () => {
    const { dialog, shown } = fakeDialog({ canceled: false, filePaths: ['/a.png', '/b.png'] });
    const h = nativePickers(dialog, () => null);
    await expect(h.openFiles({ title: 'Import', extensions: ['png'], folders: false })).resolves.toEqual([
      '/a.png',
      '/b.png',
    ]);
    await h.openFiles({ title: 'Folder', extensions: [], folders: true });
    expect(shown).toEqual([
      {
        title: 'Import',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Files', extensions: ['png'] }],
      },
      { title: 'Folder', properties: ['openDirectory', 'multiSelections'], filters: [] },
    ]);
    const cancelled = nativePickers(fakeDialog({ canceled: true }).dialog, () => null);
    await expect(cancelled.openFiles({ title: 't', extensions: [], folders: false })).resolves.toEqual([]);
  });

  it('save: no filter for a folder target (no extensions), the chosen path, null on cancel', async () => {
    const { dialog, shown } = fakeDialog({ canceled: false, filePath: '/out/set' });
    const h = nativePickers(dialog, () => null);
    await expect(h.saveFile({ title: 'Export set', defaultName: 'set', extensions: [] })).resolves.toBe(
      '/out/set',
    );
    await h.saveFile({ title: 'ONNX', defaultName: 'm.onnx', extensions: ['onnx'] });
    expect(shown).toEqual([
      { title: 'Export set', defaultPath: 'set', filters: [] },
      { title: 'ONNX', defaultPath: 'm.onnx', filters: [{ name: 'Files', extensions: ['onnx'] }] },
    ]);
    const cancelled = nativePickers(fakeDialog({ canceled: true }).dialog, () => null);
    await expect(cancelled.saveFile({ title: 't', defaultName: 'x', extensions: [] })).resolves.toBeNull();
  });
});
