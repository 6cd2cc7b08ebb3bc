/** Where the API and its document live (SPEC §3); the document's `servers` and the docs page use these. */
export const API_BASE_PATH = '/api/v1/admin/billing';
export const OPENAPI_DOCUMENT_PATH = `${API_BASE_PATH}/openapi.json`;
