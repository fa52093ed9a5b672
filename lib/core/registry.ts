/**
 * The one registry helper: claims and exercises register themselves the same way (unique ids,
 * listed by id, looked up with an error that names the known ids).
 */
import { fail } from './errors';
import { messages } from './messages';

export interface Registry<T extends { id: string }> {
  /** Registers an item (ids must be unique) and returns it. */
  define<U extends T>(item: U): U;
  /** Every registered item, sorted by id. */
  list(): T[];
  /** The item with this id, or a module-prefixed error listing the known ids. */
  get(id: string): T;
}

/**
 * A registry whose errors name `module` and call its items `noun`.
 *
 * @example
 * const claims = createRegistry<Claim>('claims/ledger', 'claim');
 * claims.define(myClaim); claims.get('01-search-retargetable');
 */
export function createRegistry<T extends { id: string }>(module: string, noun: string): Registry<T> {
  const items = new Map<string, T>();
  const list = () => [...items.values()].sort((a, b) => a.id.localeCompare(b.id));
  return {
    define(item) {
      if (items.has(item.id)) fail(module, messages.registryDuplicate(noun, item.id));
      items.set(item.id, item);
      return item;
    },
    list,
    get(id) {
      const item = items.get(id);
      if (!item) fail(module, messages.registryUnknown(noun, id, list().map((i) => i.id)));
      return item;
    },
  };
}
