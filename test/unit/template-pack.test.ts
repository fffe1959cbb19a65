import { describe, expect, it } from "vitest";
import { packTemplates, unpackTemplate } from "../../src/templates/pack.js";

describe("template pack", () => {
  it("round-trips every template's files, modes and metadata, storing shared content once", () => {
    const shared = Buffer.from("the same page in every template\n".repeat(200));
    const a = { files: [{ path: "package.json", content: Buffer.from('{"name":"a"}'), executable: false }, { path: "src/page.tsx", content: shared, executable: false }], meta: { envFile: ".env", replace: [] } };
    const b = { files: [{ path: "src/page.tsx", content: shared, executable: false }, { path: "bin/run", content: Buffer.from("#!/bin/sh\n"), executable: true }], meta: { replace: [] } };
    const pack = packTemplates({ a, b });
    expect(unpackTemplate(pack, "a")).toEqual(a);
    expect(unpackTemplate(pack, "b")).toEqual(b);
    expect(unpackTemplate(pack, "c")).toBeUndefined();
    expect(pack.length).toBeLessThan(shared.length / 10);
  });
});
