// A minimal browser: keeps cookies between requests and sends the page's Origin on writes, like
// fetch() from the app's own front end would.
import { randomUUID } from "node:crypto";
import type { TestServer } from "./server.ts";

export type Reply = { status: number; body: any; headers: Headers };

export class Client {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly server: TestServer) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const merged: Record<string, string> = {
      ...(body !== undefined && { "content-type": "application/json" }),
      ...(method !== "GET" && { origin: this.server.origin }),
      ...(this.cookies.size > 0 && { cookie: this.cookieHeader() }),
      ...headers,
    };
    // An empty value removes a default header (e.g. `origin: ""` for a non-browser client).
    for (const [name, value] of Object.entries(merged)) if (value === "") delete merged[name];
    const response = await fetch(`${this.server.origin}${path}`, {
      method,
      headers: merged,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    this.remember(response.headers);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: keep the text so an assertion failure shows what came back.
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request("GET", path, undefined, headers);
  }

  post(path: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request("POST", path, body, headers);
  }

  patch(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request("PATCH", path, body, headers);
  }

  hasCookies(): boolean {
    return this.cookies.size > 0;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export const PASSWORD = "correct horse battery staple";

/** Signs up a new user; the client keeps the session cookie. */
export async function signUp(client: Client, label: string) {
  const email = uniqueEmail(label);
  const reply = await client.post("/api/auth/sign-up/email", { email, password: PASSWORD, name: label });
  if (reply.status !== 200) throw new Error(`sign-up failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { email, userId: reply.body.user.id as string };
}

/** Creates an organization and makes it the session's active one. */
export async function createActiveOrganization(client: Client, name: string): Promise<string> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomUUID().slice(0, 8)}`;
  const created = await client.post("/api/auth/organization/create", { name, slug });
  if (created.status !== 200) throw new Error(`organization create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const organizationId = created.body.id as string;
  const active = await client.post("/api/auth/organization/set-active", { organizationId });
  if (active.status !== 200) throw new Error(`set-active failed: ${active.status} ${JSON.stringify(active.body)}`);
  return organizationId;
}
