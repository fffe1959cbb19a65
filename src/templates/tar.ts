export type TarEntry = {
  path: string;
  /** "file", "directory", "symlink", "hardlink", or the raw type flag of anything else (devices, fifos) */
  type: "file" | "directory" | "symlink" | "hardlink" | string;
  mode: number;
  content: Buffer;
  linkTarget: string;
};

const TYPES: Record<string, TarEntry["type"]> = { "0": "file", "\0": "file", "7": "file", "5": "directory", "2": "symlink", "1": "hardlink" };

/**
 * Reads an uncompressed tar archive (ustar, with pax and GNU long names, as GitHub, GitLab and git archive write it)
 * into memory. A template is a few hundred KB, so a 60-line reader replaces the 85 KB tar package.
 */
export function readTar(archive: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    if (checksum(header) !== octal(header.subarray(148, 156))) throw new Error("the archive is damaged (bad tar header checksum)");
    const size = octal(header.subarray(124, 136));
    const flag = String.fromCharCode(header[156]!);
    const content = archive.subarray(offset + 512, offset + 512 + size);
    if (content.length < size) throw new Error("the archive ends in the middle of a file");
    offset += 512 + Math.ceil(size / 512) * 512;

    if (flag === "x") pax = parsePax(content);
    else if (flag === "L") longName = text(content);
    else if (flag === "K") longLink = text(content);
    else if (flag !== "g") {
      // The ustar prefix field; old GNU archives keep timestamps there instead.
      const ustar = header.subarray(257, 263).toString("latin1") === "ustar\0";
      const prefix = ustar ? text(header.subarray(345, 500)) : "";
      const name = text(header.subarray(0, 100));
      entries.push({
        path: pax.path ?? longName ?? (prefix ? `${prefix}/${name}` : name),
        type: TYPES[flag] ?? flag,
        mode: octal(header.subarray(100, 108)),
        content,
        linkTarget: pax.linkpath ?? longLink ?? text(header.subarray(157, 257)),
      });
      pax = {};
      longName = longLink = undefined;
    }
  }
  return entries;
}

function text(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString("utf8");
}

function octal(field: Buffer): number {
  // Base-256 sizes (the high bit set) only appear for files over 8 GB: no template has one.
  if (field[0]! & 0x80) throw new Error("the archive holds a file too large for a template");
  const digits = text(field).trim();
  return digits === "" ? 0 : Number.parseInt(digits, 8);
}

function checksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return sum;
}

/** pax records: "<length> <key>=<value>\n", the length counting the whole record. */
function parsePax(content: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < content.length) {
    const space = content.indexOf(0x20, offset);
    const length = Number.parseInt(content.subarray(offset, space).toString("latin1"), 10);
    if (space === -1 || !(length > 0)) break;
    const record = content.subarray(space + 1, offset + length - 1).toString("utf8");
    const equals = record.indexOf("=");
    if (equals > 0) records[record.slice(0, equals)] = record.slice(equals + 1);
    offset += length;
  }
  return records;
}
