/**
 * What a failed sign-in tells the browser. next-auth passes the message of an Error thrown in
 * `authorize` to the client as `result.error`, so these codes are the whole vocabulary: never an
 * internal message. Shared by lib/auth/options.ts and the login form (no server imports here).
 */
export const SIGN_IN_ERROR = {
  /** next-auth's own code when `authorize` returns null: wrong email or password. */
  wrongCredentials: 'CredentialsSignin',
  /** `TooManyAttempts:<seconds>` — the account or the client IP is locked out for that long. */
  tooManyAttempts: 'TooManyAttempts',
  databaseUnavailable: 'DatabaseUnavailable',
  failed: 'SignInFailed',
} as const;

/** An Error whose message is one of the codes above, safe to hand to the browser as is. */
export class SignInError extends Error {
  override name = 'SignInError';
}

export function tooManyAttemptsError(retryAfterSeconds: number): SignInError {
  return new SignInError(`${SIGN_IN_ERROR.tooManyAttempts}:${Math.max(1, Math.ceil(retryAfterSeconds))}`);
}

/** The sentence the login form shows for next-auth's `result.error`. */
export function signInErrorMessage(error: string | null | undefined): string {
  if (error === SIGN_IN_ERROR.wrongCredentials) return 'Email or password is incorrect.';
  const locked = new RegExp(`^${SIGN_IN_ERROR.tooManyAttempts}:(\\d+)$`).exec(error ?? '');
  if (locked) {
    const minutes = Math.max(1, Math.ceil(Number(locked[1]) / 60));
    return `Too many sign-in attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  }
  if (error === SIGN_IN_ERROR.databaseUnavailable) return 'Sign-in is unavailable because the database cannot be reached. Try again in a moment.';
  return 'Sign-in failed because the server could not check your credentials. Try again in a moment.';
}
