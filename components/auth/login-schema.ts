import { z } from 'zod';

export const ZLoginInput = z.object({
  email: z.string().trim().min(1, 'Enter your email.').pipe(z.email('Enter a valid email address.')),
  password: z.string().min(1, 'Enter your password.'),
});

export type TLoginInput = z.infer<typeof ZLoginInput>;
