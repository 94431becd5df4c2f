// The pipeline's codes (run trigger and outcome, a source's dataset and scope) as the reader's words, for the data health and admin pages and their exports.
// Every trigger and outcome of pipelines/run/run-log.ts has a label (checked by the compiler).
import type { RunStatus, RunTrigger } from '../../../../pipelines/run/run-log.ts';
import type { Language } from '../../../../queries/format/vi-format.ts';

type Labels = Record<string, { vi: string; en: string }>;

const RUN_TRIGGERS = {
	manual: { vi: 'Thủ công', en: 'Manual' },
	schedule: { vi: 'Theo lịch', en: 'Scheduled' },
	start: { vi: 'Khi khởi động', en: 'At start' }
} satisfies Record<RunTrigger, Labels[string]>;

const RUN_STATUSES = {
	published: { vi: 'Đã công bố', en: 'Published' },
	nothing_new: { vi: 'Không có tệp mới', en: 'Nothing new' },
	rejected_by_audit: { vi: 'Bị kiểm tra dữ liệu chặn', en: 'Rejected by the data tests' },
	failed: { vi: 'Lỗi', en: 'Failed' }
} satisfies Record<RunStatus, Labels[string]>;

const DATASETS: Labels = {
	initiatives: { vi: 'Sáng kiến', en: 'Initiatives' },
	units: { vi: 'Đơn vị', en: 'Units' }
};

/** A code in the reader's language; a code this product does not know is shown as written. */
const label = (labels: Labels, code: string, language: Language): string => labels[code]?.[language] ?? code;

export const runTriggerLabel = (code: string, language: Language): string => label(RUN_TRIGGERS, code, language);
/** Who started a run, and whether it rebuilt the version from every landed file. */
export const runKindLabel = (run: { trigger: string; rebuild: boolean }, language: Language): string =>
	runTriggerLabel(run.trigger, language) + (run.rebuild ? (language === 'vi' ? ' · dựng lại từ đầu' : ' · rebuilt from scratch') : '');
export const runStatusLabel = (code: string, language: Language): string => label(RUN_STATUSES, code, language);
export const datasetLabel = (code: string, language: Language): string => label(DATASETS, code, language);

/** A source's scope: the whole country ('toan-quoc'), the unit tree ('don-vi'), or a level-1 unit by name and code. */
export function scopeLabel(source: { scope: string; scopeName: string | null }, language: Language): string {
	if (source.scope === 'toan-quoc') return language === 'vi' ? 'Toàn quốc' : 'Nationwide';
	if (source.scope === 'don-vi') return language === 'vi' ? 'Cây đơn vị' : 'Unit tree';
	return source.scopeName ? `${source.scopeName} (${source.scope})` : source.scope;
}
