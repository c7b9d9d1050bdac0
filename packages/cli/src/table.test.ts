import { describe, expect, it } from 'vitest';
import { formatTable } from './table.js';

describe('formatTable', () => {
  it('aligns columns to the widest cell, two spaces apart, without trailing spaces', () => {
    expect(
      formatTable(
        ['id', 'state'],
        [
          ['o1', 'commended'],
          ['member-22', 'x'],
        ],
      ),
    ).toBe('id         state\no1         commended\nmember-22  x\n');
  });

  it('counts a Chinese character as two terminal columns and prints a header alone for no rows', () => {
    expect(formatTable(['名称', 'n'], [['创先争优', '1']])).toBe('名称      n\n创先争优  1\n');
    expect(formatTable(['a', 'b'], [])).toBe('a  b\n');
  });
});
