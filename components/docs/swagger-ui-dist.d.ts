// swagger-ui-dist ships no types; this is the part of its bundle's API the reference page uses.
declare module 'swagger-ui-dist/swagger-ui-bundle.js' {
  interface TSwaggerUIOptions {
    domNode: HTMLElement;
    url: string;
    deepLinking?: boolean;
    docExpansion?: 'list' | 'full' | 'none';
    defaultModelsExpandDepth?: number;
    displayOperationId?: boolean;
    validatorUrl?: string | null;
    onComplete?: () => void;
  }
  const SwaggerUIBundle: (options: TSwaggerUIOptions) => unknown;
  export default SwaggerUIBundle;
}
