// semver: npm's own reading of version ranges, for the template's engines. Its own file in the build
// (dist/semver.cjs), required when the preflight checks run.
export { coerce, minVersion, satisfies, validRange } from "semver";
