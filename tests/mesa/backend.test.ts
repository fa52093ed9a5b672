import { describe, expect, it } from 'vitest';
import { useBackend } from '../../lib/mesa/backend';

const rethrowing = (event: 'unhandledRejection' | 'uncaughtException') =>
  (event === 'unhandledRejection' ? process.listeners('unhandledRejection') : process.listeners('uncaughtException'))
    .map((l) => String(l).replace(/[\s;]+/g, ''))
    .filter((s) => s.includes('ExitStatus') || s === 'function(reason){throwreason}');

describe('mesa/backend', () => {
  it('activates wasm and leaves no Emscripten handler that would crash a kernel on a stray rejection', async () => {
    expect(await useBackend('wasm')).toBe('wasm');
    expect(rethrowing('unhandledRejection')).toEqual([]);
    expect(rethrowing('uncaughtException')).toEqual([]);
    expect(await useBackend('cpu')).toBe('cpu');
    expect(await useBackend('wasm')).toBe('wasm');
    expect(rethrowing('unhandledRejection')).toEqual([]);
  });
  it('rejects unknown backends with a module-prefixed error', async () => {
    await expect(useBackend('webgl' as never)).rejects.toThrow(/retarget-lab\/mesa\/backend/);
  });
});
