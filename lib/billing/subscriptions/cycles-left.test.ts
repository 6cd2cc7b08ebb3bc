import { describe, expect, it } from 'vitest';
import { coversNextInvoice, cyclesLeft } from './cycles-left';

describe('cyclesLeft', () => {
  it('once: one invoice, then none', () => {
    expect(cyclesLeft({ duration: 'once', durationInCycles: null }, 0)).toBe(1);
    expect(cyclesLeft({ duration: 'once', durationInCycles: null }, 1)).toBe(0);
    expect(cyclesLeft({ duration: 'once', durationInCycles: null }, 3)).toBe(0);
  });
  it('repeating: its cycles less those used, never negative', () => {
    expect(cyclesLeft({ duration: 'repeating', durationInCycles: 3 }, 0)).toBe(3);
    expect(cyclesLeft({ duration: 'repeating', durationInCycles: 3 }, 2)).toBe(1);
    expect(cyclesLeft({ duration: 'repeating', durationInCycles: 3 }, 5)).toBe(0);
    expect(cyclesLeft({ duration: 'repeating', durationInCycles: null }, 0)).toBe(0);
  });
  it('forever: null (no end)', () => {
    expect(cyclesLeft({ duration: 'forever', durationInCycles: null }, 40)).toBeNull();
  });
  it('covers the next invoice while cycles are left', () => {
    expect(coversNextInvoice({ duration: 'forever', durationInCycles: null }, 99)).toBe(true);
    expect(coversNextInvoice({ duration: 'repeating', durationInCycles: 2 }, 1)).toBe(true);
    expect(coversNextInvoice({ duration: 'repeating', durationInCycles: 2 }, 2)).toBe(false);
    expect(coversNextInvoice({ duration: 'once', durationInCycles: null }, 0)).toBe(true);
  });
});
