/**
 * Whether the browser can hold a file before it is applied: the size limit and the
 * browser's estimate of its free space (core/run/storage-limits.ts decides).
 */
import { roomForFile, type RoomCheck, type StorageEstimate } from '../../core/run/storage-limits.ts';

/** `limit`: the largest file of its kind (roomForFile's default: a progress JSON file). */
export async function roomFor(bytes: number, limit?: number): Promise<RoomCheck> {
  let estimate: StorageEstimate | null = null;
  try {
    estimate = (await navigator.storage?.estimate?.()) ?? null;
  } catch {
    estimate = null;
  }
  return roomForFile(bytes, estimate, limit);
}
