import { describe, expect, it } from 'vitest';
import { formatFigure, periodChange } from './metric-change';

describe('period-over-period change', () => {
  it('is a percentage of the previous value with one decimal', () => {
    expect(periodChange(1125, 1000, 'money', 'up')).toEqual({ direction: 'up', tone: 'good', text: '12.5%' });
    expect(periodChange(2, 3, 'count', 'up')).toEqual({ direction: 'down', tone: 'bad', text: '33.3%' });
  });

  it('rounds half-up on the exact ratio, never through binary floats', () => {
    // 0.1 + 0.2 style trap: (1.15 − 1) / 1 × 100 = 15.0000…01 in floats; decimal gives exactly 15.0.
    expect(periodChange(1.15, 1, 'money', 'up').text).toBe('15.0%');
    expect(periodChange(100.05, 100, 'money', 'up').text).toBe('0.1%');
  });

  it('is red when up is bad (churn, refunds) and green when they fall', () => {
    expect(periodChange(600, 400, 'money', 'down')).toMatchObject({ direction: 'up', tone: 'bad' });
    expect(periodChange(3, 4, 'count', 'down')).toMatchObject({ direction: 'down', tone: 'good' });
  });

  it('is neutral for figures with no good direction, and for no change', () => {
    expect(periodChange(200, 100, 'money', 'neither')).toMatchObject({ direction: 'up', tone: 'neutral', text: '100.0%' });
    expect(periodChange(1000, 1000, 'money', 'up')).toEqual({ direction: 'flat', tone: 'neutral', text: '0.0%' });
    expect(periodChange(100001, 100000, 'money', 'up')).toMatchObject({ direction: 'flat', text: '0.0%' });
  });

  it('is "—" when the previous value is 0 or unknown', () => {
    const none = { direction: 'none', tone: 'neutral', text: '—' };
    expect(periodChange(500, 0, 'money', 'up')).toEqual(none);
    expect(periodChange(500, null, 'money', 'up')).toEqual(none);
    expect(periodChange(null, 500, 'money', 'up')).toEqual(none);
    expect(periodChange(0.1, null, 'rate', 'down')).toEqual(none);
  });

  it('measures against the size of a negative previous value, so a smaller loss is up', () => {
    expect(periodChange(-50, -100, 'money', 'up')).toEqual({ direction: 'up', tone: 'good', text: '50.0%' });
  });

  it('changes a rate by percentage points, from 0 too', () => {
    expect(periodChange(0.15, 0.1, 'rate', 'down')).toEqual({ direction: 'up', tone: 'bad', text: '5.0 pts' });
    expect(periodChange(0.0833, 0, 'rate', 'down')).toEqual({ direction: 'up', tone: 'bad', text: '8.3 pts' });
  });

  it('groups large percentages', () => {
    expect(periodChange(123456, 10, 'money', 'up').text).toBe('1,234,460.0%');
  });
});

describe('figures', () => {
  it('formats money in its currency, counts grouped, rates with one decimal', () => {
    expect(formatFigure(1397083, 'money', 'IDR')).toBe('Rp 1.397.083');
    expect(formatFigure(1250.5, 'money', 'USD')).toBe('$1,250.50');
    expect(formatFigure(12345, 'count', 'IDR')).toBe('12,345');
    expect(formatFigure(0.1667, 'rate', 'IDR')).toBe('16.7%');
    expect(formatFigure(0.00049, 'rate', 'IDR')).toBe('0.0%');
  });

  it('shows an undefined figure (ARPA with no account, churn with nothing active) as "—"', () => {
    expect(formatFigure(null, 'money', 'IDR')).toBe('—');
    expect(formatFigure(null, 'rate', 'IDR')).toBe('—');
  });
});
