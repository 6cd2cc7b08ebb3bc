/** The revenue series' colours, shared by the chart (SVG fills) and its legend (HTML swatches). */
export const SERIES_COLORS = {
  gross: '#818cf8',
  refunds: '#fb7185',
  net: '#312e81',
  plan: '#6366f1',
} as const;
