/** A request body that was read and parsed, or why it was refused (with the status to answer). */
export type JsonBody =
  | { readonly _tag: 'Json'; readonly value: unknown }
  | { readonly _tag: 'Refused'; readonly status: 400 | 413 | 415; readonly message: string };

const refused = (status: 400 | 413 | 415, message: string): JsonBody => ({
  _tag: 'Refused',
  status,
  message,
});

/** Whether a `content-type` is JSON in UTF-8 (`application/json`, charset absent or utf-8). Pure. */
export const isJsonContentType = (contentType: string | null): boolean => {
  if (contentType === null) return false;
  const [type = '', ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  return (
    type === 'application/json' &&
    params.every((p) => !p.startsWith('charset=') || p.replace(/"/g, '') === 'charset=utf-8')
  );
};

/**
 * Reads a JSON request body of at most `maxBytes`: 415 unless the content type is JSON, 413 as soon
 * as the declared or the streamed length passes the limit (the rest is never read), 400 when it is not
 * UTF-8 JSON. Does I/O (reads the request).
 */
export const readJsonBody = async (request: Request, maxBytes: number): Promise<JsonBody> => {
  if (!isJsonContentType(request.headers.get('content-type')))
    return refused(415, 'send the command as content-type: application/json');
  const tooLarge = refused(413, `the body is larger than ${maxBytes} bytes`);
  const length = request.headers.get('content-length');
  const declared = length === null ? undefined : Number(length);
  if (declared !== undefined && declared > maxBytes) return tooLarge;
  // A declared length is enforced by the HTTP parser: read at once (the fast path of most bridges).
  const whole = declared === undefined ? undefined : new Uint8Array(await request.arrayBuffer());
  if (whole !== undefined && whole.byteLength > maxBytes) return tooLarge;
  const chunks: Uint8Array[] = whole === undefined ? [] : [whole];
  let size = whole?.byteLength ?? 0;
  if (whole === undefined && request.body !== null) {
    const reader: ReadableStreamDefaultReader<Uint8Array> = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return tooLarge;
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refused(400, 'the body is not UTF-8');
  }
  try {
    return { _tag: 'Json', value: JSON.parse(text) };
  } catch {
    return refused(400, 'the body is not valid JSON');
  }
};
