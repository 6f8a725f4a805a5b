// The address a request comes from. Behind a reverse proxy every request arrives from the proxy, so
// limits per address (logins, SMS codes, the public form) would count the whole county as one
// client. Only when the socket peer is a proxy we trust (TRUSTED_PROXIES) is X-Forwarded-For read:
// from the right, the first address that is not one of our proxies is the client. A client can
// write anything into the header; what our own proxy appended last cannot be forged.

const normalize = (address: string) => {
  const trimmed = address.trim().replace(/^\[|\]$/g, '');
  return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
};

/** The comma-separated TRUSTED_PROXIES setting as a set of addresses. */
export const parseTrustedProxies = (setting: string): Set<string> =>
  new Set(setting.split(',').map(normalize).filter(Boolean));

export function clientAddress(
  peer: string | null,
  forwardedFor: string | undefined,
  trusted: Set<string>,
): string | null {
  if (!peer) return null;
  const from = normalize(peer);
  if (!trusted.has(from) || !forwardedFor) return from;
  const hops = forwardedFor.split(',').map(normalize).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i])) return hops[i];
  return hops[0] ?? from;
}
