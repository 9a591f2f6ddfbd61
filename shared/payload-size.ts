// How large a value that came from outside is, measured before anything reads it: without
// recursion, stopping as soon as it passes the limit (so measuring a huge or deeply nested value
// costs no more than the limit), counting roughly what its JSON text would hold.

/// What `measure` found: the size in characters (at least `limit + 1` once over), and whether it nests deeper than allowed.
export interface Measured {
  size: number;
  tooDeep: boolean;
}

/// The approximate JSON size of `value`, up to just past `limit`, and whether it nests deeper than `maxDepth`.
export function measure(value: unknown, limit: number, maxDepth: number): Measured {
  let size = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop()!;
    if (typeof item === "string") size += item.length + 2;
    else if (item === null || typeof item !== "object") size += 8;
    else {
      if (depth >= maxDepth) return { size, tooDeep: true };
      if (Array.isArray(item)) {
        size += 2 + item.length;
        if (size > limit) return { size, tooDeep: false };
        for (const element of item) stack.push({ value: element, depth: depth + 1 });
      } else {
        const keys = Object.keys(item);
        size += 2 + keys.length * 4;
        if (size > limit) return { size, tooDeep: false };
        for (const key of keys) {
          size += key.length;
          stack.push({ value: (item as Record<string, unknown>)[key], depth: depth + 1 });
        }
      }
    }
    if (size > limit) return { size, tooDeep: false };
  }
  return { size, tooDeep: false };
}
