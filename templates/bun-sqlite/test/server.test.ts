import { afterEach, beforeEach, expect, test } from "bun:test";
import { Client } from "./support/client";
import { freshDatabase, type TestDatabase } from "./support/database";

// The real entry point (what `dev` and `start` run), as a child process on its own database.
const root = `${import.meta.dir}/..`;
let database: TestDatabase;
beforeEach(() => {
  database = freshDatabase();
});
afterEach(() => database.dispose());

function entry(env: Record<string, string>) {
  return Bun.spawn(["bun", "src/index.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "development", DB_FILE: database.file, ...env },
    stdout: "pipe",
    stderr: "pipe",
  });
}

/** Reads stdout until the readiness line and returns the URL it announces. */
async function listeningURL(stdout: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let seen = "";
  for await (const chunk of stdout) {
    seen += decoder.decode(chunk, { stream: true });
    const match = seen.match(/Listening on (http:\/\/\S+)/);
    if (match) return match[1]!;
  }
  throw new Error(`the server exited before listening:\n${seen}`);
}

test("PORT=0 serves on a free port; sign-up and sign-in work from both loopback origins; SIGTERM stops it", async () => {
  const child = entry({
    PORT: "0",
    BETTER_AUTH_SECRET: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64"),
    BETTER_AUTH_URL: "http://localhost:3000",
  });
  try {
    const url = await listeningURL(child.stdout);
    const port = new URL(url).port;
    expect(port).not.toBe("0");

    const email = `entry.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const up = await new Client(url, `http://127.0.0.1:${port}`).post("/api/auth/sign-up/email", {
      name: "Entry",
      email,
      password: "entry-password-1",
    });
    expect(up.status).toBe(200);
    const viaLocalhost = new Client(`http://localhost:${port}`, `http://localhost:${port}`);
    const signIn = await viaLocalhost.post("/api/auth/sign-in/email", { email, password: "entry-password-1" });
    expect(signIn.status).toBe(200);
    expect((await viaLocalhost.get("/api/auth/get-session")).body.user.email).toBe(email);
  } finally {
    child.kill("SIGTERM");
  }
  expect(await child.exited).toBe(0);
});

test("a missing BETTER_AUTH_SECRET stops the server with a message that names the fix", async () => {
  const child = entry({ PORT: "0", BETTER_AUTH_SECRET: "" });
  const [stderr, code] = await Promise.all([new Response(child.stderr).text(), child.exited]);
  expect(code).toBe(1);
  expect(stderr).toContain("BETTER_AUTH_SECRET is not set");
  expect(stderr).toContain("openssl rand -base64 32");
  expect(stderr).not.toContain("    at "); // one clear message, no stack trace
});
