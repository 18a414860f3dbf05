import { describe, expect, it } from "vitest";
import { authResults, senderWarnings } from "./senderCheck";
import { colleagueNames, nameToCheck } from "./colleagues";

describe("sender checks", () => {
  it("reads SPF, DKIM and DMARC from Authentication-Results", () => {
    const got = authResults([{ name: "Authentication-Results", value: "mx.example; spf=pass smtp.mailfrom=a.example; dkim=fail header.d=a.example; dmarc=fail" }]);
    expect(got).toEqual({ spf: "pass", dkim: "fail", dmarc: "fail" });
    expect(authResults([])).toEqual({});
  });
  it("warns on failing checks", () => {
    const w = senderWarnings({ address: "a@b.example" }, { dmarc: "fail", spf: "pass" }, []);
    expect(w).toEqual([{ kind: "authFailed", method: "DMARC" }]);
  });
  it("shows punycode domains as they read and flags mixed scripts", () => {
    // "аpple.com" with a Cyrillic а
    const w = senderWarnings({ address: "billing@xn--pple-43d.com" }, {}, []);
    expect(w[0]).toEqual({ kind: "punycode", domain: "xn--pple-43d.com", shown: "аpple.com" });
    expect(w.some((x) => x.kind === "mixedScript")).toBe(true);
  });
  it("flags a display name carrying another address and a colleague's name from outside", () => {
    const w = senderWarnings({ name: "ceo@acme.test", address: "x@evil.example" }, {}, ["acme.test"]);
    expect(w).toEqual([{ kind: "nameHasAddress", claimed: "ceo@acme.test" }]);
    const c = senderWarnings({ name: "张伟", address: "zhang@free.example" }, {}, ["acme.test"], ["张伟"]);
    expect(c).toEqual([{ kind: "colleagueName", name: "张伟" }]);
    expect(senderWarnings({ name: "张伟", address: "zhang@acme.test" }, {}, ["acme.test"], ["张伟"])).toEqual([]);
  });
});

describe("colleague names", () => {
  it("asks the directory only for an outside sender with a name", () => {
    expect(nameToCheck({ name: "张伟", address: "zhang@free.example" }, ["acme.test"])).toBe("张伟");
    expect(nameToCheck({ name: "  Zhang   WEI ", address: "z@free.example" }, ["acme.test"])).toBe("zhang wei");
    expect(nameToCheck({ name: "张伟", address: "zhang@ACME.test" }, ["acme.test"])).toBeNull();
    expect(nameToCheck({ address: "zhang@free.example" }, ["acme.test"])).toBeNull();
    expect(nameToCheck({ name: "ceo@acme.test", address: "x@evil.example" }, ["acme.test"])).toBeNull();
    expect(nameToCheck(null, ["acme.test"])).toBeNull();
  });
  it("keeps colleagues other than the sender, by address or alias", () => {
    const found = [
      { display_name: "张伟", address: "zhang.wei@acme.test", aliases: [] },
      { display_name: "张伟", address: "zw@acme.test", aliases: ["zhang@partner.example"] },
    ];
    expect(colleagueNames("zhang@free.example", found)).toEqual(["张伟", "张伟"]);
    expect(colleagueNames("Zhang@Partner.example", found)).toEqual(["张伟"]);
  });
  it("matches a colleague's name in full-width letters or with other spacing", () => {
    const w = senderWarnings({ name: "Ｚｈａｎｇ  Wei", address: "z@free.example" }, {}, ["acme.test"], ["Zhang Wei"]);
    expect(w).toEqual([{ kind: "colleagueName", name: "Ｚｈａｎｇ  Wei" }]);
    expect(senderWarnings({ name: "Zhang Weiwei", address: "z@free.example" }, {}, ["acme.test"], ["Zhang Wei"])).toEqual([]);
  });
});
