/** Adds `item` to the list `map` holds at `key`, starting the list if there is none. */
export function appendTo<Key, Item>(map: Map<Key, Item[]>, key: Key, item: Item): void {
	const list = map.get(key);
	if (list) list.push(item);
	else map.set(key, [item]);
}
