import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { ZLogLevel } from './config';

/**
 * Keys whose values never reach a log line, at any depth up to four (pino's redaction takes
 * explicit paths, not "anywhere"): credentials as headers, as fields and as database columns.
 */
const SENSITIVE_KEYS = ['authorization', 'cookie', '["set-cookie"]', 'password', 'password_hash', 'passwordHash', 'secret', 'secret_hash', 'secretHash'];
const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => {
  const tail = key.startsWith('[') ? key : `.${key}`;
  return [key, `*${tail}`, `*.*${tail}`, `*.*.*${tail}`];
});

/**
 * Secret-shaped text anywhere in a line, as a last line of defence for values redaction cannot
 * see (an error message quoting a header): API key secrets (`bk_` + 43) and session JWTs/JWEs.
 */
const SECRET_SHAPES = /\bbk_[A-Za-z0-9_-]{43}|\beyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){2,4}/g;

let destination: DestinationStream | undefined;
let levelOverride: LevelWithSilent | undefined;
let instance: Logger | undefined;
let plainInstance: Logger | undefined;

/**
 * The process's logger: JSON lines on stdout (no transport thread, nothing pretty-printed: a log
 * collector reads them). Created on first use so that importing this module reads no
 * configuration; the level comes from LOG_LEVEL (default info), read here rather than through
 * config(), which throws without a database URL — and logging must work even then.
 */
export function logger(): Logger {
  instance ??= createLogger(true);
  return instance;
}

/**
 * The same logger without key-path redaction, for lines built field by field from values that are
 * never credentials (the request log's line for an answered request). Redacting 36 paths with
 * wildcards costs ~60 µs a line, ten times the rest of the logging (measured); the secret-shape
 * scrub still runs on every line it writes.
 */
export function plainLogger(): Logger {
  plainInstance ??= createLogger(false);
  return plainInstance;
}

function createLogger(redact: boolean): Logger {
  destination ??= bufferedStdout();
  return pino(
    {
      level: levelOverride ?? logLevelFromEnv(),
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      ...(redact ? { redact: { paths: REDACT_PATHS, censor: '[Redacted]' } } : {}),
      hooks: { streamWrite: (line) => line.replace(SECRET_SHAPES, '[Redacted]') },
    },
    destination,
  );
}

/** Test hook: send every line from `level` up to `stream` (null: back to stdout and LOG_LEVEL). */
/**
 * stdout, written in blocks of up to LOG_BUFFER_BYTES rather than a write(2) per line: under load
 * the request log's one synchronous write per request was ~5% of the server's CPU (bench:profile,
 * docs/PERFORMANCE.md). A line waits at most LOG_FLUSH_MS; pino flushes what is left
 * synchronously when the process exits (its exit hook for sonic-boom), a crash included.
 */
function bufferedStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES });
  setInterval(() => {
    try {
      stream.flush();
    } catch {
      // Nothing buffered yet, or the stream is ending: the next tick or the exit hook writes it.
    }
  }, LOG_FLUSH_MS).unref();
  return stream;
}
const LOG_BUFFER_BYTES = 4096;
const LOG_FLUSH_MS = 200;

export function setLogDestination(stream: DestinationStream | null, level?: LevelWithSilent): void {
  destination = stream ?? undefined;
  levelOverride = stream ? (level ?? 'trace') : undefined;
  instance = undefined;
  plainInstance = undefined;
}

function logLevelFromEnv(): LevelWithSilent {
  const parsed = ZLogLevel.safeParse(process.env.LOG_LEVEL);
  // An invalid value is config()'s to report (it fails the start); logging carries on at info.
  return parsed.success ? parsed.data : 'info';
}
