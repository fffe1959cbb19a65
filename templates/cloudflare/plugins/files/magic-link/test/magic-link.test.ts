// The magic-link plugin through the Worker: a link by mail (the dev mailbox here) that signs the person in once.
import { describe, expect, it } from "vitest";
import { Client, ORIGIN, signedUpUser, uniqueEmail } from "./client.ts";
import { mailTo, workerWith } from "./worker.ts";

const worker = workerWith();

async function follow(link: string) {
  const response = await worker(new Request(link, { redirect: "manual" }));
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  return { status: response.status, location: response.headers.get("location"), cookie };
}

describe("magic link", () => {
  it("mails a link on this server that signs the person in, once", async () => {
    const { email } = await signedUpUser("magic");
    const asked = await new Client(worker).post("/api/auth/sign-in/magic-link", { email, callbackURL: "/" });
    expect(asked.status).toBe(200);
    const mail = (await mailTo(worker, email)).find((m) => m.subject === "Your sign-in link");
    expect(mail).toBeDefined();
    const link = mail!.links[0]!;
    expect(link.startsWith(`${ORIGIN}/api/auth/magic-link/verify?token=`)).toBe(true);
    expect(mail!.text).toContain(link);

    const visit = await follow(link);
    expect(visit.status).toBe(302);
    expect(new URL(visit.location!, ORIGIN).pathname).toBe("/");
    const session = await new Client(worker).request("/api/auth/get-session", { headers: { cookie: visit.cookie } });
    expect(session.body.user).toMatchObject({ email });

    const again = await follow(link);
    expect(again.cookie).not.toContain("session_token=");
  });

  it("refuses a link for another site (the callback must be a trusted origin)", async () => {
    const email = uniqueEmail("elsewhere");
    const asked = await new Client(worker).post("/api/auth/sign-in/magic-link", { email, callbackURL: "https://evil.example/steal" });
    expect(asked.status).toBe(403);
    expect(await mailTo(worker, email)).toEqual([]);
  });
});
