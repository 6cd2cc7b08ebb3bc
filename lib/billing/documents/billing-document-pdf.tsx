import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { TBillingDocument, TDocumentParty } from './billing-document';
import { DOCUMENT_FONT } from './document-fonts';

// Laid out by react-pdf's flexbox (Yoga): rows and columns, no coordinates per field. A4, in points.
const INK = '#18181b';
const MUTED = '#71717a';
const RULE = '#d4d4d8';

// No lineHeight anywhere: in react-pdf 4.9 a lineHeight on any ancestor hides text drawn by a
// render callback (the page number); spacing comes from margins and paddings instead.
const styles = StyleSheet.create({
  page: { fontFamily: DOCUMENT_FONT, fontSize: 9, color: INK, paddingTop: 40, paddingHorizontal: 44, paddingBottom: 64 },
  header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 24 },
  title: { fontSize: 22, fontWeight: 'bold', textAlign: 'right', marginBottom: 4 },
  number: { fontSize: 11, textAlign: 'right', marginTop: 2 },
  status: { fontSize: 9, textAlign: 'right', marginTop: 4, color: MUTED },
  partyName: { fontSize: 11, fontWeight: 'bold', marginBottom: 3 },
  detail: { color: MUTED, marginBottom: 1.5 },
  label: { fontSize: 7.5, color: MUTED, marginBottom: 3 },
  facts: { flexDirection: 'row', borderTopWidth: 1, borderBottomWidth: 1, borderColor: RULE, paddingVertical: 8, marginBottom: 20 },
  fact: { flexGrow: 1, flexBasis: 0, paddingRight: 8 },
  // A period spans two dates: room for both on one line.
  wideFact: { flexGrow: 2, flexBasis: 0, paddingRight: 8 },
  parties: { flexDirection: 'row', marginBottom: 24 },
  party: { flexGrow: 1, flexBasis: 0, paddingRight: 16 },
  tableHead: { flexDirection: 'row', borderBottomWidth: 1, borderColor: INK, paddingBottom: 4, fontWeight: 'bold' },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderColor: RULE, paddingVertical: 5 },
  description: { flexGrow: 1, flexBasis: 0, paddingRight: 8 },
  quantity: { width: 48, textAlign: 'right' },
  money: { width: 96, textAlign: 'right' },
  totals: { alignSelf: 'flex-end', width: 260, marginTop: 12 },
  total: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 2 },
  emphasis: { fontWeight: 'bold', fontSize: 10.5, borderTopWidth: 1, borderColor: INK, paddingTop: 4, marginTop: 4 },
  notes: { marginTop: 20, padding: 8, backgroundColor: '#f4f4f5' },
  footer: { position: 'absolute', bottom: 28, left: 44, right: 44, flexDirection: 'row', justifyContent: 'space-between', fontSize: 7.5, color: MUTED },
  pageNumber: { width: 90, textAlign: 'right' },
  watermark: { position: 'absolute', top: 330, left: 0, right: 0, textAlign: 'center', fontSize: 120, fontWeight: 'bold', color: '#dc2626', opacity: 0.16, transform: 'rotate(-30deg)' },
});

/** One invoice or credit note (TBillingDocument) as an A4 PDF page flow; long line lists continue on the next page. */
export function BillingDocumentPdf({ document }: { document: TBillingDocument }) {
  return (
    <Document title={`${document.title} ${document.number}`} author={document.seller.name} subject={`${document.title} ${document.number} for ${document.buyer.name}`} language="en">
      <Page size="A4" style={styles.page}>
        {document.watermark ? (
          <Text style={styles.watermark} fixed>
            {document.watermark}
          </Text>
        ) : null}
        <View style={styles.header}>
          <Party party={document.seller} />
          <View>
            <Text style={styles.title}>{document.title}</Text>
            <Text style={styles.number}>{document.number}</Text>
            <Text style={styles.status}>{document.statusLabel}</Text>
          </View>
        </View>
        <View style={styles.facts}>
          {document.facts.map((fact) => (
            <View key={fact.label} style={fact.label === 'Period' ? styles.wideFact : styles.fact}>
              <Text style={styles.label}>{fact.label}</Text>
              <Text>{fact.value}</Text>
            </View>
          ))}
        </View>
        <View style={styles.parties}>
          <Party party={document.buyer} />
          <View style={styles.party} />
        </View>
        <View style={styles.tableHead} fixed>
          <Text style={styles.description}>Description</Text>
          <Text style={styles.quantity}>Qty</Text>
          <Text style={styles.money}>Unit price</Text>
          <Text style={styles.money}>Amount</Text>
        </View>
        {document.lines.map((line, index) => (
          <View key={index} style={styles.row} wrap={false}>
            <Text style={styles.description}>{line.description}</Text>
            <Text style={styles.quantity}>{line.quantity}</Text>
            <Text style={styles.money}>{line.unitAmount}</Text>
            <Text style={styles.money}>{line.amount}</Text>
          </View>
        ))}
        <View style={styles.totals} wrap={false}>
          {document.totals.map((total) => (
            <View key={total.label} style={total.emphasis ? [styles.total, styles.emphasis] : styles.total}>
              <Text>{total.label}</Text>
              <Text>{total.amount}</Text>
            </View>
          ))}
        </View>
        {document.notes.length > 0 ? (
          <View style={styles.notes} wrap={false}>
            {document.notes.map((note) => (
              <Text key={note}>{note}</Text>
            ))}
          </View>
        ) : null}
        <View style={styles.footer} fixed>
          <Text>{document.footer}</Text>
          <Text style={styles.pageNumber} render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

function Party({ party }: { party: TDocumentParty }) {
  return (
    <View style={styles.party}>
      <Text style={styles.label}>{party.heading}</Text>
      <Text style={styles.partyName}>{party.name}</Text>
      {party.details.map((detail) => (
        <Text key={detail} style={styles.detail}>
          {detail}
        </Text>
      ))}
      {party.taxId ? <Text>NPWP {party.taxId}</Text> : null}
    </View>
  );
}
