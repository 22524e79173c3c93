import WebSocket from 'ws';

const OPEN_TIMEOUT_MS = 30_000;

/**
 * A plain `ws` client socket, without compression, like a browser's against these servers.
 * Returned at once so that the caller attaches its 'message' listener before the socket opens: a
 * server may send its first frame in the same TCP segment as the upgrade response, and ws emits
 * it right after 'open', before any promise continuation could attach a listener.
 */
export function openSocket(url: string): { ws: WebSocket; opened: Promise<void> } {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const opened = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`timeout opening ${url}`));
    }, OPEN_TIMEOUT_MS);
    ws.once('open', () => {
      clearTimeout(timer);
      ws.off('error', reject);
      resolve();
    });
    ws.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return { ws, opened };
}

export function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function closeSocket(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      ws.terminate();
      resolve();
    }, 5_000);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (ws.readyState !== WebSocket.CLOSING) ws.close(1000);
  });
}

/** Bytes of an unmasked server-to-client frame carrying `payload` bytes (RFC 6455 header sizes). */
export function wireBytes(payload: number): number {
  return payload + (payload < 126 ? 2 : payload < 65_536 ? 4 : 10);
}
