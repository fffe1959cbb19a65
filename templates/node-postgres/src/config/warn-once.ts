// Settings are read again wherever they are needed (per request on Workers): say each thing once.
const said = new Set<string>();

export function warnOnce(message: string): void {
  if (said.has(message)) return;
  said.add(message);
  console.warn(message);
}
