/** The settings screen's calls: the person's profile, mail settings and app passwords, through
 * the generated client. */
import { api, must, type Schemas } from "../api/client";

export type MailSettings = Schemas["MailSettings"];
export type MailSettingsUpdate = Schemas["MailSettingsUpdate"];
export type AppPassword = Schemas["AppPassword"];
export type Me = Schemas["Me"];
export type MeUpdate = Schemas["MeUpdate"];
export type AppPasswordCreated = Schemas["AppPasswordCreated"];

export async function getSettings(account: string): Promise<MailSettings> {
  return must(await api.GET("/v1/accounts/{account}/mail/settings", { params: { path: { account } } }));
}

export async function saveSettings(account: string, patch: MailSettingsUpdate): Promise<MailSettings> {
  return must(await api.PATCH("/v1/accounts/{account}/mail/settings", { params: { path: { account } }, body: patch }));
}

export async function listAppPasswords(account: string): Promise<AppPassword[]> {
  return must(await api.GET("/v1/accounts/{account}/app-passwords", { params: { path: { account } } })).data;
}

export async function createAppPassword(account: string, name: string): Promise<AppPasswordCreated> {
  return must(await api.POST("/v1/accounts/{account}/app-passwords", { params: { path: { account } }, body: { name } }));
}

export async function revokeAppPassword(account: string, id: string): Promise<void> {
  const result = await api.DELETE("/v1/accounts/{account}/app-passwords/{app_password_id}", {
    params: { path: { account, app_password_id: id } },
  });
  if (!result.response.ok) must(result as { data?: unknown; error?: unknown; response: Response });
}

export async function saveProfile(patch: MeUpdate): Promise<Me> {
  return must(await api.PATCH("/v1/me", { body: patch }));
}
