// The magic-link plugin over HTTP: a link by mail (the dev mailbox here) that signs the person in once.
import { describe, expect, it } from "vitest";
import { Client, signUp, uniqueEmail } from "./helpers/client.ts";
import { follow, mailTo } from "./helpers/mail.ts";
import { useServer } from "./helpers/server.ts";

const server = useServer();

describe("magic link", () => {
  it("mails a link on this server that signs the person in, once", async () => {
    const { email } = await signUp(new Client(server), "magic");
    const asked = await new Client(server).post("/api/auth/sign-in/magic-link", { email, callbackURL: "/" });
    expect(asked.status).toBe(200);
    const mail = (await mailTo(server, email)).find((m) => m.subject === "Your sign-in link");
    expect(mail, "a sign-in mail").toBeDefined();
    const link = mail!.links[0]!;
    expect(link.startsWith(`${server.origin}/api/auth/magic-link/verify?token=`)).toBe(true);
    expect(mail!.text).toContain(link);

    const visit = await follow(link);
    expect(visit.status).toBe(302);
    expect(new URL(visit.location!, server.origin).pathname).toBe("/");
    const session = await new Client(server).get("/api/auth/get-session", { cookie: visit.cookie });
    expect(session.body.user).toMatchObject({ email });

    const again = await follow(link);
    expect(again.cookie).not.toContain("session_token=");
  });

  it("refuses a link for another site (the callback must be a trusted origin)", async () => {
    const email = uniqueEmail("elsewhere");
    const asked = await new Client(server).post("/api/auth/sign-in/magic-link", { email, callbackURL: "https://evil.example/steal" });
    expect(asked.status).toBe(403);
    expect(await mailTo(server, email)).toEqual([]);
  });
});
