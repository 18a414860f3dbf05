/** The calendar's calls, all through the generated client of the public API. */
import { api, must, type Schemas } from "../api/client";

export type CalEvent = Schemas["Event"];
export type EventCreate = Schemas["EventCreate"];
export type EventUpdate = Schemas["EventUpdate"];
export type AttendeeIn = Schemas["AttendeeIn"];
export type Room = Schemas["Room"];
export type Schedule = Schemas["Schedule"];
export type FindTimeResult = Schemas["FindTimeResult"];
export type Answer = "accepted" | "declined" | "tentative";
export type Scope = "this" | "following" | "series";

export async function listEvents(account: string, start: Date, end: Date): Promise<CalEvent[]> {
  const out: CalEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = must(await api.GET("/v1/accounts/{account}/calendar/events", {
      params: { path: { account }, query: { start: start.toISOString(), end: end.toISOString(), limit: 500, ...(cursor ? { cursor } : {}) } },
    }));
    out.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

export async function getEvent(account: string, id: string): Promise<CalEvent> {
  return must(await api.GET("/v1/accounts/{account}/calendar/events/{event_id}", { params: { path: { account, event_id: id } } }));
}

export async function createEvent(account: string, body: EventCreate): Promise<CalEvent> {
  return must(await api.POST("/v1/accounts/{account}/calendar/events", { params: { path: { account } }, body }));
}

export async function updateEvent(account: string, id: string, body: EventUpdate, scope?: Scope): Promise<CalEvent> {
  return must(await api.PATCH("/v1/accounts/{account}/calendar/events/{event_id}", {
    params: { path: { account, event_id: id }, query: scope ? { scope } : {} }, body,
  }));
}

export async function deleteEvent(account: string, id: string, scope?: Scope): Promise<void> {
  const r = await api.DELETE("/v1/accounts/{account}/calendar/events/{event_id}", {
    params: { path: { account, event_id: id }, query: scope ? { scope } : {} },
  });
  if (!r.response.ok) must(r);
}

export async function respond(account: string, id: string, response: Answer): Promise<CalEvent> {
  return must(await api.POST("/v1/accounts/{account}/calendar/events/{event_id}/respond", {
    params: { path: { account, event_id: id } }, body: { response, send_response: true },
  }));
}

export async function listRooms(): Promise<Room[]> {
  return must(await api.GET("/v1/calendar/rooms", { params: { query: { limit: 200 } } })).data;
}

export async function freeBusy(attendees: string[], start: Date, end: Date): Promise<Schedule[]> {
  return must(await api.POST("/v1/calendar/freebusy", {
    body: { attendees, start: start.toISOString(), end: end.toISOString() },
  })).schedules;
}

export async function findTimes(
  attendees: string[], rooms: string[], start: Date, end: Date, minutes: number, zone: string,
): Promise<FindTimeResult> {
  return must(await api.POST("/v1/calendar/freebusy/find", {
    body: {
      attendees, rooms, start: start.toISOString(), end: end.toISOString(), duration_minutes: minutes,
      step_minutes: 30, max_results: 6, working_hours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00", time_zone: zone },
    },
  }));
}
