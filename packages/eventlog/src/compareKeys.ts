/**
 * Orders strings by Unicode code point, which is also the order of their UTF-8 bytes (SQLite `BINARY`,
 * PostgreSQL `COLLATE "C"`), so every store lists documents in the same order. JavaScript's default
 * `<` compares UTF-16 code units and puts an emoji before U+FF01; this does not. Pure.
 * @example ['😀', '\uff01', 'a'].sort(compareKeys) // ['a', '\uff01', '😀']
 */
export const compareKeys = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (0xD800-0xDFFF) starts a code point above every BMP character from 0xE000.
    const xs = x >= 0xd800 && x <= 0xdfff ? x + 0x2000 : x >= 0xe000 ? x - 0x800 : x;
    const ys = y >= 0xd800 && y <= 0xdfff ? y + 0x2000 : y >= 0xe000 ? y - 0x800 : y;
    return xs - ys;
  }
  return a.length - b.length;
};
