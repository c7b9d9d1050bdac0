import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonForScript, raw, scriptForInline } from './html.js';

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('html', () => {
  it('escapes every interpolated string, so data never becomes markup', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = html`<td title="${s}">${s}</td>`.value;
        const inner = out.slice('<td title="'.length, out.indexOf('"', '<td title="'.length));
        expect(inner).not.toMatch(/[<>"']/);
        expect(unescape(inner)).toBe(s);
      }),
    );
  });

  it('keeps nested markup, joins arrays and drops null and undefined', () => {
    // prettier-ignore
    const rows = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    // prettier-ignore
    const list = html`<ul>${rows}${null}${undefined}${3}</ul>`;
    expect(list.value).toBe('<ul><li>a&lt;b</li><li>c</li>3</ul>');
    expect(html`${raw('<b>')}`.value).toBe('<b>');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});

describe('jsonForScript', () => {
  it('parses back to the same value and never contains <, > or &', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const value: unknown = JSON.parse(text);
        const out = jsonForScript(value);
        expect(out).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(out)).toEqual(value);
      }),
    );
  });
});

describe('scriptForInline', () => {
  it('removes every sequence that could end the script element, keeping the meaning', () => {
    const code = `window.x = ["</script>", '<!--', \`<SCRIPT>\`, /<\\/script>/.test('</script>'), /^<!--$/u.test('<!--')];`;
    const out = scriptForInline(code);
    expect(out).not.toMatch(/<\/script|<script|<!--/i);
    const run = (src: string): unknown => {
      const box: { x?: unknown } = {};
      runInNewContext(src, { window: box });
      return box.x;
    };
    expect(run(out)).toEqual(run(code));
    expect(run(out)).toEqual(['</script>', '<!--', '<SCRIPT>', true, true]);
  });
});
