import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { userEnv } from "./cli.js";

/**
 * A Dockerfile's own commands, run here without a Docker engine (this machine has only the client): every
 * stage gets a folder that stands for its WORKDIR, COPY copies from the build context (minus .dockerignore) or an
 * earlier stage, RUN runs in a shell with the stage's ENV. The base images' toolchains are this machine's, and
 * users are not switched (the image's users do not exist here: `chown` is a no-op); the tests check USER instead.
 */
export type Stage = { name?: string; from: string; dir: string; env: Record<string, string>; user?: string; cmd?: string[] };

type Instruction = { op: string; args: string };

export function parseDockerfile(text: string): Instruction[] {
  const joined = text.replace(/\\\r?\n/g, " ");
  return joined
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const space = line.search(/\s/);
      return { op: line.slice(0, space).toUpperCase(), args: line.slice(space + 1).trim() };
    });
}

function ignored(context: string): (relative: string) => boolean {
  const file = path.join(context, ".dockerignore");
  const patterns = existsSync(file)
    ? readFileSync(file, "utf8")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("#"))
    : [];
  const regexes = patterns.map((pattern) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}(/|$)`));
  return (relative) => regexes.some((regex) => regex.test(relative));
}

/** The sources of a COPY: names relative to the context, a trailing `*` matching what exists (or nothing). */
function sources(from: string, names: string[]): string[] {
  return names.flatMap((name) => {
    if (name === ".") return ["."];
    if (!name.includes("*")) return [name];
    const dir = path.dirname(name);
    const pattern = new RegExp(`^${path.basename(name).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
    const folder = path.join(from, dir);
    return existsSync(folder) ? readdirSync(folder).filter((entry) => pattern.test(entry)).map((entry) => path.join(dir, entry)) : [];
  });
}

/** The environment of a command in a stage, or of the image's CMD: this machine's tools, the stage's ENV, no test mode. */
export function stageEnv(stage: Stage, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(userEnv())) if (value !== undefined && key !== "NODE_ENV") env[key] = value;
  return { ...env, ...stage.env, ...extra };
}

/** Runs every stage's COPY and RUN; returns the stages, the last one being the image. */
export async function buildLikeDocker(context: string, root: string, extraEnv: Record<string, string> = {}): Promise<Stage[]> {
  const stages: Stage[] = [];
  const skip = ignored(context);
  const shims = path.join(root, "shims");
  mkdirSync(shims, { recursive: true });
  writeFileSync(path.join(shims, "chown"), "#!/bin/sh\nexit 0\n");
  chmodSync(path.join(shims, "chown"), 0o755);
  for (const { op, args } of parseDockerfile(readFileSync(path.join(context, "Dockerfile"), "utf8"))) {
    const stage = stages.at(-1);
    if (op === "FROM") {
      const [from = "", , name] = args.split(/\s+/);
      const dir = path.join(root, `stage-${stages.length}`);
      mkdirSync(dir, { recursive: true });
      stages.push({ name, from, dir, env: {} });
      continue;
    }
    if (!stage) throw new Error(`${op} before FROM`);
    if (op === "WORKDIR" || op === "EXPOSE" || op === "VOLUME" || op === "HEALTHCHECK" || op === "ARG") continue;
    if (op === "ENV") {
      for (const [, key, value] of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) stage.env[key!] = value!.replace(/^"|"$/g, "");
    } else if (op === "USER") {
      stage.user = args;
    } else if (op === "CMD") {
      stage.cmd = JSON.parse(args) as string[];
    } else if (op === "COPY") {
      const words = args.split(/\s+/);
      const fromStage = words.find((word) => word.startsWith("--from="))?.slice("--from=".length);
      const [dest = ".", ...names] = words.filter((word) => !word.startsWith("--")).reverse();
      const origin = fromStage ? stages.find((s) => s.name === fromStage) : undefined;
      if (fromStage && !origin) throw new Error(`COPY --from=${fromStage}: no such stage`);
      const base = origin ? origin.dir : context;
      const target = path.join(stage.dir, dest.replace(/^\/app\/?/, ""));
      for (const source of sources(base, names.reverse().map((name) => (origin ? name.replace(/^\/app\/?/, "") || "." : name)))) {
        const from = path.join(base, source);
        const into = source === "." || dest.endsWith("/") ? path.join(target, source === "." ? "" : path.basename(source)) : target;
        mkdirSync(path.dirname(into), { recursive: true });
        cpSync(from, into, { recursive: true, filter: (file) => origin !== undefined || !skip(path.relative(context, file)) });
      }
    } else if (op === "RUN") {
      const env = stageEnv(stage, extraEnv);
      env.PATH = `${shims}:${env.PATH}`;
      const result = await execa("sh", ["-c", args], { cwd: stage.dir, env, extendEnv: false, reject: false, all: true, stdin: "ignore" });
      if (result.exitCode !== 0) throw new Error(`RUN ${args} failed (${result.exitCode}):\n${result.all}`);
    } else {
      throw new Error(`Dockerfile instruction ${op} is not supported by this runner`);
    }
  }
  return stages;
}
