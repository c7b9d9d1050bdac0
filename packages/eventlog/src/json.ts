/** A JSON value as it is stored: no undefined, functions, NaN, Infinity, BigInt or cycles. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** A plain JSON object. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}
