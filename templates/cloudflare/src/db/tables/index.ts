// App tables, one domain per file (`<domain>.table.ts`). Add a file, export it here, then `npm run db:generate`.
export * from "./projects.table.ts";
