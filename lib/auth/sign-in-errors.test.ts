import { describe, expect, it } from 'vitest';
import { SIGN_IN_ERROR, signInErrorMessage, tooManyAttemptsError } from './sign-in-errors';

describe('signInErrorMessage', () => {
  it('says which of wrong credentials, a lockout (in minutes), the database or something else', () => {
    expect(signInErrorMessage(SIGN_IN_ERROR.wrongCredentials)).toBe('Email or password is incorrect.');
    expect(signInErrorMessage(tooManyAttemptsError(60).message)).toBe('Too many sign-in attempts. Try again in 1 minute.');
    expect(signInErrorMessage(tooManyAttemptsError(61).message)).toBe('Too many sign-in attempts. Try again in 2 minutes.');
    expect(signInErrorMessage(tooManyAttemptsError(0.2).message)).toBe('Too many sign-in attempts. Try again in 1 minute.');
    expect(signInErrorMessage(SIGN_IN_ERROR.databaseUnavailable)).toMatch(/database cannot be reached/);
    expect(signInErrorMessage(undefined)).toMatch(/could not check your credentials/);
    expect(signInErrorMessage('TooManyAttempts:soon')).toMatch(/could not check your credentials/);
  });
});
