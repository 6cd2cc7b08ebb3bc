-- Invoice numbers issued by the application (lib/billing/invoices/issue-invoice.ts):
-- INV-YYYYMM-NNNNNN from one sequence, so numbers are unique across instances without a lock.
-- Six digits keep them apart from the demo seed's four-digit numbers.
CREATE SEQUENCE IF NOT EXISTS "invoice_number_seq" START WITH 1 MINVALUE 1;
