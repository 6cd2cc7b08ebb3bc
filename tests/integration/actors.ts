import { encode } from 'next-auth/jwt';
import { createApiKey } from '@/lib/auth/api-keys/create-api-key';
import { hashPassword } from '@/lib/auth/passwords';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';

export interface TestCredentials {
  userId: string;
  email: string;
  /** `Cookie` header value carrying a next-auth session JWT for this user. */
  sessionCookie: string;
  /** `Authorization` header value with an API key of the same role. */
  bearer: string;
}

let passwordHash: Promise<string> | undefined;

/** A user of `role` with a session cookie and an API key, as the browser and other services present them. */
export async function credentialsFor(role: Role): Promise<TestCredentials> {
  const suffix = Math.random().toString(36).slice(2, 10);
  const user = await db().user.create({
    data: { email: `${role}-${suffix}@test.example`, name: `${role} ${suffix}`, role, passwordHash: await (passwordHash ??= hashPassword('test-password')) },
  });
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name, role },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  const actor = { type: 'user' as const, id: user.id, label: user.email, role };
  const { secret } = await createApiKey({ name: `${role} key ${suffix}`, role }, actor);
  return { userId: user.id, email: user.email, sessionCookie: `next-auth.session-token=${token}`, bearer: `Bearer ${secret}` };
}
