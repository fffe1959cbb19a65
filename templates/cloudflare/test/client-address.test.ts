// Who the client is, for the rate limits: the connection's peer, or behind TRUSTED_PROXIES the
// right-most forwarded address that is not a proxy. Never what the client wrote.
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxies, withClientAddress } from "../src/http/client-address.ts";

describe("the client address behind TRUSTED_PROXIES", () => {
  const none = trustedProxies(undefined);
  const proxies = trustedProxies("127.0.0.1, 10.0.0.0/8");

  it("is the connection's peer when the peer is no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.1", none)).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7", "203.0.113.1", proxies)).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7", null, none)).toBe("198.51.100.7");
  });

  it("is the right-most X-Forwarded-For address that is not a trusted proxy, when the peer is one", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.1, 198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", "203.0.113.1, 10.1.2.3", proxies)).toBe("203.0.113.1");
    expect(clientAddress("127.0.0.1", null, proxies)).toBe("127.0.0.1");
    expect(clientAddress(undefined, "203.0.113.1", proxies)).toBeUndefined();
  });

  it("stops the start on a malformed entry, naming it", () => {
    expect(() => trustedProxies("10.0.0.0/8,10.0.0.0/33")).toThrow('TRUSTED_PROXIES has a malformed entry "10.0.0.0/33"');
    expect(() => trustedProxies("proxy.internal")).toThrow('TRUSTED_PROXIES has a malformed entry "proxy.internal"');
  });

  it("replaces whatever a client sent in the header Better Auth reads", () => {
    const sent = new Request("http://localhost/api/auth/ok", { headers: { [CLIENT_ADDRESS_HEADER]: "1.2.3.4" } });
    expect(withClientAddress(sent, "198.51.100.7").headers.get(CLIENT_ADDRESS_HEADER)).toBe("198.51.100.7");
    expect(withClientAddress(sent, undefined).headers.has(CLIENT_ADDRESS_HEADER)).toBe(false);
  });
});

describe("rate limits in production", () => {
  it("hold against a client that sends a new X-Forwarded-For with every wrong password", async () => {
    const { env } = await import("cloudflare:test");
    const { app } = await import("../src/app.ts");
    const production = { ...env, ENVIRONMENT: "production", BETTER_AUTH_URL: "https://app.example" };
    const email = `rotating.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const response = await app.request(
        "https://app.example/api/auth/sign-in/email",
        {
          method: "POST",
          headers: { "content-type": "application/json", origin: "https://app.example", "cf-connecting-ip": "198.51.100.7", "x-forwarded-for": `203.0.113.${i}`, [CLIENT_ADDRESS_HEADER]: `192.0.2.${i}` },
          body: JSON.stringify({ email, password: "not the password" }),
        },
        production,
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);

    // Counted in D1, keyed on the peer: every isolate (and every location) shares the count.
    const row = await env.DB.prepare("select count from rate_limit where key = ?").bind("198.51.100.7|/sign-in/email").first();
    expect(row).toEqual({ count: 3 });
  });
});
