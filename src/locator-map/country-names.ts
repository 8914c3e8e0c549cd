/** Names newsrooms use for the atlas's countries (`USA`, `Gaza`, `Burma`), so a check can give the atlas's own. */
import { idFromText } from '../utils/ids';
import { once } from '../utils/once';
import { countriesByName } from './atlas';

/**
 * Other names for countries of the atlas, by the atlas's name: English and official long forms, abbreviations,
 * former names, and the parts of a country a story names instead (Gaza and the West Bank are the atlas's
 * Palestine). Only names that mean one country of the atlas: not "Korea" (two) or "Rhodesia" (two).
 */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
	'Antigua and Barb.': ['Antigua and Barbuda'],
	'Bosnia and Herz.': ['Bosnia and Herzegovina', 'Bosnia-Herzegovina', 'Bosnia'],
	'Br. Indian Ocean Ter.': ['British Indian Ocean Territory', 'Chagos Islands'],
	'British Virgin Is.': ['British Virgin Islands'],
	Brunei: ['Brunei Darussalam'],
	'Cabo Verde': ['Cape Verde'],
	'Cayman Is.': ['Cayman Islands'],
	'Central African Rep.': ['Central African Republic', 'CAR'],
	China: ["People's Republic of China", 'PRC', 'Mainland China'],
	Congo: ['Republic of the Congo', 'Republic of Congo', 'Congo-Brazzaville'],
	'Cook Is.': ['Cook Islands'],
	Czechia: ['Czech Republic'],
	"Côte d'Ivoire": ['Ivory Coast'],
	'Dem. Rep. Congo': [
		'Democratic Republic of the Congo',
		'Democratic Republic of Congo',
		'DR Congo',
		'DRC',
		'Congo-Kinshasa',
		'Zaire',
	],
	'Dominican Rep.': ['Dominican Republic'],
	'Eq. Guinea': ['Equatorial Guinea'],
	'Faeroe Is.': ['Faroe Islands', 'Faroes'],
	'Falkland Is.': ['Falkland Islands', 'Falklands'],
	'Fr. Polynesia': ['French Polynesia'],
	'Fr. S. Antarctic Lands': ['French Southern and Antarctic Lands', 'French Southern Territories'],
	'Heard I. and McDonald Is.': ['Heard Island and McDonald Islands'],
	Iran: ['Islamic Republic of Iran', 'Persia'],
	Ireland: ['Republic of Ireland', 'Eire'],
	Kyrgyzstan: ['Kyrgyz Republic'],
	Laos: ['Lao PDR', "Lao People's Democratic Republic"],
	Macao: ['Macau'],
	Macedonia: ['North Macedonia'],
	'Marshall Is.': ['Marshall Islands'],
	Micronesia: ['Federated States of Micronesia'],
	Moldova: ['Republic of Moldova'],
	Myanmar: ['Burma'],
	'N. Cyprus': ['Northern Cyprus', 'Turkish Republic of Northern Cyprus', 'TRNC'],
	'N. Mariana Is.': ['Northern Mariana Islands'],
	Netherlands: ['Holland'],
	'North Korea': ["Democratic People's Republic of Korea", 'DPRK'],
	Palestine: [
		'State of Palestine',
		'Palestinian Territories',
		'Occupied Palestinian Territories',
		'Occupied Palestinian Territory',
		'Gaza',
		'Gaza Strip',
		'West Bank',
	],
	'Pitcairn Is.': ['Pitcairn Islands'],
	Russia: ['Russian Federation'],
	'S. Geo. and the Is.': ['South Georgia and the South Sandwich Islands', 'South Georgia'],
	'S. Sudan': ['South Sudan'],
	'Solomon Is.': ['Solomon Islands'],
	'South Korea': ['Republic of Korea'],
	'Sri Lanka': ['Ceylon'],
	'St. Kitts and Nevis': ['Saint Kitts and Nevis'],
	'St. Pierre and Miquelon': ['Saint Pierre and Miquelon'],
	'St. Vin. and Gren.': ['Saint Vincent and the Grenadines', 'St. Vincent and the Grenadines'],
	'St-Barthélemy': ['Saint Barthélemy', 'St. Barts'],
	'St-Martin': ['Saint Martin'],
	Syria: ['Syrian Arab Republic'],
	Tanzania: ['United Republic of Tanzania'],
	Thailand: ['Siam'],
	'Timor-Leste': ['East Timor'],
	Turkey: ['Türkiye', 'Republic of Türkiye'],
	'Turks and Caicos Is.': ['Turks and Caicos Islands'],
	'U.S. Virgin Is.': ['United States Virgin Islands', 'US Virgin Islands'],
	'United Arab Emirates': ['UAE', 'Emirates'],
	'United Kingdom': ['UK', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
	'United States of America': ['United States', 'USA', 'US'],
	Vatican: ['Vatican City', 'Holy See'],
	Vietnam: ['Viet Nam'],
	'W. Sahara': ['Western Sahara'],
	'Wallis and Futuna Is.': ['Wallis and Futuna'],
	eSwatini: ['Swaziland'],
	Åland: ['Aland Islands', 'Åland Islands'],
};

/**
 * A country's name as matching compares it: without case, accents, punctuation, spaces or a leading "the", and
 * with "&" read as "and", so `U.S.`, `Cote d’Ivoire` and `The Gambia` meet `US`, `Côte d'Ivoire` and `Gambia`.
 */
export function countryKey(name: string): string {
	return idFromText(name.replaceAll('&', ' and ')).replace(/^the-/, '').replaceAll('-', '');
}

/** The atlas's name for each country key, of its own names and of the aliases (a unit test keeps them apart). */
export const atlasNamesByKey = once((): ReadonlyMap<string, string> => {
	const byKey = new Map<string, string>();
	for (const name of countriesByName().keys()) byKey.set(countryKey(name), name);
	for (const [name, aliases] of Object.entries(COUNTRY_ALIASES)) {
		for (const alias of aliases) byKey.set(countryKey(alias), name);
	}
	return byKey;
});

/** The atlas's name for a country written otherwise (`Gaza`, `USA`, `syria`), if it is one. */
export const atlasNameFor = (written: string): string | undefined => atlasNamesByKey().get(countryKey(written));

/** Atlas names that show an editor how it spells countries: a long form, an abbreviation, a disputed territory. */
export const ATLAS_SPELLING_EXAMPLES = ['United States of America', 'Dem. Rep. Congo', 'Palestine'] as const;
