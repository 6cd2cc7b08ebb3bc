import { describe, expect, it } from 'vitest';
import { defaultInterval, formatRange, lastDay, matchPreset, presetRange, RANGE_PRESETS, startOfMonth } from './dashboard-range';

const today = new Date('2026-11-23T15:30:00Z');

describe('range presets', () => {
  it('every preset but Last month ends with today (to is tomorrow, half-open)', () => {
    expect(presetRange('last-7-days', today)).toEqual({ from: '2026-11-17', to: '2026-11-24' });
    expect(presetRange('last-30-days', today)).toEqual({ from: '2026-10-25', to: '2026-11-24' });
    expect(presetRange('this-month', today)).toEqual({ from: '2026-11-01', to: '2026-11-24' });
    expect(presetRange('last-12-months', today)).toEqual({ from: '2025-12-01', to: '2026-11-24' });
  });

  it('Last month is the whole previous calendar month, across a year boundary too', () => {
    expect(presetRange('last-month', today)).toEqual({ from: '2026-10-01', to: '2026-11-01' });
    expect(presetRange('last-month', new Date('2027-01-05T00:00:00Z'))).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });

  it('Last 30 days is what the API covers without a range', () => {
    // resolveRange: to = tomorrow, from = to − 30 days.
    expect(presetRange('last-30-days', today)).toEqual({ from: '2026-10-25', to: '2026-11-24' });
  });

  it('days are UTC days: late evening in Jakarta is still the UTC day before', () => {
    expect(presetRange('last-7-days', new Date('2026-11-23T23:59:59.999Z')).to).toBe('2026-11-24');
    expect(presetRange('last-7-days', new Date('2026-11-24T00:00:00Z')).to).toBe('2026-11-25');
  });

  it('a range matches the preset that produces it, and a custom one none', () => {
    for (const { id } of RANGE_PRESETS) expect(matchPreset(presetRange(id, today), today)).toBe(id);
    expect(matchPreset({ from: '2026-11-02', to: '2026-11-24' }, today)).toBeNull();
  });

  it('startOfMonth moves whole months from any day', () => {
    expect(startOfMonth('2026-03-31')).toBe('2026-03-01');
    expect(startOfMonth('2026-03-31', -1)).toBe('2026-02-01');
    expect(startOfMonth('2026-01-15', -11)).toBe('2025-02-01');
  });
});

describe('default chart interval', () => {
  it('is day up to 31 days', () => {
    expect(defaultInterval({ from: '2026-11-17', to: '2026-11-24' })).toBe('day');
    expect(defaultInterval({ from: '2026-10-01', to: '2026-11-01' })).toBe('day');
  });

  it('is week from 32 days up to six calendar months', () => {
    expect(defaultInterval({ from: '2026-10-01', to: '2026-11-02' })).toBe('week');
    expect(defaultInterval({ from: '2026-03-01', to: '2026-09-01' })).toBe('week');
    expect(defaultInterval({ from: '2026-08-31', to: '2027-02-28' })).toBe('week');
  });

  it('is month beyond six months', () => {
    expect(defaultInterval({ from: '2026-03-01', to: '2026-09-02' })).toBe('month');
    expect(defaultInterval(presetRange('last-12-months', today))).toBe('month');
  });
});

describe('range labels', () => {
  it('shows the days counted, end inclusive', () => {
    expect(lastDay({ from: '2026-11-01', to: '2026-12-01' })).toBe('2026-11-30');
    expect(formatRange({ from: '2026-11-01', to: '2026-12-01' })).toBe('1 – 30 Nov 2026');
    expect(formatRange({ from: '2025-12-01', to: '2026-11-24' })).toBe('1 Dec 2025 – 23 Nov 2026');
    expect(formatRange({ from: '2026-11-23', to: '2026-11-24' })).toBe('23 Nov 2026');
  });
});
