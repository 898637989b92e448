// snake_case keys of what editors write (site.yaml, bodies.yaml, frontmatter) → the camelCase
// of the code, once, generically: a new schema field needs no copy code (see CamelCased in types.ts).
import type { CamelCased } from './types.ts';

/** 'police_record' → 'policeRecord'. */
export const camel = (k: string) => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A copy of `value` with camelCase keys; nested plain objects too, arrays and their items kept as they are. */
export function camelKeys<T>(value: T): CamelCased<T> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value as CamelCased<T>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[camel(k)] = camelKeys(v);
  return out as CamelCased<T>;
}
