/**
 * The aliases a reader sees as other names of an actor: not the name again, nor an earlier alias, in other capitals
 * ("Iraqi Government" beside "Iraqi government"). Such aliases are there for the stories' mentions, which match
 * names as written.
 */
export function alsoCalled(name: string, aliases: readonly string[]): string[] {
	const seen = new Set([name.toLocaleLowerCase('en')]);
	return aliases.filter((alias) => {
		const key = alias.toLocaleLowerCase('en');
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
