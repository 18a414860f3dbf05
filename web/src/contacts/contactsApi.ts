/** Contacts' calls (personal address books, groups, vCard files) and the company directory,
 * all through the generated client of the public API. */
import { api, must, type Schemas } from "../api/client";

export type Contact = Schemas["Contact"];
export type Group = Schemas["ContactGroup"];
export type Book = Schemas["AddressBook"];
export type Person = Schemas["Account"];
export type Department = Schemas["Department"];

export async function listBooks(account: string): Promise<Book[]> {
  return must(await api.GET("/v1/accounts/{account}/contacts/address_books", { params: { path: { account } } })).data;
}

export async function createBook(account: string, name: string): Promise<Book> {
  return must(await api.POST("/v1/accounts/{account}/contacts/address_books", { params: { path: { account } }, body: { name, description: "" } }));
}

export async function listContacts(account: string, book: string, q: string, group: string): Promise<Contact[]> {
  const query: Record<string, string | number> = { address_book_id: book, limit: 500 };
  if (q) query.q = q;
  if (group) query.group_id = group;
  return must(await api.GET("/v1/accounts/{account}/contacts", { params: { path: { account }, query } })).data;
}

export async function createContact(account: string, body: Schemas["ContactCreate"]): Promise<Contact> {
  return must(await api.POST("/v1/accounts/{account}/contacts", { params: { path: { account } }, body }));
}

export async function deleteContact(account: string, id: string): Promise<void> {
  const r = await api.DELETE("/v1/accounts/{account}/contacts/{contact_id}", { params: { path: { account, contact_id: id } } });
  if (!r.response.ok) must(r);
}

export async function listGroups(account: string, book: string): Promise<Group[]> {
  return must(await api.GET("/v1/accounts/{account}/contacts/groups", { params: { path: { account }, query: { address_book_id: book } } })).data;
}

export async function createGroup(account: string, book: string, name: string): Promise<Group> {
  return must(await api.POST("/v1/accounts/{account}/contacts/groups", { params: { path: { account } }, body: { name, address_book_id: book, member_ids: [] } }));
}

export async function setGroupMembers(account: string, group: Group, memberIds: string[]): Promise<Group> {
  return must(await api.PATCH("/v1/accounts/{account}/contacts/groups/{group_id}", {
    params: { path: { account, group_id: group.id } }, body: { member_ids: memberIds },
  }));
}

export async function deleteGroup(account: string, id: string): Promise<void> {
  const r = await api.DELETE("/v1/accounts/{account}/contacts/groups/{group_id}", { params: { path: { account, group_id: id } } });
  if (!r.response.ok) must(r);
}

export async function importVcards(account: string, book: string, text: string): Promise<Schemas["ContactImportResult"]> {
  return must(await api.POST("/v1/accounts/{account}/contacts/address_books/{address_book_id}/import", {
    params: { path: { account, address_book_id: book } },
    body: text, bodySerializer: (b: string) => b, headers: { "Content-Type": "text/vcard" },
  }));
}

export async function exportVcards(account: string, book: string): Promise<Blob> {
  const r = await api.GET("/v1/accounts/{account}/contacts/address_books/{address_book_id}/export", {
    params: { path: { account, address_book_id: book } }, parseAs: "blob",
  });
  return must(r) as Blob;
}

export async function listDepartments(): Promise<Department[]> {
  return must(await api.GET("/v1/departments", { params: { query: { limit: 500 } } })).data;
}

export async function searchDirectory(q: string, department: string): Promise<Person[]> {
  const query: Record<string, string | number | boolean> = { limit: 50 };
  if (q) query.q = q;
  if (department) {
    query.department_id = department;
    query.include_subdepartments = true;
  }
  return must(await api.GET("/v1/accounts", { params: { query } })).data;
}
