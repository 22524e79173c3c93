import type { IncomingMessage } from 'node:http';

/**
 * The address to rate-limit. Behind `trustedProxies` reverse proxies, each one appends the address
 * it received from to X-Forwarded-For, so the client is that many hops from the right. Entries
 * further left come from the client itself and are ignored: a spoofed header cannot pick the key.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : header ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const chain = [...forwarded, socketAddress];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? socketAddress;
}
