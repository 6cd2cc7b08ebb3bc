import * as z from 'zod/mini';

// zod/mini, not zod: the sign-in page is a two-field form, and the classic API's chainable
// methods cost the page ~25 kB gzip of first-load JavaScript; mini keeps only the checks used.
export const ZLoginInput = z.object({
  email: z.pipe(z.string().check(z.trim(), z.minLength(1, 'Enter your email.')), z.email('Enter a valid email address.')),
  password: z.string().check(z.minLength(1, 'Enter your password.')),
});

export type TLoginInput = z.infer<typeof ZLoginInput>;
