/** Prisma hands `contains` to (I)LIKE as is: unescaped, `%` and `_` in user input would match anything. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
