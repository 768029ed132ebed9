import {
  AddressListResponse,
  SavedAddress,
  type CreateAddressBody,
  type UpdateAddressBody,
} from '@omni/shared-types';
import { z } from 'zod';
import { ApiError, request } from './request';

/** The caller's address book (phones masked), the default first; errors are left to the caller. */
export async function listAddresses(): Promise<SavedAddress[]> {
  return (await request({ path: '/me/addresses', schema: AddressListResponse, silent: true })).items;
}

/** One address with the full phone, for the edit form. */
export function getAddress(id: number): Promise<SavedAddress> {
  return request({ path: `/me/addresses/${id}`, schema: SavedAddress, silent: true });
}

/** Saves a new address; errors (ADDRESS_INVALID with fields, ADDRESS_LIMIT) are left to the caller. */
export function createAddress(body: CreateAddressBody): Promise<SavedAddress> {
  return request({ method: 'POST', path: '/me/addresses', data: body, schema: SavedAddress, silent: true });
}

/** Changes an address (any subset; `isDefault: true` makes it the default). */
export function updateAddress(id: number, body: UpdateAddressBody): Promise<SavedAddress> {
  return request({
    method: 'PATCH',
    path: `/me/addresses/${id}`,
    data: body,
    schema: SavedAddress,
    silent: true,
  });
}

/** Deletes an address (204). */
export async function deleteAddress(id: number): Promise<void> {
  await request({ method: 'DELETE', path: `/me/addresses/${id}`, schema: z.unknown(), silent: true });
}

const FieldIssues = z.object({ fields: z.array(z.object({ path: z.string(), message: z.string() })) });

/** Field → first Chinese message, from a 400 ADDRESS_INVALID (or a local zod check) of the address form. */
export function addressFieldErrors(err: unknown): Record<string, string> {
  const issues =
    err instanceof z.ZodError
      ? err.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }))
      : err instanceof ApiError
        ? (FieldIssues.safeParse(err.details).data?.fields ?? [])
        : [];
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path] ??= i.message;
  return out;
}

// The address chosen on 收货地址 in picker mode, handed back to 结算 when it shows again.
let picked: SavedAddress | null = null;

/** Remembers the address the customer picked for checkout. */
export function pickAddress(a: SavedAddress): void {
  picked = a;
}

/** The address picked since the last call, once. */
export function takePickedAddress(): SavedAddress | null {
  const a = picked;
  picked = null;
  return a;
}
