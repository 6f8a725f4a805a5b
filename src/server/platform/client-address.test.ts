import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address.js';

describe('the client address behind a reverse proxy', () => {
  const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.5');

  it('is the socket peer when no proxy is trusted, whatever the header says', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', new Set())).toBe('203.0.113.7');
    expect(clientAddress('::ffff:203.0.113.7', undefined, new Set())).toBe('203.0.113.7');
  });

  it('is the address our proxy saw, not one the client wrote into X-Forwarded-For', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:127.0.0.1', '6.6.6.6, 198.51.100.1, 10.0.0.5', proxies)).toBe('198.51.100.1');
  });

  it('ignores the header from a peer that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.7', '127.0.0.1', proxies)).toBe('203.0.113.7');
  });

  it('falls back to the peer or the first hop when nothing else is known', () => {
    expect(clientAddress('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '10.0.0.5', proxies)).toBe('10.0.0.5');
    expect(clientAddress(null, '198.51.100.1', proxies)).toBeNull();
  });
});
