import { closeSync, openSync, readSync } from "node:fs";

/**
 * Random bytes from the kernel's CSPRNG, /dev/urandom: the source node:crypto and Web Crypto draw from too, read
 * without loading either (Web Crypto costs ~3 ms of start-up). Web Crypto where there is no /dev/urandom (Windows).
 */
export function randomBytes(size: number): Buffer {
  return urandom(size) ?? Buffer.from(crypto.getRandomValues(new Uint8Array(size)));
}

/** 32 random bytes as base64url, for BETTER_AUTH_SECRET. */
export const randomSecret = (): string => randomBytes(32).toString("base64url");

function urandom(size: number): Buffer | undefined {
  if (process.platform === "win32") return undefined;
  let fd: number | undefined;
  try {
    fd = openSync("/dev/urandom", "r");
    const bytes = Buffer.alloc(size);
    for (let read = 0; read < size; ) {
      const n = readSync(fd, bytes, read, size - read, null);
      if (n === 0) return undefined;
      read += n;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
