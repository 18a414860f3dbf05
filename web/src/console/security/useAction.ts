/** Run a change, keep its problem for the banner, and reload what it changed. */
import { useState } from "react";
import { problemOf, type Problem } from "../../api/client";

export function useAction(after: () => void) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState("");
  const act = async (fn: () => Promise<unknown>, message = "") => {
    setProblem(null);
    setDone("");
    try {
      await fn();
      setDone(message);
      after();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  return { problem, done, act };
}
