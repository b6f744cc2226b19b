// Comparison of secrets-derived values in constant time: the time taken depends only on the
// length (which is public: a SigV4 signature is always 64 hex digits), never on where the first
// difference is, so response timing cannot be used to guess a signature byte by byte.

export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** A provided signature against the computed one; hex digits compare without regard to case, as S3 accepts. */
export function signatureMatches(provided: string, computed: string): boolean {
  return constantTimeEqual(provided.toLowerCase(), computed);
}
