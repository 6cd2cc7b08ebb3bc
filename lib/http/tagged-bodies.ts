/**
 * The last bodies of one route's tagged answers, kept in this process by their entity tag.
 *
 * A strong entity tag names the bytes of an answer (RFC 9110 §8.8.3): the tag is a hash of the
 * rows' versions and the query string (lib/http/conditional-get.ts), and every change to a row
 * changes it, never back. So a body read with its tag in one statement is that tag's body for good:
 * when a later request's tag — read again in its own admission statement, every time — is the same,
 * the body in memory is what reading the rows again would give, byte for byte. This is the server
 * holding a validated copy, as a client does with If-None-Match; nothing is served without its
 * version being read first. A few tags per route (query strings), the oldest dropped first.
 */
export class TaggedBodies {
  private readonly bodies = new Map<string, string>();

  constructor(private readonly capacity = 8) {}

  get size(): number {
    return this.bodies.size;
  }

  get(tag: string): string | undefined {
    return this.bodies.get(tag);
  }

  /** Keeps `body` as the body of `tag`: only a body read in the same statement as the version behind the tag. */
  keep(tag: string, body: string): void {
    if (this.bodies.has(tag)) return;
    if (this.bodies.size >= this.capacity) this.bodies.delete(this.bodies.keys().next().value!);
    this.bodies.set(tag, body);
  }
}
