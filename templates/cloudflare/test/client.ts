import { SELF } from "cloudflare:test";

/** The origin the tests act from: BETTER_AUTH_URL in vitest.config.ts, so Better Auth trusts it. */
export const ORIGIN = "http://localhost:8787";

export type Reply = {
  status: number;
  headers: Headers;
  /** Parsed JSON; `any` because each test asserts the shape it expects. */
  body: any;
};

/**
 * A browser-like HTTP client for the Worker: keeps the cookies it is given and sends them back,
 * sends JSON, and an Origin header like a browser does for POSTs.
 */
export class Client {
  readonly cookies = new Map<string, string>();

  private readonly send: (request: Request) => Promise<Response>;

  /** `send` defaults to the Worker as deployed (SELF); tests of other settings pass their own. */
  constructor(send: (request: Request) => Promise<Response> = (request) => SELF.fetch(request)) {
    this.send = send;
  }

  async request(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    const headers = new Headers({ origin: ORIGIN });
    if (init.body !== undefined) headers.set("content-type", "application/json");
    for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const response = await this.send(
      new Request(`${ORIGIN}${path}`, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers,
        body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
        redirect: "manual",
      }),
    );
    this.remember(response.headers.getSetCookie());
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null } satisfies Reply;
  }

  get = (path: string) => this.request(path);
  post = (path: string, body: unknown = {}) => this.request(path, { method: "POST", body });
  patch = (path: string, body: unknown) => this.request(path, { method: "PATCH", body });

  private remember(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export const uniqueEmail = (label: string) => `${label}-${crypto.randomUUID()}@example.com`;
export const PASSWORD = "correct horse battery staple";

/** A new user, signed in (sign-up starts a session). */
export async function signedUpUser(label: string) {
  const client = new Client();
  const email = uniqueEmail(label);
  const reply = await client.post("/api/auth/sign-up/email", { email, password: PASSWORD, name: label });
  if (reply.status !== 200) throw new Error(`sign-up failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { client, email, user: reply.body.user as { id: string; email: string } };
}

/** A new user who owns a new organization and has it active, ready for /api/projects. */
export async function userInOwnOrganization(label: string) {
  const { client, email, user } = await signedUpUser(label);
  const created = await client.post("/api/auth/organization/create", { name: `${label} Inc`, slug: `${label}-${crypto.randomUUID()}` });
  if (created.status !== 200) throw new Error(`organization create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const organization = created.body as { id: string };
  const active = await client.post("/api/auth/organization/set-active", { organizationId: organization.id });
  if (active.status !== 200) throw new Error(`set-active failed: ${active.status} ${JSON.stringify(active.body)}`);
  return { client, email, user, organization };
}
