import { afterEach, describe, expect, it } from 'vitest';
import { logger, setLogDestination } from './log';

function capture(level?: Parameters<typeof setLogDestination>[1]) {
  const lines: string[] = [];
  setLogDestination({ write: (line: string) => void lines.push(line) }, level);
  return { lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

afterEach(() => {
  setLogDestination(null);
  delete process.env.LOG_LEVEL;
});

describe('logger', () => {
  it('writes one JSON object per line with an ISO time and a level name', () => {
    const log = capture();
    logger().info({ request_id: 'r-1' }, 'request');
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]!.endsWith('\n')).toBe(true);
    expect(log.records()[0]).toMatchObject({ level: 'info', msg: 'request', request_id: 'r-1', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
  });

  it('redacts credentials: authorization and cookie headers, passwords, secrets and their hashes, at any depth', () => {
    const log = capture();
    logger().info({
      password: 'pw-top',
      req: { headers: { authorization: 'Bearer abc', cookie: 'next-auth.session-token=xyz', 'set-cookie': 'sid=1' } },
      user: { password_hash: '$argon2id$hash', passwordHash: '$argon2id$hash2' },
      key: { secret: 's3cret', secret_hash: 'deadbeef', secretHash: 'cafe' },
      deep: { a: { b: { password: 'pw-deep' } } },
    });
    const text = log.lines.join('');
    for (const secret of ['pw-top', 'Bearer abc', 'xyz', 'sid=1', '$argon2id$hash', 's3cret', 'deadbeef', 'cafe', 'pw-deep']) expect(text).not.toContain(secret);
    expect(log.records()[0]).toMatchObject({ password: '[Redacted]', req: { headers: { authorization: '[Redacted]' } }, deep: { a: { b: { password: '[Redacted]' } } } });
  });

  it('scrubs secret-shaped text redaction cannot see: an API key secret or a session token in a message', () => {
    const log = capture();
    const apiKey = `bk_${'Ab1-_'.repeat(8)}xyz`;
    const jwe = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..iv_part.cipher_text-part.tag_part';
    logger().error({ err: new Error(`bad header Bearer ${apiKey}; cookie ${jwe}`) }, 'oops');
    const text = log.lines.join('');
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(jwe.slice(0, 30));
    expect(text).toContain('bad header Bearer [Redacted]');
  });

  it('serializes errors with type, message and stack', () => {
    const log = capture();
    logger().error({ err: new TypeError('boom') }, 'failed');
    expect(log.records()[0]).toMatchObject({ level: 'error', err: { type: 'TypeError', message: 'boom', stack: expect.stringContaining('TypeError: boom') } });
  });

  it('takes its level from LOG_LEVEL when first used, without needing the rest of the configuration', () => {
    delete process.env.DATABASE_URL;
    process.env.LOG_LEVEL = 'WARN';
    setLogDestination(null);
    expect(logger().level).toBe('warn');
    setLogDestination(null);
    process.env.LOG_LEVEL = 'nonsense';
    expect(logger().level).toBe('info');
    setLogDestination(null);
    delete process.env.LOG_LEVEL;
    expect(logger().level).toBe('info');
  });

  it('drops lines below the level', () => {
    const log = capture('warn');
    logger().info('quiet');
    logger().warn('loud');
    expect(log.records().map((record) => record.msg)).toEqual(['loud']);
  });
});
