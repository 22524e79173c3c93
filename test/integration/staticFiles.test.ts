import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { newServer, type TestServer } from '../helpers/index.js';

let server: TestServer | undefined;
let webRoot: string | undefined;

afterEach(async () => {
  await server?.dispose();
  if (webRoot) await rm(webRoot, { recursive: true, force: true });
  server = undefined;
});

/** Raw GET, so that paths like /../ reach the server unnormalised. */
function get(base: string, path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

it('serves the built web app with MIME types and an SPA fallback, and never leaves its folder', async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'canevas-web-'));
  await mkdir(join(webRoot, 'assets'));
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Canevas</title>');
  await writeFile(join(webRoot, 'assets', 'app-1234.js'), 'console.log("Canevas")');
  await writeFile(join(webRoot, 'assets', 'app-1234.css'), 'body{}');
  await writeFile(join(webRoot, '..', 'secret-canevas.txt'), 'secret').catch(() => undefined);
  server = await newServer({ webRoot });

  const index = await get(server.url, '/');
  expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
  expect(index.body).toContain('<title>Canevas</title>');
  expect(await get(server.url, '/assets/app-1234.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
  expect(await get(server.url, '/assets/app-1234.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
  expect((await get(server.url, '/documents/abc')).body).toContain('<title>Canevas</title>');
  expect((await get(server.url, '/assets/missing.js')).status).toBe(404);
  for (const path of ['/../secret-canevas.txt', '/%2e%2e/secret-canevas.txt', '/assets/..%2f..%2fsecret-canevas.txt']) {
    const response = await get(server.url, path);
    expect(response.body).not.toBe('secret');
  }
  // The API still answers on the same port.
  expect((await get(server.url, '/trpc/health')).status).toBe(200);
  await rm(join(webRoot, '..', 'secret-canevas.txt'), { force: true });
});

it('sends a strict Content-Security-Policy and anti-framing headers with every answer, naming PUBLIC_URL’s socket', async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'canevas-web-'));
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Canevas</title>');
  server = await newServer({ webRoot, publicUrl: 'https://canevas.example.org' });
  for (const path of ['/', '/d/abc', '/assets/absent.js', '/trpc/health', '/export/documents/inconnu?format=md']) {
    const response = await fetch(`${server.url}${path}`);
    await response.arrayBuffer();
    expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
    expect(response.headers.get('content-security-policy'), path).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' https://canevas.example.org wss://canevas.example.org; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  }
});
