import type { StepContext, StepResult } from "./types.js";

const COMMIT_MESSAGE = "Initial commit from create-authstack";

/** git init + first commit. Every reason not to commit is a note, never a failure of the run. */
export async function runGit(envFile: string | undefined, ctx: StepContext): Promise<StepResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const git = (...args: string[]) => ctx.run("git", args);
  const skipped = (note: string, retry?: string): StepResult => ({
    name: "git",
    status: "skipped",
    durationMs: took(),
    note,
    ...(retry ? { retry } : {}),
  });

  const version = await git("--version");
  if (!version.ok) return skipped("git was not found, so no repository was created.", "git init");
  const inside = await git("rev-parse", "--show-toplevel");
  if (inside.ok) return skipped(`Already inside a git repository (${inside.output.trim()}), so no new one was created.`);

  const init = await git("init");
  if (!init.ok) return { ...skipped(`git init failed: ${lastLine(init.output)}`, "git init"), status: "failed" };
  if (envFile) {
    // Never commit the secret: stop if the template's .gitignore does not cover the env file.
    const ignored = await git("check-ignore", "-q", envFile);
    if (!ignored.ok) return skipped(`${envFile} is not ignored by .gitignore, so nothing was committed. Add it to .gitignore first.`);
  }
  const add = await git("add", "-A");
  if (!add.ok) return { ...skipped(`git add failed: ${lastLine(add.output)}`, "git add -A"), status: "failed" };

  const commitCommand = `git commit -m "${COMMIT_MESSAGE}"`;
  // useConfigOnly: never commit under an identity git guessed from the host name.
  const author = await git("-c", "user.useConfigOnly=true", "var", "GIT_AUTHOR_IDENT");
  const committer = await git("-c", "user.useConfigOnly=true", "var", "GIT_COMMITTER_IDENT");
  if (!author.ok || !committer.ok) {
    return skipped(
      'No git identity is set, so the files are staged but not committed. Set one with git config --global user.name "Your Name" and git config --global user.email you@example.com.',
      commitCommand,
    );
  }
  const commit = await git("-c", "user.useConfigOnly=true", "commit", "--no-verify", "-m", COMMIT_MESSAGE);
  if (!commit.ok) return { ...skipped(`git commit failed: ${lastLine(commit.output)}`, commitCommand), status: "failed" };
  return { name: "git", status: "done", durationMs: took() };
}

const lastLine = (output: string) => output.trim().split(/\r?\n/).pop() ?? "";
