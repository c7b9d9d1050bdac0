/** Markup that is already safe to place in a page (built by `html`, never from raw input). */
export interface Html {
  readonly _tag: 'Html';
  readonly value: string;
}

/** What `html` accepts between its literal parts: text (escaped), numbers, markup, lists of those, or nothing. */
export type HtmlPart = string | number | Html | null | undefined | readonly HtmlPart[];

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for an HTML text node or a quoted attribute value (`& < > " '` become entities). Pure.
 * @example escapeHtml('<b>"x"</b>') === '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** Markup from a trusted string (the page's own CSS or scripts, never data). Pure. */
export const raw = (value: string): Html => ({ _tag: 'Html', value });

const isHtml = (part: HtmlPart): part is Html =>
  typeof part === 'object' && part !== null && !Array.isArray(part) && '_tag' in part;

const render = (part: HtmlPart): string => {
  if (part === null || part === undefined) return '';
  if (typeof part === 'string') return escapeHtml(part);
  if (typeof part === 'number') return escapeHtml(String(part));
  if (isHtml(part)) return part.value;
  return part.map(render).join('');
};

/**
 * A tagged template for markup: every interpolated string is escaped, nested `Html` is kept, arrays are
 * joined, null and undefined vanish; so data (user input) can never become markup. Pure.
 * @example html`<td>${name}</td>`.value // name escaped
 */
export const html = (strings: TemplateStringsArray, ...parts: readonly HtmlPart[]): Html =>
  raw(strings.reduce((acc, s, i) => acc + s + (i < parts.length ? render(parts[i]) : ''), ''));

/**
 * A value as JSON that is safe inside `<script type="application/json">` (`<`, `>`, `&`, U+2028 and
 * U+2029 escaped, so no data can close the element). Pure.
 */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * Library code made safe inside an inline `<script>`: `</script`, `<script` and `<!--` get their `<`
 * written as `\x3C`, which means the same inside string, template and regular-expression literals, so
 * the code cannot end the element or switch the HTML parser into its escaped state. Pure.
 */
export const scriptForInline = (code: string): string =>
  code.replace(/<(?=\/script|script|!--)/gi, '\\x3C');
