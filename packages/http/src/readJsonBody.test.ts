import { describe, expect, it } from 'vitest';
import { isJsonContentType, readJsonBody } from './readJsonBody.js';

const post = (body: string | Uint8Array, contentType = 'application/json'): Request =>
  new Request('http://x/commands', {
    method: 'POST',
    body,
    headers: { 'content-type': contentType },
  });

describe('readJsonBody', () => {
  it('parses JSON bodies within the limit', async () => {
    expect(await readJsonBody(post('{"a":1}'), 10)).toEqual({ _tag: 'Json', value: { a: 1 } });
  });

  it('refuses other content types (415), longer bodies (413), bad JSON and bad UTF-8 (400)', async () => {
    expect(await readJsonBody(post('{}', 'text/plain'), 10)).toMatchObject({ status: 415 });
    expect(await readJsonBody(post('{}', 'application/json; charset=latin1'), 10)).toMatchObject({
      status: 415,
    });
    expect(await readJsonBody(post('{"a":"12345"}'), 10)).toMatchObject({ status: 413 });
    expect(await readJsonBody(post('{"a":'), 10)).toMatchObject({ status: 400 });
    expect(await readJsonBody(post(new Uint8Array([0x22, 0xff, 0x22])), 10)).toMatchObject({
      status: 400,
      message: 'the body is not UTF-8',
    });
  });

  it('counts streamed bytes when no length is declared', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start: (c) => {
        for (let i = 0; i < 5; i += 1) c.enqueue(new TextEncoder().encode('"xxxx"'.slice(0, 4)));
        c.close();
      },
    });
    const request = new Request('http://x/commands', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    });
    expect(await readJsonBody(request, 10)).toMatchObject({ status: 413 });
  });

  it('accepts application/json with or without charset=utf-8 only', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset="UTF-8"')).toBe(true);
    expect(isJsonContentType('application/jsonp')).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});
