/**
 * JSON as written in a TypeScript literal: a `JsonValue`, except that an object's members may be typed
 * `undefined`. TypeScript gives the members an array's object literals lack elsewhere that type
 * (`[{ a: 1 }, { b: 2 }]` is `({ a: number; b?: undefined } | ...)[]`), which `JsonValue` refuses
 * unless `exactOptionalPropertyTypes` is on. Such members are absent at run time; the test kit decodes
 * the value with `JsonValueCodec` before using it.
 */
export type JsonLiteral =
  | null
  | boolean
  | number
  | string
  | readonly JsonLiteral[]
  | { readonly [key: string]: JsonLiteral | undefined };
