/** Entries per page of the audit log (the server's first page and every "Load more"). */
export const AUDIT_PAGE_SIZE = 25;
