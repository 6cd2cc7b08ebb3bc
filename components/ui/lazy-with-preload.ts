import { lazy, type ComponentType } from 'react';

/**
 * A component whose code is fetched when it first renders, or sooner through `preload()`: for the
 * dialogs a click opens (their forms bring react-hook-form, the zod schemas and Radix Dialog,
 * ~50 kB gzip), so a page's first-load JavaScript carries only the button. Call `preload` on the
 * button's pointer-enter and focus (spread `preloadHandlers` on it), and the code is there by
 * the time the click lands. Render it inside <Suspense>.
 */
export function lazyWithPreload<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () => {
    // A failed fetch (offline for a moment) is not remembered: the next preload or first render tries again.
    loading ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const preload = () => void start().catch(() => undefined);
  return Object.assign(lazy(start), { preload, preloadHandlers: { onPointerEnter: preload, onFocus: preload } });
}
