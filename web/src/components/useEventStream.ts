/** Follow the organisation's event stream (SSE /v1/events/stream) for the named types. The
 * session cookie authenticates it like every other API call; the browser reconnects itself
 * and resumes from Last-Event-ID. */
import { useEffect, useRef } from "react";

export interface StreamEvent {
  id: string;
  type: string;
  sequence: number;
  occurred_at: string;
  data: Record<string, unknown>;
}

export function useEventStream(types: string[], onEvent: (event: StreamEvent) => void, enabled = true): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = types.join(",");
  useEffect(() => {
    if (!enabled || !key) return;
    const source = new EventSource(`/v1/events/stream?${new URLSearchParams({ types: key })}`);
    const listen = (message: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(message.data) as StreamEvent);
      } catch {
        /* a malformed frame is skipped; the next one carries the state */
      }
    };
    for (const type of key.split(",")) source.addEventListener(type, listen as EventListener);
    return () => source.close();
  }, [key, enabled]);
}
