import { describe, expect, it } from "vitest";
import { missing } from "./uploadSession";

describe("missing", () => {
  it("lists the gaps between held ranges, in order", () => {
    expect(missing(10, [])).toEqual([[0, 10]]);
    expect(missing(10, [[2, 4], [0, 1]])).toEqual([[1, 2], [4, 10]]);
    expect(missing(10, [[0, 4], [2, 10]])).toEqual([]);
  });
});
