import { describe, expect, it } from 'vitest';
import { effectiveRunStatus, RUN_LEASE_MS } from './run-lease';

const at = new Date('2031-05-01T12:00:00Z');
const ago = (ms: number) => new Date(at.getTime() - ms);

describe('effectiveRunStatus', () => {
  it('a running run is running while its heartbeat is within the lease, abandoned after', () => {
    expect(effectiveRunStatus({ status: 'running', heartbeatAt: ago(0) }, at)).toBe('running');
    expect(effectiveRunStatus({ status: 'running', heartbeatAt: ago(RUN_LEASE_MS) }, at)).toBe('running');
    expect(effectiveRunStatus({ status: 'running', heartbeatAt: ago(RUN_LEASE_MS + 1) }, at)).toBe('abandoned');
  });

  it('a finished run keeps its status however old its heartbeat', () => {
    for (const status of ['succeeded', 'failed', 'abandoned'] as const) expect(effectiveRunStatus({ status, heartbeatAt: ago(10 * RUN_LEASE_MS) }, at)).toBe(status);
  });
});
