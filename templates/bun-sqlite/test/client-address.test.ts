// Who the client is, for the rate limits: the connection's peer, or behind TRUSTED_PROXIES the
// right-most forwarded address that is not a proxy. Never what the client wrote.
import { describe, expect, test } from "bun:test";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxies, withClientAddress } from "../src/http/client-address.ts";

describe("the client address behind TRUSTED_PROXIES", () => {
  const none = trustedProxies(undefined);
  const proxies = trustedProxies("127.0.0.1, 10.0.0.0/8");

  test("is the connection's peer when the peer is no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.1", none)).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7", "203.0.113.1", proxies)).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7", null, none)).toBe("198.51.100.7");
  });

  test("is the right-most X-Forwarded-For address that is not a trusted proxy, when the peer is one", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.1, 198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", "203.0.113.1, 10.1.2.3", proxies)).toBe("203.0.113.1");
    expect(clientAddress("127.0.0.1", null, proxies)).toBe("127.0.0.1");
    expect(clientAddress(undefined, "203.0.113.1", proxies)).toBeUndefined();
  });

  test("stops the start on a malformed entry, naming it", () => {
    expect(() => trustedProxies("10.0.0.0/8,10.0.0.0/33")).toThrow('TRUSTED_PROXIES has a malformed entry "10.0.0.0/33"');
    expect(() => trustedProxies("proxy.internal")).toThrow('TRUSTED_PROXIES has a malformed entry "proxy.internal"');
  });

  test("replaces whatever a client sent in the header Better Auth reads", () => {
    const sent = new Request("http://localhost/api/auth/ok", { headers: { [CLIENT_ADDRESS_HEADER]: "1.2.3.4" } });
    expect(withClientAddress(sent, "198.51.100.7").headers.get(CLIENT_ADDRESS_HEADER)).toBe("198.51.100.7");
    expect(withClientAddress(sent, undefined).headers.has(CLIENT_ADDRESS_HEADER)).toBe(false);
  });
});
