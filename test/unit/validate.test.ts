import { describe, expect, it } from "vitest";
import { redactUrl, validateDatabaseUrl, validateDirectory, validatePackageManager } from "../../src/cli/validate.js";

describe("validateDirectory", () => {
  it.each(["my-app", ".", "nested/dir/app", "../sibling", "My App", "/tmp/abs"])("accepts %j", (value) => {
    expect(validateDirectory(value)).toBeUndefined();
  });

  it.each([
    ["", /Enter a directory name/],
    ["   ", /Enter a directory name/],
    ["bad|name", /contains "\|"/],
    ["what?", /contains "\?"/],
    ["tab\tname", /control character/],
    ["con", /reserved file name/],
    ["dir/nul.txt", /reserved file name/],
    ["ends.", /ending in a space or a dot/],
  ])("refuses %j", (value, message) => {
    expect(validateDirectory(value)).toMatch(message);
  });
});

describe("validatePackageManager", () => {
  it("accepts the four and suggests on a typo", () => {
    expect(validatePackageManager("pnpm")).toBeUndefined();
    expect(validatePackageManager("pnmp")).toMatch(/Unknown package manager "pnmp". Did you mean pnpm\?/);
    expect(validatePackageManager("deno")).toMatch(/Choose one of npm, pnpm, yarn, bun/);
  });
});

describe("validateDatabaseUrl", () => {
  it("accepts PostgreSQL URLs", () => {
    expect(validateDatabaseUrl("postgresql://u:p@db.example.com:5432/app")).toBeUndefined();
    expect(validateDatabaseUrl("postgres://localhost/app")).toBeUndefined();
  });

  it("refuses other schemes and non-URLs without echoing the password", () => {
    expect(validateDatabaseUrl("mysql://u:p@h/db")).toMatch(/must start with postgresql:\/\//);
    expect(validateDatabaseUrl("not a url")).toMatch(/is not a URL/);
    expect(validateDatabaseUrl("")).toMatch(/Enter a PostgreSQL URL/);
    expect(validateDatabaseUrl("postgres//user:secret@host")).not.toContain("secret");
  });

  it("redacts passwords", () => {
    expect(redactUrl("postgresql://user:s3cret@host:5432/db")).toBe("postgresql://user:***@host:5432/db");
    expect(redactUrl("postgresql://host/db")).toBe("postgresql://host/db");
  });
});
