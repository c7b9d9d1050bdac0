/**
 * Freezes a value and everything it contains, so a caller holding it cannot change what a store holds.
 * Returns the same value. Mutates its argument (freezing only).
 */
export const deepFreeze = <T>(value: T): T => {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const child of Object.values(v)) stack.push(child);
  }
  return value;
};
