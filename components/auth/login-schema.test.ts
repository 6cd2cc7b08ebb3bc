import { describe, expect, it } from 'vitest';
import { ZLoginInput } from './login-schema';

const issues = (input: unknown) => {
  const result = ZLoginInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
};

describe('ZLoginInput', () => {
  it('asks for both fields when they are blank', () => {
    expect(issues({ email: '  ', password: '' })).toEqual([
      ['email', 'Enter your email.'],
      ['password', 'Enter your password.'],
    ]);
  });

  it('refuses an email that is not one', () => {
    expect(issues({ email: 'superadmin', password: 'x' })).toEqual([['email', 'Enter a valid email address.']]);
  });

  it('trims the email it accepts', () => {
    expect(ZLoginInput.parse({ email: ' superadmin@example.com ', password: 'pass' })).toEqual({ email: 'superadmin@example.com', password: 'pass' });
  });
});
