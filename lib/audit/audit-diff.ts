/** One changed value between an entry's `before` and `after`, at a dotted path such as `limits.max_agents`. */
export type TAuditChange =
  | { path: string; kind: 'added'; after: unknown }
  | { path: string; kind: 'removed'; before: unknown }
  | { path: string; kind: 'changed'; before: unknown; after: unknown };

const ABSENT = Symbol('absent');
type Slot = unknown | typeof ABSENT;

/**
 * The changes from `before` to `after` (API representations, plain JSON). Nested objects are
 * flattened to their leaves, so a replaced `limits` object shows only the limit that changed;
 * arrays are values of their own (`applicable_plans` changed as a whole). A creation (no
 * `before`) lists every field as added, a removal every field as removed. Sorted by path. Pure:
 * the console renders it and the tests pin it.
 */
export function auditDiff(before: unknown, after: unknown): TAuditChange[] {
  const changes: TAuditChange[] = [];
  walk('', before ?? ABSENT, after ?? ABSENT, changes);
  // By path: jsonb keeps keys in its own order (shortest first), which reads as no order at all.
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walk(path: string, before: Slot, after: Slot, changes: TAuditChange[]): void {
  if (before === ABSENT && after === ABSENT) return;
  const beforeIsObject = isPlainObject(before);
  const afterIsObject = isPlainObject(after);
  // Walk into objects that are both there, or there on one side only (each leaf added or removed).
  if ((beforeIsObject || before === ABSENT) && (afterIsObject || after === ABSENT) && !isEmptyLeaf(before, after)) {
    const from = beforeIsObject ? before : {};
    const to = afterIsObject ? after : {};
    const keys = [...Object.keys(to), ...Object.keys(from).filter((key) => !(key in to))];
    for (const key of keys) walk(path ? `${path}.${key}` : key, key in from ? from[key] : ABSENT, key in to ? to[key] : ABSENT, changes);
    return;
  }
  const at = path || '(value)';
  if (before === ABSENT) changes.push({ path: at, kind: 'added', after });
  else if (after === ABSENT) changes.push({ path: at, kind: 'removed', before });
  else if (!jsonEqual(before, after)) changes.push({ path: at, kind: 'changed', before, after });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An empty object added or removed is a leaf: walking into it would list nothing at all. */
function isEmptyLeaf(before: Slot, after: Slot): boolean {
  const onlyOne = before === ABSENT ? after : after === ABSENT ? before : undefined;
  return isPlainObject(onlyOne) && Object.keys(onlyOne).length === 0;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && jsonEqual(a[key], b[key]));
  }
  return false;
}
