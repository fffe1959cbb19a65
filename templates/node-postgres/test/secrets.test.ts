// Rotating the secret with BETTER_AUTH_SECRETS on a database that holds data: sessions go on, and
// nothing answers 500 (the JWT signing keys, encrypted with the old secret, still open).
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { Client, createActiveOrganization, PASSWORD, signUp } from "./helpers/client.ts";
import type { TestServer } from "./helpers/server.ts";

const OLD = "old-secret-of-more-than-32-characters-0123456789";
const NEW = "new-secret-of-more-than-32-characters-9876543210";
const closers: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const close of closers.splice(0)) await close();
  delete process.env.BETTER_AUTH_SECRET;
  delete process.env.BETTER_AUTH_SECRETS;
});

/** The app as a restart with the environment of now starts it: modules loaded afresh. */
async function start(): Promise<TestServer> {
  vi.resetModules();
  const [{ app }, { pool }, { setListeningPort }] = await Promise.all([
    import("../src/app.ts"),
    import("../src/db/index.ts"),
    import("../src/lib/origins.ts"),
  ]);
  return new Promise((resolve) => {
    const http = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      setListeningPort(info.port);
      resolve({ origin: `http://127.0.0.1:${info.port}` });
    });
    closers.unshift(async () => {
      if ("closeAllConnections" in http) http.closeAllConnections();
      await new Promise((done) => http.close(done));
      if (!pool.ended) await pool.end();
    });
  });
}

describe("secret rotation", () => {
  it("signs no one out and breaks nothing", async () => {
    process.env.BETTER_AUTH_SECRET = OLD;
    const before = await start();
    const owner = new Client(before);
    const { email } = await signUp(owner, "rotator");
    const organizationId = await createActiveOrganization(owner, "Rotator Org");
    expect((await owner.get("/api/auth/token")).status).toBe(200); // a signing key, encrypted with OLD
    const key = (await owner.post("/api/auth/api-key/create", { name: "ci", organizationId })).body.key as string;
    const cookie = owner.cookieHeader();

    process.env.BETTER_AUTH_SECRETS = `1:${NEW}`;
    const after = await start();
    const stale = new Client(after);
    // The old cookie, signed with OLD, still signs in: nobody is signed out.
    expect((await stale.get("/api/projects", { cookie })).status).toBe(200);
    expect((await stale.get("/api/auth/token", { cookie })).status).toBe(200);
    expect((await stale.get("/", { cookie })).status).toBe(200);

    const again = new Client(after);
    expect((await again.post("/api/auth/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
    expect((await again.get("/api/auth/token")).status).toBe(200);
    expect((await again.post("/api/auth/organization/set-active", { organizationId })).status).toBe(200);
    expect((await again.get("/api/projects")).status).toBe(200);
    expect((await new Client(after).get("/api/projects", { "x-api-key": key })).status).toBe(200);
  });

  it("replaced outright, signs everyone out and answers no request with a 500", async () => {
    delete process.env.BETTER_AUTH_SECRETS;
    process.env.BETTER_AUTH_SECRET = OLD;
    const before = await start();
    const owner = new Client(before);
    const { email } = await signUp(owner, "replacer");
    const organizationId = await createActiveOrganization(owner, "Replacer Org");
    expect((await owner.get("/api/auth/token")).status).toBe(200); // a signing key only OLD opens
    const key = (await owner.post("/api/auth/api-key/create", { name: "ci", organizationId })).body.key as string;
    const cookie = owner.cookieHeader();

    process.env.BETTER_AUTH_SECRET = NEW;
    const after = await start();
    expect((await new Client(after).get("/api/projects", { cookie })).status).toBe(401);
    expect((await new Client(after).get("/", { cookie })).status).toBeLessThan(500);
    const again = new Client(after);
    expect((await again.post("/api/auth/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
    const token = await again.get("/api/auth/token");
    expect(token.status).toBe(200);
    // Signed with a new key, which is the one published.
    const { kid } = JSON.parse(Buffer.from((token.body.token as string).split(".")[0]!, "base64url").toString()) as { kid: string };
    expect((await again.get("/api/auth/jwks")).body.keys.map((k: { kid: string }) => k.kid)).toEqual([kid]);
    expect((await new Client(after).get("/api/projects", { "x-api-key": key })).status).toBe(200);
  });

  it("refuses a short or malformed secret at start, naming the variable", async () => {
    const { authSecrets } = await import("../src/config/auth-secrets.ts");
    const where = ".env";
    expect(() => authSecrets({ BETTER_AUTH_SECRET: "short" }, where)).toThrow("BETTER_AUTH_SECRET is too short: 5 characters, at least 32 needed");
    expect(() => authSecrets({ BETTER_AUTH_SECRET: OLD, BETTER_AUTH_SECRETS: NEW }, where)).toThrow('BETTER_AUTH_SECRETS must be "<version>:<secret>" entries');
    expect(() => authSecrets({ BETTER_AUTH_SECRETS: `2:${NEW},2:${OLD}` }, where)).toThrow("BETTER_AUTH_SECRETS has version 2 twice");
    expect(() => authSecrets({ BETTER_AUTH_SECRETS: "1:tiny" }, where)).toThrow("BETTER_AUTH_SECRETS version 1 is too short");
    expect(authSecrets({ BETTER_AUTH_SECRET: OLD, BETTER_AUTH_SECRETS: ` 2:${NEW} , 1:${OLD}` }, where)).toEqual({
      secret: OLD,
      secrets: [
        { version: 2, value: NEW },
        { version: 1, value: OLD },
      ],
    });
  });
});
