/**
 * A tiny HTTP client that behaves like a browser tab on the app's own origin: it keeps the cookies it is given
 * and sends an Origin header, which Better Auth checks on cookie-bearing writes.
 */
export class Client {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseURL: string,
    private readonly origin: string = baseURL,
    /** sent with every request, e.g. the X-Forwarded-For a proxy in front would add */
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
    const headers = new Headers({ ...this.extraHeaders, origin: this.origin, accept: "application/json" });
    if (body !== undefined) headers.set("content-type", "application/json");
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const response = await fetch(new URL(path, this.baseURL), {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      redirect: "manual",
    });
    this.keepCookies(response.headers);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: tests see the raw text.
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** The same tab, with its cookies as they are now, sending these headers too (or to another server). */
  withHeaders(headers: Record<string, string>, baseURL = this.baseURL): Client {
    const copy = new Client(baseURL, baseURL === this.baseURL ? this.origin : baseURL, { ...this.extraHeaders, ...headers });
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  get(path: string) {
    return this.request("GET", path);
  }

  post(path: string, body: unknown = {}) {
    return this.request("POST", path, body);
  }

  patch(path: string, body: unknown) {
    return this.request("PATCH", path, body);
  }

  private keepCookies(headers: Headers) {
    for (const header of headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
