// bun test runs `vitest` imports on bun:test, whose tests get no context argument. Better Auth's adapter suites
// (registered through test.skipIf) use two things from it: onTestFailed, and skip(), which bun cannot report
// once a test has started, so there it fails the test with the reason rather than passing it. Bun shares
// `test` between files: the file that imports this gets the patch, and its afterAll puts the original back.
import { afterAll, test } from "bun:test";

type Context = { onTestFailed: (handler: () => unknown) => void; skip: (...args: unknown[]) => void };
type Body = (context: Context) => unknown;

function withContext(body: Body) {
  return async () => {
    const onFailure: (() => unknown)[] = [];
    const skip = (...args: unknown[]) => {
      if (args[0] === false) return;
      throw new Error(`asked to skip itself: ${args.find((arg) => typeof arg === "string") ?? "no reason given"}`);
    };
    try {
      await body({ onTestFailed: (handler) => onFailure.push(handler), skip });
    } catch (error) {
      for (const handler of onFailure) await handler();
      throw error;
    }
  };
}

const { skipIf } = test;
afterAll(() => Object.assign(test, { skipIf }));
Object.assign(test, {
  skipIf: (condition: boolean) => (name: string, options: { timeout?: number }, body: Body) =>
    condition ? test.skip(name, () => {}) : test(name, withContext(body), options.timeout),
});
