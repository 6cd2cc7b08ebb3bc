import type { NextAuthOptions } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { config } from '@/lib/config';
import { isDatabaseUnavailable } from '@/lib/http/error-response';
import { logger } from '@/lib/log';
import { authenticatePassword } from './authenticate-password';
import { clientIp } from './login-throttle/client-ip';
import { SIGN_IN_ERROR, SignInError } from './sign-in-errors';

// Node's own ESM loader (tsx: the demo seed drives the route handlers in-process) hands a CommonJS
// module's `exports.default` over wrapped; bundlers and vitest unwrap it.
const CredentialsProvider = (Credentials as unknown as { default?: typeof Credentials }).default ?? Credentials;

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(1024) });

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      // `req` is next-auth's plain copy of the request: headers, no socket (see clientIp).
      async authorize(credentials, req) {
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          const user = await authenticatePassword(parsed.data, clientIp(req?.headers, config().TRUST_PROXY));
          return user && { id: user.id, email: user.email, name: user.name, role: user.role };
        } catch (error) {
          throw signInFailure(error);
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub ?? '';
        session.user.role = token.role;
      }
      return session;
    },
  },
};

/** next-auth shows the browser an error's message verbatim: only a code may get there (lib/auth/sign-in-errors.ts). */
function signInFailure(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  logger().error({ err: error }, 'sign-in failed');
  return new SignInError(isDatabaseUnavailable(error) ? SIGN_IN_ERROR.databaseUnavailable : SIGN_IN_ERROR.failed);
}
