/** Reads a query string's parameters: URLSearchParams, Next's useSearchParams(), or recordParams(). */
export type TParamReader = { get(name: string): string | null };

/** Next hands server pages `searchParams` as a record; a repeated key counts by its first value. */
export function recordParams(record: Record<string, string | string[] | undefined>): TParamReader {
  return { get: (name) => [record[name]].flat()[0] ?? null };
}

/**
 * A list page's filters as they live in the URL, under the same names its REST endpoint takes:
 * `read` the ones present (empty values are no filter), `search` a canonical query string (fixed
 * key order, so equal filters make equal cache keys and URLs), `has` any at all.
 */
export function urlFilters<K extends string>(keys: readonly K[]) {
  type TFilters = Partial<Record<K, string>>;
  return {
    read(params: TParamReader): TFilters {
      const filters: TFilters = {};
      for (const key of keys) {
        const value = params.get(key);
        if (value) filters[key] = value;
      }
      return filters;
    },
    search(filters: TFilters): string {
      const params = new URLSearchParams();
      for (const key of keys) {
        const value = filters[key];
        if (value) params.set(key, value);
      }
      return params.toString();
    },
    has(filters: TFilters): boolean {
      return keys.some((key) => Boolean(filters[key]));
    },
  };
}

export type TUrlFilters<K extends string> = ReturnType<typeof urlFilters<K>>;
