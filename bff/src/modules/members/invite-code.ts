import { createHash, randomInt } from 'node:crypto';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '@omni/shared-types';

/** A fresh invite code: 8 characters of an alphabet without look-alikes (about 40 bits). */
export function newInviteCode(): string {
  let out = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++)
    out += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)];
  return out;
}

/** What is stored of a code (SHA-256, hex): a leaked table does not hand out live invites. */
export function inviteCodeHash(code: string): string {
  return createHash('sha256').update(code.toUpperCase()).digest('hex');
}

/** The mini-program page that binds an invite, with the code (the QR code's path and scene). */
export function inviteScene(code: string): string {
  return `pages/member-bind/index?code=${code}`;
}
