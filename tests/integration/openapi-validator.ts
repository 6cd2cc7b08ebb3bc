import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { oas31 } from 'zod-openapi';

type TMediaType = { schema?: object; example?: unknown; examples?: Record<string, { value?: unknown }> };

/**
 * Validates bodies against the schemas of an OpenAPI 3.1 document with JSON Schema 2020-12 (the
 * dialect 3.1 uses). Each schema is compiled beside the document's components, so its
 * `#/components/schemas/…` references resolve as they do for any client.
 */
export function openApiValidator(document: oas31.OpenAPIObject) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // OpenAPI's own annotation keywords, and the wrapper's `components`.
  for (const keyword of ['example', 'components']) ajv.addKeyword(keyword);
  const compiled = new Map<object, ValidateFunction>();

  const compile = (schema: object) => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile({ ...schema, components: document.components });
      compiled.set(schema, validate);
    }
    return validate;
  };

  /** The documented response of an operation for `status`, or undefined when the document names none. */
  const response = (path: string, method: string, status: number) => {
    const operation = document.paths?.[path]?.[method as 'get'] as oas31.OperationObject | undefined;
    return operation?.responses?.[String(status)] as oas31.ResponseObject | undefined;
  };

  return {
    response,
    /** Errors of `body` against the schema documented for this response's content type ([] when it fits). */
    validateResponse(path: string, method: string, status: number, contentType: string, body: unknown): string[] {
      const documented = response(path, method, status);
      if (!documented) return [`${method.toUpperCase()} ${path} documents no ${status} response`];
      // A response documented without content (304) must come without a body.
      if (!documented.content) return body === undefined || body === '' ? [] : [`${status} is documented without a body, and one came`];
      const media = (documented.content ?? {})[contentType.split(';')[0]!.trim()] as TMediaType | undefined;
      if (!media?.schema) return [`${status} is documented without a ${contentType} body (it has: ${Object.keys(documented.content ?? {}).join(', ') || 'none'})`];
      return describe(compile(media.schema), body);
    },
    /** Every example in the document checked against the schema beside it: `[where, errors]` pairs. */
    validateExamples(): { where: string; errors: string[] }[] {
      const results: { where: string; errors: string[] }[] = [];
      for (const [path, item] of Object.entries(document.paths ?? {})) {
        for (const [method, operation] of Object.entries(item as Record<string, oas31.OperationObject>)) {
          const bodies: [string, oas31.ContentObject | undefined][] = [
            ['request', (operation.requestBody as oas31.RequestBodyObject | undefined)?.content],
            ...Object.entries(operation.responses ?? {}).map(([status, res]) => [status, (res as oas31.ResponseObject).content] as [string, oas31.ContentObject | undefined]),
          ];
          for (const [where, content] of bodies) {
            for (const [type, media] of Object.entries((content ?? {}) as Record<string, TMediaType>)) {
              const values = [...(media.example === undefined ? [] : [media.example]), ...Object.values(media.examples ?? {}).map((example) => example.value)];
              for (const value of values) results.push({ where: `${method.toUpperCase()} ${path} ${where} ${type}`, errors: describe(compile(media.schema!), value) });
            }
          }
        }
      }
      return results;
    },
  };
}

function describe(validate: ValidateFunction, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
}
