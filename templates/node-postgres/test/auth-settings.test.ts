// The parsing of the auth-flow settings (src/config/auth-settings.ts), shared by the three templates.
import { describe, expect, it, vi } from "vitest";
import { extraTrustedOrigins, requireEmailVerification, socialProviders } from "../src/config/auth-settings.ts";
import { isLoopbackAddress } from "../src/http/loopback.ts";

describe("auth settings", () => {
  it("turns a provider on only with both halves, and names the missing half once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(socialProviders({})).toEqual({});
    expect(socialProviders({ GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "secret" })).toEqual({ github: { clientId: "id", clientSecret: "secret" } });
    expect(socialProviders({ GOOGLE_CLIENT_ID: "id" })).toEqual({});
    expect(socialProviders({ GOOGLE_CLIENT_ID: "id" })).toEqual({});
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain("GOOGLE_CLIENT_SECRET is not");
    warn.mockRestore();
  });

  it("reads TRUSTED_ORIGINS as origins and refuses a malformed entry by name", () => {
    expect(extraTrustedOrigins({ TRUSTED_ORIGINS: " http://localhost:5173, https://app.example.com/ " })).toEqual([
      "http://localhost:5173",
      "https://app.example.com",
    ]);
    for (const bad of ["localhost:5173", "https://app.example.com/path", "ftp://files.example.com", "*"]) {
      expect(() => extraTrustedOrigins({ TRUSTED_ORIGINS: `http://ok.example,${bad}` })).toThrow(`malformed entry "${bad}"`);
    }
  });

  it("keeps email verification optional unless REQUIRE_EMAIL_VERIFICATION=true", () => {
    expect(requireEmailVerification({})).toBe(false);
    expect(requireEmailVerification({ REQUIRE_EMAIL_VERIFICATION: "true" })).toBe(true);
    expect(() => requireEmailVerification({ REQUIRE_EMAIL_VERIFICATION: "yes" })).toThrow('"true" or "false"');
  });

  it("counts only this machine as loopback", () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.8.9.10"]) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of [undefined, "", "10.0.0.1", "::ffff:10.0.0.1", "128.0.0.1", "fe80::1"]) expect(isLoopbackAddress(address)).toBe(false);
  });
});
