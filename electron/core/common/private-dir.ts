// The data folder holds customers' names, addresses and photos of their homes: only the person
// who runs Porchlight may read it. On macOS and Linux that is mode 0700, applied to a folder that
// already exists too (mkdir's mode only applies to folders it creates, and the umask may widen
// nothing but can narrow it). On Windows the folder lives in the user's profile, whose default
// ACL already grants only that user (and SYSTEM and Administrators) access.
import { chmodSync, mkdirSync } from 'node:fs'

export const PRIVATE_DIR_MODE = 0o700

export function ensurePrivateDir(dir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (platform !== 'win32') chmodSync(dir, PRIVATE_DIR_MODE)
}
