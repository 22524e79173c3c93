/**
 * Just enough of a browser to drive redirect flows over HTTP (single sign-on): a cookie jar per
 * host (paths ignored: the flows' cookie names differ), redirects followed one by one so that a
 * test can stop at or alter any of them, and forms posted as `application/x-www-form-urlencoded`.
 */
export class HttpBrowser {
  readonly #jar = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.#jar.get(new URL(url).host)?.get(name);
  }

  setCookie(url: string, name: string, value: string): void {
    const host = new URL(url).host;
    if (!this.#jar.has(host)) this.#jar.set(host, new Map());
    this.#jar.get(host)!.set(name, value);
  }

  /** One request, no redirect followed; cookies sent and stored. */
  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
    const host = new URL(url).host;
    const cookies = [...(this.#jar.get(host) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers: Record<string, string> = { ...init.headers, ...(cookies && { cookie: cookies }) };
    let body = init.body;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, redirect: 'manual', ...(body !== undefined && { body }) });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === '';
      if (!this.#jar.has(host)) this.#jar.set(host, new Map());
      if (expired) this.#jar.get(host)!.delete(name);
      else this.#jar.get(host)!.set(name, value);
    }
    return response;
  }

  /**
   * Follows redirects from `url` until an answer that is not one, or until `stopAt` says to stop
   * at a location (not requested then). Returns the last response and its URL.
   */
  async follow(url: string, init: Parameters<HttpBrowser['request']>[1] = {}, stopAt?: (location: URL) => boolean): Promise<{ response: Response; url: string; stoppedAt?: URL }> {
    let current = url;
    let response = await this.request(current, init);
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current);
      await response.body?.cancel();
      if (stopAt?.(next)) return { response, url: current, stoppedAt: next };
      current = next.href;
      response = await this.request(current);
    }
    throw new Error(`too many redirects from ${url}`);
  }
}
