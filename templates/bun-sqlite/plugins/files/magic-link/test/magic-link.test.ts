// The magic-link plugin over HTTP: a link by mail (the dev mailbox here) that signs the person in once.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Client } from "./support/client";
import { signUp } from "./support/flows";
import { follow, mailTo } from "./support/mail";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
beforeAll(() => {
  server = startServer();
});
afterAll(() => server.stop());

describe("magic link", () => {
  test("mails a link on this server that signs the person in, once", async () => {
    const { email } = await signUp(server.url, "Magic");
    const asked = await new Client(server.url).post("/api/auth/sign-in/magic-link", { email, callbackURL: "/" });
    expect(asked.status).toBe(200);
    const mail = (await mailTo(server.url, email)).find((m) => m.subject === "Your sign-in link");
    expect(mail).toBeDefined();
    const link = mail!.links[0]!;
    expect(link.startsWith(`${server.url}/api/auth/magic-link/verify?token=`)).toBe(true);
    expect(mail!.text).toContain(link);

    const visit = await follow(link);
    expect(visit.status).toBe(302);
    expect(new URL(visit.location!, server.url).pathname).toBe("/");
    const session = await fetch(`${server.url}/api/auth/get-session`, { headers: { cookie: visit.cookie } });
    expect(((await session.json()) as { user: unknown }).user).toMatchObject({ email });

    const again = await follow(link);
    expect(again.cookie).not.toContain("session_token=");
  });

  test("refuses a link for another site (the callback must be a trusted origin)", async () => {
    const email = `elsewhere.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const asked = await new Client(server.url).post("/api/auth/sign-in/magic-link", { email, callbackURL: "https://evil.example/steal" });
    expect(asked.status).toBe(403);
    expect(await mailTo(server.url, email)).toEqual([]);
  });
});
