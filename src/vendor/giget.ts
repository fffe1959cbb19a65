// giget: every remote template, with its providers, GIGET_AUTH and its download cache. Its own file in the build
// (dist/giget.cjs, with the tar reader it brings), required only when a remote template is asked for.
export { downloadTemplate } from "giget";
