'use client';

import { useEffect, useRef, useState } from 'react';
import 'swagger-ui-dist/swagger-ui.css';
import { Skeleton } from '@/components/ui/skeleton';

/*
 * Swagger UI from swagger-ui-dist 5.35.0 (pinned): its prebuilt bundle renders OpenAPI 3.1 with
 * its own copy of React, and its CSS loads no fonts, so the page needs no network beyond this app.
 * swagger-ui-react was tried first: under Turbopack its ApiDOM modules fail to initialise
 * ("OpenApi3_1Element.refract is not a function", vercel/next.js#86507) and operations never
 * load. Scalar's React wrapper wants Node 22 and brings a Vue app with an AI chat client.
 * Loaded in the browser only, after mount: Swagger UI needs `window`.
 */
type TState = 'loading' | 'ready' | 'failed';

/** The interactive reference of the document at `url` (same origin: "Try it out" sends the session cookie). */
export function ApiReference({ url }: { url: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<TState>('loading');

  useEffect(() => {
    const node = container.current;
    let cancelled = false;
    import('swagger-ui-dist/swagger-ui-bundle.js')
      .then(({ default: SwaggerUIBundle }) => {
        if (cancelled || !node) return;
        SwaggerUIBundle({
          domNode: node,
          url,
          deepLinking: true,
          docExpansion: 'list',
          defaultModelsExpandDepth: 0,
          displayOperationId: true,
          // No badge that would send the document to the public validator.
          validatorUrl: null,
          onComplete: () => setState('ready'),
        });
      })
      .catch(() => setState('failed'));
    return () => {
      cancelled = true;
      node?.replaceChildren();
    };
  }, [url]);

  return (
    <div className="rounded-lg border border-zinc-200 bg-white py-2">
      {state === 'loading' ? (
        <div role="status" className="space-y-3 p-6">
          <span className="sr-only">Loading the API reference…</span>
          <Skeleton className="h-10 w-1/3" />
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-24 w-full" />
        </div>
      ) : null}
      {state === 'failed' ? (
        <p role="alert" className="p-6 text-sm text-red-700">
          The reference could not be displayed. The document itself is at <a className="underline" href={url}>{url}</a>.
        </p>
      ) : null}
      <div ref={container} />
    </div>
  );
}
