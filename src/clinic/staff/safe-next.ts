// Where to go after signing in: only a path inside the clinic, so the sign-in form cannot be used to redirect elsewhere.
export function safeNext(next: unknown): string {
  if (typeof next !== 'string') return '/clinic';
  return /^\/clinic(?:[/?#]|$)/.test(next) && !next.includes('//') && !next.includes('\\') && next.length < 500 ? next : '/clinic';
}
