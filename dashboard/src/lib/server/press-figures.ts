// The press room's quotable figures: each a sentence in Vietnamese number style with its as-of phrase, definition, source and version (national or one unit), and the dataset that exports them.
import { DEFINITIONS, SOURCE, SOURCE_TEXT, type MetricKey } from '../../../../queries/definitions.ts';
import { formatAsOfPhrase, formatInteger, formatPercent, formatVnd, formatDateTime, type Language } from '../../../../queries/format/vi-format.ts';
import { milestones } from '../../../../queries/milestones.ts';
import { targets } from '../../../../queries/targets.ts';
import { totals } from '../../../../queries/totals.ts';
import type { Stamp } from '../../../../queries/query-context.ts';
import { tr } from '../components/links.ts';
import type { DatasetContext, DatasetFunction } from './dataset-types.ts';

export const PRESS_FIGURES = ['onPortal', 'valid', 'benefit', 'attainment', 'metCount', 'authors', 'participating', 'milestones'] as const;
export type PressFigure = (typeof PRESS_FIGURES)[number];

export interface PressCard {
	key: PressFigure;
	label: string;
	/** The sentence to quote: "163.532 sáng kiến tính đến 8 giờ ngày 20/4/2022". */
	quote: string;
	value: number | string | null;
	definition: string;
	asOf: string;
	asOfText: string;
	/** The source as it reads after the "Nguồn" label. */
	source: string;
	version: string;
	/** Quote, unit, source and version in one line for the clipboard. */
	citation: string;
}

const definitionKey: Record<PressFigure, MetricKey> = {
	onPortal: 'onPortal', valid: 'valid', benefit: 'benefit', attainment: 'attainment', metCount: 'attainment', authors: 'authors', participating: 'participating', milestones: 'milestones'
};

/** The chosen figures of a unit (default the nation) as of T. Aggregates: every viewer. */
export async function pressCards(context: DatasetContext, options: { unit?: string; figures: readonly PressFigure[] }): Promise<{ stamp: Stamp; unitName: string; cards: PressCard[] }> {
	const { db, viewer, asOf, language: lang } = context;
	const [t, g] = await Promise.all([totals(db, { viewer, asOf, unit: options.unit }), targets(db, { viewer, asOf, unit: options.unit })]);
	const m = options.figures.includes('milestones') && t.unit.level === 0 ? await milestones(db, { viewer, asOf }) : null;
	const when = formatAsOfPhrase(t.asOf, lang);
	const place = t.unit.level === 0 ? tr(lang, 'toàn quốc', 'nationwide') : t.unit.name;
	const n = (v: number) => formatInteger(v, lang);
	const sentences: Record<PressFigure, () => [string, number | string | null] | null> = {
		onPortal: () => [tr(lang, `${n(t.onPortal)} sáng kiến (${place}) tính đến ${when}`, `${n(t.onPortal)} initiatives (${place}) as of ${when}`), t.onPortal],
		valid: () => [tr(lang, `${n(t.valid)} sáng kiến hợp lệ (${place}) tính đến ${when}`, `${n(t.valid)} valid initiatives (${place}) as of ${when}`), t.valid],
		benefit: () => [tr(lang, `${formatVnd(t.benefit, lang)} giá trị làm lợi mỗi năm (${place}) tính đến ${when}`, `${formatVnd(t.benefit, lang)} of benefit a year (${place}) as of ${when}`), t.benefit],
		attainment: () => (g.attainment === null ? null : [tr(lang, `${place} đạt ${formatPercent(g.attainment, lang)} chỉ tiêu tính đến ${when}`, `${place}: ${formatPercent(g.attainment, lang)} of target as of ${when}`), g.attainment]),
		metCount: () => (g.subUnits.withTarget === 0 ? null : [tr(lang, `${g.subUnits.met}/${g.subUnits.withTarget} đơn vị trực thuộc (${place}) hoàn thành chỉ tiêu tính đến ${when}`, `${g.subUnits.met} of ${g.subUnits.withTarget} sub-units (${place}) met their target as of ${when}`), `${g.subUnits.met}/${g.subUnits.withTarget}`]),
		authors: () => [tr(lang, `${n(t.authors)} tác giả có sáng kiến trên hệ thống (${place}) tính đến ${when}`, `${n(t.authors)} authors (${place}) as of ${when}`), t.authors],
		participating: () => [tr(lang, `${n(t.participatingGrassroots)} công đoàn cơ sở tham gia (${place}) tính đến ${when}`, `${n(t.participatingGrassroots)} grassroots unions took part (${place}) as of ${when}`), t.participatingGrassroots],
		milestones: () => {
			const reached = m?.milestones.filter((x) => x.reachedAt) ?? [];
			if (reached.length === 0) return null;
			const last = reached.at(-1)!;
			return [tr(lang, `Sáng kiến thứ ${n(last.threshold)} được cập nhật lúc ${formatAsOfPhrase(last.reachedAt!, 'vi')}`, `The ${n(last.threshold)}th initiative arrived at ${formatDateTime(last.reachedAt!)}`), last.reachedAt];
		}
	};
	const version = t.version ?? '—';
	const cards = options.figures.flatMap((key): PressCard[] => {
		const sentence = sentences[key]();
		if (!sentence) return [];
		const [phrase, value] = sentence;
		// a sentence to quote starts with a capital ("Toàn quốc đạt …"; numbers and unit names already do)
		const quote = phrase.charAt(0).toLocaleUpperCase(lang) + phrase.slice(1);
		const d = DEFINITIONS[definitionKey[key]];
		const label = key === 'metCount' ? tr(lang, 'Đơn vị đạt chỉ tiêu', 'Units that met target') : lang === 'vi' ? d.labelVi : d.labelEn;
		return [{
			key, label, quote, value,
			definition: lang === 'vi' ? d.vi : d.en,
			asOf: t.asOf,
			asOfText: `${when} (${formatDateTime(t.asOf)})`,
			source: SOURCE_TEXT[lang],
			version,
			citation: `${quote}. ${SOURCE[lang]}; ${tr(lang, 'phiên bản dữ liệu', 'warehouse version')} ${version}.`
		}];
	});
	return { stamp: t, unitName: t.unit.name, cards };
}

/** The chosen press figures as a table (figure, quote, value, as-of, definition). */
export const pressDataset: DatasetFunction = async (context, params) => {
	const figures = (params.so?.split(',') ?? PRESS_FIGURES).filter((f): f is PressFigure => (PRESS_FIGURES as readonly string[]).includes(f));
	const { stamp, unitName, cards } = await pressCards(context, { unit: params.unit, figures: figures.length ? figures : PRESS_FIGURES });
	const lang: Language = context.language;
	return {
		id: 'bao-chi',
		title: tr(lang, `Số liệu cho báo chí – ${unitName}`, `Figures for the press – ${unitName}`),
		definition: tr(lang, 'Mỗi dòng ghi định nghĩa của số liệu.', 'Each row carries its definition.'),
		stamp,
		filters: [{ label: tr(lang, 'Đơn vị', 'Unit'), value: unitName }],
		table: {
			columns: [
				{ key: 'label', label: tr(lang, 'Số liệu', 'Figure'), kind: 'text' },
				{ key: 'quote', label: tr(lang, 'Câu trích dẫn', 'Quote'), kind: 'text' },
				{ key: 'asOf', label: tr(lang, 'Tính đến', 'As of'), kind: 'datetime' },
				{ key: 'definition', label: tr(lang, 'Định nghĩa', 'Definition'), kind: 'text' }
			],
			rows: cards.map((c) => ({ label: c.label, quote: c.quote, asOf: c.asOf, definition: c.definition }))
		}
	};
};
