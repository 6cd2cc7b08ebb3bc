import { createElement, type ReactElement } from 'react';
import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import type { TBillingDocument } from './billing-document';
import { BillingDocumentPdf } from './billing-document-pdf';
import { registerDocumentFonts } from './document-fonts';

/** The document as PDF bytes (fonts embedded). */
export async function renderDocumentPdf(document: TBillingDocument): Promise<Buffer> {
  registerDocumentFonts();
  // BillingDocumentPdf renders a <Document>; react-pdf's type only knows the element's props.
  return renderToBuffer(createElement(BillingDocumentPdf, { document }) as unknown as ReactElement<DocumentProps>);
}
