/** Every key exists in zh-CN and English, with the same placeholders, and every key the
 * code names is in the catalogues. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import zhCN from "./zh-CN.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

const english = flatten(en as Tree);
const chinese = flatten(zhCN as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("have the same keys in zh-CN and English", () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("have no empty message and the same placeholders in both languages", () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe("");
      expect(chinese.get(key)?.trim(), key).not.toBe("");
      expect(placeholders(chinese.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("contain every key the code uses", () => {
    const root = join(__dirname, "..");
    const used = new Set<string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([\w.]+)"/g)) used.add(m[1]);
      for (const m of text.matchAll(/\["\/[\w/]*", "(nav\.\w+)"\]/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((key) => !english.has(key));
    expect(missing).toEqual([]);
  });

  it("name every status, role and sign-in error the API can answer", () => {
    for (const status of ["ok", "missing", "mismatch", "active", "frozen", "deleted", "succeeded", "failed", "error", "created"]) {
      expect(english.has(`status.${status}`), status).toBe(true);
    }
    for (const error of ["session_expired", "not_found", "access_denied", "sign_in_failed", "sign_in_expired"]) {
      expect(english.has(`signin.errors.${error}`), error).toBe(true);
    }
  });
});
