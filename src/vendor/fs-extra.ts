// fs-extra: writing and moving the project. Its own file in the build (dist/fs-extra.cjs), required when a run
// writes: --help, --version and a dry run never compile it.
export { copySync, mkdirpSync, moveSync, outputFileSync, removeSync } from "fs-extra";
