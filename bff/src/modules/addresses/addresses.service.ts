import type { EntityManager } from 'typeorm';
import {
  ADDRESS_BOOK_LIMIT,
  maskPhone,
  type AddressListResponse,
  type CreateAddressBody,
  type SavedAddress,
  type UpdateAddressBody,
} from '@omni/shared-types';
import { toGcj02 } from '../../algorithms/geo';
import type { Clock } from '../../clock';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import { ConflictError, NotFoundError } from '../../http/errors';
import type { AddressEntity } from './address.entity';
import { sortBook, type AddressesRepository, type NewAddress } from './addresses.repository';

/** The copy of an address that an order keeps; lat/lng GCJ-02. */
export interface OrderAddress {
  contactName: string;
  phone: string;
  address: string;
  detail: string | null;
  lat: number;
  lng: number;
}

/** Maps a stored address to the wire shape; `masked` hides the middle of the phone number. */
export function toSavedAddress(a: AddressEntity, masked = false): SavedAddress {
  return {
    id: a.id,
    contactName: a.contactName,
    phone: masked ? maskPhone(a.phone) : a.phone,
    address: a.address,
    detail: a.detail,
    lat: a.lat,
    lng: a.lng,
    tag: a.tag,
    isDefault: a.defaultUserId !== null,
    lastUsedAt: a.lastUsedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

const notFound = () => new NotFoundError('SAVED_ADDRESS_NOT_FOUND', '收货地址不存在或已删除');

/**
 * The customer address book: at most ADDRESS_BOOK_LIMIT per user and exactly one default
 * whenever the book is not empty, kept inside transactions that lock the user's rows.
 */
export class AddressesService {
  constructor(private readonly deps: { addresses: AddressesRepository; tx: TxRunner; clock: Clock }) {}

  /** The caller's addresses with masked phones, the default first. */
  async list(userId: number): Promise<AddressListResponse> {
    return { items: (await this.deps.addresses.listOf(userId)).map((a) => toSavedAddress(a, true)) };
  }

  /** One of the caller's addresses with the full phone (for the edit form); 404 for anyone else's. */
  async get(userId: number, id: number): Promise<SavedAddress> {
    const a = await this.deps.addresses.findOwned(userId, id);
    if (!a) throw notFound();
    return toSavedAddress(a);
  }

  /** Adds an address; the first one, or one with `isDefault`, becomes the default. */
  async create(userId: number, body: CreateAddressBody): Promise<SavedAddress> {
    const id = await this.inTx(async (m, now) => {
      const book = await this.deps.addresses.lockBook(m, userId);
      if (book.length >= ADDRESS_BOOK_LIMIT) {
        throw new ConflictError(
          'ADDRESS_LIMIT',
          `最多保存 ${ADDRESS_BOOK_LIMIT} 个收货地址，请先删除不用的地址`,
          {
            limit: ADDRESS_BOOK_LIMIT,
          },
        );
      }
      const makeDefault = book.length === 0 || body.isDefault === true;
      if (makeDefault) await this.deps.addresses.clearDefault(m, userId, now);
      const p = toGcj02({ lat: body.lat, lng: body.lng }, body.coord ?? 'gcj02');
      const row = await this.deps.addresses.insert(m, {
        userId,
        contactName: body.contactName,
        phone: body.phone,
        address: body.address,
        detail: body.detail || null,
        lat: p.lat,
        lng: p.lng,
        tag: body.tag || null,
        defaultUserId: makeDefault ? userId : null,
        lastUsedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      return row.id;
    });
    return this.get(userId, id);
  }

  /** Changes an address; `isDefault: true` moves the default here, `false` on the default is refused. */
  async update(userId: number, id: number, body: UpdateAddressBody): Promise<SavedAddress> {
    await this.inTx(async (m, now) => {
      const book = await this.deps.addresses.lockBook(m, userId);
      const target = book.find((a) => a.id === id);
      if (!target) throw notFound();
      const isDefault = target.defaultUserId !== null;
      if (body.isDefault === false && isDefault) {
        throw new ConflictError('DEFAULT_ADDRESS_REQUIRED', '默认地址不能取消，请把另一个地址设为默认');
      }
      const patch: Partial<NewAddress> = { updatedAt: now };
      if (body.contactName !== undefined) patch.contactName = body.contactName;
      if (body.phone !== undefined) patch.phone = body.phone;
      if (body.address !== undefined) patch.address = body.address;
      if (body.detail !== undefined) patch.detail = body.detail || null;
      if (body.tag !== undefined) patch.tag = body.tag || null;
      if (body.lat !== undefined && body.lng !== undefined) {
        const p = toGcj02({ lat: body.lat, lng: body.lng }, body.coord ?? 'gcj02');
        patch.lat = p.lat;
        patch.lng = p.lng;
      }
      await this.deps.addresses.update(m, userId, id, patch);
      if (body.isDefault === true && !isDefault) {
        await this.deps.addresses.clearDefault(m, userId, now);
        await this.deps.addresses.setDefault(m, userId, id, now);
      }
    });
    return this.get(userId, id);
  }

  /** Deletes an address; when it was the default, the most recently used or added one takes over. */
  async remove(userId: number, id: number): Promise<void> {
    await this.inTx(async (m, now) => {
      const book = await this.deps.addresses.lockBook(m, userId);
      const target = book.find((a) => a.id === id);
      if (!target) throw notFound();
      await this.deps.addresses.delete(m, userId, id);
      if (target.defaultUserId === null) return;
      const [next] = sortBook(book.filter((a) => a.id !== id));
      if (next) await this.deps.addresses.setDefault(m, userId, next.id, now);
    });
  }

  /** The copy of the caller's address `id` that an order keeps; 404 when it is not the caller's. */
  async forOrder(userId: number, id: number): Promise<OrderAddress> {
    const a = await this.deps.addresses.findOwned(userId, id);
    if (!a) throw notFound();
    const { contactName, phone, address, detail, lat, lng } = a;
    return { contactName, phone, address, detail, lat, lng };
  }

  /** Inside the order's transaction: marks the address used at `at`; 404 when it was deleted meanwhile. */
  async markUsed(m: EntityManager, userId: number, id: number, at: Date): Promise<void> {
    if (!(await this.deps.addresses.markUsed(m, userId, id, at))) throw notFound();
  }

  // The unique key on the default is the last word: a rare race that trips it is run again.
  private async inTx<T>(work: (m: EntityManager, now: Date) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.deps.tx.run((m) => work(m, this.deps.clock.now()));
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 3) throw err;
      }
    }
  }
}
