/** The generated API types match openapi/openapi.json (regenerate: `npm run gen:api`). */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

it("the committed API types are generated from the current openapi.json", () => {
  const web = join(__dirname, "..", "..");
  const out = join(mkdtempSync(join(tmpdir(), "mp-types-")), "schema.d.ts");
  execFileSync(
    join(web, "node_modules", ".bin", "openapi-typescript"),
    [join(web, "..", "openapi", "openapi.json"), "--default-non-nullable", "false", "-o", out],
    { stdio: "pipe" },
  );
  const fresh = readFileSync(out, "utf8");
  const committed = readFileSync(join(__dirname, "schema.d.ts"), "utf8");
  expect(committed === fresh, "src/api/schema.d.ts is stale: run `npm run gen:api` in web/").toBe(true);
}, 60_000);
