import { buildOpenApiDocument } from '@/lib/openapi/build-document';

/**
 * The machine-readable contract (SPEC §3): public, since it holds no data. This static segment
 * takes precedence over the guarded catch-all [...path] beside it.
 */
export async function GET(): Promise<Response> {
  return Response.json(buildOpenApiDocument(), {
    headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
  });
}

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
