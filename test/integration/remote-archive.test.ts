import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { remoteSource, templateFromEntries } from "../../src/templates/remote.js";
import { readTar } from "../../src/templates/tar.js";
import { tempDir } from "../support/temp.js";

/** A real archive from the system's tar, wrapped in one folder as GitHub's tarballs are. */
function archive(format: "pax" | "gnu", setup: (root: string) => void) {
  const dir = tempDir();
  const root = path.join(dir, "owner-repo-abc123");
  mkdirSync(root);
  setup(root);
  return readTar(execFileSync("tar", ["-c", `--format=${format}`, "-C", dir, "owner-repo-abc123"], { maxBuffer: 64 << 20 }));
}

const write = (root: string, rel: string, content: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), content);
};

describe("remote template archives", () => {
  for (const format of ["pax", "gnu"] as const) {
    it(`reads a ${format} archive: subfolder only, long names, modes, links inside, skipped entries`, () => {
      const long = `${"deep/".repeat(30)}file.txt`;
      const entries = archive(format, (root) => {
        write(root, "README.md", "outside the subfolder");
        write(root, "starter/package.json", "{}");
        write(root, "starter/template.json", '{"title":"T"}');
        write(root, `starter/${long}`, "long");
        write(root, "starter/bin/run.sh", "#!/bin/sh\n");
        chmodSync(path.join(root, "starter/bin/run.sh"), 0o755);
        write(root, "starter/node_modules/x/index.js", "");
        write(root, "starter/.env", "SECRET=1");
        symlinkSync("package.json", path.join(root, "starter/link.json"));
      });
      const { files, refused, meta } = templateFromEntries(entries, "starter");
      expect(refused).toEqual([]);
      expect(meta).toBe('{"title":"T"}');
      expect(files.map((f) => f.path).sort()).toEqual(["bin/run.sh", long, "link.json", "package.json"].sort());
      expect(files.find((f) => f.path === "bin/run.sh")?.executable).toBe(true);
      expect(files.find((f) => f.path === "package.json")?.executable).toBe(false);
      expect(files.find((f) => f.path === "link.json")?.content.toString()).toBe("{}");
      expect(files.find((f) => f.path === long)?.content.toString()).toBe("long");
    });
  }

  it("refuses links that leave the template or lead nowhere, and devices", () => {
    const entries = archive("pax", (root) => {
      write(root, "package.json", "{}");
      write(root, "secret.txt", "outside the subfolder");
      write(root, "app/package.json", "{}");
      symlinkSync("/etc/hostname", path.join(root, "app/absolute"));
      symlinkSync("../secret.txt", path.join(root, "app/up"));
      symlinkSync("missing", path.join(root, "app/dangling"));
    });
    expect(templateFromEntries(entries, "app").refused.sort()).toEqual([
      "absolute (a symbolic link to something outside the template or a folder)",
      "dangling (a symbolic link to nothing)",
      "up (a symbolic link to something outside the template or a folder)",
    ]);
  });

  it("rejects a damaged archive", () => {
    const dir = tempDir();
    write(dir, "a/package.json", "{}");
    const tar = execFileSync("tar", ["-c", "-C", dir, "a"]);
    tar[10] = tar[10]! ^ 0xff;
    expect(() => readTar(tar)).toThrow(/checksum/);
  });

  it("finds the archive the way giget does", () => {
    expect(remoteSource("gh:owner/repo/sub/dir#v1", {})).toMatchObject({
      repo: "owner/repo",
      subdir: "sub/dir",
      ref: "v1",
      tarball: "https://api.github.com/repos/owner/repo/tarball/v1",
    });
    expect(remoteSource("github:owner/repo", { GIGET_GITHUB_URL: "http://127.0.0.1:1", GIGET_AUTH: "t" })).toMatchObject({
      subdir: "",
      ref: "main",
      tarball: "http://127.0.0.1:1/repos/owner/repo/tarball/main",
      headers: { authorization: "Bearer t" },
    });
    expect(remoteSource("gitlab:group/sub/repo::starter#dev", {}).tarball).toBe("https://gitlab.com/group/sub/repo/-/archive/dev.tar.gz");
    expect(remoteSource("gitlab:group/sub/repo::starter#dev", {}).subdir).toBe("starter");
    expect(remoteSource("bitbucket:o/r", {}).tarball).toBe("https://bitbucket.org/o/r/get/main.tar.gz");
    expect(remoteSource("sourcehut:o/r", {}).tarball).toBe("https://git.sr.ht/~o/r/archive/main.tar.gz");
  });
});
