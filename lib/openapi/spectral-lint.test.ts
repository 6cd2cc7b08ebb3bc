import { Document, Spectral } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './build-document';

// Spectral's `spectral:oas` ruleset as its CLI applies it (the recommended rules), pinned in
// package.json, plus `oas3-parameter-description` (off there): every query parameter says what it
// does and what it defaults to. Any error, warning, info or hint fails, so the document stays clean.
describe('the OpenAPI document, linted by Spectral (spectral:oas)', () => {
  it('has no error, warning, info or hint', async () => {
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas, 'recommended']], rules: { 'oas3-parameter-description': true } } as unknown as Parameters<Spectral['setRuleset']>[0]);
    const results = await spectral.run(new Document(JSON.stringify(buildOpenApiDocument(), null, 2), Json, 'openapi.json'));
    const findings = results.map((result) => `${['error', 'warning', 'info', 'hint'][result.severity]} ${result.code} at ${result.path.join('.')}: ${result.message}`);
    expect(findings).toEqual([]);
    // Spectral resolves and walks the whole document: seconds on a busy 2-core machine.
  }, 60_000);
});
