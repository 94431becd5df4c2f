// Loads the validation SQL models (warehouse/sql/validate/*.sql) and fills their {{placeholders}} with checked identifiers and literals.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { quoteLiteral } from '../stage/sql-text.ts';

const directory = fileURLToPath(new URL('../../warehouse/sql/validate/', import.meta.url));
const cache = new Map<string, string>();

/** Text of a validation model by file name without ".sql". */
export function validationSql(name: string): string {
	let text = cache.get(name);
	if (text === undefined) {
		text = readFileSync(`${directory}${name}.sql`, 'utf8');
		cache.set(name, text);
	}
	return text;
}

export type TemplateValue =
	| { identifier: string }
	| { integer: number }
	| { text: string | null }
	| { timestamp: string };

function render(value: TemplateValue): string {
	if ('identifier' in value) {
		if (!/^[a-z_][a-z0-9_]*$/u.test(value.identifier)) throw new Error(`bad identifier ${value.identifier}`);
		return value.identifier;
	}
	if ('integer' in value) {
		if (!Number.isSafeInteger(value.integer)) throw new Error(`bad integer ${value.integer}`);
		return String(value.integer);
	}
	if ('timestamp' in value) {
		if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/u.test(value.timestamp)) throw new Error(`bad timestamp ${value.timestamp}`);
		return `TIMESTAMP '${value.timestamp.replace('T', ' ')}'`;
	}
	return value.text === null ? 'NULL::VARCHAR' : quoteLiteral(value.text);
}

/** The model with every {{name}} replaced; throws on a placeholder without a value. */
export function fillTemplate(sql: string, values: Record<string, TemplateValue>): string {
	return sql.replace(/\{\{(\w+)\}\}/gu, (_, name: string) => {
		const value = values[name];
		if (value === undefined) throw new Error(`no value for {{${name}}}`);
		return render(value);
	});
}
