// execa: every child process (install, migrate, git, version probes). Its own file in the build (dist/execa.cjs),
// required on the first spawn: a run that only writes files never compiles it.
export { execa, type Result, type ResultPromise } from "execa";
