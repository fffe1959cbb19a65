// Side-effect module: loads `.env` from the project root before anything reads process.env.
// Node ≥ 20.12 has process.loadEnvFile, so no dotenv and no `--env-file` flag (which fails when the
// file is missing, and whose `-if-exists` variant needs Node 22). Variables already set in the
// environment win over the file, so CI and `DATABASE_URL=... npm run ...` behave as expected.
import { fileURLToPath } from "node:url";

const envFile = fileURLToPath(new URL("../.env", import.meta.url));

try {
  process.loadEnvFile(envFile);
} catch (error) {
  // No .env is fine (production sets real environment variables); anything else is a real problem.
  if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
}
