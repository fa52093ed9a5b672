import { describe, expect, it } from 'vitest';
import { formatTable, pct } from '../../index';

describe('core/format', () => {
  it('pct writes a share as a rounded percentage', () => {
    expect(pct(0.956)).toBe('96%');
    expect(pct(0.956, 1)).toBe('95.6%');
    expect(pct(0)).toBe('0%');
    expect(pct(1)).toBe('100%');
  });
  it('formatTable underlines the header, left-aligns the first column and right-aligns the rest', () => {
    expect(formatTable([['method', 'expanded'], ['A*', '120'], ['BFS', '4031']])).toBe(
      ['method  expanded', '------  --------', 'A*           120', 'BFS         4031'].join('\n'));
  });
  it('formatTable can leave the last column as free text, with no trailing spaces', () => {
    expect(formatTable([['who', 'pts', 'flags'], ['ann', '3/4', ''], ['bo', '10/10', 'late, copied']], { lastColumn: 'free' })).toBe(
      ['who    pts  flags', '---  -----  -----', 'ann    3/4', 'bo   10/10  late, copied'].join('\n'));
  });
});
