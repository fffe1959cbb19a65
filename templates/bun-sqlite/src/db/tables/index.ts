// App tables, one domain per file. Add `export * from "./<domain>.table";` for each new domain.
export * from "./projects.table";
